// The audience's questions: the form to ask one, and the list with upvotes, where one's own
// questions can be edited or withdrawn until they are answered.
import { useId, useState } from "react";
import { useDataController } from "~/modules/settings/use-org-vars";
import { formatTime } from "~/utils/format";
import { DISPLAY_NAME_MAX, QUESTION_MAX, type QuestionView, type RoomState } from "./protocol";
import { sortQuestions, type LiveActions } from "./use-live-room";

type Feedback = { kind: "ok" | "error"; text: string } | null;

function FeedbackLine({ feedback, id }: { feedback: Feedback; id?: string }) {
  if (!feedback) return null;
  return (
    <p id={id} className={feedback.kind === "ok" ? "live-ok" : "error"} role={feedback.kind === "ok" ? "status" : "alert"}>
      {feedback.text}
    </p>
  );
}

export function AskForm({ room, actions, disabled }: { room: RoomState["room"]; actions: LiveActions; disabled: boolean }) {
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const controller = useDataController();
  const closed = room.status === "CLOSED";
  const nameRequired = !room.allowAnonymous;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (nameRequired && !name.trim()) {
      setFeedback({ kind: "error", text: "Skriv navnet ditt. Spørsmål i dette rommet kan ikke være anonyme." });
      return;
    }
    setBusy(true);
    const ack = await actions.ask({ text, displayName: name.trim() || undefined });
    setBusy(false);
    if (ack.ok) {
      setText("");
      setFeedback({
        kind: "ok",
        text: ack.data.status === "PENDING" ? "Takk! Spørsmålet vises når en moderator har godkjent det." : "Takk! Spørsmålet ditt er publisert.",
      });
    } else setFeedback({ kind: "error", text: ack.message });
  }

  if (closed) return <p className="notice">Rommet er stengt. Du kan ikke stille flere spørsmål.</p>;
  return (
    <form className="stacked live-ask" onSubmit={submit} aria-labelledby="ask-heading">
      <h2 id="ask-heading">Still et spørsmål</h2>
      <div className="field">
        <label htmlFor="question-text">Spørsmålet ditt</label>
        <textarea
          id="question-text"
          name="text"
          rows={3}
          required
          maxLength={QUESTION_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="question-count"
        />
        <p id="question-count" className="small live-counter">
          {text.length} av {QUESTION_MAX} tegn
        </p>
      </div>
      <div className="field">
        <label htmlFor="question-name">
          Navn {nameRequired ? "(må fylles ut)" : "(valgfritt – tomt betyr anonymt)"}
        </label>
        <input
          id="question-name"
          name="displayName"
          type="text"
          autoComplete="name"
          maxLength={DISPLAY_NAME_MAX}
          required={nameRequired}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby="question-name-privacy"
        />
        <p id="question-name-privacy" className="small">
          Navnet vises sammen med spørsmålet for alle i rommet. Det slettes når påmeldingene til arrangementet anonymiseres (vanligvis
          ett år etter). {controller} er behandlingsansvarlig.
        </p>
      </div>
      <button type="submit" className="button primary" disabled={busy || disabled}>
        Send spørsmål
      </button>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}

function QuestionItem({ q, upvoted, actions, room }: { q: QuestionView; upvoted: boolean; actions: LiveActions; room: RoomState["room"] }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(q.text);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const editId = useId();
  const canChange = q.mine && (q.status === "PENDING" || q.status === "APPROVED") && room.status === "OPEN";

  async function run<T>(work: () => Promise<{ ok: true; data: T } | { ok: false; message: string }>, done?: string) {
    setBusy(true);
    const ack = await work();
    setBusy(false);
    setFeedback(ack.ok ? (done ? { kind: "ok", text: done } : null) : { kind: "error", text: ack.message });
    return ack.ok;
  }

  return (
    <li className={`live-question${q.pinned ? " live-pinned" : ""}`}>
      {q.pinned ? <p className="live-tag">Festet</p> : null}
      {q.id === room.onScreenQuestionId ? <p className="live-tag">På skjermen nå</p> : null}
      {editing ? (
        <form
          className="stacked"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run(() => actions.edit({ questionId: q.id, text: draft }), "Spørsmålet er endret.")) setEditing(false);
          }}
        >
          <div className="field">
            <label htmlFor={editId}>Endre spørsmålet</label>
            <textarea id={editId} rows={3} maxLength={QUESTION_MAX} value={draft} onChange={(e) => setDraft(e.target.value)} required />
            <p className="small live-counter">
              {draft.length} av {QUESTION_MAX} tegn
            </p>
          </div>
          <div className="live-row">
            <button type="submit" className="button primary" disabled={busy}>
              Lagre
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              Avbryt
            </button>
          </div>
        </form>
      ) : (
        <p className="live-question-text">{q.text}</p>
      )}
      <p className="small live-meta">
        {q.displayName ?? "Anonym"} · kl. {formatTime(new Date(q.createdAt))}
        {q.mine ? " · ditt spørsmål" : ""}
        {q.status === "PENDING" ? " · venter på godkjenning" : ""}
        {q.status === "ANSWERED" ? " · besvart" : ""}
        {q.status === "WITHDRAWN" ? " · trukket tilbake" : ""}
      </p>
      <div className="live-row">
        {q.status === "APPROVED" || q.status === "ANSWERED" ? (
          <button
            type="button"
            className="button live-upvote"
            aria-pressed={upvoted}
            disabled={busy || room.status === "CLOSED"}
            onClick={() => run(() => actions.upvote({ questionId: q.id, up: !upvoted }))}
          >
            <span aria-hidden="true">▲</span> {upvoted ? "Stemt opp" : "Stem opp"}{" "}
            <span className="live-count">{q.upvotes}</span>
            <span className="visually-hidden"> {q.upvotes === 1 ? "stemme" : "stemmer"}</span>
          </button>
        ) : (
          <span className="live-count-static">{q.upvotes > 0 ? `${q.upvotes} stemmer` : null}</span>
        )}
        {canChange && !editing ? (
          <>
            <button type="button" className="button" onClick={() => (setDraft(q.text), setEditing(true))}>
              Endre
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => run(() => actions.withdraw({ questionId: q.id }), "Spørsmålet er trukket tilbake.")}
            >
              Trekk tilbake
            </button>
          </>
        ) : null}
      </div>
      <FeedbackLine feedback={feedback} />
    </li>
  );
}

export function AudienceQuestions({ state, actions }: { state: RoomState; actions: LiveActions }) {
  const [order, setOrder] = useState<"popular" | "newest">("popular");
  const visible = state.questions.filter(
    (q) => q.status === "APPROVED" || q.status === "ANSWERED" || (q.mine && q.status === "PENDING"),
  );
  const sorted = sortForAudience(visible, order);
  return (
    <section aria-labelledby="questions-heading" className="live-questions">
      <h2 id="questions-heading">Spørsmål ({visible.length})</h2>
      <div className="live-toggle" role="group" aria-label="Sortering">
        <button type="button" className="button" aria-pressed={order === "popular"} onClick={() => setOrder("popular")}>
          Populære
        </button>
        <button type="button" className="button" aria-pressed={order === "newest"} onClick={() => setOrder("newest")}>
          Nyeste
        </button>
      </div>
      {sorted.length === 0 ? (
        <p>Ingen spørsmål ennå. Still det første!</p>
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
