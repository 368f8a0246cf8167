import { Tag } from "@digdir/designsystemet-react";
import { Link } from "@remix-run/react";
import { ContentLang } from "~/components/content-lang";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatDateTimeRange, formatPostalPlace, formatTimeRange, osloDayKey } from "~/utils/format";

export function KindTag({ kind }: { kind: string }) {
  const t = useT();
  return <Tag data-color="neutral">{t(`kind.${kind}` as MessageKey)}</Tag>;
}

export function CancelledTag() {
  const t = useT();
  return <Tag data-color="danger">{t("status.CANCELLED")}</Tag>;
}

type ListEvent = {
  slug: string;
  kind: string;
  status: string;
  title: string;
  summary: string;
  /** The language of title and summary (event-text.ts); marked with `lang` where it is not the page's. */
  titleLang?: string;
  summaryLang?: string;
  venueName: string;
  venueCity: string;
  startsAt: Date;
  endsAt: Date;
};

export function EventList({ events, headingLevel = 2 }: { events: ListEvent[]; headingLevel?: 2 | 3 }) {
  const locale = useLocale();
  const Heading = `h${headingLevel}` as const;
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li key={e.slug} className="event-card">
          <p className="meta">
            <KindTag kind={e.kind} /> {e.status === "CANCELLED" ? <CancelledTag /> : null}
          </p>
          <Heading>
            <Link to={`/events/${e.slug}`}>
              <ContentLang lang={e.titleLang}>{e.title}</ContentLang>
            </Link>
          </Heading>
          <p className="meta">
            <time dateTime={e.startsAt.toISOString()}>{formatDateTimeRange(e.startsAt, e.endsAt, locale)}</time>
            {" · "}
            {e.venueName}, {e.venueCity}
          </p>
          <ContentLang as="p" lang={e.summaryLang}>
            {e.summary}
          </ContentLang>
        </li>
      ))}
    </ul>
  );
}

export function EventFacts({
  event,
}: {
  event: {
    startsAt: Date;
    endsAt: Date;
    venueName: string;
    venueAddress: string;
    venuePostcode: string;
    venueCity: string;
  };
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="facts">
      <dt>{t("event.when")}</dt>
      <dd>
        <time dateTime={event.startsAt.toISOString()}>{formatDateTimeRange(event.startsAt, event.endsAt, locale)}</time>
      </dd>
      <dt>{t("event.where")}</dt>
      <dd>
        {event.venueName}
        <br />
        {event.venueAddress}, {formatPostalPlace(event.venuePostcode, event.venueCity)}
      </dd>
    </dl>
  );
}

type ProgrammeItem = {
  id: string;
  title: string;
  description: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  organisation: { name: string } | null;
  speakers: Array<{ speaker: { slug: string; name: string; role: string } }>;
};

/** The programme grouped by Oslo calendar day, each day under its own heading. */
export function Programme({ eventSlug, items }: { eventSlug: string; items: ProgrammeItem[] }) {
  const t = useT();
  const locale = useLocale();
  const days = new Map<string, ProgrammeItem[]>();
  for (const item of items) {
    const key = osloDayKey(item.startsAt);
    days.set(key, [...(days.get(key) ?? []), item]);
  }
  if (items.length === 0) return <p>{t("event.noProgramme")}</p>;
  return (
    <>
      {[...days.entries()].map(([day, dayItems]) => (
        <section key={day} className="programme-day" aria-labelledby={`day-${day}`}>
          <h3 id={`day-${day}`}>{formatDate(dayItems[0].startsAt, locale)}</h3>
          <ol className="programme">
            {dayItems.map((item) => (
              <li key={item.id} id={`item-${item.id}`} className={item.kind === "BREAK" ? "item-break" : undefined}>
                <div className="time">
                  <time dateTime={item.startsAt.toISOString()}>{formatTimeRange(item.startsAt, item.endsAt, locale)}</time>
                </div>
                <div>
                  <h4 className="item-title">{item.title}</h4>
                  <p className="meta">
                    {t(`item.${item.kind}` as MessageKey)}
                    {item.room ? ` · ${t("event.room")}: ${item.room}` : ""}
                    {item.organisation ? ` · ${item.organisation.name}` : ""}
                  </p>
                  {item.description ? <p>{item.description}</p> : null}
                  {item.speakers.length > 0 ? (
                    <p>
                      {t("event.with")}{" "}
                      {item.speakers.map(({ speaker }, i) => (
                        <span key={speaker.slug}>
                          {i > 0 ? ", " : ""}
                          <Link to={`/events/${eventSlug}/speakers/${speaker.slug}`}>{speaker.name}</Link>
                          {speaker.role ? ` (${speaker.role})` : ""}
                        </span>
                      ))}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
