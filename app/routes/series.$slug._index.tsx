import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EventList } from "~/components/event-parts";
import { useLocale } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { seriesTexts } from "~/modules/series/series.i18n";
import { getPublicSeries } from "~/modules/series/series.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const series = params.slug ? await getPublicSeries(params.slug) : null;
  if (!series) throw new Response(locale === "en" ? "Series not found." : "Fant ikke møteserien.", { status: 404 });
  const now = Date.now();
  // Only what the list shows reaches the page.
  const meetings = series.events.map((e) => ({
    slug: e.slug,
    kind: e.kind,
    status: e.status,
    title: e.title,
    summary: e.summary,
    venueName: e.venueName,
    venueCity: e.venueCity,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
  }));
  return {
    series: { slug: series.slug, title: series.title, description: series.description },
    upcoming: meetings.filter((e) => e.endsAt.getTime() > now),
    past: meetings.filter((e) => e.endsAt.getTime() <= now).reverse(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.series.title} – Samhandling` }, { name: "description", content: data.series.description.slice(0, 300) }] : [];

export default function SeriesPage() {
  const { series, upcoming, past } = useLoaderData<typeof loader>();
  const texts = seriesTexts[useLocale()];
  return (
    <div className="container">
      <h1>{series.title}</h1>
      {series.description
        ? series.description.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>)
        : null}
      <p>
        <a href={`/series/${series.slug}/calendar.ics`}>{texts.subscribe}</a>
        <br />
        <span className="small">{texts.subscribeHelp}</span>
      </p>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{texts.upcoming}</h2>
        {upcoming.length ? <EventList events={upcoming} headingLevel={3} /> : <p>{texts.noUpcoming}</p>}
      </section>
      {past.length ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">{texts.past}</h2>
          <EventList events={past} headingLevel={3} />
        </section>
      ) : null}
    </div>
  );
}
