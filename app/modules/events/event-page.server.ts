// Loads what the public event pages need, or throws a 404 response. Title, summary and
// description come in the visitor's language where translated (event-text.ts).
import { translator } from "~/i18n/i18n.server";
import type { Locale } from "~/i18n";
import { localizeEvent } from "./event-text";
import { getPublicEvent } from "./events.server";

export async function requirePublicEvent(slug: string | undefined, locale: Locale) {
  const event = slug ? await getPublicEvent(slug) : null;
  if (!event) throw new Response(translator(locale)("event.notFound"), { status: 404 });
  return localizeEvent(event, locale);
}
