// The "ask a question / take part live" block on the public event page.
import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { liveTexts } from "./live.i18n";

type Room = { code: string; title: string; isEventRoom: boolean; running: boolean };

export function EventLiveSection({ rooms, livestreamUrl }: { rooms: Room[]; livestreamUrl: string | null }) {
  const t = liveTexts[useLocale()];
  const translate = useT();
  const running = rooms.find((r) => r.running);
  const main = running ?? rooms.find((r) => r.isEventRoom) ?? rooms[0];
  if (!main) return null;
  const sessions = rooms.filter((r) => !r.isEventRoom);
  return (
    <section aria-labelledby="live-heading" className="notice notice-ok">
      <h2 id="live-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <p>
        <Link className="button primary" to={`/live/${main.code}`}>
          {t.join}: {main.title}
        </Link>{" "}
        <span className="small">
          ({t.code} {main.code})
        </span>
      </p>
      {livestreamUrl ? (
        <p>
          <a href={livestreamUrl} rel="noopener noreferrer">
            {translate("event.watchLive")}
          </a>
        </p>
      ) : null}
      {sessions.length > 0 ? (
        <details>
          <summary>{t.sessions}</summary>
          <ul>
            {rooms.map((r) => (
              <li key={r.code}>
                <Link to={`/live/${r.code}`}>{r.title}</Link> ({t.code} {r.code}){r.running ? <strong> – {t.now}</strong> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
