import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EventList } from "~/components/event-parts";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { localizeEvent } from "~/modules/events/event-text";
import { getPublicSeries } from "~/modules/series/series.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const series = params.slug ? await getPublicSeries(params.slug) : null;
  const t = translator(locale);
  if (!series) throw new Response(t("public:series.notFound"), { status: 404 });
  const now = Date.now();
  // Only what the list shows reaches the page.
  const meetings = series.events.map((event) => localizeEvent(event, locale)).map((e) => ({
    slug: e.slug,
    kind: e.kind,
    status: e.status,
    title: e.title,
    titleLang: e.titleLang,
    summary: e.summary,
    summaryLang: e.summaryLang,
    venueName: e.venueName,
    venueCity: e.venueCity,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
  }));
  return {
    title: t("public:pageTitle", { page: series.title, site: t("site.name") }),
    series: { slug: series.slug, title: series.title, description: series.description },
    upcoming: meetings.filter((e) => e.endsAt.getTime() > now),
    past: meetings.filter((e) => e.endsAt.getTime() <= now).reverse(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "description", content: data.series.description.slice(0, 300) }] : [];

export default function SeriesPage() {
  const { series, upcoming, past } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="container">
      <h1>{series.title}</h1>
      {series.description
        ? series.description.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>)
        : null}
      <p>
        <a href={`/series/${series.slug}/calendar.ics`}>{t("public:series.subscribe")}</a>
        <br />
        <span className="small">{t("public:series.subscribeHelp")}</span>
      </p>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("public:series.upcoming")}</h2>
        {upcoming.length ? <EventList events={upcoming} headingLevel={3} /> : <p>{t("public:series.noUpcoming")}</p>}
      </section>
      {past.length ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">{t("public:series.past")}</h2>
          <EventList events={past} headingLevel={3} />
        </section>
      ) : null}
    </div>
  );
}
