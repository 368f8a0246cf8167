// The moderator's panels: the queue of pending questions, the published ones, room settings,
// polls (create, open, close, live results), answers the word filter held, hiding answers and
// words, and blocking participants. Every button reports a refusal in words.
import {
  Alert,
  Button,
  Card,
  Heading,
  Paragraph,
  Tag,
} from "@digdir/designsystemet-react";
import { useState } from "react";
import {
  CheckboxField,
  SelectInput,
  TextArea,
  TextInput,
} from "~/components/ui/field";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatTime } from "~/utils/format";
import { FeedbackLine, type Feedback } from "./feedback";
import { describeInvalid, liveText } from "./messages";
import { PollResultsView } from "./poll-results";
import {
  clientSchemas,
  POLL_KINDS,
  POLL_OPTION_MAX,
  POLL_TITLE_MAX,
  RESULTS_VISIBILITY,
  type ClientPayload,
  type PollKind,
  type QuestionView,
  type ResultsVisibility,
  type RoomState,
} from "./protocol";
import { sortQuestions, type LiveActions } from "./use-live-room";

type ModAction = ClientPayload<"mod:question">["action"];

function useRunner() {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();
  async function run(
    work: () => Promise<{
      ok: boolean;
      message?: string;
      key?: string;
      values?: Record<string, string | number>;
    }>,
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
        : {
            kind: "error",
            text:
              ack.message || ack.key ? liveText(t, ack) : t("live:mod.failed"),
          }
    );
    return ack.ok;
  }
  const line = <FeedbackLine feedback={feedback} />;
  return { run, busy, line };
}

function ModQuestion({
  q,
  room,
  actions,
}: {
  q: QuestionView;
  room: RoomState["room"];
  actions: LiveActions;
}) {
  const { run, busy, line } = useRunner();
  const onScreen = room.onScreenQuestionId === q.id;
  const t = useT();
  const locale = useLocale();
  const button = (
    action: ModAction,
    label: MessageKey,
    done: MessageKey,
    look: "primary" | "secondary" | "danger" = "secondary"
  ) => (
    <Button
      type="button"
      data-size="sm"
      variant={look === "primary" ? "primary" : "secondary"}
      data-color={look === "danger" ? "danger" : undefined}
      disabled={busy}
      onClick={() =>
        run(
          () => actions.moderateQuestion({ questionId: q.id, action }),
          t(done)
        )
      }
    >
      {t(label)}
    </Button>
  );
  return (
    <Card
      asChild
      data-color={q.pinned ? "accent" : "neutral"}
      variant={q.pinned ? "tinted" : "default"}
    >
      <li className="live-question">
        {q.flagged || q.pinned || onScreen ? (
          <p className="live-tags">
            {q.flagged ? (
              <Tag data-color="warning" className="live-flag">
                {t("live:mod.flagged")}
              </Tag>
            ) : null}
            {q.pinned ? (
              <Tag data-color="accent">{t("live:question.pinned")}</Tag>
            ) : null}
            {onScreen ? (
              <Tag data-color="info">{t("live:question.onScreen")}</Tag>
            ) : null}
          </p>
        ) : null}
        <p className="live-question-text">{q.text}</p>
        <p className="small live-meta">
          {q.displayName ?? t("live:anonymous")} ·{" "}
          {t("live:atTime", {
            time: formatTime(new Date(q.createdAt), locale),
          })}{" "}
          · {t("live:votes", { count: q.upvotes })}
          {/* ---- evening: the programme item it was asked in */}
          {!room.itemRoom && room.programme.length > 0 ? (
            <>
              {" · "}
              <span className="live-question-item">
                {t("live:evening.questionItem", {
                  item: room.programme.find((i) => i.id === q.programmeItemId)?.title ?? t("live:evening.noItem"),
                })}
              </span>
            </>
          ) : null}
        </p>
        <div className="live-row">
          {q.status === "PENDING" || q.status === "HIDDEN"
            ? button(
                "approve",
                "live:mod.approve",
                "live:mod.approved",
                "primary"
              )
            : null}
          {q.status !== "HIDDEN"
            ? button("hide", "live:mod.hide", "live:mod.hidden", "danger")
            : null}
          {q.status === "APPROVED"
            ? button("answer", "live:mod.answer", "live:mod.answered")
            : null}
          {q.status === "APPROVED" || q.status === "ANSWERED"
            ? onScreen
              ? button("unscreen", "live:mod.unscreen", "live:mod.unscreened")
              : button("screen", "live:mod.screen", "live:mod.screened")
            : null}
          {q.status === "APPROVED"
            ? q.pinned
              ? button("unpin", "live:mod.unpin", "live:mod.unpinned")
              : button("pin", "live:mod.pin", "live:mod.pinnedDone")
            : null}
          {q.status !== "HIDDEN" ? (
            <BlockButton text={q.text} target={{ questionId: q.id }} actions={actions} />
          ) : null}
        </div>
        {line}
      </li>
    </Card>
  );
}

export function ModeratorQuestions({
  state,
  actions,
}: {
  state: RoomState;
  actions: LiveActions;
}) {
  const [showHidden, setShowHidden] = useState(false);
  const t = useT();
  // ---- evening: questions by programme item (default: the item on now, and those without one)
  const [itemFilter, setItemFilter] = useState<string>("now");
  const room = state.room;
  const filtering = !room.itemRoom && room.programme.length > 0;
  const inFilter = (q: QuestionView) => {
    if (!filtering || itemFilter === "all") return true;
    if (itemFilter === "now") return !room.currentItem || q.programmeItemId === null || q.programmeItemId === room.currentItem.id;
    if (itemFilter === "none") return q.programmeItemId === null;
    return q.programmeItemId === itemFilter;
  };
  const itemFilterField = filtering ? (
    <SelectInput
      id="question-item-filter"
      label={t("live:evening.filter")}
      value={itemFilter}
      onChange={(e) => setItemFilter(e.currentTarget.value)}
      options={[
        ["now", room.currentItem ? `${t("live:evening.filterNow")}: ${room.currentItem.title}` : t("live:evening.filterNow")],
        ["all", t("live:evening.filterAll")],
        ...room.programme.map((i) => [i.id, i.title] as [string, string]),
        ["none", t("live:evening.filterNone")],
      ]}
    />
  ) : null;
  // ---- end evening
  const pending = sortQuestions(
    state.questions.filter((q) => q.status === "PENDING"),
    "newest"
  ).reverse();
  const published = sortQuestions(
    state.questions.filter((q) => q.status === "APPROVED" && inFilter(q)),
    "popular"
  );
  const answered = sortQuestions(
    state.questions.filter((q) => q.status === "ANSWERED" && inFilter(q)),
    "newest"
  );
  const hidden = state.questions.filter((q) => q.status === "HIDDEN" && inFilter(q));
  const list = (items: QuestionView[], empty: string) =>
    items.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <ol className="live-question-list">
        {items.map((q) => (
          <ModQuestion key={q.id} q={q} room={state.room} actions={actions} />
        ))}
      </ol>
    );
  return (
    <div>
      <section aria-labelledby="pending-heading">
        <Heading level={2} data-size="sm" id="pending-heading">
          {t("live:mod.pending", { count: pending.length })}
        </Heading>
        {list(pending, t("live:mod.noPending"))}
      </section>
      <section aria-labelledby="published-heading">
        <Heading level={2} data-size="sm" id="published-heading">
          {t("live:mod.published", { count: published.length })}
        </Heading>
        {itemFilterField}
        {list(published, t("live:mod.noPublished"))}
      </section>
      <section aria-labelledby="answered-heading">
        <Heading level={2} data-size="sm" id="answered-heading">
          {t("live:mod.answeredList", { count: answered.length })}
        </Heading>
        {list(answered, t("live:mod.noAnswered"))}
      </section>
      <section aria-labelledby="hidden-heading">
        <Heading level={2} data-size="sm" id="hidden-heading">
          {t("live:mod.hiddenList", { count: hidden.length })}
        </Heading>
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          aria-expanded={showHidden}
          onClick={() => setShowHidden(!showHidden)}
        >
          {showHidden ? t("live:mod.hideHidden") : t("live:mod.showHidden")}
        </Button>
        {showHidden ? list(hidden, t("live:mod.noHidden")) : null}
      </section>
    </div>
  );
}

export function RoomSettings({
  room,
  actions,
}: {
  room: RoomState["room"];
  actions: LiveActions;
}) {
  const { run, busy, line } = useRunner();
  const t = useT();
  // Shown at once; the server's answer (or a refusal) settles it.
  const [optimistic, setOptimistic] = useState<{
    preModeration?: boolean;
    allowAnonymous?: boolean;
  }>({});
  const toggle = async (
    change: { preModeration: boolean } | { allowAnonymous: boolean }
  ) => {
    setOptimistic((o) => ({ ...o, ...change }));
    await run(() => actions.updateRoom(change), t("live:settings.saved"));
    setOptimistic({});
  };
  return (
    <section aria-labelledby="settings-heading">
      <Heading level={2} data-size="sm" id="settings-heading">
        {t("live:settings.heading")}
      </Heading>
      <CheckboxField
        id="pre-moderation"
        label={t("live:settings.preModeration")}
        checked={optimistic.preModeration ?? room.preModeration}
        disabled={busy}
        onChange={(e) => toggle({ preModeration: e.target.checked })}
      />
      <CheckboxField
        id="allow-anonymous"
        label={t("live:settings.allowAnonymous")}
        checked={optimistic.allowAnonymous ?? room.allowAnonymous}
        disabled={busy}
        onChange={(e) => toggle({ allowAnonymous: e.target.checked })}
      />
      <p className="live-row">
        <strong>
          {room.status === "OPEN"
            ? t("live:settings.roomOpen")
            : t("live:settings.roomClosed")}
        </strong>{" "}
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          data-color={room.status === "OPEN" ? "danger" : undefined}
          disabled={busy}
          onClick={() =>
            run(
              () =>
                actions.updateRoom({
                  status: room.status === "OPEN" ? "CLOSED" : "OPEN",
                }),
              room.status === "OPEN"
                ? t("live:settings.closedDone")
                : t("live:settings.openedDone")
            )
          }
        >
          {room.status === "OPEN"
            ? t("live:settings.close")
            : t("live:settings.reopen")}
        </Button>
      </p>
      {line}
    </section>
  );
}

export function CreatePollForm({ actions, programmeItemId = null }: { actions: LiveActions; programmeItemId?: string | null }) {
  const { run, busy, line } = useRunner();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<PollKind>("SINGLE");
  const [options, setOptions] = useState("");
  const [maxChoices, setMaxChoices] = useState(2);
  const [scaleMax, setScaleMax] = useState(5);
  const [visibility, setVisibility] = useState<ResultsVisibility>("LIVE");
  const [error, setError] = useState<string | null>(null);
  const withOptions = kind === "SINGLE" || kind === "MULTIPLE" || kind === "RANKING";
  const t = useT();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const optionList = withOptions
      ? options
          .split("\n")
          .map((o) => o.trim())
          .filter(Boolean)
      : [];
    if (withOptions && optionList.length < 2)
      return setError(t("live:create.needOptions"));
    const payload = {
      title,
      kind,
      options: optionList,
      maxChoices:
        kind === "MULTIPLE"
          ? Math.min(maxChoices, optionList.length)
          : undefined,
      scaleMax: kind === "RATING" ? scaleMax : undefined,
      resultsVisibility: visibility,
      // ---- poll library: made during the evening, it belongs to the item on now.
      programmeItemId,
    };
    const parsed = clientSchemas["mod:poll:create"].safeParse(payload);
    if (!parsed.success)
      return setError(liveText(t, describeInvalid(parsed.error)));
    setError(null);
    if (await run(() => actions.createPoll(payload), t("live:create.done"))) {
      setTitle("");
      setOptions("");
    }
  }

  return (
    <form
      className="stacked"
      onSubmit={submit}
      aria-labelledby="create-poll-heading"
    >
      <Heading level={3} data-size="xs" id="create-poll-heading">
        {t("live:create.heading")}
      </Heading>
      {error ? (
        <Alert data-color="danger" data-size="sm" role="alert">
          {error}
        </Alert>
      ) : null}
      <TextInput
        id="poll-title"
        type="text"
        label={t("live:create.title")}
        required
        maxLength={POLL_TITLE_MAX}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <SelectInput
        id="poll-kind"
        label={t("live:create.kind")}
        value={kind}
        onChange={(e) => setKind(e.target.value as PollKind)}
        options={POLL_KINDS.map((k) => [k, t(`live:kind.${k}`)] as const)}
      />
      {withOptions ? (
        <TextArea
          id="poll-options"
          label={t("live:create.options")}
          help={t("live:create.optionsHelp", { max: POLL_OPTION_MAX })}
          rows={4}
          value={options}
          onChange={(e) => setOptions(e.target.value)}
        />
      ) : null}
      {kind === "MULTIPLE" ? (
        <TextInput
          id="poll-max"
          type="number"
          label={t("live:create.maxChoices")}
          min={1}
          max={20}
          value={maxChoices}
          onChange={(e) => setMaxChoices(Number(e.target.value))}
        />
      ) : null}
      {kind === "RATING" ? (
        <TextInput
          id="poll-scale"
          type="number"
          label={t("live:create.scale")}
          min={2}
          max={10}
          value={scaleMax}
          onChange={(e) => setScaleMax(Number(e.target.value))}
        />
      ) : null}
      <SelectInput
        id="poll-visibility"
        label={t("live:create.visibility")}
        value={visibility}
        onChange={(e) => setVisibility(e.target.value as ResultsVisibility)}
        options={RESULTS_VISIBILITY.map(
          (v) => [v, t(`live:visibility.${v}`)] as const
        )}
      />
      <Button type="submit" variant="primary" disabled={busy}>
        {t("live:create.submit")}
      </Button>
      {line}
    </form>
  );
}

// ---- poll library: the poll panel. Open polls first, then the drafts of the item on now, the
// other drafts and the closed polls folded away; every poll can be copied, drafts and closed
// polls deleted (with a second confirming click), closed polls reopened (answers kept) or put
// back on the projector.
function ModPoll({
  poll,
  answers,
  actions,
  programme,
}: {
  poll: RoomState["polls"][number];
  answers: Answer[];
  actions: LiveActions;
  programme: RoomState["room"]["programme"];
}) {
  const { run, busy, line } = useRunner();
  const [confirming, setConfirming] = useState(false);
  const t = useT();
  const item = programme.find((i) => i.id === poll.programmeItemId);
  const screenMode = poll.kind === "WORDCLOUD" ? "WORDCLOUD" : "POLL";
  return (
    <Card asChild data-color="accent" className="live-poll">
      <li>
        <Heading level={3} data-size="xs">
          {poll.title}
        </Heading>
        <Paragraph data-size="sm">
          {t(`live:kind.${poll.kind}`)} · {t(`live:pollStatus.${poll.status}`)}{" "}
          · {t(`live:visibility.${poll.resultsVisibility}`)}
          {item ? ` · ${item.title}` : ""}
        </Paragraph>
        <div className="live-row">
          {poll.status === "DRAFT" ? (
            <Button
              type="button"
              variant="primary"
              data-size="sm"
              disabled={busy}
              onClick={() => run(() => actions.setPollState({ pollId: poll.id, status: "OPEN" }), t("live:polls.opened"))}
            >
              {t("live:polls.open", { title: poll.title })}
            </Button>
          ) : poll.status === "OPEN" ? (
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              disabled={busy}
              onClick={() => run(() => actions.setPollState({ pollId: poll.id, status: "CLOSED" }), t("live:polls.closedDone"))}
            >
              {t("live:polls.close", { title: poll.title })}
            </Button>
          ) : (
            <>
              <Button
                type="button"
                variant="primary"
                data-size="sm"
                disabled={busy}
                onClick={() => run(() => actions.setPollState({ pollId: poll.id, status: "OPEN" }), t("live:pollLibrary.reopened"))}
              >
                {t("live:pollLibrary.reopen", { title: poll.title })}
              </Button>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                disabled={busy}
                onClick={() => run(() => actions.setScreen({ mode: screenMode, pollId: poll.id }), t("live:pollLibrary.onScreenDone"))}
              >
                {t("live:pollLibrary.showOnScreen", { title: poll.title })}
              </Button>
            </>
          )}
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            disabled={busy}
            onClick={() => run(() => actions.duplicatePoll({ pollId: poll.id }), t("live:pollLibrary.duplicated"))}
          >
            {t("live:pollLibrary.duplicate", { title: poll.title })}
          </Button>
          {poll.status !== "OPEN" ? (
            confirming ? (
              <>
                <Button
                  type="button"
                  variant="primary"
                  data-color="danger"
                  data-size="sm"
                  disabled={busy}
                  onClick={async () => {
                    if (!(await run(() => actions.deletePoll({ pollId: poll.id })))) setConfirming(false);
                  }}
                >
                  {t("live:pollLibrary.deleteYes", { title: poll.title })}
                </Button>
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => setConfirming(false)}>
                  {t("live:mod.cancel")}
                </Button>
              </>
            ) : (
              <Button type="button" variant="tertiary" data-color="danger" data-size="sm" onClick={() => setConfirming(true)}>
                {t("live:pollLibrary.delete", { title: poll.title })}
              </Button>
            )
          ) : null}
        </div>
        {line}
        {poll.results ? (
          <PollResultsView poll={poll} results={poll.results} />
        ) : null}
        {poll.kind === "WORDCLOUD" || poll.kind === "OPEN_TEXT" ? (
          <PollAnswers poll={poll} answers={answers} actions={actions} />
        ) : null}
      </li>
    </Card>
  );
}

export function ModeratorPolls({
  state,
  actions,
}: {
  state: RoomState;
  actions: LiveActions;
}) {
  const t = useT();
  const current = state.room.currentItem?.id ?? null;
  const open = state.polls.filter((p) => p.status === "OPEN");
  const drafts = state.polls.filter((p) => p.status === "DRAFT");
  // The item on now: its drafts and the "any time" ones come next; with no item on, every draft.
  const nowDrafts = current === null ? drafts : drafts.filter((p) => p.programmeItemId === current || p.programmeItemId === null);
  const otherDrafts = current === null ? [] : drafts.filter((p) => !nowDrafts.includes(p));
  const closed = state.polls.filter((p) => p.status === "CLOSED");
  const list = (polls: RoomState["polls"]) => (
    <ul className="live-question-list">
      {polls.map((p) => (
        <ModPoll key={p.id} poll={p} answers={state.moderation?.answers ?? []} actions={actions} programme={state.room.programme} />
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="polls-heading">
      <Heading level={2} data-size="sm" id="polls-heading">
        {t("live:polls.heading")}
      </Heading>
      <CreatePollForm actions={actions} programmeItemId={current} />
      {state.polls.length === 0 ? <p>{t("live:polls.none")}</p> : null}
      {open.length + nowDrafts.length > 0 ? list([...open, ...nowDrafts]) : null}
      {otherDrafts.length > 0 ? (
        <details className="live-closed-polls" id="other-drafts">
          <summary>{t("live:pollLibrary.otherDrafts", { count: otherDrafts.length })}</summary>
          {list(otherDrafts)}
        </details>
      ) : null}
      {closed.length > 0 ? (
        <details className="live-closed-polls" id="closed-polls">
          <summary>{t("live:pollLibrary.closedPolls", { count: closed.length })}</summary>
          {list(closed)}
        </details>
      ) : null}
    </section>
  );
}
// ---- end poll library

const short = (text: string, max = 40) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * "Block the person who wrote …", with a confirmation step in place: blocking hides everything
 * they wrote from every screen, so it is never one accidental click.
 */
export function BlockButton({
  text,
  target,
  actions,
}: {
  text: string;
  target: { questionId: string } | { answerId: string };
  actions: LiveActions;
}) {
  const [confirming, setConfirming] = useState(false);
  const { run, busy, line } = useRunner();
  const t = useT();
  const label = short(text);
  return (
    <>
      {confirming ? (
        <div className="live-confirm" role="group" aria-label={t("live:mod.block", { text: label })}>
          <p>{t("live:mod.blockConfirm", { text: label })}</p>
          <div className="live-row">
            <Button
              type="button"
              data-size="sm"
              data-color="danger"
              variant="primary"
              disabled={busy}
              autoFocus
              onClick={async () => {
                if (await run(() => actions.block(target), t("live:mod.blockedDone"))) setConfirming(false);
              }}
            >
              {t("live:mod.blockYes")}
            </Button>
            <Button type="button" data-size="sm" variant="secondary" onClick={() => setConfirming(false)}>
              {t("live:mod.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          type="button"
          data-size="sm"
          variant="tertiary"
          data-color="danger"
          onClick={() => setConfirming(true)}
        >
          {t("live:mod.block", { text: label })}
        </Button>
      )}
      {line}
    </>
  );
}

type Answer = NonNullable<RoomState["moderation"]>["answers"][number];

function AnswerRow({
  answer,
  pollTitle,
  actions,
}: {
  answer: Answer;
  pollTitle?: string;
  actions: LiveActions;
}) {
  const { run, busy, line } = useRunner();
  const t = useT();
  const text = short(answer.text);
  const act = (
    action: ClientPayload<"mod:answer">["action"],
    label: MessageKey,
    done: MessageKey,
    look: "primary" | "secondary" | "danger"
  ) => (
    <Button
      type="button"
      data-size="sm"
      variant={look === "primary" ? "primary" : "secondary"}
      data-color={look === "danger" ? "danger" : undefined}
      disabled={busy}
      onClick={() =>
        run(() => actions.moderateAnswer({ answerId: answer.id, action }), t(done))
      }
    >
      {t(label, { text })}
    </Button>
  );
  return (
    <li className="live-answer" data-status={answer.status}>
      <p className="live-question-text">{answer.text}</p>
      <p className="small live-meta">
        {pollTitle ? `${t("live:mod.heldIn", { poll: pollTitle })} · ` : ""}
        {t(`live:mod.answerStatus.${answer.status}`)}
        {answer.blocked ? ` · ${t("live:mod.answerBlocked")}` : ""}
      </p>
      {answer.blocked ? null : (
        <div className="live-row">
          {answer.status === "HELD" ? (
            <>
              {act("approve", "live:mod.answerApprove", "live:mod.answerApproved", "primary")}
              {act("reject", "live:mod.answerReject", "live:mod.answerRejected", "danger")}
            </>
          ) : answer.status === "SHOWN" ? (
            act("hide", "live:mod.answerHide", "live:mod.answerHidden", "danger")
          ) : (
            act("unhide", "live:mod.answerUnhide", "live:mod.answerShown", "secondary")
          )}
          <BlockButton text={answer.text} target={{ answerId: answer.id }} actions={actions} />
        </div>
      )}
      {line}
    </li>
  );
}

/** Word-cloud and open-text answers the word filter held back: they count only once approved. */
export function HeldAnswers({
  state,
  actions,
}: {
  state: RoomState;
  actions: LiveActions;
}) {
  const t = useT();
  const held = (state.moderation?.answers ?? [])
    .filter((a) => a.status === "HELD" && !a.blocked)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const titles = new Map(state.polls.map((p) => [p.id, p.title]));
  return (
    <section aria-labelledby="held-heading">
      <Heading level={2} data-size="sm" id="held-heading">
        {t("live:mod.heldHeading", { count: held.length })}
      </Heading>
      {held.length === 0 ? (
        <p>{t("live:mod.noHeld")}</p>
      ) : (
        <ol className="live-question-list">
          {held.map((a) => (
            <AnswerRow key={a.id} answer={a} pollTitle={titles.get(a.pollId)} actions={actions} />
          ))}
        </ol>
      )}
    </section>
  );
}

function WordButton({
  pollId,
  word,
  hidden,
  actions,
}: {
  pollId: string;
  word: string;
  hidden: boolean;
  actions: LiveActions;
}) {
  const { run, busy, line } = useRunner();
  const t = useT();
  return (
    <li>
      <Button
        type="button"
        data-size="sm"
        variant="secondary"
        data-color={hidden ? undefined : "danger"}
        disabled={busy}
        onClick={() =>
          run(
            () => actions.hideWord({ pollId, word, hidden: !hidden }),
            t(hidden ? "live:mod.wordShown" : "live:mod.wordHidden")
          )
        }
      >
        {t(hidden ? "live:mod.wordUnhide" : "live:mod.wordHide", { word })}
      </Button>
      {line}
    </li>
  );
}

/** A text poll's answers for the moderator: hide one (or a word of a word cloud), show it again, block its writer. */
function PollAnswers({
  poll,
  answers,
  actions,
}: {
  poll: RoomState["polls"][number];
  answers: Answer[];
  actions: LiveActions;
}) {
  const t = useT();
  const listed = answers.filter((a) => a.pollId === poll.id && a.status !== "HELD");
  const shownWords =
    poll.results?.kind === "WORDCLOUD" ? poll.results.words.map((w) => w.word) : [];
  const hiddenWords = [
    ...new Set(
      listed.filter((a) => a.status === "HIDDEN" && !a.blocked).map((a) => a.text)
    ),
  ].filter((w) => !shownWords.includes(w));
  return (
    <div className="live-poll-answers">
      {poll.kind === "WORDCLOUD" && shownWords.length + hiddenWords.length > 0 ? (
        <>
          <Heading level={4} data-size="2xs">
            {t("live:mod.words")}
          </Heading>
          <ul className="live-word-list">
            {shownWords.map((w) => (
              <WordButton key={w} pollId={poll.id} word={w} hidden={false} actions={actions} />
            ))}
          </ul>
          {hiddenWords.length > 0 ? (
            <>
              <Heading level={4} data-size="2xs">
                {t("live:mod.hiddenWords")}
              </Heading>
              <ul className="live-word-list">
                {hiddenWords.map((w) => (
                  <WordButton key={w} pollId={poll.id} word={w} hidden actions={actions} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      <details className="live-answers-details">
        <summary>{t("live:mod.answersHeading", { count: listed.length })}</summary>
        {listed.length === 0 ? (
          <p>{t("live:mod.noAnswers")}</p>
        ) : (
          <ol className="live-question-list">
            {listed.map((a) => (
              <AnswerRow key={a.id} answer={a} actions={actions} />
            ))}
          </ol>
        )}
      </details>
    </div>
  );
}

function UnblockButton({
  block,
  actions,
}: {
  block: NonNullable<RoomState["moderation"]>["blocks"][number];
  actions: LiveActions;
}) {
  const { run, busy, line } = useRunner();
  const t = useT();
  return (
    <li className="live-answer">
      <p>{t("live:mod.blockLabel", { text: block.label })}</p>
      <Button
        type="button"
        data-size="sm"
        variant="secondary"
        disabled={busy}
        onClick={() =>
          run(() => actions.unblock({ blockId: block.id }), t("live:mod.unblocked"))
        }
      >
        {t("live:mod.unblock", { text: short(block.label) })}
      </Button>
      {line}
    </li>
  );
}

/** Who is blocked in the room, each with the way back. */
export function BlockedParticipants({
  state,
  actions,
}: {
  state: RoomState;
  actions: LiveActions;
}) {
  const t = useT();
  const blocks = state.moderation?.blocks ?? [];
  return (
    <section aria-labelledby="blocks-heading">
      <Heading level={2} data-size="sm" id="blocks-heading">
        {t("live:mod.blocksHeading", { count: blocks.length })}
      </Heading>
      {blocks.length === 0 ? (
        <p>{t("live:mod.noBlocks")}</p>
      ) : (
        <ul className="live-question-list">
          {blocks.map((b) => (
            <UnblockButton key={b.id} block={b} actions={actions} />
          ))}
        </ul>
      )}
    </section>
  );
}
