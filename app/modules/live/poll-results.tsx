// Poll results as text first: every bar carries its number and percentage, the word cloud is a
// plain list whose font size follows the count (the count is also written out), so nothing is
// told by colour or size alone.
import type { PollResults, PollView } from "./protocol";

const percent = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 100) : 0);

function Bars({ rows, total, unit }: { rows: Array<{ key: string; label: string; count: number }>; total: number; unit: string }) {
  return (
    <ul className="live-bars">
      {rows.map((r) => {
        const p = percent(r.count, total);
        return (
          <li key={r.key}>
            <span className="live-bar-label">{r.label}</span>
            <span className="live-bar-track" aria-hidden="true">
              <span className={`live-bar-fill live-w-${p}`} />
            </span>
            <span className="live-bar-count">
              {r.count} {r.count === 1 ? unit : `${unit}r`} ({p} %)
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function PollResultsView({ poll, results }: { poll: Pick<PollView, "kind" | "scaleMax">; results: PollResults }) {
  const answers = `${results.total} svar`;
  switch (results.kind) {
    case "SINGLE":
    case "MULTIPLE":
      return (
        <div className="live-results">
          <p className="live-total">{answers}</p>
          <Bars rows={results.options.map((o) => ({ key: o.id, label: o.label, count: o.count }))} total={results.total} unit="stemme" />
        </div>
      );
    case "RATING":
      return (
        <div className="live-results">
          <p className="live-total">
            {answers}
            {results.average !== null ? `, gjennomsnitt ${results.average.toFixed(1).replace(".", ",")} av ${poll.scaleMax ?? results.distribution.length}` : ""}
          </p>
          <Bars
            rows={results.distribution.map((count, i) => ({ key: String(i), label: String(i + 1), count }))}
            total={results.total}
            unit="stemme"
          />
        </div>
      );
    case "WORDCLOUD": {
      const max = Math.max(1, ...results.words.map((w) => w.count));
      return (
        <div className="live-results">
          <p className="live-total">{answers}</p>
          {results.words.length === 0 ? (
            <p>Ingen ord ennå.</p>
          ) : (
            <ul className="live-wordcloud" aria-label="Ordsky">
              {results.words.map((w) => (
                <li key={w.word} className={`live-fs-${Math.round((w.count / max) * 10)}`}>
                  {w.word} <span className="live-word-count">({w.count})</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      );
    }
    case "OPEN_TEXT":
      return (
        <div className="live-results">
          <p className="live-total">{answers}</p>
          {results.answers.length === 0 ? (
            <p>Ingen svar ennå.</p>
          ) : (
            <ul className="live-open-answers">
              {results.answers.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          )}
        </div>
      );
  }
}

export const POLL_KIND_NAMES: Record<PollView["kind"], string> = {
  SINGLE: "Ett valg",
  MULTIPLE: "Flere valg",
  RATING: "Skala",
  WORDCLOUD: "Ordsky (kort ord)",
  OPEN_TEXT: "Åpen tekst",
};

export const RESULTS_VISIBILITY_NAMES: Record<PollView["resultsVisibility"], string> = {
  LIVE: "Alle ser resultatene underveis",
  AFTER_CLOSE: "Alle ser resultatene når avstemningen er lukket",
  SCREEN_ONLY: "Bare på storskjermen og for moderatorer",
};
