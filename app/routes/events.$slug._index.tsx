import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Button, Card } from "@digdir/designsystemet-react";
import { ContentLang } from "~/components/content-lang";
import { CancelledTag, EventFacts, KindTag, Programme } from "~/components/event-parts";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { requirePublicEvent } from "~/modules/events/event-page.server";
import { getEventSpeakers, getProgramme } from "~/modules/events/events.server";
import { registrationState, seatsLeft } from "~/modules/events/registration-window";
import { formatDateTime } from "~/utils/format";
import { getSeriesLink } from "~/modules/series/series.server";
import { EventLiveSection } from "~/modules/live/event-live-section";
import { liveRoomsForEventPage } from "~/modules/live/event-live.server";
import { FollowUpSection, MinutesSection, SendInputBlock } from "~/modules/followup/event-followup-section";
import { followUpForEventPage } from "~/modules/followup/followup.server";
import { takesSlotRequests } from "~/modules/requests/requests.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requirePublicEvent(params.slug, locale);
  const [programme, speakers, series, liveRooms, followUp] = await Promise.all([
    getProgramme(event.id),
    getEventSpeakers(event.id),
    getSeriesLink(event.seriesId),
    liveRoomsForEventPage(event),
    followUpForEventPage(event),
  ]);
  const t = translator(locale);
  return {
    title: t("public:pageTitle", { page: event.title, site: t("site.name") }),
    event,
    series,
    programme,
    speakerCount: speakers.length,
    registration: registrationState(event, new Date()),
    seatsLeft: seatsLeft(event),
    liveRooms,
    followUp,
    requestable: takesSlotRequests(event),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }, { name: "description", content: data.event.summary }] : []);

export default function EventPage() {
  const { event, series, programme, speakerCount, registration, seatsLeft, liveRooms, followUp, requestable } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article className="container">
      <p className="meta">
        <KindTag kind={event.kind} /> {event.status === "CANCELLED" ? <CancelledTag /> : null}
      </p>
      <ContentLang as="h1" lang={event.titleLang}>
        {event.title}
      </ContentLang>
      <ContentLang as="p" lang={event.summaryLang}>
        {event.summary}
      </ContentLang>
      <EventFacts event={event} />
      {series ? (
        <p className="series-link">
          {t("public:series.partOf")}: <Link to={`/series/${series.slug}`}>{series.title}</Link>
        </p>
      ) : null}

      {/* While the event takes place: questions and polls first, next to the live stream. */}
      {liveRooms ? <EventLiveSection rooms={liveRooms} livestreamUrl={event.livestreamUrl} /> : null}

      <Card asChild data-color="accent" variant="tinted">
        <section aria-labelledby="registration-heading">
          <h2 id="registration-heading">{t("event.registration")}</h2>
          {registration === "open" ? (
            <>
              <p>{seatsLeft === null ? t("event.unlimited") : seatsLeft > 0 ? t("public:event.seatsLeft", { count: seatsLeft }) : t("event.full")}</p>
              {event.registrationClosesAt ? <p>{t("event.registrationClosesAt", { when: formatDateTime(event.registrationClosesAt, locale) })}</p> : null}
              <p>
                <Button asChild variant="primary">
                  <Link to={`/events/${event.slug}/register`}>{t("event.register")}</Link>
                </Button>
              </p>
            </>
          ) : (
            <p>
              {registration === "cancelled"
                ? t("event.cancelled")
                : registration === "past"
                ? t("event.past")
                : registration === "not-open" && event.registrationOpensAt
                ? t("event.registrationOpensAt", {
                    when: formatDateTime(event.registrationOpensAt, locale),
                  })
                : t("event.registrationClosed")}
            </p>
          )}
        </section>
      </Card>

      {event.livestreamUrl && event.status !== "CANCELLED" ? (
        <section aria-labelledby="livestream-heading">
          <h2 id="livestream-heading">{t("event.livestream")}</h2>
          <p>
            <a href={event.livestreamUrl} rel="noopener noreferrer">
              {t("event.watchLive")}
            </a>
          </p>
        </section>
      ) : null}

      {event.description ? (
        <ContentLang as="section" className="description" lang={event.descriptionLang}>
          {event.description.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </ContentLang>
      ) : null}

      {/* The dialogue cycle: input before and after, then minutes and what happened to the input. */}
      {followUp.takesInput ? <SendInputBlock slug={event.slug} requestEventId={requestable ? event.id : null} /> : null}
      {followUp.minutes ? <MinutesSection minutes={followUp.minutes} /> : null}
      {followUp.items.length > 0 ? <FollowUpSection slug={event.slug} items={followUp.items} /> : null}

      <section aria-labelledby="programme-heading">
        <h2 id="programme-heading">{t("event.programme")}</h2>
        <Programme eventSlug={event.slug} items={programme} />
        {speakerCount > 0 ? (
          <p>
            <Link to={`/events/${event.slug}/speakers`}>{t("event.allSpeakers")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{t("event.addToCalendar")}</h2>
        <ul>
          <li>
            <a href={`/events/${event.slug}/calendar.ics`} download>
              {t("public:calendarFile", { name: t("event.addToCalendar") })}
            </a>
          </li>
          {programme.length > 0 ? (
            <li>
              <a href={`/events/${event.slug}/programme.ics`} download>
                {t("public:calendarFile", { name: t("event.programmeCalendar") })}
              </a>
            </li>
          ) : null}
        </ul>
      </section>
    </article>
  );
}
