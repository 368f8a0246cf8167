// The moderator's panels: the queue of pending questions, the published ones, room settings and
// polls (create, open, close, live results). Every button reports a refusal in words.
import { useState } from "react";
import { formatTime } from "~/utils/format";
import { PollResultsView, POLL_KIND_NAMES, RESULTS_VISIBILITY_NAMES } from "./poll-results";
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
  async function run(work: () => Promise<{ ok: boolean; message?: string }>, done?: string) {
    setBusy(true);
    const ack = await work();
    setBusy(false);
    setFeedback(ack.ok ? (done ? { kind: "ok", text: done } : null) : { kind: "error", text: ack.message ?? "Det gikk ikke." });
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
  const button = (action: ModAction, label: string, done: string, className = "button") => (
    <button type="button" className={className} disabled={busy} onClick={() => run(() => actions.moderateQuestion({ questionId: q.id, action }), done)}>
      {label}
    </button>
  );
  return (
    <li className={`live-question${q.pinned ? " live-pinned" : ""}`}>
      {q.flagged ? <p className="live-tag live-flag">Flagget av ordfilteret</p> : null}
      {q.pinned ? <p className="live-tag">Festet</p> : null}
      {onScreen ? <p className="live-tag">På skjermen</p> : null}
      <p className="live-question-text">{q.text}</p>
      <p className="small live-meta">
        {q.displayName ?? "Anonym"} · kl. {formatTime(new Date(q.createdAt))} · {q.upvotes} {q.upvotes === 1 ? "stemme" : "stemmer"}
      </p>
      <div className="live-row">
        {q.status === "PENDING" || q.status === "HIDDEN" ? button("approve", "Godkjenn", "Godkjent.", "button primary") : null}
        {q.status !== "HIDDEN" ? button("hide", "Skjul", "Skjult.", "button danger") : null}
        {q.status === "APPROVED" ? button("answer", "Merk som besvart", "Merket som besvart.") : null}
        {q.status === "APPROVED" || q.status === "ANSWERED"
          ? onScreen
            ? button("unscreen", "Ta av skjermen", "Tatt av skjermen.")
            : button("screen", "Vis på skjermen", "Vises på skjermen.")
          : null}
        {q.status === "APPROVED" ? (q.pinned ? button("unpin", "Løsne", "Løsnet.") : button("pin", "Fest øverst", "Festet.")) : null}
      </div>
      {line}
    </li>
  );
}

export function ModeratorQuestions({ state, actions }: { state: RoomState; actions: LiveActions }) {
  const [showHidden, setShowHidden] = useState(false);
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
        <h2 id="pending-heading">Venter på godkjenning ({pending.length})</h2>
        {list(pending, "Ingen spørsmål venter.")}
      </section>
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">Publiserte spørsmål ({published.length})</h2>
        {list(published, "Ingen publiserte spørsmål ennå.")}
      </section>
      <section aria-labelledby="answered-heading">
        <h2 id="answered-heading">Besvart ({answered.length})</h2>
        {list(answered, "Ingen besvarte spørsmål.")}
      </section>
      <section aria-labelledby="hidden-heading">
        <h2 id="hidden-heading">Skjulte ({hidden.length})</h2>
        <button type="button" className="button" aria-expanded={showHidden} onClick={() => setShowHidden(!showHidden)}>
          {showHidden ? "Ikke vis skjulte" : "Vis skjulte"}
        </button>
        {showHidden ? list(hidden, "Ingen skjulte spørsmål.") : null}
      </section>
    </div>
  );
}

export function RoomSettings({ room, actions }: { room: RoomState["room"]; actions: LiveActions }) {
  const { run, busy, line } = useRunner();
  // Shown at once; the server's answer (or a refusal) settles it.
  const [optimistic, setOptimistic] = useState<{ preModeration?: boolean; allowAnonymous?: boolean }>({});
  const toggle = async (change: { preModeration: boolean } | { allowAnonymous: boolean }) => {
    setOptimistic((o) => ({ ...o, ...change }));
    await run(() => actions.updateRoom(change), "Lagret.");
    setOptimistic({});
  };
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Innstillinger for rommet</h2>
      <div className="checkbox">
        <input
          type="checkbox"
          id="pre-moderation"
          checked={optimistic.preModeration ?? room.preModeration}
          disabled={busy}
          onChange={(e) => toggle({ preModeration: e.target.checked })}
        />
        <label htmlFor="pre-moderation">Godkjenn spørsmål før de vises</label>
      </div>
      <div className="checkbox">
        <input
          type="checkbox"
          id="allow-anonymous"
          checked={optimistic.allowAnonymous ?? room.allowAnonymous}
          disabled={busy}
          onChange={(e) => toggle({ allowAnonymous: e.target.checked })}
        />
        <label htmlFor="allow-anonymous">Tillat anonyme spørsmål</label>
      </div>
      <p>
        Rommet er <strong>{room.status === "OPEN" ? "åpent" : "stengt"}</strong>.{" "}
        <button
          type="button"
          className={room.status === "OPEN" ? "button danger" : "button"}
          disabled={busy}
          onClick={() =>
            run(
              () => actions.updateRoom({ status: room.status === "OPEN" ? "CLOSED" : "OPEN" }),
              room.status === "OPEN" ? "Rommet er stengt." : "Rommet er åpnet.",
            )
          }
        >
          {room.status === "OPEN" ? "Steng rommet" : "Åpne rommet igjen"}
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

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const optionList = withOptions ? options.split("\n").map((o) => o.trim()).filter(Boolean) : [];
    if (withOptions && optionList.length < 2) return setError("Skriv minst to alternativer, ett per linje.");
    const payload = {
      title,
      kind,
      options: optionList,
      maxChoices: kind === "MULTIPLE" ? Math.min(maxChoices, optionList.length) : undefined,
      scaleMax: kind === "RATING" ? scaleMax : undefined,
      resultsVisibility: visibility,
    };
    const parsed = clientSchemas["mod:poll:create"].safeParse(payload);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Skjemaet har feil.");
    setError(null);
    if (await run(() => actions.createPoll(payload), "Avstemningen er laget. Åpne den når du er klar.")) {
      setTitle("");
      setOptions("");
    }
  }

  return (
    <form className="stacked" onSubmit={submit} aria-labelledby="create-poll-heading">
      <h3 id="create-poll-heading">Ny avstemning</h3>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="poll-title">Spørsmål</label>
        <input id="poll-title" type="text" required maxLength={POLL_TITLE_MAX} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="poll-kind">Type</label>
        <select id="poll-kind" value={kind} onChange={(e) => setKind(e.target.value as PollKind)}>
          {POLL_KINDS.map((k) => (
            <option key={k} value={k}>
              {POLL_KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </div>
      {withOptions ? (
        <div className="field">
          <label htmlFor="poll-options">Alternativer (ett per linje)</label>
          <textarea id="poll-options" rows={4} value={options} onChange={(e) => setOptions(e.target.value)} aria-describedby="poll-options-help" />
          <p id="poll-options-help" className="small">
            Høyst 20 alternativer på inntil {POLL_OPTION_MAX} tegn.
          </p>
        </div>
      ) : null}
      {kind === "MULTIPLE" ? (
        <div className="field">
          <label htmlFor="poll-max">Flest valg per person</label>
          <input id="poll-max" type="number" min={1} max={20} value={maxChoices} onChange={(e) => setMaxChoices(Number(e.target.value))} />
        </div>
      ) : null}
      {kind === "RATING" ? (
        <div className="field">
          <label htmlFor="poll-scale">Skala fra 1 til</label>
          <input id="poll-scale" type="number" min={2} max={10} value={scaleMax} onChange={(e) => setScaleMax(Number(e.target.value))} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="poll-visibility">Resultater</label>
        <select id="poll-visibility" value={visibility} onChange={(e) => setVisibility(e.target.value as ResultsVisibility)}>
          {RESULTS_VISIBILITY.map((v) => (
            <option key={v} value={v}>
              {RESULTS_VISIBILITY_NAMES[v]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        Lag avstemning
      </button>
      {line}
    </form>
  );
}

function ModPoll({ poll, actions }: { poll: RoomState["polls"][number]; actions: LiveActions }) {
  const { run, busy, line } = useRunner();
  const statusName = poll.status === "OPEN" ? "åpen" : poll.status === "CLOSED" ? "lukket" : "ikke åpnet";
  return (
    <li className="live-poll">
      <h3>{poll.title}</h3>
      <p className="small">
        {POLL_KIND_NAMES[poll.kind]} · {statusName} · {RESULTS_VISIBILITY_NAMES[poll.resultsVisibility]}
      </p>
      <div className="live-row">
        {poll.status !== "OPEN" ? (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => run(() => actions.setPollState({ pollId: poll.id, status: "OPEN" }), "Avstemningen er åpnet.")}
          >
            Åpne «{poll.title}»
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => actions.setPollState({ pollId: poll.id, status: "CLOSED" }), "Avstemningen er lukket.")}
          >
            Lukk «{poll.title}»
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
  return (
    <section aria-labelledby="polls-heading">
      <h2 id="polls-heading">Avstemninger</h2>
      {polls.length === 0 ? (
        <p>Ingen avstemninger ennå.</p>
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
