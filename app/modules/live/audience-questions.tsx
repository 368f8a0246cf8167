// The audience's questions: the form to ask one, and the list with upvotes, where one's own
// questions can be edited or withdrawn until they are answered.
import {
  Alert,
  Button,
  Card,
  Heading,
  Tag,
} from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { TextArea, TextInput } from "~/components/ui/field";
import { useLocale, useT } from "~/i18n";
import { formatTime } from "~/utils/format";
import { FeedbackLine, type Feedback } from "./feedback";
import { liveText } from "./messages";
import {
  DISPLAY_NAME_MAX,
  QUESTION_MAX,
  type QuestionView,
  type RoomState,
} from "./protocol";
import { sortQuestions, type LiveActions } from "./use-live-room";

export function AskForm({
  room,
  actions,
  disabled,
}: {
  room: RoomState["room"];
  actions: LiveActions;
  disabled: boolean;
}) {
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const t = useT();
  const closed = room.status === "CLOSED";
  const nameRequired = !room.allowAnonymous;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (nameRequired && !name.trim()) {
      setFeedback({ kind: "error", text: t("live:ask.nameMissing") });
      return;
    }
    setBusy(true);
    const ack = await actions.ask({
      text,
      displayName: name.trim() || undefined,
    });
    setBusy(false);
    if (ack.ok) {
      setText("");
      setFeedback({
        kind: "ok",
        text:
          ack.data.status === "PENDING"
            ? t("live:ask.thanksPending")
            : t("live:ask.thanks"),
      });
    } else setFeedback({ kind: "error", text: liveText(t, ack) });
  }

  if (closed) return <Alert data-color="info">{t("live:ask.closed")}</Alert>;
  return (
    <form
      className="stacked live-ask"
      onSubmit={submit}
      aria-labelledby="ask-heading"
    >
      <Heading level={2} data-size="sm" id="ask-heading">
        {t("live:ask.heading")}
      </Heading>
      <TextArea
        id="question-text"
        name="text"
        label={t("live:ask.text")}
        help={
          <span className="live-counter">
            {t("live:ask.counter", { length: text.length, max: QUESTION_MAX })}
          </span>
        }
        rows={3}
        required
        maxLength={QUESTION_MAX}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <TextInput
        id="question-name"
        name="displayName"
        type="text"
        label={
          nameRequired ? t("live:ask.nameRequired") : t("live:ask.nameOptional")
        }
        help={t("live:ask.namePrivacy")}
        autoComplete="name"
        maxLength={DISPLAY_NAME_MAX}
        required={nameRequired}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <Button type="submit" variant="primary" disabled={busy || disabled}>
        {t("live:ask.send")}
      </Button>
      <FeedbackLine feedback={feedback} />
    </form>
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
  const t = useT();
  const locale = useLocale();
  const canChange =
    q.mine &&
    (q.status === "PENDING" || q.status === "APPROVED") &&
    room.status === "OPEN";

  async function run<T>(
    work: () => Promise<
      | { ok: true; data: T }
      | {
          ok: false;
          message: string;
          key?: string;
          values?: Record<string, string | number>;
        }
    >,
    done?: string
  ) {
    setBusy(true);
    const ack = await work();
    setBusy(false);
    setFeedback(
      ack.ok
        ? done
          ? { kind: "ok", text: done }
          : null
        : { kind: "error", text: liveText(t, ack) }
    );
    return ack.ok;
  }

  return (
    <Card
      asChild
      data-color={q.pinned ? "accent" : "neutral"}
      variant={q.pinned ? "tinted" : "default"}
    >
      <li className="live-question">
        {q.pinned || q.id === room.onScreenQuestionId ? (
          <p className="live-tags">
            {q.pinned ? (
              <Tag data-color="accent">{t("live:question.pinned")}</Tag>
            ) : null}
            {q.id === room.onScreenQuestionId ? (
              <Tag data-color="info">{t("live:question.onScreenNow")}</Tag>
            ) : null}
          </p>
        ) : null}
        {editing ? (
          <form
            className="stacked"
            onSubmit={async (e) => {
              e.preventDefault();
              if (
                await run(
                  () => actions.edit({ questionId: q.id, text: draft }),
                  t("live:question.edited")
                )
              )
                setEditing(false);
            }}
          >
            <TextArea
              id={editId}
              label={t("live:question.editLabel")}
              help={
                <span className="live-counter">
                  {t("live:ask.counter", {
                    length: draft.length,
                    max: QUESTION_MAX,
                  })}
                </span>
              }
              rows={3}
              maxLength={QUESTION_MAX}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              required
            />
            <div className="live-row">
              <Button type="submit" variant="primary" disabled={busy}>
                {t("live:question.save")}
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => setEditing(false)}
              >
                {t("live:question.cancel")}
              </Button>
            </div>
          </form>
        ) : (
          <p className="live-question-text">{q.text}</p>
        )}
        <p className="small live-meta">
          {[
            q.displayName ?? t("live:anonymous"),
            t("live:atTime", {
              time: formatTime(new Date(q.createdAt), locale),
            }),
            q.mine ? t("live:question.mine") : null,
            q.status === "PENDING" ||
            q.status === "ANSWERED" ||
            q.status === "WITHDRAWN"
              ? t(`live:status.${q.status}`)
              : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <div className="live-row">
          {q.status === "APPROVED" || q.status === "ANSWERED" ? (
            <Button
              type="button"
              variant={upvoted ? "primary" : "secondary"}
              className="live-upvote"
              aria-pressed={upvoted}
              aria-label={t("live:question.upvoteLabel", {
                text: q.text,
                count: q.upvotes,
              })}
              disabled={busy || room.status === "CLOSED"}
              onClick={() =>
                run(() => actions.upvote({ questionId: q.id, up: !upvoted }))
              }
            >
              <span aria-hidden="true">▲</span> {t("live:question.upvote")}{" "}
              <span className="live-count">{q.upvotes}</span>
            </Button>
          ) : (
            <span className="live-count-static">
              {q.upvotes > 0 ? t("live:votes", { count: q.upvotes }) : null}
            </span>
          )}
          {canChange && !editing ? (
            <>
              <Button
                type="button"
                variant="secondary"
                onClick={() => (setDraft(q.text), setEditing(true))}
              >
                {t("live:question.edit")}
              </Button>
              <Button
                type="button"
                variant="secondary"
                data-color="danger"
                disabled={busy}
                onClick={() =>
                  run(
                    () => actions.withdraw({ questionId: q.id }),
                    t("live:question.withdrawn")
                  )
                }
              >
                {t("live:question.withdraw")}
              </Button>
            </>
          ) : null}
        </div>
        <FeedbackLine feedback={feedback} />
      </li>
    </Card>
  );
}

export function AudienceQuestions({
  state,
  actions,
}: {
  state: RoomState;
  actions: LiveActions;
}) {
  const [order, setOrder] = useState<"popular" | "newest">("popular");
  const t = useT();
  const visible = state.questions.filter(
    (q) =>
      q.status === "APPROVED" ||
      q.status === "ANSWERED" ||
      (q.mine && q.status === "PENDING")
  );
  const sorted = sortForAudience(visible, order);
  return (
    <section aria-labelledby="questions-heading" className="live-questions">
      <Heading level={2} data-size="sm" id="questions-heading">
        {t("live:questions.heading", { count: visible.length })}
      </Heading>
      <div
        className="live-toggle"
        role="group"
        aria-label={t("live:questions.sorting")}
      >
        <Button
          type="button"
          data-size="sm"
          variant={order === "popular" ? "primary" : "secondary"}
          aria-pressed={order === "popular"}
          onClick={() => setOrder("popular")}
        >
          {t("live:questions.popular")}
        </Button>
        <Button
          type="button"
          data-size="sm"
          variant={order === "newest" ? "primary" : "secondary"}
          aria-pressed={order === "newest"}
          onClick={() => setOrder("newest")}
        >
          {t("live:questions.newest")}
        </Button>
      </div>
      {sorted.length === 0 ? (
        <p>{t("live:questions.none")}</p>
      ) : (
        <ol className="live-question-list">
          {sorted.map((q) => (
            <QuestionItem
              key={q.id}
              q={q}
              upvoted={state.myUpvotes.includes(q.id)}
              actions={actions}
              room={state.room}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function sortForAudience(
  questions: QuestionView[],
  order: "popular" | "newest"
) {
  // Answered ones sink to the bottom: the room is done with them.
  const open = questions.filter((q) => q.status !== "ANSWERED");
  const answered = questions.filter((q) => q.status === "ANSWERED");
  return [...sortQuestions(open, order), ...sortQuestions(answered, order)];
}
