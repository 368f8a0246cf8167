import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale, translator } from "~/i18n/i18n.server";
import { calendarResponse } from "~/modules/calendar/calendar-response.server";
import { feedIcs } from "~/modules/calendar/ics.server";
import { listFeedEvents } from "~/modules/events/events.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = translator(await getLocale(request));
  const events = await listFeedEvents(new Date());
  return calendarResponse(feedIcs(t("public:calendar.feedName"), events), t("public:calendar.feedFile"), { inline: true });
}
