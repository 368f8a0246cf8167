// The moderator's "On screen" panel: chooses the one thing the projector and the stream overlay
// show (the `mod:screen` event). The buttons are toggle buttons (aria-pressed on the current
// mode); a poll can be chosen for the poll and word cloud views.
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { Link } from "@remix-run/react";
import { useState } from "react";
import { SelectInput } from "~/components/ui/field";
import { useT } from "~/i18n";
import { FeedbackLine, type Feedback } from "./feedback";
import { liveText } from "./messages";
import { SCREEN_MODES, type RoomState, type ScreenMode } from "./protocol";
import type { LiveActions } from "./use-live-room";

export function ScreenPanel({ state, actions, speakerKey }: { state: RoomState; actions: LiveActions; speakerKey?: string | null }) {
  const t = useT();
  const { room } = state;
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const shown = state.polls.filter((p) => p.status !== "DRAFT");
  const [pollChoice, setPollChoice] = useState("");
  const chosen = shown.find((p) => p.id === pollChoice);

  async function show(mode: ScreenMode) {
    setBusy(true);
    const pollId = mode === "POLL" ? chosen?.id : mode === "WORDCLOUD" && chosen?.kind === "WORDCLOUD" ? chosen.id : undefined;
    const ack = await actions.setScreen({ mode, ...(pollId ? { pollId } : {}) });
    setBusy(false);
    setFeedback(
      ack.ok
        ? { kind: "ok", text: t("live:screenPanel.done", { what: t(`live:screenPanel.${mode}`) }) }
        : { kind: "error", text: ack.message || ack.key ? liveText(t, ack) : t("live:mod.failed") },
    );
  }

  return (
    <section aria-labelledby="screen-panel-heading" className="live-screen-panel">
      <Heading level={2} data-size="sm" id="screen-panel-heading">
        {t("live:screenPanel.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("live:screenPanel.intro")}</Paragraph>
      <div className="live-toggle live-screen-modes" role="group" aria-label={t("live:screenPanel.modes")}>
        {SCREEN_MODES.map((mode) => (
          <Button
            key={mode}
            type="button"
            variant={room.screenMode === mode ? "primary" : "secondary"}
            data-size="sm"
            aria-pressed={room.screenMode === mode}
            disabled={busy}
            onClick={() => show(mode)}
          >
            {t(`live:screenPanel.${mode}`)}
          </Button>
        ))}
      </div>
      {shown.length > 0 ? (
        <SelectInput
          id="screen-poll-choice"
          label={t("live:screenPanel.poll")}
          value={pollChoice}
          onChange={(e) => setPollChoice(e.target.value)}
          empty={t("live:screenPanel.newest")}
          options={shown.map((p) => [p.id, `${p.title} – ${t(`live:pollStatus.${p.status}`)}`] as const)}
        />
      ) : null}
      <FeedbackLine feedback={feedback} />
      <p className="small">
        <Link to={`/live/${room.code}/overlay`} target="_blank">
          {t("live:screenPanel.overlay")}
        </Link>{" "}
        ·{" "}
        <Link to={`/live/${room.code}/presenter${speakerKey ? `?key=${encodeURIComponent(speakerKey)}` : ""}`} target="_blank" rel="noreferrer">
          {t("live:screenPanel.presenter")}
        </Link>
      </p>
    </section>
  );
}
