// The answer form of an open poll, one shape per kind: radio buttons, checkboxes with a
// maximum, a rating scale, a short word or an open text. A phone that reconnects shows the
// answer it gave (myAnswer); answering again replaces it.
import { useEffect, useState } from "react";
import { useT } from "~/i18n";
import { liveText } from "./messages";
import { OPEN_TEXT_MAX, WORD_MAX, type PollView } from "./protocol";
import { PollResultsView } from "./poll-results";
import type { LiveActions } from "./use-live-room";

export function PollCard({ poll, actions, roomClosed }: { poll: PollView; actions: LiveActions; roomClosed: boolean }) {
  const mine = poll.myAnswer ?? null;
  const [optionIds, setOptionIds] = useState<string[]>(mine?.optionIds ?? []);
  const [rating, setRating] = useState<number | null>(mine?.rating ?? null);
  const [text, setText] = useState(mine?.text ?? "");
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const headingId = `poll-${poll.id}`;
  const t = useT();
  const open = poll.status === "OPEN" && !roomClosed;

  // A snapshot after a reconnect may bring the answer given earlier.
  const mineKey = JSON.stringify(mine);
  useEffect(() => {
    if (!mine) return;
    setOptionIds(mine.optionIds);
    setRating(mine.rating);
    setText(mine.text ?? "");
  }, [mineKey]);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    let payload: Parameters<LiveActions["answerPoll"]>[0] = { pollId: poll.id };
    if (poll.kind === "SINGLE" || poll.kind === "MULTIPLE") {
      if (optionIds.length === 0) return setFeedback({ kind: "error", text: t("live:poll.needOption") });
      payload = { ...payload, optionIds };
    } else if (poll.kind === "RATING") {
      if (rating === null) return setFeedback({ kind: "error", text: t("live:poll.needRating") });
      payload = { ...payload, rating };
    } else {
      if (!text.trim()) return setFeedback({ kind: "error", text: poll.kind === "WORDCLOUD" ? t("live:poll.needWord") : t("live:poll.needText") });
      payload = { ...payload, text };
    }
    setBusy(true);
    const ack = await actions.answerPoll(payload);
    setBusy(false);
    setFeedback(ack.ok ? { kind: "ok", text: t("live:poll.thanks") } : { kind: "error", text: liveText(t, ack) });
  }

  const max = poll.kind === "MULTIPLE" ? poll.maxChoices ?? poll.options.length : 1;
  const scale = Array.from({ length: poll.scaleMax ?? 5 }, (_, i) => i + 1);

  return (
    <section className="live-poll" aria-labelledby={headingId}>
      <h2 id={headingId}>{poll.title}</h2>
      {poll.status === "CLOSED" ? <p className="live-tag">{t("live:poll.closed")}</p> : null}
      {open ? (
        <form onSubmit={submit} className="stacked">
          {poll.kind === "SINGLE" || poll.kind === "MULTIPLE" ? (
            <fieldset>
              <legend>{poll.kind === "SINGLE" ? t("live:poll.chooseOne") : t("live:poll.chooseUpTo", { max })}</legend>
              {poll.options.map((o) => {
                const checked = optionIds.includes(o.id);
                return (
                  <div className="checkbox live-choice" key={o.id}>
                    <input
                      type={poll.kind === "SINGLE" ? "radio" : "checkbox"}
                      id={`opt-${o.id}`}
                      name={`poll-${poll.id}`}
                      value={o.id}
                      checked={checked}
                      disabled={poll.kind === "MULTIPLE" && !checked && optionIds.length >= max}
                      onChange={(e) =>
                        setOptionIds(
                          poll.kind === "SINGLE"
                            ? [o.id]
                            : e.target.checked
                              ? [...optionIds, o.id]
                              : optionIds.filter((x) => x !== o.id),
                        )
                      }
                    />
                    <label htmlFor={`opt-${o.id}`}>{o.label}</label>
                  </div>
                );
              })}
            </fieldset>
          ) : poll.kind === "RATING" ? (
            <fieldset>
              <legend>{t("live:poll.chooseRating", { max: scale.length })}</legend>
              <div className="live-scale">
                {scale.map((n) => (
                  <span key={n} className="live-scale-step">
                    <input type="radio" id={`rate-${poll.id}-${n}`} name={`rate-${poll.id}`} value={n} checked={rating === n} onChange={() => setRating(n)} />
                    <label htmlFor={`rate-${poll.id}-${n}`}>{n}</label>
                  </span>
                ))}
              </div>
            </fieldset>
          ) : (
            <div className="field">
              <label htmlFor={`text-${poll.id}`}>{poll.kind === "WORDCLOUD" ? t("live:poll.yourWord") : t("live:poll.yourAnswer")}</label>
              {poll.kind === "WORDCLOUD" ? (
                <input id={`text-${poll.id}`} type="text" maxLength={WORD_MAX} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
              ) : (
                <textarea id={`text-${poll.id}`} rows={3} maxLength={OPEN_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
              )}
            </div>
          )}
          <button type="submit" className="button primary" disabled={busy}>
            {mine ? t("live:poll.change") : t("live:poll.send")}
          </button>
          {feedback ? (
            <p className={feedback.kind === "ok" ? "live-ok" : "error"} role={feedback.kind === "ok" ? "status" : "alert"}>
              {feedback.text}
            </p>
          ) : null}
        </form>
      ) : null}
      {poll.results ? (
        <>
          <h3>{t("live:poll.result")}</h3>
          <PollResultsView poll={poll} results={poll.results} />
        </>
      ) : poll.status === "OPEN" ? (
        <p className="small">{t("live:poll.resultsLater")}</p>
      ) : null}
    </section>
  );
}
