// Saving and reading an event's content language and translations: the staff form's fields go into
// one JSON column, the edit form reads them back, and the public page picks the visitor's language.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { requirePublicEvent } from "~/modules/events/event-page.server";
import { updateEvent } from "./events-admin.server";
import { eventSchema } from "./event.schema";
import { translationFormValues } from "./event-translations";
import { toOsloLocal } from "./oslo-time";

const actor = { id: null, email: "arrangor@samhandling.test" };

async function save(eventId: string, changes: Record<string, string>) {
  const e = await db().event.findUniqueOrThrow({ where: { id: eventId } });
  const parsed = eventSchema.safeParse({
    kind: e.kind,
    title: e.title,
    slug: e.slug,
    summary: e.summary,
    description: e.description,
    venueName: e.venueName,
    venueAddress: e.venueAddress,
    venuePostcode: e.venuePostcode,
    venueCity: e.venueCity,
    startsAt: toOsloLocal(e.startsAt),
    endsAt: toOsloLocal(e.endsAt),
    needsRetentionDays: String(e.needsRetentionDays),
    personalDataRetentionDays: String(e.personalDataRetentionDays),
    ...changes,
  });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.flatten()));
  const result = await updateEvent(actor, eventId, parsed.data);
  expect(result.ok).toBe(true);
  return db().event.findUniqueOrThrow({ where: { id: eventId } });
}

describe("content language and translations", () => {
  it("a form without the new fields keeps bokmål and no translations", async () => {
    const event = await createEvent();
    const saved = await save(event.id, {});
    expect(saved.contentLanguage).toBe("nb");
    expect(saved.translations).toBe("{}");
  });

  it("stores the translations, reads them back into the form and shows them on the public page", async () => {
    const event = await createEvent({ status: "PUBLISHED" });
    const saved = await save(event.id, {
      contentLanguage: "nb",
      titleEn: "Dialogue meeting in English",
      summaryEn: "Meet the executive committee.",
      descriptionEn: "",
      titleNn: "  ",
      titleNb: "ignored: the original is bokmål",
    });
    expect(JSON.parse(saved.translations)).toEqual({ en: { title: "Dialogue meeting in English", summary: "Meet the executive committee." } });
    expect(translationFormValues(saved)).toMatchObject({ contentLanguage: "nb", titleEn: "Dialogue meeting in English", titleNn: "", titleNb: "" });

    const en = await requirePublicEvent(event.slug, "en");
    expect(en).toMatchObject({ title: "Dialogue meeting in English", titleLang: "en", summaryLang: "en", descriptionLang: "nb" });
    const nn = await requirePublicEvent(event.slug, "nn");
    expect(nn).toMatchObject({ title: event.title, titleLang: "nb" });
  });

  it("refuses an unknown content language", () => {
    const parsed = eventSchema.safeParse({ contentLanguage: "de" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.flatten().fieldErrors.contentLanguage).toEqual(["public:translations.languageInvalid"]);
  });
});
