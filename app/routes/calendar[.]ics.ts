import { calendarResponse } from "~/modules/calendar/calendar-response.server";
import { feedIcs } from "~/modules/calendar/ics.server";
import { listFeedEvents } from "~/modules/events/events.server";
import { orgSettings, orgTextVars } from "~/modules/settings/settings.server";
import { slugify } from "~/modules/admin-events/oslo-time";

export async function loader() {
  const events = await listFeedEvents(new Date());
  const settings = orgSettings();
  const named = Boolean(settings.orgName.nb || settings.orgName.nn || settings.orgName.en);
  const org = named ? orgTextVars(settings, "nb").Org : "Samhandling";
  const file = named ? `${slugify(orgTextVars(settings, "nb").org)}-arrangementer.ics` : "arrangementer.ics";
  return calendarResponse(feedIcs(`${org} – arrangementer`, events), file, { inline: true });
}
