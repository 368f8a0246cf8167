import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale, translator } from "~/i18n/i18n.server";
import { calendarResponse } from "~/modules/calendar/calendar-response.server";
import { feedIcs } from "~/modules/calendar/ics.server";
import { getPublicSeries } from "~/modules/series/series.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const series = params.slug ? await getPublicSeries(params.slug) : null;
  if (!series) throw new Response(translator(await getLocale(request))("public:series.notFound"), { status: 404 });
  return calendarResponse(feedIcs(series.title, series.events), `${series.slug}.ics`);
}
