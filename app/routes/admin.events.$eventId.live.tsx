// Staff: the live rooms of an event (one for the event, one per programme item) with their join
// codes and QR codes, links to moderate and to the projector, new secret links for speakers,
// and CSV exports of questions and poll results.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError, useSearchParams } from "@remix-run/react";
import { getStaffEvent } from "~/modules/admin-registrations/registrations-admin.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { speakerLinkSchema } from "~/modules/live/live-admin.schema";
import { listEventRooms, newSpeakerLink } from "~/modules/live/live-admin.server";
import { roomLink } from "~/modules/live/live-page.server";
import stylesUrl from "~/modules/live/live.css?url";
import { absoluteUrl } from "~/utils/config.server";
import { questionFollowUpSchema } from "~/modules/followup/followup.schema";
import { createItemFromQuestion, listQuestionsForFollowUp } from "~/modules/followup/followup.server";

export const handle = staffHandle("ORGANISER");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Spørsmål og avstemninger – ${data.event.title} – Samhandling` : "Spørsmål og avstemninger – Samhandling" },
];

export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

async function requireEvent(eventId: string | undefined) {
  const event = await getStaffEvent(eventId);
  if (!event) throw new Response("Fant ikke arrangementet.", { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const rooms = await listEventRooms(event.id);
  const [withLinks, questions] = await Promise.all([
    Promise.all(rooms.map(async (r) => ({ ...r, ...(await roomLink(r.code)) }))),
    listQuestionsForFollowUp(event.id),
  ]);
  return { event, rooms: withLinks, questions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const form = await request.formData().catch(() => null);
  if (form?.get("intent") === "follow-up") {
    // One click: the question becomes a follow-up item on the event page.
    const parsed = questionFollowUpSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "Skjemaet kunne ikke leses.", created: null }, { status: 400 });
    const outcome = await createItemFromQuestion(actorOf(staff), event.id, parsed.data.questionId);
    if (!outcome.ok) {
      return data(
        { error: outcome.reason === "hidden" ? "Skjulte eller trukne spørsmål kan ikke følges opp." : "Fant ikke spørsmålet i dette arrangementet.", created: null },
        { status: outcome.reason === "hidden" ? 409 : 404 },
      );
    }
    return redirect(`/admin/events/${event.id}/live?oppfolging=${outcome.itemId}#question-${parsed.data.questionId}`);
  }
  const parsed = speakerLinkSchema.safeParse(form ? Object.fromEntries(form) : {});
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "Skjemaet kunne ikke leses.", created: null }, { status: 400 });
  const created = await newSpeakerLink(event.id, parsed.data.roomId, actorOf(staff));
  if (!created) return data({ error: "Fant ikke rommet i dette arrangementet.", created: null }, { status: 404 });
  return {
    error: null,
    created: { roomId: parsed.data.roomId, code: created.code, url: absoluteUrl(`/live/${created.code}/moderate?key=${encodeURIComponent(created.key)}`) },
  };
}

export default function EventLiveRooms() {
  const { event, rooms, questions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const createdItem = params.get("oppfolging");
  const base = `/admin/events/${event.id}/live.csv`;
  return (
    <div className="live-admin">
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>Spørsmål og avstemninger: {event.title}</h1>
      <p>
        Hvert rom har en kode som publikum skriver inn på <strong>/live</strong>, eller de skanner QR-koden. Moderatorer åpner
        «Moderer»; storskjermen viser koden, spørsmålet på skjermen og resultatene.
      </p>
      {result?.error ? (
        <p className="notice notice-warn" role="alert">
          {result.error}
        </p>
      ) : null}
      {createdItem ? (
        <p className="notice notice-ok" role="status">
          Oppfølgingspunktet er opprettet som utkast.{" "}
          <Link to={`/admin/events/${event.id}/followup/${createdItem}`}>Les gjennom, sett ansvarlig enhet og status, og publiser det</Link>
        </p>
      ) : null}
      {result?.created ? (
        <div className="notice notice-ok" role="status">
          <p>
            <strong>Ny hemmelig talerlenke for rom {result.created.code}.</strong> Den vises bare nå. Send den bare til taleren; den
            gamle lenken virker ikke lenger.
          </p>
          <label htmlFor="speaker-link">Talerlenke</label>
          <input id="speaker-link" type="text" readOnly value={result.created.url} className="live-link-field" />
        </div>
      ) : null}

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Eksport (CSV)</h2>
        <ul>
          <li>
            <a href={`${base}?type=questions`} download>
              Alle spørsmål i arrangementet
            </a>
          </li>
          <li>
            <a href={`${base}?type=polls`} download>
              Alle avstemningsresultater i arrangementet
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="rooms-heading">
        <h2 id="rooms-heading">Rom ({rooms.length})</h2>
        <ul className="live-room-list">
          {rooms.map((r) => (
            <li key={r.id} className="live-room-card">
              <h3>
                {r.title} {r.isEventRoom ? <span className="small">(hele arrangementet)</span> : null}
              </h3>
              <div className="live-room-body">
                <img src={r.qr} alt={`QR-kode til ${r.url}`} width={120} height={120} />
                <div>
                  <p>
                    Kode: <span className="live-join-code" data-testid={`room-code-${r.id}`}>{r.code}</span>
                    {r.status === "CLOSED" ? " · stengt" : ""}
                    {r.preModeration ? " · forhåndsmoderering" : ""}
                  </p>
                  <p className="small">
                    {r.questions} spørsmål ({r.pending} venter) · {r.polls} avstemninger
                  </p>
                  <p className="live-row">
                    <Link to={`/live/${r.code}`}>Publikum</Link>
                    <Link to={`/live/${r.code}/moderate`}>Moderer «{r.title}»</Link>
                    <Link to={`/live/${r.code}/screen`}>Storskjerm</Link>
                  </p>
                  <p className="live-row small">
                    <a href={`${base}?type=questions&room=${r.code}`} download>
                      Spørsmål (CSV)
                    </a>
                    <a href={`${base}?type=polls&room=${r.code}`} download>
                      Avstemninger (CSV)
                    </a>
                  </p>
                  <Form method="post">
                    <input type="hidden" name="intent" value="speaker-key" />
                    <input type="hidden" name="roomId" value={r.id} />
                    <button type="submit" className="button">
                      {r.hasSpeakerKey ? "Lag ny talerlenke" : "Lag talerlenke"} for «{r.title}»
                    </button>
                  </Form>
                </div>
              </div>
              <QuestionsToFollowUp eventId={event.id} roomTitle={r.title} questions={questions.filter((q) => q.roomId === r.id)} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

const QUESTION_STATUS: Record<string, string> = { PENDING: "venter på godkjenning", APPROVED: "publisert", ANSWERED: "besvart" };

/** The room's questions, each with a one-click follow-up item (or a link to the one that exists). */
function QuestionsToFollowUp({
  eventId,
  roomTitle,
  questions,
}: {
  eventId: string;
  roomTitle: string;
  questions: Array<{ id: string; text: string; status: string; upvoteCount: number; followUp: { id: string } | null }>;
}) {
  if (questions.length === 0) return null;
  return (
    <div className="live-followup">
      <h4>
        Følg opp spørsmål fra «{roomTitle}» ({questions.length})
      </h4>
      <ul>
        {questions.map((q) => (
          <li key={q.id} id={`question-${q.id}`}>
            <p>
              {q.text} <span className="small">({QUESTION_STATUS[q.status] ?? q.status}, {q.upvoteCount} stemmer)</span>
            </p>
            {q.followUp ? (
              <p>
                <Link to={`/admin/events/${eventId}/followup/${q.followUp.id}`}>Oppfølging opprettet</Link>
              </p>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="follow-up" />
                <input type="hidden" name="questionId" value={q.id} />
                <button type="submit" className="small">
                  Lag oppfølgingspunkt
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <div className="notice notice-warn" role="alert">
      <h1>Spørsmål og avstemninger</h1>
      <p>
        {isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : "Noe gikk galt. Last siden på nytt, eller prøv igjen senere."}
      </p>
      <p>
        <Link to="/admin/events">Til arrangementene</Link>
      </p>
    </div>
  );
}
