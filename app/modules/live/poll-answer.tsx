// The answer form of an open poll, one shape per kind: radio buttons, checkboxes with a
// maximum, a rating scale, a short word or an open text. A phone that reconnects shows the
// answer it gave (myAnswer); answering again replaces it.
import {
  Button,
  Card,
  Heading,
  Paragraph,
  Tag,
} from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import {
  CheckboxField,
  FieldsetGroup,
  TextArea,
  TextInput,
} from "~/components/ui/field";
import { useT } from "~/i18n";
import { FeedbackLine, type Feedback } from "./feedback";
import { liveText } from "./messages";
import { OPEN_TEXT_MAX, WORD_MAX, type PollView } from "./protocol";
import { PollResultsView } from "./poll-results";
import type { LiveActions } from "./use-live-room";

export function PollCard({
  poll,
  actions,
  roomClosed,
}: {
  poll: PollView;
  actions: LiveActions;
  roomClosed: boolean;
}) {
  const mine = poll.myAnswer ?? null;
  const [optionIds, setOptionIds] = useState<string[]>(mine?.optionIds ?? []);
  const [rating, setRating] = useState<number | null>(mine?.rating ?? null);
  const [text, setText] = useState(mine?.text ?? "");
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
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
      if (optionIds.length === 0)
        return setFeedback({ kind: "error", text: t("live:poll.needOption") });
      payload = { ...payload, optionIds };
    } else if (poll.kind === "RATING") {
      if (rating === null)
        return setFeedback({ kind: "error", text: t("live:poll.needRating") });
      payload = { ...payload, rating };
    } else {
      if (!text.trim())
        return setFeedback({
          kind: "error",
          text:
            poll.kind === "WORDCLOUD"
              ? t("live:poll.needWord")
              : t("live:poll.needText"),
        });
      payload = { ...payload, text };
    }
    setBusy(true);
    const ack = await actions.answerPoll(payload);
    setBusy(false);
    setFeedback(
      ack.ok
        ? { kind: "ok", text: ack.data.held ? t("live:poll.held") : t("live:poll.thanks") }
        : { kind: "error", text: liveText(t, ack) }
    );
  }

  const max =
    poll.kind === "MULTIPLE" ? poll.maxChoices ?? poll.options.length : 1;
  const scale = Array.from({ length: poll.scaleMax ?? 5 }, (_, i) => i + 1);

  const choiceLegend =
    poll.kind === "SINGLE"
      ? t("live:poll.chooseOne")
      : t("live:poll.chooseUpTo", { max });
  const textLabel =
    poll.kind === "WORDCLOUD"
      ? t("live:poll.yourWord")
      : t("live:poll.yourAnswer");

  return (
    <Card asChild data-color="accent" className="live-poll">
      <section aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {poll.title}
        </Heading>
        {poll.status === "CLOSED" ? (
          <p>
            <Tag data-color="neutral">{t("live:poll.closed")}</Tag>
          </p>
        ) : null}
        {open ? (
          <form onSubmit={submit} className="stacked">
            {poll.kind === "SINGLE" || poll.kind === "MULTIPLE" ? (
              <FieldsetGroup
                id={`poll-${poll.id}-choices`}
                legend={choiceLegend}
              >
                {poll.options.map((o) => {
                  const checked = optionIds.includes(o.id);
                  return (
                    <CheckboxField
                      key={o.id}
                      type={poll.kind === "SINGLE" ? "radio" : "checkbox"}
                      id={`opt-${o.id}`}
                      name={`poll-${poll.id}`}
                      value={o.id}
                      label={o.label}
                      checked={checked}
                      disabled={
                        poll.kind === "MULTIPLE" &&
                        !checked &&
                        optionIds.length >= max
                      }
                      onChange={(e) =>
                        setOptionIds(
                          poll.kind === "SINGLE"
                            ? [o.id]
                            : e.target.checked
                            ? [...optionIds, o.id]
                            : optionIds.filter((x) => x !== o.id)
                        )
                      }
                    />
                  );
                })}
              </FieldsetGroup>
            ) : poll.kind === "RATING" ? (
              <FieldsetGroup
                id={`rate-${poll.id}-group`}
                legend={t("live:poll.chooseRating", { max: scale.length })}
              >
                <div className="live-scale">
                  {scale.map((n) => (
                    <CheckboxField
                      key={n}
                      type="radio"
                      id={`rate-${poll.id}-${n}`}
                      name={`rate-${poll.id}`}
                      value={n}
                      label={String(n)}
                      checked={rating === n}
                      onChange={() => setRating(n)}
                    />
                  ))}
                </div>
              </FieldsetGroup>
            ) : poll.kind === "WORDCLOUD" ? (
              <TextInput
                id={`text-${poll.id}`}
                type="text"
                label={textLabel}
                maxLength={WORD_MAX}
                value={text}
                onChange={(e) => setText(e.target.value)}
                autoComplete="off"
              />
            ) : (
              <TextArea
                id={`text-${poll.id}`}
                label={textLabel}
                rows={3}
                maxLength={OPEN_TEXT_MAX}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
            <Button type="submit" variant="primary" disabled={busy}>
              {mine ? t("live:poll.change") : t("live:poll.send")}
            </Button>
            <FeedbackLine feedback={feedback} />
          </form>
        ) : null}
        {poll.results ? (
          <>
            <Heading level={3} data-size="xs">
              {t("live:poll.result")}
            </Heading>
            <PollResultsView poll={poll} results={poll.results} />
          </>
        ) : poll.status === "OPEN" ? (
          <Paragraph data-size="sm">{t("live:poll.resultsLater")}</Paragraph>
        ) : null}
      </section>
    </Card>
  );
}
