// The content-language picker: translation when there is one, otherwise the original and its language.
import { describe, expect, it } from "vitest";
import { localizeEvent, parseTranslations, pickEventText, serializeTranslations } from "./event-text";

const event = {
  title: "Dialogmøte i Eksempelby",
  summary: "Møt formannskapet.",
  description: "Velkommen til alle.",
  contentLanguage: "nb",
  translations: JSON.stringify({ en: { title: "Dialogue meeting in Eksempelby" }, nn: { summary: "Møt formannskapet, du òg." } }),
};

describe("the event text picker", () => {
  it("gives the translation in the visitor's language and the original elsewhere, with its language", () => {
    expect(pickEventText(event, "title", "en")).toEqual({ text: "Dialogue meeting in Eksempelby", lang: "en" });
    expect(pickEventText(event, "description", "en")).toEqual({ text: "Velkommen til alle.", lang: "nb" });
    expect(pickEventText(event, "title", "nn")).toEqual({ text: "Dialogmøte i Eksempelby", lang: "nb" });
    expect(pickEventText(event, "summary", "nn")).toEqual({ text: "Møt formannskapet, du òg.", lang: "nn" });
    expect(pickEventText(event, "title", "nb")).toEqual({ text: "Dialogmøte i Eksempelby", lang: "nb" });
  });

  it("an English original stays English on a bokmål page unless translated", () => {
    const english = { ...event, title: "Open day", contentLanguage: "en", translations: JSON.stringify({ nb: { title: "Åpen dag" } }) };
    expect(pickEventText(english, "title", "nb")).toEqual({ text: "Åpen dag", lang: "nb" });
    expect(pickEventText(english, "summary", "nb")).toEqual({ text: "Møt formannskapet.", lang: "en" });
    expect(pickEventText(english, "title", "en")).toEqual({ text: "Open day", lang: "en" });
  });

  it("localizes a whole event and drops the raw column", () => {
    const shown = localizeEvent({ ...event, slug: "x" }, "en");
    expect(shown).toMatchObject({ slug: "x", title: "Dialogue meeting in Eksempelby", titleLang: "en", summaryLang: "nb", descriptionLang: "nb" });
    expect("translations" in shown).toBe(false);
  });

  it("reads broken or foreign JSON as no translations, and an unknown content language as bokmål", () => {
    expect(parseTranslations("not json")).toEqual({});
    expect(parseTranslations(JSON.stringify({ de: { title: "Hallo" }, en: { title: 3, summary: "  " } }))).toEqual({});
    expect(pickEventText({ ...event, contentLanguage: "de", translations: "{" }, "title", "en")).toEqual({ text: event.title, lang: "nb" });
  });

  it("stores neither blanks nor a translation into the content language itself", () => {
    expect(JSON.parse(serializeTranslations({ nb: { title: "Tittel" }, en: { title: " Title ", summary: " " } }, "nb"))).toEqual({ en: { title: "Title" } });
  });
});
