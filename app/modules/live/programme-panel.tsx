// The moderator's "Programmet" control for the event's one code: the item on now, "next item",
// choosing an item (or none), going back to the programme's times, and the whole programme with
// the current item marked. Small on purpose: one card at the top of the moderator page.
import { Button, Card, Heading, Tag } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { SelectInput } from "~/components/ui/field";
import { useLocale, useT } from "~/i18n";
import { formatTime } from "~/utils/format";
import { FeedbackLine, type Feedback } from "./feedback";
import { liveText } from "./messages";
import type { ProgrammeItemView, RoomState } from "./protocol";
import type { LiveActions } from "./use-live-room";

/** The item after the one on now; between items, the first that starts after `now`. */
export function nextItem(room: RoomState["room"], now = new Date()): ProgrammeItemView | null {
  const items = room.programme;
  if (room.currentItem) {
    const i = items.findIndex((x) => x.id === room.currentItem!.id);
    return i >= 0 ? (items[i + 1] ?? null) : null;
  }
  return items.find((x) => new Date(x.startsAt) > now) ?? null;
}

const NONE = "none";

export function ProgrammePanel({ room, actions }: { room: RoomState["room"]; actions: LiveActions }) {
  const t = useT();
  const locale = useLocale();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<string>(room.currentItem?.id ?? NONE);
  // Another moderator or the programme's times moved it: the choice follows.
  const currentId = room.currentItem?.id ?? NONE;
  useEffect(() => setChoice(currentId), [currentId]);
  if (room.programme.length === 0) return null;
  const time = (i: ProgrammeItemView) =>
    t("live:evening.time", { from: formatTime(new Date(i.startsAt), locale), to: formatTime(new Date(i.endsAt), locale) });

  if (room.itemRoom) {
    return (
      <Card data-color="neutral" className="live-programme" asChild>
        <section aria-labelledby="programme-heading">
          <Heading level={2} data-size="xs" id="programme-heading">
            {t("live:evening.programme")}
          </Heading>
          <p className="small">{t("live:evening.itemRoom", { item: room.currentItem?.title ?? room.title })}</p>
        </section>
      </Card>
    );
  }

  const following = room.followProgramme;
  const upcoming = nextItem(room);
  async function move(change: { itemId: string | null } | { follow: true }) {
    setBusy(true);
    const ack = await actions.setItem(change);
    setBusy(false);
    if (ack.ok) {
      const item = ack.data.currentItem;
      setChoice(item?.id ?? NONE);
      setFeedback({ kind: "ok", text: item ? t("live:evening.moved", { item: item.title }) : t("live:evening.movedNone") });
    } else {
      setFeedback({ kind: "error", text: liveText(t, ack) });
    }
  }

  return (
    <Card data-color="accent" className="live-programme" asChild>
      <section aria-labelledby="programme-heading">
        <div className="live-programme-now">
          <Heading level={2} data-size="xs" id="programme-heading">
            {t("live:evening.programme")}
          </Heading>
          <p id="programme-now">
            <strong>{room.currentItem ? t("live:evening.now", { item: room.currentItem.title }) : t("live:evening.nowNone")}</strong>{" "}
            <span className="small live-meta" id="programme-mode">
              {following ? t("live:evening.following") : t("live:evening.chosen")}
            </span>
          </p>
        </div>
        <div className="live-row live-programme-controls">
          <Button
            type="button"
            data-size="sm"
            variant="primary"
            disabled={busy || !upcoming}
            aria-label={upcoming ? t("live:evening.nextLabel", { item: upcoming.title }) : undefined}
            onClick={() => upcoming && move({ itemId: upcoming.id })}
          >
            {t("live:evening.next")}
          </Button>
          <form
            className="live-programme-choose"
            onSubmit={(e) => {
              e.preventDefault();
              void move({ itemId: choice === NONE ? null : choice });
            }}
          >
            <SelectInput
              id="programme-choice"
              label={t("live:evening.choose")}
              value={choice}
              onChange={(e) => setChoice(e.currentTarget.value)}
              options={[[NONE, t("live:evening.noneOption")], ...room.programme.map((i) => [i.id, `${time(i)} ${i.title}`] as [string, string])]}
            />
            <Button type="submit" data-size="sm" variant="secondary" disabled={busy}>
              {t("live:evening.chooseButton")}
            </Button>
          </form>
          {following ? null : (
            <Button type="button" data-size="sm" variant="secondary" disabled={busy} aria-describedby="programme-follow-help" onClick={() => move({ follow: true })}>
              {t("live:evening.follow")}
            </Button>
          )}
        </div>
        <p className="small live-meta" id="programme-follow-help">
          {t("live:evening.followHelp")}
        </p>
        <FeedbackLine feedback={feedback} />
        <details className="live-programme-list">
          <summary>{t("live:evening.list", { count: room.programme.length })}</summary>
          <ol>
            {room.programme.map((i) => {
              const on = room.currentItem?.id === i.id;
              return (
                <li key={i.id} aria-current={on ? "true" : undefined}>
                  <span className="small">{time(i)}</span> {on ? <strong>{i.title}</strong> : i.title}{" "}
                  {on ? <Tag data-color="success" data-size="sm">{t("live:evening.onNow")}</Tag> : null}
                </li>
              );
            })}
          </ol>
        </details>
      </section>
    </Card>
  );
}
