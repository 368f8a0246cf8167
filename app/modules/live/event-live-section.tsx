// The "ask a question / take part live" block on the public event page: the one code for the
// whole event (with the programme item on now), and separate item rooms only if there are any.
import { Button, Card, Heading } from "@digdir/designsystemet-react";
import { Link } from "@remix-run/react";
import { useT } from "~/i18n";

type Room = {
  code: string;
  title: string;
  isEventRoom: boolean;
  running: boolean;
  currentItem?: string | null;
};

export function EventLiveSection({
  rooms,
  livestreamUrl,
}: {
  rooms: Room[];
  livestreamUrl: string | null;
}) {
  const t = useT();
  const main = rooms.find((r) => r.isEventRoom) ?? rooms.find((r) => r.running) ?? rooms[0];
  if (!main) return null;
  const sessions = rooms.filter((r) => !r.isEventRoom);
  return (
    <Card asChild data-color="accent" variant="tinted">
      <section aria-labelledby="live-heading" className="live-event-block">
        <Heading level={2} data-size="sm" id="live-heading">
          {t("live:section.heading")}
        </Heading>
        <p>{t("live:section.intro")}</p>
        <p>
          <Button asChild variant="primary">
            <Link to={`/live/${main.code}`}>
              {t("live:section.join", { room: main.title })}
            </Link>
          </Button>{" "}
          <span className="small">
            ({t("live:section.code", { code: main.code })})
          </span>
        </p>
        {main.currentItem ? (
          <p className="small">{t("live:evening.section.now", { item: main.currentItem })}</p>
        ) : null}
        {livestreamUrl ? (
          <p>
            <a href={livestreamUrl} rel="noopener noreferrer">
              {t("event.watchLive")}
            </a>
          </p>
        ) : null}
        {sessions.length > 0 ? (
          <details>
            <summary>{t("live:evening.section.separate")}</summary>
            <ul>
              {sessions.map((r) => (
                <li key={r.code}>
                  <Link to={`/live/${r.code}`}>{r.title}</Link> (
                  {t("live:section.code", { code: r.code })})
                  {r.running ? (
                    <strong> – {t("live:section.now")}</strong>
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </Card>
  );
}
