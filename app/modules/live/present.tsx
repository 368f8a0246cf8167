// Present mode, the projector (/live/:code/screen): a full 16:9 screen without site chrome that
// never scrolls. A join bar (code, QR code, short address) is always there; above it the one
// thing the moderator chose (room.screenMode): the join slide, the question on screen, one
// poll's results, a word cloud, the top questions or a pause. Text scales with the viewport
// and a fit step shrinks it until the content fits its box, so the longest question and a
// poll of 20 options fit at 1280×720. No names: anyone in the hall can read it.
import { Button } from "@digdir/designsystemet-react";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "~/i18n";
import { PollResultsView } from "./poll-results";
import type { PollView, QuestionView, RoomState } from "./protocol";
import { sortQuestions, type ConnectionStatus } from "./use-live-room";

export type ScreenLink = { url: string; short: string; qr: string };

const useIsoLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * Shrinks (or grows) the font size of `content` until it fits `box` without overflowing, by
 * bisection between `minPx` and a share of the box's height. Runs again when `key` changes and
 * when the box changes size. Inner sizes are in em, so everything scales together.
 */
export function useFitText(key: unknown, maxShare: number, minPx = 8) {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const fit = useCallback(() => {
    const b = box.current;
    const c = content.current;
    if (!b || !c) return;
    const fits = () => c.scrollHeight <= b.clientHeight && c.scrollWidth <= b.clientWidth;
    let lo = minPx;
    let hi = Math.max(minPx, b.clientHeight * maxShare);
    c.style.fontSize = `${hi}px`;
    if (fits()) return;
    for (let i = 0; i < 14 && hi - lo > 0.5; i++) {
      const mid = (lo + hi) / 2;
      c.style.fontSize = `${mid}px`;
      if (fits()) lo = mid;
      else hi = mid;
    }
    c.style.fontSize = `${lo}px`;
  }, [maxShare, minPx]);
  useIsoLayoutEffect(() => {
    fit();
  }, [fit, key]);
  useEffect(() => {
    const b = box.current;
    if (!b || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => fit());
    observer.observe(b);
    // Fonts that arrive late change the measures too.
    void document.fonts?.ready.then(() => fit());
    return () => observer.disconnect();
  }, [fit]);
  return { box, content };
}

/** The question a QUESTION screen shows (only while it is published or answered). */
export function screenQuestion(state: RoomState): QuestionView | null {
  const id = state.room.onScreenQuestionId;
  return state.questions.find((q) => q.id === id && (q.status === "APPROVED" || q.status === "ANSWERED")) ?? null;
}

/** The poll a POLL or WORDCLOUD screen shows (never a draft). */
export function screenPoll(state: RoomState): PollView | null {
  const poll = state.polls.find((p) => p.id === state.room.screenPollId);
  return poll && poll.status !== "DRAFT" ? poll : null;
}

export function topQuestions(state: RoomState, n: number): QuestionView[] {
  return sortQuestions(state.questions.filter((q) => q.status === "APPROVED"), "popular").slice(0, n);
}

function PollStage({ poll, cloud }: { poll: PollView | null; cloud: boolean }) {
  const t = useT();
  if (!poll) return <p>{t("live:screen.noPoll")}</p>;
  const many = poll.options.length > 8;
  return (
    <section aria-labelledby="screen-poll-heading" id="screen-poll" className={`live-present-poll${many ? " is-many" : ""}${cloud ? " is-cloud" : ""}`}>
      <h2 id="screen-poll-heading">{poll.title}</h2>
      {poll.status === "CLOSED" ? (
        <p className="live-present-closed" id="screen-poll-closed">
          {t("live:screen.pollClosed")}
        </p>
      ) : null}
      {poll.results ? <PollResultsView poll={poll} results={poll.results} /> : <p>{t("live:poll.resultsLater")}</p>}
    </section>
  );
}

function Stage({ state }: { state: RoomState }) {
  const t = useT();
  const { room } = state;
  switch (room.screenMode) {
    case "QUESTION": {
      const q = screenQuestion(state);
      if (!q) return <JoinStage />;
      return (
        <section aria-labelledby="screen-question-heading" className="live-present-question">
          <h2 id="screen-question-heading" className="visually-hidden">
            {t("live:screen.onScreen")}
          </h2>
          <blockquote id="screen-question">
            <p>{q.text}</p>
          </blockquote>
          <p className="live-present-meta">{t("live:votes", { count: q.upvotes })}</p>
        </section>
      );
    }
    case "POLL":
      return <PollStage poll={screenPoll(state)} cloud={false} />;
    case "WORDCLOUD":
      return <PollStage poll={screenPoll(state)} cloud />;
    case "TOP": {
      const top = topQuestions(state, 5);
      return (
        <section aria-labelledby="top-heading" className="live-present-top-questions" id="screen-top">
          <h2 id="top-heading">{t("live:screen.top")}</h2>
          {top.length === 0 ? (
            <p>{t("live:screen.askHint")}</p>
          ) : (
            <ol>
              {top.map((q) => (
                <li key={q.id}>
                  <span className="live-present-top-text">{q.text}</span>{" "}
                  <span className="live-present-meta">({t("live:votes", { count: q.upvotes })})</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      );
    }
    case "PAUSE":
      return (
        <section aria-labelledby="pause-heading" className="live-present-pause" id="screen-pause">
          <h2 id="pause-heading">{t("live:screen.pause")}</h2>
          <p>{t("live:screen.pauseText")}</p>
        </section>
      );
    case "JOIN":
    default:
      return <JoinStage />;
  }
}

function JoinStage() {
  const t = useT();
  return (
    <section aria-labelledby="join-slide-heading" className="live-present-join-slide" id="screen-join-slide">
      <h2 id="join-slide-heading">{t("live:screen.joinLead")}</h2>
    </section>
  );
}

/** How much of the stage's height one em may take, per mode (short texts may be large). */
const MAX_SHARE: Record<RoomState["room"]["screenMode"], number> = {
  JOIN: 0.12,
  QUESTION: 0.13,
  POLL: 0.075,
  WORDCLOUD: 0.08,
  TOP: 0.075,
  PAUSE: 0.2,
};

function useFullscreen() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const update = () => setOn(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", update);
    return () => document.removeEventListener("fullscreenchange", update);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  }, []);
  return { on, toggle };
}

export function PresentScreen({ state, status, link }: { state: RoomState; status: ConnectionStatus; link: ScreenLink }) {
  const t = useT();
  const { room } = state;
  const mode = room.screenMode;
  const [help, setHelp] = useState(false);
  const fullscreen = useFullscreen();
  const helpButton = useRef<HTMLButtonElement>(null);
  // Everything that changes the stage's content: the fit step runs again.
  const poll = screenPoll(state);
  const fitKey = JSON.stringify([mode, room.onScreenQuestionId, screenQuestion(state)?.text, poll?.results, poll?.status, topQuestions(state, 5).map((q) => [q.id, q.upvotes])]);
  const { box, content } = useFitText(fitKey, MAX_SHARE[mode] ?? 0.1);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (e.key === "f" || e.key === "F") {
        e.preventDefault();
        fullscreen.toggle();
      } else if (e.key === "?") {
        e.preventDefault();
        setHelp((h) => !h);
      } else if (e.key === "Escape") {
        setHelp((h) => {
          if (h) helpButton.current?.focus();
          return false;
        });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [fullscreen]);

  const lost = status === "offline" || status === "ended";
  return (
    <div className="live-present" data-color-scheme="dark" data-mode={mode} data-status={status}>
      <header className="live-present-head">
        {/* ---- evening: the programme item on now, small beside the title (one line, never taller) */}
        <div className="live-present-titles">
          <h1>{room.title}</h1>
          {room.currentItem ? (
            <p className="live-present-item" id="screen-item">
              {t("live:evening.now", { item: room.currentItem.title })}
            </p>
          ) : null}
        </div>
        <div className="live-present-tools">
          {/* Only a small sign when the connection is lost; screen readers hear it too. */}
          <p role="status" className={lost ? "live-present-offline" : "visually-hidden"}>
            {lost ? t("live:screen.offline") : ""}
          </p>
          <Button variant="tertiary" data-size="sm" onClick={fullscreen.toggle} id="screen-fullscreen">
            {fullscreen.on ? t("live:screen.exitFullscreen") : t("live:screen.fullscreen")}
          </Button>
          <Button
            ref={helpButton}
            variant="tertiary"
            data-size="sm"
            aria-expanded={help}
            aria-controls="screen-help"
            onClick={() => setHelp((h) => !h)}
          >
            {t("live:screen.help")}
          </Button>
        </div>
      </header>
      <section id="screen-help" className="live-present-help" aria-labelledby="screen-help-heading" hidden={!help}>
        <h2 id="screen-help-heading">{t("live:screen.help")}</h2>
        <ul>
          <li>{t("live:screen.helpKeyF")}</li>
          <li>{t("live:screen.helpKeyHelp")}</li>
          <li>{t("live:screen.helpKeyEsc")}</li>
        </ul>
        <p>{t("live:screen.helpModerator")}</p>
        <Button variant="secondary" data-size="sm" onClick={() => { setHelp(false); helpButton.current?.focus(); }}>
          {t("live:screen.closeHelp")}
        </Button>
      </section>
      <div className="live-present-stage" ref={box}>
        <div className="live-present-content" ref={content}>
          <Stage state={state} />
        </div>
      </div>
      <JoinBar code={room.code} link={link} large={mode === "JOIN" || (mode === "QUESTION" && !screenQuestion(state))} />
    </div>
  );
}

function JoinBar({ code, link, large }: { code: string; link: ScreenLink; large: boolean }): ReactNode {
  const t = useT();
  return (
    <aside className={`live-present-join${large ? " is-large" : ""}`} aria-labelledby="join-heading">
      <img src={link.qr} alt={t("live:qrAlt", { url: link.url })} />
      <div className="live-present-join-text">
        <h2 id="join-heading">{t("live:screen.join")}</h2>
        <p>
          {t("live:screen.scanOrGo")} <strong className="live-present-url">{link.short}</strong>
        </p>
        <p className="live-present-code-line">
          {t("live:screen.code")}{" "}
          <span className="live-present-code" id="screen-code">
            {code}
          </span>
        </p>
      </div>
    </aside>
  );
}
