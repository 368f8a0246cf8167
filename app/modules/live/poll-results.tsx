// Poll results as text first: every bar carries its number and percentage, the word cloud is a
// plain list whose font size follows the count (the count is also written out), so nothing is
// told by colour or size alone. A ranking is an ordered list by average place, each line saying
// its average place and how many put it first; the bar is longer the nearer the top.
import { useLocale, useT } from "~/i18n";
import type { PollResults, PollView } from "./protocol";

/** One decimal: a comma in Norwegian, a point in English. */
const decimal = (n: number, locale: string) => (locale === "en" ? n.toFixed(1) : n.toFixed(1).replace(".", ","));

const percent = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 100) : 0);

function Bars({ rows, total }: { rows: Array<{ key: string; label: string; count: number }>; total: number }) {
  const t = useT();
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
              {t("live:results.bar", { votes: t("live:votes", { count: r.count }), percent: p })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Bar length of an average place among n: first place fills it, last place keeps a sliver. */
const rankShare = (average: number, n: number) => Math.max(0, Math.min(100, Math.round(((n + 1 - average) / n) * 100)));

function RankingBars({ results }: { results: Extract<PollResults, { kind: "RANKING" }> }) {
  const t = useT();
  const locale = useLocale();
  const n = results.options.length;
  return (
    <ol className="live-bars live-ranking">
      {results.options.map((o) => (
        <li key={o.id}>
          <span className="live-bar-label">{o.label}</span>
          <span className="live-bar-track" aria-hidden="true">
            <span className={`live-bar-fill live-w-${o.averageRank === null ? 0 : rankShare(o.averageRank, n)}`} />
          </span>
          <span className="live-bar-count">
            {o.averageRank === null
              ? t("live:pollLibrary.noRank")
              : t("live:pollLibrary.averageRank", { average: decimal(o.averageRank, locale), firsts: o.firsts })}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function PollResultsView({ poll, results }: { poll: Pick<PollView, "kind" | "scaleMax">; results: PollResults }) {
  const t = useT();
  const locale = useLocale();
  const answers = t("live:answers", { count: results.total });
  switch (results.kind) {
    case "SINGLE":
    case "MULTIPLE":
      return (
        <div className="live-results">
          <p className="live-total">{answers}</p>
          <Bars rows={results.options.map((o) => ({ key: o.id, label: o.label, count: o.count }))} total={results.total} />
        </div>
      );
    case "RATING":
      return (
        <div className="live-results">
          <p className="live-total">
            {results.average !== null
              ? t("live:results.average", { answers, average: decimal(results.average, locale), max: poll.scaleMax ?? results.distribution.length })
              : answers}
          </p>
          <Bars rows={results.distribution.map((count, i) => ({ key: String(i), label: String(i + 1), count }))} total={results.total} />
        </div>
      );
    case "WORDCLOUD": {
      const max = Math.max(1, ...results.words.map((w) => w.count));
      return (
        <div className="live-results">
          <p className="live-total">{answers}</p>
          {results.words.length === 0 ? (
            <p>{t("live:results.noWords")}</p>
          ) : (
            <ul className="live-wordcloud" aria-label={t("live:results.wordcloud")}>
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
    case "RANKING":
      return (
        <div className="live-results">
          <p className="live-total">{answers}</p>
          <RankingBars results={results} />
        </div>
      );
    case "OPEN_TEXT":
      return (
        <div className="live-results">
          <p className="live-total">{answers}</p>
          {results.answers.length === 0 ? (
            <p>{t("live:results.noAnswers")}</p>
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
