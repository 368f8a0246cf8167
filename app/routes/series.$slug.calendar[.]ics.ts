import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/modules/calendar/calendar-response.server";
import { feedIcs } from "~/modules/calendar/ics.server";
import { getPublicSeries } from "~/modules/series/series.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const series = params.slug ? await getPublicSeries(params.slug) : null;
  if (!series) throw new Response("Fant ikke møteserien.", { status: 404 });
  return calendarResponse(feedIcs(series.title, series.events), `${series.slug}.ics`);
}
