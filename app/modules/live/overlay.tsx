// The stream overlay (/live/:code/overlay): a transparent page for OBS or vMix browser sources
// that shows what the projector shows as a lower third: the question on screen, a poll's bars,
// a word cloud's top words or the top questions. Nothing in join and pause mode. Where it sits
// and how large it is come from the address: ?pos=bottom-left|bottom|bottom-right|top-left|top|top-right&scale=0.5…3
import { z } from "zod";
import { useT } from "~/i18n";
import { PollResultsView } from "./poll-results";
import type { PollResults, PollView, RoomState } from "./protocol";
import { screenPoll, screenQuestion, topQuestions } from "./present";

export const OVERLAY_POSITIONS = ["bottom-left", "bottom", "bottom-right", "top-left", "top", "top-right"] as const;
export type OverlayPosition = (typeof OVERLAY_POSITIONS)[number];

/** The overlay's address options; a bad or missing value falls back to the default, never an error. */
export const overlayOptionsSchema = z.object({
  pos: z.enum(OVERLAY_POSITIONS).catch("bottom"),
  // In steps of a quarter (the page has a CSS class per step: no inline styles).
  scale: z.coerce
    .number()
    .finite()
    .min(0.5)
    .max(3)
    .transform((n) => Math.round(n * 4) / 4)
    .catch(1),
});
export type OverlayOptions = z.infer<typeof overlayOptionsSchema>;

export function parseOverlayOptions(search: URLSearchParams): OverlayOptions {
  return overlayOptionsSchema.parse({ pos: search.get("pos") ?? undefined, scale: search.get("scale") ?? undefined });
}

/** A lower third holds a few lines: the leading options, the top words, the latest answers. */
export const OVERLAY_MAX_OPTIONS = 6;
export const OVERLAY_RANKING_TOP = 5;
function compact(results: PollResults): PollResults {
  if (results.kind === "SINGLE" || results.kind === "MULTIPLE") {
    return { ...results, options: results.options.slice().sort((a, b) => b.count - a.count).slice(0, OVERLAY_MAX_OPTIONS) };
  }
  if (results.kind === "WORDCLOUD") return { ...results, words: results.words.slice(0, 12) };
  // ---- poll library: a ranking's leading places (already in rank order).
  if (results.kind === "RANKING") return { ...results, options: results.options.slice(0, OVERLAY_RANKING_TOP) };
  if (results.kind === "OPEN_TEXT") return { ...results, answers: results.answers.slice(0, 3) };
  return results;
}

function OverlayPoll({ poll }: { poll: PollView }) {
  const t = useT();
  return (
    <div className="live-overlay-card" id="overlay-poll">
      <p className="live-overlay-title">{poll.title}</p>
      {poll.status === "CLOSED" ? <p className="live-overlay-closed">{t("live:screen.pollClosed")}</p> : null}
      {poll.results ? <PollResultsView poll={poll} results={compact(poll.results)} /> : <p>{t("live:poll.resultsLater")}</p>}
    </div>
  );
}

function OverlayContent({ state }: { state: RoomState }) {
  const t = useT();
  switch (state.room.screenMode) {
    case "QUESTION": {
      const q = screenQuestion(state);
      return q ? (
        <div className="live-overlay-card" id="overlay-question">
          <p className="live-overlay-label">{t("live:screen.onScreen")}</p>
          <p className="live-overlay-question">{q.text}</p>
        </div>
      ) : null;
    }
    case "POLL":
    case "WORDCLOUD": {
      const poll = screenPoll(state);
      return poll ? <OverlayPoll poll={poll} /> : null;
    }
    case "TOP": {
      const top = topQuestions(state, 3);
      return top.length > 0 ? (
        <div className="live-overlay-card" id="overlay-top">
          <p className="live-overlay-label">{t("live:screen.top")}</p>
          <ol>
            {top.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ol>
        </div>
      ) : null;
    }
    default:
      return null; // join slide and pause: nothing over the picture
  }
}

export function StreamOverlay({ state, options, title }: { state: RoomState; options: OverlayOptions; title: string }) {
  return (
    <div className={`live-overlay live-overlay-${options.pos} live-overlay-s-${Math.round(options.scale * 100)}`} data-mode={state.room.screenMode}>
      <h1 className="visually-hidden">{title}</h1>
      <OverlayContent state={state} />
    </div>
  );
}
