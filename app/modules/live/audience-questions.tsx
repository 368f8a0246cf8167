// The audience's questions, made for a phone: a compact form to ask one (the name behind a small
// disclosure), and the list with a small upvote toggle per question, where one's own questions
// can be edited or withdrawn until they are answered. Focus goes somewhere sensible after every
// action, and a message goes away when it no longer holds (a waiting question that is approved,
// a rate limit that has passed).
import { Button, Card, Heading, Tag } from "@digdir/designsystemet-react";
import { useEffect, useId, useRef, useState } from "react";
import { TextArea, TextInput } from "~/components/ui/field";
import { useLocale, useT } from "~/i18n";
import { formatTime } from "~/utils/format";
import { firstWords, rateLimitMs } from "./audience-helpers";
import { FeedbackLine, focusSoon, type Feedback } from "./feedback";
import { liveText } from "./messages";
import { DISPLAY_NAME_MAX, QUESTION_MAX, type Ack, type QuestionView, type RoomState } from "./protocol";
import { sortQuestions, type LiveActions } from "./use-live-room";

export const ASK_FEEDBACK_ID = "ask-feedback";
export const QUESTIONS_HEADING_ID = "questions-heading";
export const PRIVACY_ID = "live-privacy";

export function AskForm({
  room,
  questions,
  actions,
  disabled,
}: {
  room: RoomState["room"];
  questions: QuestionView[];
  actions: LiveActions;
  disabled: boolean;
}) {
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  // The question the "waiting for approval" message is about, and when a rate limit lifts.
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  const [limitedUntil, setLimitedUntil] = useState<number | null>(null);
  const t = useT();
  const closed = room.status === "CLOSED";
  const nameRequired = !room.allowAnonymous;

  // The waiting message follows the question: approved says so, anything else (hidden, gone) clears it.
  const waiting = waitingFor ? questions.find((q) => q.id === waitingFor) : undefined;
  const waitingStatus = waiting?.status ?? null;
  useEffect(() => {
    if (!waitingFor || waitingStatus === "PENDING") return;
    setWaitingFor(null);
    setFeedback(waitingStatus === "APPROVED" || waitingStatus === "ANSWERED" ? { kind: "ok", text: t("live:audience.approved") } : null);
  }, [waitingFor, waitingStatus, t]);

  useEffect(() => {
    if (limitedUntil === null) return;
    const timer = setTimeout(() => {
      setLimitedUntil(null);
      setFeedback(null);
    }, Math.max(0, limitedUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [limitedUntil]);

  function show(next: Feedback) {
    setFeedback(next);
    focusSoon(ASK_FEEDBACK_ID);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (nameRequired && !name.trim()) {
      show({ kind: "error", text: t("live:ask.nameMissing") });
      return;
    }
    setBusy(true);
    const ack = await actions.ask({ text, displayName: name.trim() || undefined });
    setBusy(false);
    if (ack.ok) {
      setText("");
      setLimitedUntil(null);
      setWaitingFor(ack.data.status === "PENDING" ? ack.data.id : null);
      show({ kind: "ok", text: ack.data.status === "PENDING" ? t("live:ask.thanksPending") : t("live:ask.thanks") });
    } else {
      const limit = rateLimitMs(ack);
      setLimitedUntil(limit === null ? null : Date.now() + limit);
      show({ kind: "error", text: liveText(t, ack) });
    }
  }

  if (closed) return <p className="live-closed-note">{t("live:ask.closed")}</p>;
  const nameField = (
    <TextInput
      id="question-name"
      name="displayName"
      type="text"
      label={nameRequired ? t("live:ask.nameRequired") : t("live:ask.nameOptional")}
      help={t("live:ask.namePrivacy")}
      autoComplete="name"
      maxLength={DISPLAY_NAME_MAX}
      required={nameRequired}
      value={name}
      onChange={(e) => setName(e.target.value)}
    />
  );
  return (
    <form className="live-ask" onSubmit={submit} aria-labelledby="ask-heading">
      <Heading level={2} data-size="2xs" id="ask-heading">
        {t("live:ask.heading")}
      </Heading>
      <TextArea
        id="question-text"
        name="text"
        label={t("live:ask.text")}
        // The count appears once there is something to count: one line less on an empty form.
        help={text ? <span className="live-counter">{t("live:ask.counter", { length: text.length, max: QUESTION_MAX })}</span> : undefined}
        rows={2}
        required
        maxLength={QUESTION_MAX}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          // A new question makes the last message old news (a rate limit still holds).
          if (feedback && limitedUntil === null && !waitingFor) setFeedback(null);
        }}
      />
      {nameRequired ? (
        nameField
      ) : (
        <details className="live-ask-name" open={name !== "" || undefined}>
          <summary>{t("live:audience.addName")}</summary>
          {nameField}
        </details>
      )}
      <div className="live-ask-send">
        <Button type="submit" variant="primary" data-size="sm" disabled={busy || disabled}>
          {t("live:ask.send")}
        </Button>
        <PrivacyLine anonymous={!nameRequired} />
      </div>
      <FeedbackLine feedback={feedback} id={ASK_FEEDBACK_ID} />
    </form>
  );
}

function PrivacyLine({ anonymous }: { anonymous: boolean }) {
  const t = useT();
  return (
    <p className="live-privacy-line">
      {anonymous ? t("live:audience.privacyAnonymous") : t("live:audience.privacyNamed")}{" "}
      <a href={`#${PRIVACY_ID}`}>{t("live:audience.privacyLink")}</a>
    </p>
  );
}

/** The full notice at the foot of the page, where the privacy line links. */
export function PrivacyNotice({ eventSlug }: { eventSlug: string }) {
  const t = useT();
  return (
    <section className="live-privacy" aria-labelledby={PRIVACY_ID}>
      <Heading level={2} data-size="2xs" id={PRIVACY_ID} tabIndex={-1}>
        {t("live:audience.privacyHeading")}
      </Heading>
      <p>{t("live:ask.namePrivacy")}</p>
      <p>{t("live:audience.privacyDevice")}</p>
      <p>
        <a href={`/events/${eventSlug}`}>{t("live:audience.eventLink")}</a>
      </p>
    </section>
  );
}

/** The small outlined toggle with the count; its name says which question and how many votes. */
export function UpvoteButton({
  q,
  upvoted,
  actions,
  disabled,
  onError,
}: {
  q: QuestionView;
  upvoted: boolean;
  actions: LiveActions;
  disabled: boolean;
  onError?: (ack: Ack<unknown>) => void;
}) {
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  // A popular list re-sorts under the finger when the new count arrives (moving the button in the
  // page drops its focus), and the button is disabled while the vote is sent: for a few seconds
  // after a click, every render puts focus back on it if it fell to the page.
  const keepFocusUntil = useRef(0);
  useEffect(() => {
    if (Date.now() < keepFocusUntil.current && (document.activeElement === document.body || document.activeElement === null)) ref.current?.focus();
  });
  const t = useT();
  const values = { text: firstWords(q.text), count: q.upvotes };
  return (
    <Button
      ref={ref}
      type="button"
      variant={upvoted ? "primary" : "secondary"}
      data-size="sm"
      className="live-upvote"
      aria-pressed={upvoted}
      aria-label={upvoted ? t("live:audience.upvotedLabel", values) : t("live:audience.upvoteLabel", values)}
      disabled={busy || disabled}
      onClick={async () => {
        keepFocusUntil.current = Date.now() + 3000;
        setBusy(true);
        const ack = await actions.upvote({ questionId: q.id, up: !upvoted });
        setBusy(false);
        if (!ack.ok) onError?.(ack);
      }}
    >
      <span aria-hidden="true">▲</span>
      <span className="live-count">{q.upvotes}</span>
    </Button>
  );
}

function QuestionItem({
  q,
  upvoted,
  actions,
  room,
}: {
  q: QuestionView;
  upvoted: boolean;
  actions: LiveActions;
  room: RoomState["room"];
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(q.text);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const editId = useId();
  const feedbackId = `question-${q.id}-feedback`;
  const editButtonId = `question-${q.id}-edit`;
  const t = useT();
  const locale = useLocale();
  const canChange = q.mine && (q.status === "PENDING" || q.status === "APPROVED") && room.status === "OPEN";
  const onScreen = q.id === room.onScreenQuestionId;

  function refused(ack: Ack<unknown>) {
    if (ack.ok) return;
    setFeedback({ kind: "error", text: liveText(t, ack) });
    focusSoon(feedbackId);
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const ack = await actions.edit({ questionId: q.id, text: draft });
    setBusy(false);
    if (!ack.ok) return refused(ack);
    setEditing(false);
    setFeedback({ kind: "ok", text: t("live:question.edited") });
    focusSoon(feedbackId);
  }

  async function withdraw() {
    setBusy(true);
    const ack = await actions.withdraw({ questionId: q.id });
    setBusy(false);
    if (!ack.ok) return refused(ack);
    // The question leaves the list; the list's heading is the nearest place that stays.
    focusSoon(QUESTIONS_HEADING_ID);
  }

  return (
    <Card asChild data-color={q.pinned ? "accent" : "neutral"} variant={q.pinned ? "tinted" : "default"}>
      <li className="live-question" data-mine={q.mine ? "true" : undefined}>
        {q.pinned || onScreen || q.mine ? (
          <p className="live-tags">
            {q.mine ? (
              <Tag data-color="neutral" data-size="sm">
                {t("live:audience.mine")}
              </Tag>
            ) : null}
            {q.pinned ? (
              <Tag data-color="accent" data-size="sm">
                {t("live:question.pinned")}
              </Tag>
            ) : null}
            {onScreen ? (
              <Tag data-color="info" data-size="sm">
                {t("live:question.onScreenNow")}
              </Tag>
            ) : null}
          </p>
        ) : null}
        {editing ? (
          <form className="stacked" onSubmit={save}>
            <TextArea
              id={editId}
              label={t("live:question.editLabel")}
              help={<span className="live-counter">{t("live:ask.counter", { length: draft.length, max: QUESTION_MAX })}</span>}
              rows={3}
              maxLength={QUESTION_MAX}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              required
              autoFocus
            />
            <div className="live-row">
              <Button type="submit" variant="primary" data-size="sm" disabled={busy}>
                {t("live:question.save")}
              </Button>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  setEditing(false);
                  focusSoon(editButtonId);
                }}
              >
                {t("live:question.cancel")}
              </Button>
            </div>
          </form>
        ) : (
          <div className="live-question-main">
            <p className="live-question-text">{q.text}</p>
            {q.status === "APPROVED" || q.status === "ANSWERED" ? (
              <UpvoteButton q={q} upvoted={upvoted} actions={actions} disabled={room.status === "CLOSED"} onError={refused} />
            ) : null}
          </div>
        )}
        <div className="live-question-foot">
          <p className="small live-meta">
            {[
              q.displayName ?? t("live:anonymous"),
              t("live:atTime", { time: formatTime(new Date(q.createdAt), locale) }),
              q.status === "PENDING" || q.status === "ANSWERED" || q.status === "WITHDRAWN" ? t(`live:status.${q.status}`) : null,
              q.status !== "APPROVED" && q.status !== "ANSWERED" && q.upvotes > 0 ? t("live:votes", { count: q.upvotes }) : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {canChange && !editing ? (
            <span className="live-own-actions">
              <Button
                type="button"
                id={editButtonId}
                variant="tertiary"
                data-size="sm"
                onClick={() => {
                  setDraft(q.text);
                  setFeedback(null);
                  setEditing(true);
                }}
              >
                {t("live:question.edit")}
              </Button>
              <Button type="button" variant="tertiary" data-size="sm" data-color="danger" disabled={busy} onClick={withdraw}>
                {t("live:question.withdraw")}
              </Button>
            </span>
          ) : null}
        </div>
        <FeedbackLine feedback={feedback} id={feedbackId} />
      </li>
    </Card>
  );
}

/** What the audience sees of the questions: approved and answered ones, and one's own waiting ones. */
export function visibleQuestions(questions: QuestionView[]): QuestionView[] {
  return questions.filter((q) => q.status === "APPROVED" || q.status === "ANSWERED" || (q.mine && q.status === "PENDING"));
}

export function AudienceQuestions({ state, actions }: { state: RoomState; actions: LiveActions }) {
  const [order, setOrder] = useState<"popular" | "newest">("popular");
  const t = useT();
  const visible = visibleQuestions(state.questions);
  const sorted = sortForAudience(visible, order);
  return (
    <section aria-labelledby={QUESTIONS_HEADING_ID} className="live-questions">
      <div className="live-questions-head">
        <Heading level={2} data-size="2xs" id={QUESTIONS_HEADING_ID} tabIndex={-1}>
          {t("live:questions.heading", { count: visible.length })}
        </Heading>
        <div className="live-sort" role="group" aria-label={t("live:questions.sorting")}>
          {(["popular", "newest"] as const).map((o) => (
            <Button
              key={o}
              type="button"
              data-size="sm"
              variant={order === o ? "secondary" : "tertiary"}
              aria-pressed={order === o}
              onClick={() => setOrder(o)}
            >
              {t(`live:questions.${o}`)}
            </Button>
          ))}
        </div>
      </div>
      {sorted.length === 0 ? (
        <p>{t("live:questions.none")}</p>
      ) : (
        <ol className="live-question-list">
          {sorted.map((q) => (
            <QuestionItem key={q.id} q={q} upvoted={state.myUpvotes.includes(q.id)} actions={actions} room={state.room} />
          ))}
        </ol>
      )}
    </section>
  );
}

function sortForAudience(questions: QuestionView[], order: "popular" | "newest") {
  // Answered ones sink to the bottom: the room is done with them.
  const open = questions.filter((q) => q.status !== "ANSWERED");
  const answered = questions.filter((q) => q.status === "ANSWERED");
  return [...sortQuestions(open, order), ...sortQuestions(answered, order)];
}
