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
import type { PollView, RoomState } from "./protocol";
import type { LiveActions } from "./use-live-room";

export type Timing = { startsAt: string; endsAt: string } | null;

function useNow(everyMs: number) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function TimeLeft({ timing }: { timing: Timing }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow(15_000);
  if (!timing) return null;
  const start = new Date(timing.startsAt);
  const end = new Date(timing.endsAt);
  const endText = formatTime(end, locale);
  // Before hydration (and without JavaScript) the end time alone.
  let text = `${formatTime(start, locale)}–${endText}`;
  if (now !== null) {
    if (now < start.getTime()) text = t("live:presenter.notStarted", { start: formatTime(start, locale) });
    else if (now >= end.getTime()) text = t("live:presenter.overtime", { end: endText });
    else text = t("live:presenter.remaining", { count: Math.ceil((end.getTime() - now) / 60_000), end: endText });
  }
  return (
    <section aria-labelledby="presenter-time-heading" className="live-presenter-time">
      <Heading level={2} data-size="xs" id="presenter-time-heading">
        {t("live:presenter.time")}
      </Heading>
      <p id="presenter-time">{text}</p>
    </section>
  );
}

function NowOnScreen({ state }: { state: RoomState }) {
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
      {question ? <p className="live-presenter-question">{question.text}</p> : null}
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

export function PresenterView({ state, actions, timing }: { state: RoomState; actions: LiveActions; timing: Timing }) {
  const t = useT();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const onScreen = state.room.screenMode === "QUESTION" ? state.room.onScreenQuestionId : null;
  const next = topQuestions({ ...state, questions: state.questions.filter((q) => q.id !== onScreen) }, 5);
  const poll = currentPoll(state.polls);

  async function answer(questionId: string) {
    setBusy(true);
    const ack = await actions.moderateQuestion({ questionId, action: "answer" });
    setBusy(false);
    setFeedback(ack.ok ? { kind: "ok", text: t("live:mod.answered") } : { kind: "error", text: liveText(t, ack) });
  }

  return (
    <div className="live-presenter-grid">
      <div>
        <NowOnScreen state={state} />
        <TimeLeft timing={timing} />
        <section aria-labelledby="presenter-poll-heading" id="presenter-poll">
          <Heading level={2} data-size="xs" id="presenter-poll-heading">
            {t("live:presenter.poll")}
          </Heading>
          {poll ? (
            <>
              <p className="live-presenter-question">
                {poll.title} ({t(`live:pollStatus.${poll.status}`)})
              </p>
              {poll.results ? <PollResultsView poll={poll} results={poll.results} /> : null}
            </>
          ) : (
            <Paragraph>{t("live:screen.noPoll")}</Paragraph>
          )}
        </section>
      </div>
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
    </div>
  );
}
