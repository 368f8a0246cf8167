import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { calendarResponse } from "~/modules/calendar/calendar-response.server";
import { eventIcs } from "~/modules/calendar/ics.server";
import { requirePublicEvent } from "~/modules/events/event-page.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await requirePublicEvent(params.slug, await getLocale(request));
  return calendarResponse(eventIcs(event), `${event.slug}.ics`);
}
