import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { markFeedbackHandled, listFeedback } from "~/modules/accessibility/feedback.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { formatDateTime } from "~/utils/format";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = () => [{ title: "Tilbakemeldinger om tilgjengelighet – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const open = new URL(request.url).searchParams.get("vis") !== "behandlet";
  return { open, items: await listFeedback({ open }) };
}

const handledSchema = z.object({ id: z.string().min(1).max(64) });

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const parsed = handledSchema.safeParse(Object.fromEntries((await request.formData().catch(() => new FormData())).entries()));
  if (!parsed.success) return data({ message: "Vi kunne ikke lese skjemaet." }, { status: 400 });
  const changed = await markFeedbackHandled(actorOf(staff), parsed.data.id);
  return data({ message: changed ? "Markert som behandlet." : "Tilbakemeldingen var allerede behandlet." });
}

export default function FeedbackPage() {
  const { open, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Tilbakemeldinger om tilgjengelighet</h1>
      <p>
        Meldinger fra skjemaet i <Link to="/tilgjengelighet">tilgjengelighetserklæringen</Link>. Svar innen rimelig tid; den
        som ikke får svar, kan klage til Uutilsynet.
      </p>
      <p className="actions">
        {open ? <Link to="?vis=behandlet">Vis behandlede</Link> : <Link to="?">Vis ubehandlede</Link>}
      </p>
      {actionData?.message ? (
        <p className="notice notice-ok" role="status">
          {actionData.message}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{open ? "Ingen ubehandlede tilbakemeldinger." : "Ingen behandlede tilbakemeldinger."}</p>
      ) : (
        <ul className="event-list">
          {items.map((f) => (
            <li key={f.id} className="event-card">
              <p className="meta">
                {formatDateTime(new Date(f.createdAt))}
                {f.pageUrl ? ` · side: ${f.pageUrl}` : ""} · språk: {f.locale}
              </p>
              <p className="feedback-message">{f.message}</p>
              <p className="meta">
                {f.contactName || f.contactEmail
                  ? `Kontakt: ${[f.contactName, f.contactEmail].filter(Boolean).join(", ")}`
                  : "Ingen kontaktopplysninger"}
              </p>
              {f.handledAt ? (
                <p className="meta">
                  Behandlet {formatDateTime(new Date(f.handledAt))} av {f.handledBy}
                </p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="id" value={f.id} />
                  <button type="submit" className="small primary">
                    Marker som behandlet
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
