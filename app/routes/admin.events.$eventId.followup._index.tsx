// Staff: after the meeting - the minutes (save, publish, unpublish) and the follow-up items
// (list and a new one by hand). Items from input and live questions are made in one click there.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { ErrorSummary, TextAreaField } from "~/modules/admin-events/staff-form";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { FollowUpItemForm } from "~/modules/followup/followup-item-form";
import { followUpItemSchema, minutesSchema, moveItemSchema, STATUS_NAMES_NB, UNASSIGNED_UNIT, type FollowUpStatus } from "~/modules/followup/followup.schema";
import { createItem, listStaffItems, moveItem, saveMinutes } from "~/modules/followup/followup.server";
import { formatDateTime } from "~/utils/format";
import { StaffRouteError } from "~/components/staff-route-error";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Referat og oppfølging – ${data?.event.title ?? "Arrangement"} – Samhandling` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  return {
    event: { id: event.id, title: event.title, slug: event.slug, status: event.status, minutes: event.minutes, minutesPublishedAt: event.minutesPublishedAt },
    items: await listStaffItems(event.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const formData = await request.formData().catch(() => null);
  const base = `/admin/events/${event.id}/followup`;
  if (!formData) return data({ intent: "unknown", result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  const intent = String(formData.get("intent") ?? "");
  if (intent === "move") {
    const parsed = moveItemSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ intent, result: { status: "error" as const, error: { "": [parsed.error.issues[0]?.message ?? "Ukjent handling."] } } }, { status: 400 });
    const moved = await moveItem(actorOf(staff), event.id, parsed.data.itemId, parsed.data.direction);
    return redirect(`${base}${moved ? "?flyttet=1" : ""}#items-heading`);
  }
  if (intent === "new-item") {
    const submission = parseWithZod(formData, { schema: followUpItemSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const item = await createItem(actorOf(staff), event.id, submission.value);
    if (!item) throw new Response("Fant ikke arrangementet.", { status: 404 });
    return redirect(`${base}?lagtTil=1#items-heading`);
  }
  const submission = parseWithZod(formData, { schema: minutesSchema });
  if (submission.status !== "success") return data({ intent: "minutes", result: submission.reply() }, { status: 400 });
  const { intent: action, minutes } = submission.value;
  if (action === "publish-minutes" && minutes.length === 0) {
    return data({ intent: "minutes", result: submission.reply({ fieldErrors: { minutes: ["Skriv referatet før du publiserer det."] } }) }, { status: 400 });
  }
  await saveMinutes(actorOf(staff), event.id, minutes, action === "publish-minutes" ? "publish" : action === "unpublish-minutes" ? "unpublish" : "save");
  return redirect(`${base}?referat=${action === "publish-minutes" ? "publisert" : action === "unpublish-minutes" ? "avpublisert" : "lagret"}#minutes-heading`);
}

function MinutesForm({ minutes, published, lastResult }: { minutes: string; published: boolean; lastResult: unknown }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "minutes",
    lastResult: navigation.state === "idle" ? (lastResult as never) : undefined,
    defaultValue: { minutes },
    constraint: getZodConstraint(minutesSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: minutesSchema }),
  });
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={{ minutes: "Referat" }} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <TextAreaField field={fields.minutes} label="Referat" help="Ren tekst; en tom linje skiller avsnitt. Skriv ikke personopplysninger om innbyggere." rows={12} />
        <p className="actions">
          <button type="submit" name="intent" value="save-minutes">
            Lagre utkast
          </button>{" "}
          <button type="submit" name="intent" value="publish-minutes" className="primary">
            {published ? "Lagre og vis oppdatert referat" : "Publiser referatet"}
          </button>{" "}
          {published ? (
            <button type="submit" name="intent" value="unpublish-minutes">
              Avpubliser referatet
            </button>
          ) : null}
        </p>
      </Form>
    </>
  );
}

export default function AdminFollowUp() {
  const { event, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const minutesNotice = { publisert: "Referatet er publisert på arrangementssiden.", avpublisert: "Referatet vises ikke lenger offentlig.", lagret: "Referatet er lagret." }[
    params.get("referat") ?? ""
  ];
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/events">Arrangementer</Link>
        {" › "}
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>Referat og oppfølging: {event.title}</h1>
      <p>
        Oppfølgingspunktene vises under «Hva skjedde med innspillene?» på{" "}
        {event.status === "DRAFT" ? "arrangementssiden (når den er publisert)" : <Link to={`/events/${event.slug}`}>arrangementssiden</Link>}. Lag
        dem med ett klikk fra <Link to={`/admin/events/${event.id}/input`}>innspillene</Link> eller fra{" "}
        <Link to={`/admin/events/${event.id}/live`}>spørsmålene i live-rommet</Link>, eller skriv et nytt under.
      </p>
      {minutesNotice || params.get("lagtTil") || params.get("slettet") || params.get("flyttet") ? (
        <p className="notice notice-ok" role="status">
          {minutesNotice ??
            (params.get("slettet") ? "Oppfølgingspunktet er slettet." : params.get("flyttet") ? "Rekkefølgen er endret." : "Oppfølgingspunktet er lagt til.")}
        </p>
      ) : null}

      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">Referat</h2>
        <p>
          {event.minutesPublishedAt ? `Publisert ${formatDateTime(new Date(event.minutesPublishedAt))}.` : "Ikke publisert."}
        </p>
        <MinutesForm
          minutes={event.minutes}
          published={Boolean(event.minutesPublishedAt)}
          lastResult={actionData?.intent === "minutes" ? actionData.result : undefined}
        />
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Oppfølgingspunkter ({items.length})</h2>
        {items.length === 0 ? (
          <p>Ingen oppfølgingspunkter ennå.</p>
        ) : (
          <table className="data">
            <caption className="visually-hidden">Oppfølgingspunktene i rekkefølge</caption>
            <thead>
              <tr>
                <th scope="col">Tittel</th>
                <th scope="col">Ansvarlig enhet</th>
                <th scope="col">Status</th>
                <th scope="col">Kilde</th>
                <th scope="col">Rekkefølge</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/admin/events/${event.id}/followup/${item.id}`}>{item.title}</Link>
                    {item.publishedAt ? null : (
                      <>
                        {" "}
                        <strong className="tag">Utkast</strong>
                      </>
                    )}
                  </td>
                  <td>{item.responsibleUnit}</td>
                  <td>
                    {STATUS_NAMES_NB[item.status as FollowUpStatus] ?? item.status} ({formatDateTime(new Date(item.statusChangedAt))})
                  </td>
                  <td>{item.sourceInputId ? "Innspill" : item.sourceQuestionId ? "Spørsmål i live-rommet" : "Skrevet for hånd"}</td>
                  <td>
                    <Form method="post" className="inline-actions">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="itemId" value={item.id} />
                      {index > 0 ? (
                        <button type="submit" name="direction" value="up" className="link-button" aria-label={`Flytt «${item.title}» opp`}>
                          Opp
                        </button>
                      ) : null}{" "}
                      {index < items.length - 1 ? (
                        <button type="submit" name="direction" value="down" className="link-button" aria-label={`Flytt «${item.title}» ned`}>
                          Ned
                        </button>
                      ) : null}
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="new-item-heading">
        <h2 id="new-item-heading">Nytt oppfølgingspunkt</h2>
        <FollowUpItemForm
          id="new-item"
          intent="new-item"
          defaultValue={{
            title: "",
            summary: "",
            responsibleUnit: UNASSIGNED_UNIT,
            status: "REGISTERED",
            statusReason: "",
            publicAnswer: "",
            note: "",
            visibility: "PUBLISHED",
          }}
          lastResult={actionData?.intent === "new-item" ? (actionData.result as never) : undefined}
          submitLabel="Legg til oppfølgingspunkt"
        />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <StaffRouteError notFound="Fant ikke arrangementet" fallback="Oppfølgingen kunne ikke vises. Prøv igjen om litt." />;
}
