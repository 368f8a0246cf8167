// The presenter view (/live/:code/presenter) for the speaker's laptop or tablet: what the hall
// sees now, the next top questions, the live poll results and the item's remaining time. The
// only action is "answered" (the speaker's secret link or a moderator opens it).
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useLocale, useT } from "~/i18n";
import { formatTime } from "~/utils/format";
import { FeedbackLine, type Feedback } from "./feedback";
import { liveText } from "./messages";
import { PollResultsView } from "./poll-results";
import { screenPoll, screenQuestion, topQuestions } from "./present";
import type { PollView, ProgrammeItemView, RoomState } from "./protocol";
import type { LiveActions } from "./use-live-room";

function useNow(everyMs: number) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The programme item on now (RoomState.room.currentItem) and its minutes left, every 30 s; nothing between items. */
function TimeLeft({ item }: { item: ProgrammeItemView | null }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow(30_000);
  if (!item) return null;
  const start = new Date(item.startsAt);
  const end = new Date(item.endsAt);
  const endText = formatTime(end, locale);
  // Before hydration (and without JavaScript) the end time alone.
  let big: string | null = null;
  let line = t("live:presenter.endsAt", { item: item.title, end: endText });
  if (now !== null) {
    if (now < start.getTime()) big = t("live:presenter.notStarted", { start: formatTime(start, locale) });
    else if (now >= end.getTime()) {
      big = t("live:presenter.overtime", { end: endText });
      line = item.title;
    } else big = t("live:presenter.minutesLeft", { count: Math.ceil((end.getTime() - now) / 60_000) });
  }
  return (
    <section aria-labelledby="presenter-time-heading" className="live-presenter-time" id="presenter-time">
      <Heading level={2} data-size="xs" id="presenter-time-heading">
        {t("live:presenter.time")}
      </Heading>
      {big ? <p className="live-presenter-left">{big}</p> : null}
      <p className="live-presenter-question">{line}</p>
    </section>
  );
}

/** What the hall sees; the question on screen is the one the speaker is answering, so it can be marked answered here. */
function NowOnScreen({ state, onAnswer, busy }: { state: RoomState; onAnswer: (questionId: string) => void; busy: boolean }) {
  const t = useT();
  const mode = state.room.screenMode;
  const question = mode === "QUESTION" ? screenQuestion(state) : null;
  const poll = mode === "POLL" || mode === "WORDCLOUD" ? screenPoll(state) : null;
  return (
    <section aria-labelledby="presenter-now-heading" className="live-presenter-now" id="presenter-now">
      <Heading level={2} data-size="xs" id="presenter-now-heading">
        {t("live:presenter.now")}
      </Heading>
      <p className="live-presenter-mode">{t(`live:screenPanel.${mode}`)}</p>
      {question ? (
        <>
          <p className="live-presenter-question" id="presenter-on-screen">
            {question.text}
          </p>
          {question.status === "APPROVED" ? (
            <Button type="button" variant="secondary" data-size="sm" disabled={busy} aria-describedby="presenter-on-screen" onClick={() => onAnswer(question.id)}>
              {t("live:mod.answer")}
            </Button>
          ) : null}
        </>
      ) : null}
      {poll ? <p className="live-presenter-question">{poll.title}</p> : null}
    </section>
  );
}

function currentPoll(polls: PollView[]): PollView | null {
  const open = polls.filter((p) => p.status === "OPEN");
  if (open.length > 0) return open[open.length - 1]!;
  const closed = polls.filter((p) => p.status === "CLOSED");
  return closed.length > 0 ? closed[closed.length - 1]! : null;
}

export function PresenterView({ state, actions }: { state: RoomState; actions: LiveActions }) {
  const t = useT();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const onScreen = state.room.screenMode === "QUESTION" ? state.room.onScreenQuestionId : null;
  const next = topQuestions({ ...state, questions: state.questions.filter((q) => q.id !== onScreen) }, 5);
  const poll = currentPoll(state.polls);
  // The latest answered ones, so the speaker sees the click took (newest first).
  const answered = state.questions.filter((q) => q.status === "ANSWERED").slice(-3).reverse();

  async function answer(questionId: string) {
    setBusy(true);
    const ack = await actions.moderateQuestion({ questionId, action: "answer" });
    setBusy(false);
    setFeedback(ack.ok ? { kind: "ok", text: t("live:mod.answered") } : { kind: "error", text: liveText(t, ack) });
  }

  return (
    <div className="live-presenter-grid">
      <div>
        <NowOnScreen state={state} onAnswer={answer} busy={busy} />
        <TimeLeft item={state.room.currentItem} />
        <section aria-labelledby="presenter-poll-heading" id="presenter-poll">
          <Heading level={2} data-size="xs" id="presenter-poll-heading">
            {t("live:presenter.poll")}
          </Heading>
          {poll ? (
            <>
              <p className="live-presenter-question">
                {poll.title} ({t(`live:pollStatus.${poll.status}`)})
              </p>
              {poll.results && poll.results.total > 0 ? (
                <PollResultsView poll={poll} results={poll.results} />
              ) : (
                <Paragraph>{t("live:presenter.noPollResults")}</Paragraph>
              )}
            </>
          ) : (
            <Paragraph>{t("live:screen.noPoll")}</Paragraph>
          )}
        </section>
      </div>
      <div>
        <section aria-labelledby="presenter-next-heading" id="presenter-next">
          <Heading level={2} data-size="xs" id="presenter-next-heading">
            {t("live:presenter.next")}
          </Heading>
          <FeedbackLine feedback={feedback} />
          {next.length === 0 ? (
            <Paragraph>{t("live:presenter.noNext")}</Paragraph>
          ) : (
            <ol className="live-presenter-list">
              {next.map((q) => (
                <li key={q.id}>
                  <p className="live-presenter-question" id={`presenter-q-${q.id}`}>
                    {q.text}
                  </p>
                  <p className="live-row">
                    <span className="live-meta">{t("live:votes", { count: q.upvotes })}</span>
                    <Button
                      type="button"
                      variant="secondary"
                      data-size="sm"
                      disabled={busy}
                      aria-describedby={`presenter-q-${q.id}`}
                      onClick={() => answer(q.id)}
                    >
                      {t("live:mod.answer")}
                    </Button>
                  </p>
                </li>
              ))}
            </ol>
          )}
        </section>
        {answered.length > 0 ? (
          <section aria-labelledby="presenter-answered-heading" id="presenter-answered">
            <Heading level={2} data-size="2xs" id="presenter-answered-heading">
              {t("live:presenter.answeredList")}
            </Heading>
            <ul className="live-presenter-answered">
              {answered.map((q) => (
                <li key={q.id}>{q.text}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
