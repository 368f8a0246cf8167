// Staff: the input (innspill) sent to an event, grouped by theme, with the sender's contact
// details (staff only). Move to another theme, hide spam, and make a follow-up item in one click.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { STATUS_NAMES_NB, type FollowUpStatus } from "~/modules/followup/followup.schema";
import { createItemFromInput } from "~/modules/followup/followup.server";
import { staffInputSchema } from "~/modules/input/input.schema";
import { changeInputTheme, listInputByTheme, setInputHidden } from "~/modules/input/input.server";
import { THEMES, themeLabel } from "~/modules/input/themes";
import { formatDateTime, formatPhone } from "~/utils/format";
import { StaffRouteError } from "~/components/staff-route-error";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Innspill – ${data?.event.title ?? "Arrangement"} – Samhandling` }];
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  return { event: { id: event.id, title: event.title, slug: event.slug, kind: event.kind }, ...(await listInputByTheme(event.id)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const formData = await request.formData().catch(() => null);
  const parsed = staffInputSchema.safeParse(formData ? Object.fromEntries(formData) : {});
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "Vi kunne ikke lese skjemaet." }, { status: 400 });
  const actor = actorOf(staff);
  const base = `/admin/events/${event.id}`;
  const v = parsed.data;
  switch (v.intent) {
    case "theme": {
      const ok = await changeInputTheme(actor, event.id, v.inputId, v.theme);
      return ok ? redirect(`${base}/input?flyttet=1#input-${v.inputId}`) : data({ error: "Fant ikke innspillet." }, { status: 404 });
    }
    case "hide":
    case "unhide": {
      const changed = await setInputHidden(actor, event.id, v.inputId, v.intent === "hide");
      return changed
        ? redirect(`${base}/input?${v.intent === "hide" ? "skjult" : "vist"}=1#input-${v.inputId}`)
        : data({ error: v.intent === "hide" ? "Innspillet var allerede skjult." : "Innspillet var ikke skjult." }, { status: 409 });
    }
    case "follow-up": {
      const outcome = await createItemFromInput(actor, event.id, v.inputId);
      if (!outcome.ok) {
        return data(
          { error: outcome.reason === "hidden" ? "Et skjult innspill kan ikke følges opp. Vis det igjen først." : "Fant ikke innspillet." },
          { status: outcome.reason === "hidden" ? 409 : 404 },
        );
      }
      return redirect(`${base}/followup/${outcome.itemId}?${outcome.created ? "opprettet" : "fantes"}=1`);
    }
  }
}

export default function AdminInput() {
  const { event, groups, total, hidden } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = params.get("flyttet")
    ? "Innspillet er flyttet til et annet tema."
    : params.get("skjult")
      ? "Innspillet er skjult."
      : params.get("vist")
        ? "Innspillet vises igjen."
        : null;
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/events">Arrangementer</Link>
        {" › "}
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>Innspill: {event.title}</h1>
      <p>
        {total} innspill{hidden ? `, ${hidden} skjult som spam` : ""}. Innsendernes kontaktopplysninger er bare for dere; de vises aldri
        offentlig. <Link to={`/admin/events/${event.id}/followup`}>Referat og oppfølging</Link>
      </p>
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="error-summary" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {groups.length === 0 ? <p>Ingen innspill ennå.</p> : null}
      {groups.map((g) => (
        <section key={g.theme} aria-labelledby={`theme-${g.theme}`}>
          <h2 id={`theme-${g.theme}`}>
            {g.label} ({g.count})
          </h2>
          <p className="meta">
            Før møtet: {g.before} · etter møtet: {g.after}
            {g.hidden ? ` · skjult: ${g.hidden}` : ""}
          </p>
          <ul className="event-list">
            {g.inputs.map((input) => (
              <li key={input.id} id={`input-${input.id}`} className="event-card">
                <p className="meta">
                  {formatDateTime(new Date(input.createdAt))} · {input.phase === "BEFORE" ? "før møtet" : "etter møtet"} · språk: {input.locale}
                  {input.hiddenAt ? <strong> · Skjult som spam</strong> : null}
                </p>
                <p className="feedback-message">{input.text}</p>
                <p className="meta">
                  {input.anonymisedAt
                    ? "Kontaktopplysningene er slettet."
                    : input.name || input.email || input.phone
                      ? `Kontakt: ${[input.name, input.email, input.phone ? formatPhone(input.phone) : null].filter(Boolean).join(", ")}`
                      : "Ingen kontaktopplysninger"}
                </p>
                <div className="actions">
                  {input.followUp ? (
                    <p>
                      <Link to={`/admin/events/${event.id}/followup/${input.followUp.id}`}>
                        Oppfølging opprettet ({STATUS_NAMES_NB[input.followUp.status as FollowUpStatus] ?? input.followUp.status})
                      </Link>
                    </p>
                  ) : input.hiddenAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="follow-up" />
                      <input type="hidden" name="inputId" value={input.id} />
                      <button type="submit" className="small primary">
                        Lag oppfølgingspunkt
                      </button>
                    </Form>
                  )}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="theme" />
                    <input type="hidden" name="inputId" value={input.id} />
                    <label htmlFor={`theme-of-${input.id}`}>Tema</label>{" "}
                    <select id={`theme-of-${input.id}`} name="theme" defaultValue={input.theme}>
                      {THEMES.map((t) => (
                        <option key={t} value={t}>
                          {themeLabel(t)}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" className="small">
                      Flytt
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value={input.hiddenAt ? "unhide" : "hide"} />
                    <input type="hidden" name="inputId" value={input.id} />
                    <button type="submit" className="small">
                      {input.hiddenAt ? "Vis igjen" : "Skjul som spam"}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <StaffRouteError notFound="Fant ikke arrangementet" fallback="Innspillene kunne ikke vises. Prøv igjen om litt." />;
}
