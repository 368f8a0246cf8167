import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { calendarResponse } from "~/modules/calendar/calendar-response.server";
import { programmeIcs } from "~/modules/calendar/ics.server";
import { requirePublicEvent } from "~/modules/events/event-page.server";
import { getProgramme } from "~/modules/events/events.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requirePublicEvent(params.slug, locale);
  const items = await getProgramme(event.id);
  return calendarResponse(programmeIcs(event, items, locale), `${event.slug}-program.ics`);
}
