// Staff: the live rooms of an event (the event's room is the one code for the whole event; separate
// rooms for single programme items, old or added here for parallel sessions) with their join
// codes and QR codes, links to moderate and to the projector, the rooms' settings (changes reach
// open sockets at once), new secret links for speakers, and CSV exports of questions and poll
// results. Moderators see the rooms, open them and change their settings; the exports, speaker
// links and follow-up items are for organisers.
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  useActionData,
  useLoaderData,
  useRouteError,
  useSearchParams,
} from "@remix-run/react";
import {
  Alert,
  Button,
  Card,
  Heading,
  Paragraph,
} from "@digdir/designsystemet-react";
import { translateError } from "~/components/form-errors";
import { CheckboxField, SelectInput, TextInput } from "~/components/ui/field";
import { isMessageKey, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { getStaffEvent } from "~/modules/admin-registrations/registrations-admin.server";
import { hasRole, staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { itemRoomSchema, roomSettingsSchema, speakerLinkSchema } from "~/modules/live/live-admin.schema";
import {
  addItemRoom,
  itemsWithoutRoom,
  listEventRooms,
  newSpeakerLink,
  updateRoomSettings,
} from "~/modules/live/live-admin.server";
import { roomLink } from "~/modules/live/live-page.server";
// ---- poll library
import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { LiveError } from "~/modules/live/errors.server";
import { PollLibrary } from "~/modules/live/poll-library";
import {
  libraryDeleteSchema,
  libraryDuplicateSchema,
  libraryMoveSchema,
  libraryPollSchema,
} from "~/modules/live/poll-library.schema";
import {
  deleteLibraryPoll,
  duplicateLibraryPoll,
  libraryPoll,
  moveLibraryPoll,
  pollLibrary,
  saveLibraryPoll,
} from "~/modules/live/poll-library.server";
// ---- end poll library
import type { QuestionStatus } from "~/modules/live/protocol";
import stylesUrl from "~/modules/live/live.css?url";
import { absoluteUrl } from "~/utils/config.server";
// ---- session report
import { sessionReport } from "~/modules/live/session-report.server";
import { SessionReportSection } from "~/modules/live/session-report";
import { questionFollowUpSchema } from "~/modules/followup/followup.schema";
import {
  createItemFromQuestion,
  listQuestionsForFollowUp,
} from "~/modules/followup/followup.server";

export const handle = staffHandle("MODERATOR");

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Samhandling" },
];

export const headers = () => ({
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
});

async function requireEvent(eventId: string | undefined) {
  const event = await getStaffEvent(eventId);
  // The error boundary shows the key in the page's language.
  if (!event) throw new Response("live:admin.eventNotFound", { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "MODERATOR");
  const canOrganise = hasRole(staff.role, "ORGANISER");
  const event = await requireEvent(params.eventId);
  // ---- poll library: the event's own room is made first (listEventRooms creates it too).
  const library = await pollLibrary(event.id);
  const rooms = await listEventRooms(event.id);
  const [withLinks, questions, freeItems, report] = await Promise.all([
    Promise.all(
      rooms.map(async (r) => ({ ...r, ...(await roomLink(r.code)) }))
    ),
    canOrganise ? listQuestionsForFollowUp(event.id) : Promise.resolve([]),
    itemsWithoutRoom(event.id),
    // ---- session report: for organisers, like the exports
    canOrganise ? sessionReport(event.id) : Promise.resolve(null),
  ]);
  const t = translator(await getLocale(request));
  return {
    event,
    canOrganise,
    rooms: withLinks,
    freeItems,
    questions,
    report,
    library,
    title: `${t("live:meta.admin", { event: event.title })} – ${t(
      "site.name"
    )}`,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const moderator = await requireStaff(request, "MODERATOR");
  const event = await requireEvent(params.eventId);
  const form = await request.formData().catch(() => null);
  if (form?.get("intent") === "room-settings") {
    // Moderators may change a room's settings here as on the moderator page.
    const parsed = roomSettingsSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success)
      return data(
        { error: parsed.error.issues[0]?.message ?? "live:admin.badForm", created: null, saved: null },
        { status: 400 }
      );
    const { roomId, intent: _intent, ...changes } = parsed.data;
    const outcome = await updateRoomSettings(event.id, roomId, changes, actorOf(moderator));
    if (!outcome)
      return data(
        { error: "live:admin.roomNotFound", created: null, saved: null },
        { status: 404 }
      );
    return { error: null, created: null, saved: roomId };
  }
  // ---- evening: staff add a separate room for one programme item (parallel sessions)
  if (form?.get("intent") === "item-room") {
    const parsed = itemRoomSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success)
      return data(
        { error: parsed.error.issues[0]?.message ?? "live:admin.badForm", created: null, saved: null },
        { status: 400 }
      );
    const room = await addItemRoom(event.id, parsed.data.programmeItemId, actorOf(moderator));
    if (!room)
      return data(
        { error: "live:evening.admin.itemNotFound", created: null, saved: null },
        { status: 404 }
      );
    return redirect(`/admin/events/${event.id}/live?rom=${room.code}#room-${room.code}`);
  }
  // ---- poll library: moderators prepare polls here as on the moderator page.
  const intent = form?.get("intent");
  if (form && typeof intent === "string" && intent.startsWith("poll-")) {
    return pollLibraryAction(form, intent, event.id, actorOf(moderator));
  }
  // ---- end poll library
  // Everything else on this page is for organisers.
  const staff = await requireStaff(request, "ORGANISER");
  if (form?.get("intent") === "follow-up") {
    // One click: the question becomes a follow-up item on the event page.
    const parsed = questionFollowUpSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success)
      return data(
        {
          error: parsed.error.issues[0]?.message ?? "live:admin.badForm",
          created: null,
          saved: null,
        },
        { status: 400 }
      );
    const outcome = await createItemFromQuestion(
      actorOf(staff),
      event.id,
      parsed.data.questionId
    );
    if (!outcome.ok) {
      return data(
        {
          error:
            outcome.reason === "hidden"
              ? "live:admin.hiddenNoFollowUp"
              : "live:admin.questionNotFound",
          created: null,
          saved: null,
        },
        { status: outcome.reason === "hidden" ? 409 : 404 }
      );
    }
    return redirect(
      `/admin/events/${event.id}/live?oppfolging=${outcome.itemId}#question-${parsed.data.questionId}`
    );
  }
  const parsed = speakerLinkSchema.safeParse(
    form ? Object.fromEntries(form) : {}
  );
  if (!parsed.success)
    return data(
      {
        error: parsed.error.issues[0]?.message ?? "live:admin.badForm",
        created: null,
        saved: null,
      },
      { status: 400 }
    );
  const created = await newSpeakerLink(
    event.id,
    parsed.data.roomId,
    actorOf(staff)
  );
  if (!created)
    return data(
      { error: "live:admin.roomNotFound", created: null, saved: null },
      { status: 404 }
    );
  return {
    error: null,
    saved: null,
    created: {
      roomId: parsed.data.roomId,
      code: created.code,
      url: absoluteUrl(
        `/live/${created.code}/moderate?key=${encodeURIComponent(created.key)}`
      ),
      // ---- presenter: the same secret opens the speaker's own view
      presenterUrl: absoluteUrl(
        `/live/${created.code}/presenter?key=${encodeURIComponent(created.key)}`
      ),
    },
  };
}

// ---- poll library
type LibraryResult = {
  error: string | null;
  created: null;
  saved: null;
  library: { intent: string; pollId: string | null; result?: SubmissionResult<string[]>; confirmDelete?: string };
};

/** Which field a domain refusal is about (the rest go to the top of the form). */
const FIELD_OF: Record<string, string> = {
  "live:error.pollTitle": "title",
  "live:error.optionCount": "options",
  "live:error.optionLength": "options",
  "live:error.optionDuplicate": "options",
  "live:error.ratingNoOptions": "options",
  "live:error.textNoOptions": "options",
  "live:error.maxChoicesTooMany": "maxChoices",
  "live:error.singleOneChoice": "maxChoices",
  "live:error.scaleRange": "scaleMax",
  "live:error.pollItem": "programmeItemId",
};

async function pollLibraryAction(form: FormData, intent: string, eventId: string, actor: ReturnType<typeof actorOf>) {
  const base = `/admin/events/${eventId}/live`;
  const fail = (library: LibraryResult["library"], status: number, error: string | null = null) =>
    data<LibraryResult>({ error, created: null, saved: null, library }, { status });
  const refusal = (err: unknown) => {
    if (!(err instanceof LiveError)) throw err;
    return err;
  };
  if (intent === "poll-save") {
    const submission = parseWithZod(form, { schema: libraryPollSchema });
    const pollId = typeof form.get("pollId") === "string" ? String(form.get("pollId")) : null;
    if (submission.status !== "success") return fail({ intent, pollId, result: submission.reply() }, 400);
    const { pollId: id, intent: _i, programmeItemId, kind, maxChoices, scaleMax, ...rest } = submission.value;
    try {
      const poll = await saveLibraryPoll(
        eventId,
        id,
        {
          ...rest,
          kind,
          // Settings of other kinds are ignored (the form shows every field without JavaScript).
          maxChoices: kind === "MULTIPLE" ? maxChoices : undefined,
          scaleMax: kind === "RATING" ? scaleMax : undefined,
          options: kind === "SINGLE" || kind === "MULTIPLE" || kind === "RANKING" ? rest.options : [],
          programmeItemId: programmeItemId || null,
        },
        actor,
      );
      return redirect(`${base}?avstemning=${id ? "lagret" : "laget"}#library-poll-${poll.id}`);
    } catch (err) {
      const e = refusal(err);
      const field = FIELD_OF[e.key];
      if (e.code === "not-found") return fail({ intent, pollId }, 404, "live:pollLibrary.error.noPoll");
      return fail(
        {
          intent,
          pollId,
          result: submission.reply(field ? { fieldErrors: { [field]: [e.key] } } : { formErrors: [e.key] }),
        },
        e.code === "conflict" ? 409 : 400,
      );
    }
  }
  const schema = intent === "poll-duplicate" ? libraryDuplicateSchema : intent === "poll-delete" ? libraryDeleteSchema : libraryMoveSchema;
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fail({ intent, pollId: null }, 400, parsed.error.issues[0]?.message ?? "live:admin.badForm");
  const pollId = parsed.data.pollId;
  try {
    if (parsed.data.intent === "poll-duplicate") {
      const copy = await duplicateLibraryPoll(eventId, pollId, actor);
      return redirect(`${base}?avstemning=kopiert#library-poll-${copy.id}`);
    }
    if (parsed.data.intent === "poll-delete") {
      if (parsed.data.confirm !== "yes") {
        // Without JavaScript too: the page asks once more, with a "yes, delete" button.
        if (!(await libraryPoll(eventId, pollId))) return fail({ intent, pollId }, 404, "live:pollLibrary.error.noPoll");
        return data<LibraryResult>({ error: null, created: null, saved: null, library: { intent, pollId, confirmDelete: pollId } });
      }
      await deleteLibraryPoll(eventId, pollId, actor);
      return redirect(`${base}?avstemning=slettet#polls-library-heading`);
    }
    await moveLibraryPoll(eventId, pollId, parsed.data.direction, actor);
    return redirect(`${base}?avstemning=flyttet#library-poll-${pollId}`);
  } catch (err) {
    const e = refusal(err);
    return fail({ intent, pollId }, e.code === "not-found" ? 404 : 409, e.code === "not-found" ? "live:pollLibrary.error.noPoll" : e.key);
  }
}

const LIBRARY_NOTICES = {
  laget: "live:pollLibrary.created",
  lagret: "live:pollLibrary.saved",
  kopiert: "live:pollLibrary.duplicated",
  slettet: "live:pollLibrary.deleted",
  flyttet: "live:pollLibrary.moved",
} as const;
// ---- end poll library

export default function EventLiveRooms() {
  const { event, rooms, questions, canOrganise, freeItems, report, library } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const createdItem = params.get("oppfolging");
  const addedRoom = rooms.find((r) => r.code === params.get("rom") && !r.isEventRoom);
  const eventRooms = rooms.filter((r) => r.isEventRoom);
  const itemRooms = rooms.filter((r) => !r.isEventRoom);
  const base = `/admin/events/${event.id}/live.csv`;
  const t = useT();
  const card = (r: (typeof rooms)[number]) => (
    <Card asChild key={r.id} data-color={r.isEventRoom ? "accent" : "neutral"}>
              <li className="live-room-card" id={`room-${r.code}`}>
                <Heading level={3} data-size="xs">
                  {r.title}{" "}
                  {r.isEventRoom ? null : (
                    <span className="small">{t("live:evening.admin.separateRoom")}</span>
                  )}
                </Heading>
                {r.isEventRoom ? <p>{t("live:evening.admin.wholeEventHelp")}</p> : null}
                <div className="live-room-body">
                  <img
                    src={r.qr}
                    alt={t("live:qrAlt", { url: r.url })}
                    width={120}
                    height={120}
                  />
                  <div>
                    <p>
                      {t("live:admin.code")}{" "}
                      <span
                        className="live-join-code"
                        data-testid={`room-code-${r.id}`}
                      >
                        {r.code}
                      </span>
                      {r.status === "CLOSED"
                        ? ` · ${t("live:admin.roomClosed")}`
                        : ""}
                      {r.preModeration
                        ? ` · ${t("live:admin.preModeration")}`
                        : ""}
                    </p>
                    <p className="small">
                      {t("live:admin.counts", {
                        questions: t("live:admin.questionCount", {
                          count: r.questions,
                        }),
                        pending: t("live:admin.pendingCount", {
                          count: r.pending,
                        }),
                        polls: t("live:admin.pollCount", { count: r.polls }),
                      })}
                    </p>
                    <p className="live-row">
                      <Link to={`/live/${r.code}`}>
                        {t("live:admin.audience")}
                      </Link>
                      <Link to={`/live/${r.code}/moderate`}>
                        {t("live:admin.moderate", { room: r.title })}
                      </Link>
                      <Link to={`/live/${r.code}/screen`}>
                        {t("live:admin.screen")}
                      </Link>
                    </p>
                    <RoomSettingsForm
                      room={r}
                      saved={result?.saved === r.id}
                    />
                    {canOrganise ? (
                    <>
                    <p className="live-row small">
                      <a
                        href={`${base}?type=questions&room=${r.code}`}
                        download
                      >
                        {t("live:admin.questionsCsv")}
                      </a>
                      <a href={`${base}?type=polls&room=${r.code}`} download>
                        {t("live:admin.pollsCsv")}
                      </a>
                    </p>
                    <Form method="post">
                      <input type="hidden" name="intent" value="speaker-key" />
                      <input type="hidden" name="roomId" value={r.id} />
                      <Button type="submit" variant="secondary" data-size="sm">
                        {r.hasSpeakerKey
                          ? t("live:admin.makeNewLink", { room: r.title })
                          : t("live:admin.makeLink", { room: r.title })}
                      </Button>
                    </Form>
                    </>
                    ) : null}
                  </div>
                </div>
                <QuestionsToFollowUp
                  eventId={event.id}
                  roomTitle={r.title}
                  questions={questions.filter((q) => q.roomId === r.id)}
                />
              </li>
            </Card>
  );
  return (
    <div className="live-admin">
      {canOrganise ? (
        <nav aria-label={t("live:admin.breadcrumbs")} className="breadcrumbs">
          <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
        </nav>
      ) : null}
      <Heading level={1} data-size="lg">
        {t("live:admin.heading", { event: event.title })}
      </Heading>
      <Paragraph>{t("live:admin.intro", { path: "/live" })}</Paragraph>
      {result?.error ? (
        <Alert data-color="danger" role="alert">
          {translateError(t, result.error)}
        </Alert>
      ) : null}
      {createdItem ? (
        <Alert data-color="success" role="status">
          {t("live:admin.followUpCreated")}{" "}
          <Link to={`/admin/events/${event.id}/followup/${createdItem}`}>
            {t("live:admin.followUpReview")}
          </Link>
        </Alert>
      ) : null}
      {addedRoom ? (
        <Alert data-color="success" role="status">
          {t("live:evening.admin.itemRoomCreated", { item: addedRoom.title, code: addedRoom.code })}
        </Alert>
      ) : null}
      {result?.created ? (
        <Alert data-color="success" role="status">
          <p>
            <strong>
              {t("live:admin.newLink", { code: result.created.code })}
            </strong>{" "}
            {t("live:admin.newLinkHelp")}
          </p>
          <TextInput
            id="speaker-link"
            type="text"
            label={t("live:admin.speakerLink")}
            readOnly
            value={result.created.url}
            className="ds-input live-link-field"
          />
          {/* ---- presenter: the speaker's own view with the same secret */}
          <TextInput
            id="presenter-link"
            type="text"
            label={t("live:report.presenterLink")}
            readOnly
            value={result.created.presenterUrl}
            className="ds-input live-link-field"
          />
        </Alert>
      ) : null}

      {canOrganise ? (
      <section aria-labelledby="export-heading">
        <Heading level={2} data-size="sm" id="export-heading">
          {t("live:admin.export")}
        </Heading>
        <ul>
          <li>
            <a href={`${base}?type=questions`} download>
              {t("live:admin.exportQuestions")}
            </a>
          </li>
          <li>
            <a href={`${base}?type=polls`} download>
              {t("live:admin.exportPolls")}
            </a>
          </li>
        </ul>
      </section>
      ) : null}


      <section aria-labelledby="rooms-heading">
        <Heading level={2} data-size="sm" id="rooms-heading">
          {t("live:evening.admin.wholeEvent")}
        </Heading>
        <ul className="live-room-list">
          {eventRooms.map(card)}
        </ul>
      </section>

      <section aria-labelledby="item-rooms-heading">
        <Heading level={2} data-size="sm" id="item-rooms-heading">
          {t("live:evening.admin.itemRooms")}
        </Heading>
        <p>{t("live:evening.admin.itemRoomsHelp")}</p>
        {itemRooms.length > 0 ? (
          <ul className="live-room-list">{itemRooms.map(card)}</ul>
        ) : (
          <p>{t("live:evening.admin.noItemRooms")}</p>
        )}
        {freeItems.length > 0 ? (
          <Form method="post" className="live-row live-add-room">
            <input type="hidden" name="intent" value="item-room" />
            <SelectInput
              id="item-room-item"
              name="programmeItemId"
              label={t("live:evening.admin.item")}
              options={freeItems.map((i) => [i.id, i.title] as [string, string])}
            />
            <Button type="submit" variant="secondary" data-size="sm">
              {t("live:evening.admin.addItemRoom")}
            </Button>
          </Form>
        ) : null}
      </section>
      {/* ---- poll library */}
      <PollLibrary
        library={library}
        editId={params.get("rediger") ?? (result && "library" in result && result.library?.intent === "poll-save" ? result.library.pollId : null)}
        lastResult={result && "library" in result && result.library?.intent === "poll-save" ? (result.library.result ?? null) : null}
        confirmDeleteId={result && "library" in result ? (result.library?.confirmDelete ?? null) : null}
        notice={(() => {
          // After a refusal the last success's notice would mislead.
          if (result && "library" in result && result.library) return null;
          const key = params.get("avstemning") as keyof typeof LIBRARY_NOTICES | null;
          return key && key in LIBRARY_NOTICES ? t(LIBRARY_NOTICES[key]) : null;
        })()}
      />
      {/* ---- end poll library */}

      {/* ---- session report: the figures after the session (organisers) */}
      {report ? <SessionReportSection report={report} csvHref={`${base}?type=report`} /> : null}
    </div>
  );
}

/** A room's settings; saving sends them to every open phone, projector and moderator at once. */
function RoomSettingsForm({
  room,
  saved,
}: {
  room: { id: string; title: string; preModeration: boolean; allowAnonymous: boolean; status: string };
  saved: boolean;
}) {
  const t = useT();
  return (
    <Form method="post" className="live-room-settings" aria-label={t("live:admin.settingsFor", { room: room.title })}>
      <input type="hidden" name="intent" value="room-settings" />
      <input type="hidden" name="roomId" value={room.id} />
      <CheckboxField
        id={`pre-${room.id}`}
        name="preModeration"
        label={t("live:settings.preModeration")}
        defaultChecked={room.preModeration}
      />
      <CheckboxField
        id={`anon-${room.id}`}
        name="allowAnonymous"
        label={t("live:settings.allowAnonymous")}
        defaultChecked={room.allowAnonymous}
      />
      <SelectInput
        id={`status-${room.id}`}
        name="status"
        label={t("live:admin.roomStatus")}
        defaultValue={room.status === "CLOSED" ? "CLOSED" : "OPEN"}
        options={[
          ["OPEN", t("live:admin.statusOpen")],
          ["CLOSED", t("live:admin.statusClosed")],
        ]}
      />
      <Button type="submit" variant="secondary" data-size="sm">
        {t("live:admin.saveSettings", { room: room.title })}
      </Button>
      {saved ? (
        <Alert data-color="success" data-size="sm" role="status">
          {t("live:admin.settingsSaved")}
        </Alert>
      ) : null}
    </Form>
  );
}

/** The room's questions, each with a one-click follow-up item (or a link to the one that exists). */
function QuestionsToFollowUp({
  eventId,
  roomTitle,
  questions,
}: {
  eventId: string;
  roomTitle: string;
  questions: Array<{
    id: string;
    text: string;
    status: string;
    upvoteCount: number;
    followUp: { id: string } | null;
  }>;
}) {
  const t = useT();
  if (questions.length === 0) return null;
  return (
    <div className="live-followup">
      <Heading level={4} data-size="2xs">
        {t("live:admin.followUpHeading", {
          room: roomTitle,
          count: questions.length,
        })}
      </Heading>
      <ul>
        {questions.map((q) => (
          <li key={q.id} id={`question-${q.id}`}>
            <p>
              {q.text}{" "}
              <span className="small">
                {t("live:admin.questionMeta", {
                  status: isMessageKey(`live:status.${q.status}`)
                    ? t(`live:status.${q.status as QuestionStatus}`)
                    : q.status,
                  votes: t("live:votes", { count: q.upvoteCount }),
                })}
              </span>
            </p>
            {q.followUp ? (
              <p>
                <Link to={`/admin/events/${eventId}/followup/${q.followUp.id}`}>
                  {t("live:admin.followUpExists")}
                </Link>
              </p>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="follow-up" />
                <input type="hidden" name="questionId" value={q.id} />
                <Button type="submit" variant="tertiary" data-size="sm">
                  {t("live:admin.makeFollowUp")}
                </Button>
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
  const t = useT();
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={1} data-size="md">
        {t("live:admin.title")}
      </Heading>
      <p>
        {isRouteErrorResponse(error) &&
        typeof error.data === "string" &&
        isMessageKey(error.data)
          ? t(error.data)
          : t("live:admin.errorText")}
      </p>
      <p>
        <Link to="/admin/events">{t("live:admin.toEvents")}</Link>
      </p>
    </Alert>
  );
}
