// The moderator's panels: the queue of pending questions, the published ones, room settings and
// polls (create, open, close, live results). Every button reports a refusal in words.
import { useState } from "react";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatTime } from "~/utils/format";
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

type Feedback = { kind: "ok" | "error"; text: string } | null;
type ModAction = ClientPayload<"mod:question">["action"];

function useRunner() {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();
  async function run(work: () => Promise<{ ok: boolean; message?: string; key?: string; values?: Record<string, string | number> }>, done?: string) {
    setBusy(true);
    const ack = await work();
    setBusy(false);
    setFeedback(ack.ok ? (done ? { kind: "ok", text: done } : null) : { kind: "error", text: ack.message || ack.key ? liveText(t, ack) : t("live:mod.failed") });
    return ack.ok;
  }
  const line = feedback ? (
    <p className={feedback.kind === "ok" ? "live-ok" : "error"} role={feedback.kind === "ok" ? "status" : "alert"}>
      {feedback.text}
    </p>
  ) : null;
  return { run, busy, line };
}

function ModQuestion({ q, room, actions }: { q: QuestionView; room: RoomState["room"]; actions: LiveActions }) {
  const { run, busy, line } = useRunner();
  const onScreen = room.onScreenQuestionId === q.id;
  const t = useT();
  const locale = useLocale();
  const button = (action: ModAction, label: MessageKey, done: MessageKey, className = "button") => (
    <button type="button" className={className} disabled={busy} onClick={() => run(() => actions.moderateQuestion({ questionId: q.id, action }), t(done))}>
      {t(label)}
    </button>
  );
  return (
    <li className={`live-question${q.pinned ? " live-pinned" : ""}`}>
      {q.flagged ? <p className="live-tag live-flag">{t("live:mod.flagged")}</p> : null}
      {q.pinned ? <p className="live-tag">{t("live:question.pinned")}</p> : null}
      {onScreen ? <p className="live-tag">{t("live:question.onScreen")}</p> : null}
      <p className="live-question-text">{q.text}</p>
      <p className="small live-meta">
        {q.displayName ?? t("live:anonymous")} · {t("live:atTime", { time: formatTime(new Date(q.createdAt), locale) })} ·{" "}
        {t("live:votes", { count: q.upvotes })}
      </p>
      <div className="live-row">
        {q.status === "PENDING" || q.status === "HIDDEN" ? button("approve", "live:mod.approve", "live:mod.approved", "button primary") : null}
        {q.status !== "HIDDEN" ? button("hide", "live:mod.hide", "live:mod.hidden", "button danger") : null}
        {q.status === "APPROVED" ? button("answer", "live:mod.answer", "live:mod.answered") : null}
        {q.status === "APPROVED" || q.status === "ANSWERED"
          ? onScreen
            ? button("unscreen", "live:mod.unscreen", "live:mod.unscreened")
            : button("screen", "live:mod.screen", "live:mod.screened")
          : null}
        {q.status === "APPROVED" ? (q.pinned ? button("unpin", "live:mod.unpin", "live:mod.unpinned") : button("pin", "live:mod.pin", "live:mod.pinnedDone")) : null}
      </div>
      {line}
    </li>
  );
}

export function ModeratorQuestions({ state, actions }: { state: RoomState; actions: LiveActions }) {
  const [showHidden, setShowHidden] = useState(false);
  const t = useT();
  const pending = sortQuestions(state.questions.filter((q) => q.status === "PENDING"), "newest").reverse();
  const published = sortQuestions(state.questions.filter((q) => q.status === "APPROVED"), "popular");
  const answered = sortQuestions(state.questions.filter((q) => q.status === "ANSWERED"), "newest");
  const hidden = state.questions.filter((q) => q.status === "HIDDEN");
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
        <h2 id="pending-heading">{t("live:mod.pending", { count: pending.length })}</h2>
        {list(pending, t("live:mod.noPending"))}
      </section>
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">{t("live:mod.published", { count: published.length })}</h2>
        {list(published, t("live:mod.noPublished"))}
      </section>
      <section aria-labelledby="answered-heading">
        <h2 id="answered-heading">{t("live:mod.answeredList", { count: answered.length })}</h2>
        {list(answered, t("live:mod.noAnswered"))}
      </section>
      <section aria-labelledby="hidden-heading">
        <h2 id="hidden-heading">{t("live:mod.hiddenList", { count: hidden.length })}</h2>
        <button type="button" className="button" aria-expanded={showHidden} onClick={() => setShowHidden(!showHidden)}>
          {showHidden ? t("live:mod.hideHidden") : t("live:mod.showHidden")}
        </button>
        {showHidden ? list(hidden, t("live:mod.noHidden")) : null}
      </section>
    </div>
  );
}

export function RoomSettings({ room, actions }: { room: RoomState["room"]; actions: LiveActions }) {
  const { run, busy, line } = useRunner();
  const t = useT();
  // Shown at once; the server's answer (or a refusal) settles it.
  const [optimistic, setOptimistic] = useState<{ preModeration?: boolean; allowAnonymous?: boolean }>({});
  const toggle = async (change: { preModeration: boolean } | { allowAnonymous: boolean }) => {
    setOptimistic((o) => ({ ...o, ...change }));
    await run(() => actions.updateRoom(change), t("live:settings.saved"));
    setOptimistic({});
  };
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t("live:settings.heading")}</h2>
      <div className="checkbox">
        <input
          type="checkbox"
          id="pre-moderation"
          checked={optimistic.preModeration ?? room.preModeration}
          disabled={busy}
          onChange={(e) => toggle({ preModeration: e.target.checked })}
        />
        <label htmlFor="pre-moderation">{t("live:settings.preModeration")}</label>
      </div>
      <div className="checkbox">
        <input
          type="checkbox"
          id="allow-anonymous"
          checked={optimistic.allowAnonymous ?? room.allowAnonymous}
          disabled={busy}
          onChange={(e) => toggle({ allowAnonymous: e.target.checked })}
        />
        <label htmlFor="allow-anonymous">{t("live:settings.allowAnonymous")}</label>
      </div>
      <p>
        <strong>{room.status === "OPEN" ? t("live:settings.roomOpen") : t("live:settings.roomClosed")}</strong>{" "}
        <button
          type="button"
          className={room.status === "OPEN" ? "button danger" : "button"}
          disabled={busy}
          onClick={() =>
            run(
              () => actions.updateRoom({ status: room.status === "OPEN" ? "CLOSED" : "OPEN" }),
              room.status === "OPEN" ? t("live:settings.closedDone") : t("live:settings.openedDone"),
            )
          }
        >
          {room.status === "OPEN" ? t("live:settings.close") : t("live:settings.reopen")}
        </button>
      </p>
      {line}
    </section>
  );
}

export function CreatePollForm({ actions }: { actions: LiveActions }) {
  const { run, busy, line } = useRunner();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<PollKind>("SINGLE");
  const [options, setOptions] = useState("");
  const [maxChoices, setMaxChoices] = useState(2);
  const [scaleMax, setScaleMax] = useState(5);
  const [visibility, setVisibility] = useState<ResultsVisibility>("LIVE");
  const [error, setError] = useState<string | null>(null);
  const withOptions = kind === "SINGLE" || kind === "MULTIPLE";
  const t = useT();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const optionList = withOptions ? options.split("\n").map((o) => o.trim()).filter(Boolean) : [];
    if (withOptions && optionList.length < 2) return setError(t("live:create.needOptions"));
    const payload = {
      title,
      kind,
      options: optionList,
      maxChoices: kind === "MULTIPLE" ? Math.min(maxChoices, optionList.length) : undefined,
      scaleMax: kind === "RATING" ? scaleMax : undefined,
      resultsVisibility: visibility,
    };
    const parsed = clientSchemas["mod:poll:create"].safeParse(payload);
    if (!parsed.success) return setError(liveText(t, describeInvalid(parsed.error)));
    setError(null);
    if (await run(() => actions.createPoll(payload), t("live:create.done"))) {
      setTitle("");
      setOptions("");
    }
  }

  return (
    <form className="stacked" onSubmit={submit} aria-labelledby="create-poll-heading">
      <h3 id="create-poll-heading">{t("live:create.heading")}</h3>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="poll-title">{t("live:create.title")}</label>
        <input id="poll-title" type="text" required maxLength={POLL_TITLE_MAX} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="poll-kind">{t("live:create.kind")}</label>
        <select id="poll-kind" value={kind} onChange={(e) => setKind(e.target.value as PollKind)}>
          {POLL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`live:kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {withOptions ? (
        <div className="field">
          <label htmlFor="poll-options">{t("live:create.options")}</label>
          <textarea id="poll-options" rows={4} value={options} onChange={(e) => setOptions(e.target.value)} aria-describedby="poll-options-help" />
          <p id="poll-options-help" className="small">
            {t("live:create.optionsHelp", { max: POLL_OPTION_MAX })}
          </p>
        </div>
      ) : null}
      {kind === "MULTIPLE" ? (
        <div className="field">
          <label htmlFor="poll-max">{t("live:create.maxChoices")}</label>
          <input id="poll-max" type="number" min={1} max={20} value={maxChoices} onChange={(e) => setMaxChoices(Number(e.target.value))} />
        </div>
      ) : null}
      {kind === "RATING" ? (
        <div className="field">
          <label htmlFor="poll-scale">{t("live:create.scale")}</label>
          <input id="poll-scale" type="number" min={2} max={10} value={scaleMax} onChange={(e) => setScaleMax(Number(e.target.value))} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="poll-visibility">{t("live:create.visibility")}</label>
        <select id="poll-visibility" value={visibility} onChange={(e) => setVisibility(e.target.value as ResultsVisibility)}>
          {RESULTS_VISIBILITY.map((v) => (
            <option key={v} value={v}>
              {t(`live:visibility.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        {t("live:create.submit")}
      </button>
      {line}
    </form>
  );
}

function ModPoll({ poll, actions }: { poll: RoomState["polls"][number]; actions: LiveActions }) {
  const { run, busy, line } = useRunner();
  const t = useT();
  return (
    <li className="live-poll">
      <h3>{poll.title}</h3>
      <p className="small">
        {t(`live:kind.${poll.kind}`)} · {t(`live:pollStatus.${poll.status}`)} · {t(`live:visibility.${poll.resultsVisibility}`)}
      </p>
      <div className="live-row">
        {poll.status !== "OPEN" ? (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => run(() => actions.setPollState({ pollId: poll.id, status: "OPEN" }), t("live:polls.opened"))}
          >
            {t("live:polls.open", { title: poll.title })}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => actions.setPollState({ pollId: poll.id, status: "CLOSED" }), t("live:polls.closedDone"))}
          >
            {t("live:polls.close", { title: poll.title })}
          </button>
        )}
      </div>
      {line}
      {poll.results ? <PollResultsView poll={poll} results={poll.results} /> : null}
    </li>
  );
}

export function ModeratorPolls({ state, actions }: { state: RoomState; actions: LiveActions }) {
  const order = { OPEN: 0, DRAFT: 1, CLOSED: 2 } as const;
  const polls = state.polls.slice().sort((a, b) => order[a.status] - order[b.status]);
  const t = useT();
  return (
    <section aria-labelledby="polls-heading">
      <h2 id="polls-heading">{t("live:polls.heading")}</h2>
      {polls.length === 0 ? (
        <p>{t("live:polls.none")}</p>
      ) : (
        <ul className="live-question-list">
          {polls.map((p) => (
            <ModPoll key={p.id} poll={p} actions={actions} />
          ))}
        </ul>
      )}
      <CreatePollForm actions={actions} />
    </section>
  );
}
