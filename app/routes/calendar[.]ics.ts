import { calendarResponse } from "~/modules/calendar/calendar-response.server";
import { feedIcs } from "~/modules/calendar/ics.server";
import { listFeedEvents } from "~/modules/events/events.server";

export async function loader() {
  const events = await listFeedEvents(new Date());
  return calendarResponse(feedIcs("Kristiansand kommune – arrangementer", events), "kristiansand-arrangementer.ics", {
    inline: true,
  });
}
