// The answer form of an open poll, one shape per kind: radio buttons, checkboxes with a
// maximum, a rating scale, a short word, an open text, or a ranking (an ordered list with "move
// up"/"move down" buttons named after their option and a live region saying the new place: no
// drag and drop, so it works by touch, keyboard and screen reader alike). A phone that reconnects shows the
// answer it gave (myAnswer); answering again replaces it.
import {
  Button,
  Card,
  Heading,
  Paragraph,
  Tag,
} from "@digdir/designsystemet-react";
import { useEffect, useRef, useState } from "react";
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

/** A ranking's starting order: the answer given (when it still names every option), else the poll's order. */
function startOrder(poll: PollView, mine: PollView["myAnswer"] | null): string[] {
  const ids = poll.options.map((o) => o.id);
  const given = mine?.optionIds ?? [];
  return given.length === ids.length && ids.every((id) => given.includes(id)) ? given : ids;
}

function RankingControl({
  poll,
  order,
  setOrder,
}: {
  poll: PollView;
  order: string[];
  setOrder: (next: string[]) => void;
}) {
  const t = useT();
  const [said, setSaid] = useState("");
  const focusNext = useRef<string | null>(null);
  const labels = new Map(poll.options.map((o) => [o.id, o.label]));
  const legendId = `rank-${poll.id}-legend`;

  // The moved option's button keeps the focus in its new place (the other one at either end).
  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    focusNext.current = null;
    document.getElementById(id)?.focus();
  });

  function move(index: number, by: -1 | 1) {
    const to = index + by;
    if (to < 0 || to >= order.length) return;
    const next = order.slice();
    [next[index], next[to]] = [next[to]!, next[index]!];
    const optionId = next[to]!;
    const atEnd = (by === -1 && to === 0) || (by === 1 && to === next.length - 1);
    focusNext.current = `rank-${poll.id}-${optionId}-${atEnd ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down"}`;
    setOrder(next);
    setSaid(t("live:pollLibrary.movedTo", { option: labels.get(optionId) ?? "", place: to + 1, total: next.length }));
  }

  return (
    <div className="live-ranking-control" role="group" aria-labelledby={legendId}>
      <p id={legendId} className="live-ranking-legend">
        {t("live:pollLibrary.rankLegend")}
      </p>
      <ol className="live-ranking-list">
        {order.map((optionId, i) => {
          const label = labels.get(optionId) ?? "";
          return (
            <li key={optionId} className="live-ranking-item">
              <span className="live-ranking-place" aria-hidden="true">
                {i + 1}.
              </span>
              <span className="live-ranking-label">{label}</span>
              <span className="live-ranking-buttons">
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  id={`rank-${poll.id}-${optionId}-up`}
                  aria-label={t("live:pollLibrary.moveUp", { option: label })}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  <span aria-hidden="true">↑</span>
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  id={`rank-${poll.id}-${optionId}-down`}
                  aria-label={t("live:pollLibrary.moveDown", { option: label })}
                  disabled={i === order.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <span aria-hidden="true">↓</span>
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite" id={`rank-${poll.id}-said`}>
        {said}
      </p>
    </div>
  );
}

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
  const [order, setOrder] = useState<string[]>(() => startOrder(poll, mine));
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
    if (poll.kind === "RANKING") setOrder(startOrder(poll, mine));
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
    } else if (poll.kind === "RANKING") {
      payload = { ...payload, optionIds: order };
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
            ) : poll.kind === "RANKING" ? (
              <RankingControl poll={poll} order={order} setOrder={setOrder} />
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
