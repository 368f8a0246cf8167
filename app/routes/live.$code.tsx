// The audience in a live room (/live/ABC234), made for a phone in one hand. At the top, what is
// happening now: the programme item on, and the open poll (answered right there) or else the
// question on the screen. Below, questions and polls as tabs, so neither pushes the other off
// the screen. The loader renders the current room without JavaScript; the socket then keeps it
// live, and a clear banner says when it is not.
import { Alert, Button, Card, Heading, Paragraph, Tabs } from "@digdir/designsystemet-react";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { AskForm, AudienceQuestions, PrivacyNotice, UpvoteButton, visibleQuestions } from "~/modules/live/audience-questions";
import { focusSoon } from "~/modules/live/feedback";
import { LiveErrorBoundary } from "~/modules/live/live-error";
import { canModerate, loadLivePage } from "~/modules/live/live-page.server";
import stylesUrl from "~/modules/live/live.css?url";
import { PollCard } from "~/modules/live/poll-answer";
import type { PollView, RoomState } from "~/modules/live/protocol";
import { useLiveRoom, type ConnectionStatus, type LiveActions } from "~/modules/live/use-live-room";
import { formatTimeRange } from "~/utils/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot, headers } = await loadLivePage(request, params.code, "audience");
  const t = translator(await getLocale(request));
  const moderator = await canModerate(request);
  return data({ snapshot, moderator, title: `${t("live:meta.audience", { room: snapshot.room.title })} – ${t("site.name")}` }, { headers });
}

export default function AudiencePage() {
  const { snapshot, moderator } = useLoaderData<typeof loader>();
  return <AudienceRoom key={snapshot.room.code} initial={snapshot} moderator={moderator} />;
}

function AudienceRoom({ initial, moderator }: { initial: RoomState; moderator: boolean }) {
  const { state, status, announcement, actions } = useLiveRoom(initial, { as: "audience" });
  const [tab, setTab] = useState("questions");
  const t = useT();
  const { room } = state;
  const roomClosed = room.status === "CLOSED";
  const openPolls = state.polls.filter((p) => p.status === "OPEN");
  const closedPolls = state.polls.filter((p) => p.status === "CLOSED" && p.results).reverse();
  // The one thing happening now: the first open poll, or else the question on the screen.
  const nowPoll = openPolls[0] ?? null;
  const onScreen = nowPoll ? null : (state.questions.find((q) => q.id === room.onScreenQuestionId && (q.status === "APPROVED" || q.status === "ANSWERED")) ?? null);
  const otherPolls = [...openPolls.slice(1), ...closedPolls];
  const questionCount = visibleQuestions(state.questions).length;

  const questions = (
    <>
      <AskForm room={room} questions={state.questions} actions={actions} disabled={status !== "online"} />
      <AudienceQuestions state={state} actions={actions} />
    </>
  );
  return (
    <div className="live-page live-audience">
      <p className="small live-audience-top">
        <span>
          {room.eventTitle} · {t("live:room.code")} <span className="live-join-code">{room.code}</span>
        </span>
        {moderator ? (
          // Signed-in staff: one click to the moderator view of this room.
          <Link to={`/live/${room.code}/moderate`}>{t("live:moderateShortcut")}</Link>
        ) : null}
      </p>
      <h1 className="live-audience-title">{room.title}</h1>
      <ConnectionBanner status={status} />
      <div aria-live="polite" aria-atomic="true" className="visually-hidden" id="live-announcer">
        {announcement}
      </div>
      <noscript>
        <Alert data-color="info" data-size="sm">
          {t("live:room.noscript")}
        </Alert>
      </noscript>
      {roomClosed ? (
        <Alert data-color="info" data-size="sm">
          {t("live:room.closed")}
        </Alert>
      ) : null}
      {room.currentItem || nowPoll || onScreen ? (
        <section className="live-now" aria-labelledby="now-heading">
          <Heading level={2} data-size="2xs" id="now-heading" className="live-now-label">
            {t("live:audience.now")}
          </Heading>
          {room.currentItem ? <CurrentItem item={room.currentItem} /> : null}
          {nowPoll ? (
            <PollSlot poll={nowPoll} actions={actions} roomClosed={roomClosed} />
          ) : onScreen ? (
            <Card data-color="info" variant="tinted" className="live-now-question">
              <p className="live-now-tag">{t("live:audience.onScreen")}</p>
              <div className="live-question-main">
                <p className="live-question-text">{onScreen.text}</p>
                <UpvoteButton q={onScreen} upvoted={state.myUpvotes.includes(onScreen.id)} actions={actions} disabled={roomClosed} />
              </div>
            </Card>
          ) : null}
        </section>
      ) : null}
      {otherPolls.length === 0 ? (
        questions
      ) : (
        <Tabs value={tab} onChange={setTab} data-size="sm" className="live-tabs">
          <Tabs.List role="tablist" aria-label={t("live:audience.sections")}>
            <Tabs.Tab value="questions">{t("live:audience.tabQuestions", { count: questionCount })}</Tabs.Tab>
            <Tabs.Tab value="polls">{t("live:audience.tabPolls", { count: otherPolls.length })}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="questions" role="tabpanel" className="live-tab-panel">
            {questions}
          </Tabs.Panel>
          <Tabs.Panel value="polls" role="tabpanel" className="live-tab-panel">
            <Heading level={2} className="visually-hidden">
              {t("live:audience.pollsHeading")}
            </Heading>
            {otherPolls.map((p) => (
              <PollSlot key={p.id} poll={p} actions={actions} roomClosed={roomClosed} />
            ))}
          </Tabs.Panel>
        </Tabs>
      )}
      <PrivacyNotice eventSlug={room.eventSlug} />
    </div>
  );
}

function CurrentItem({ item }: { item: NonNullable<RoomState["room"]["currentItem"]> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Paragraph data-size="sm" className="live-now-item" id="live-now">
      <strong>{t("live:audience.onProgramme", { title: item.title })}</strong>{" "}
      <span className="live-now-time">{formatTimeRange(new Date(item.startsAt), new Date(item.endsAt), locale)}</span>
    </Paragraph>
  );
}

/** A poll card as it is, with focus moved to its thank-you line once an answer is taken. */
function PollSlot({ poll, actions, roomClosed }: { poll: PollView; actions: LiveActions; roomClosed: boolean }) {
  const slotId = `poll-slot-${poll.id}`;
  const wrapped: LiveActions = {
    ...actions,
    answerPoll: async (p) => {
      const ack = await actions.answerPoll(p);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const line = document.getElementById(slotId)?.querySelector<HTMLElement>(".live-feedback");
          if (line) line.focus();
        }),
      );
      return ack;
    },
  };
  return (
    <div id={slotId} className="live-poll-slot">
      <PollCard poll={poll} actions={wrapped} roomClosed={roomClosed} />
    </div>
  );
}

/** The connection: a quiet line while all is well, a clear banner (one live region) when not. */
function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  const t = useT();
  const down = status === "offline" || status === "ended";
  return (
    <div role="status" className="live-connection" data-status={status}>
      {down ? (
        <Alert data-color="warning" data-size="sm" className="live-offline">
          <Heading level={2} data-size="2xs">
            {status === "ended" ? t("live:audience.endedTitle") : t("live:audience.offlineTitle")}
          </Heading>
          <Paragraph data-size="sm">{status === "ended" ? t("live:audience.endedText") : t("live:audience.offlineText")}</Paragraph>
          {status === "ended" ? (
            <Button type="button" data-size="sm" variant="secondary" onClick={() => window.location.reload()}>
              {t("live:audience.reload")}
            </Button>
          ) : null}
        </Alert>
      ) : (
        <p className="live-status small">{status === "online" ? t("live:status.online") : t("live:status.connecting")}</p>
      )}
    </div>
  );
}

export const ErrorBoundary = LiveErrorBoundary;
