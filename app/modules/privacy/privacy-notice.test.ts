// The generated retention sentences of the privacy notice: dates in Oslo, in three languages.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "~/i18n";
import "~/i18n/i18n.server";
import { PrivacyNotice, retentionSentences } from "./privacy-notice";

// Ends 21.30 in Oslo on Wednesday 10 March 2027 (20.30 UTC); +14 days is 24 March, +365 is 9 March 2028 (a leap year).
const event = {
  privacyNotice: "Eksempelby kommune bruker opplysningene bare til dette møtet.",
  endsAt: new Date("2027-03-10T20:30:00Z"),
  needsRetentionDays: 14,
  personalDataRetentionDays: 365,
};

describe("the privacy notice", () => {
  it("names the dates the event's own rules give, in the reader's language", () => {
    expect(retentionSentences(event, "registration", "nb").slice(0, 2)).toEqual([
      "Svar om kosthold og tilrettelegging slettes onsdag 24. mars 2027.",
      "Påmeldingen anonymiseres torsdag 9. mars 2028.",
    ]);
    expect(retentionSentences(event, "registration", "nn")[0]).toBe("Svar om kosthald og tilrettelegging blir sletta onsdag 24. mars 2027.");
    expect(retentionSentences(event, "registration", "en")[1]).toBe("Your registration is anonymised on Thursday 9 March 2028.");
    expect(retentionSentences({ ...event, needsRetentionDays: 3, personalDataRetentionDays: 30 }, "registration", "nb").slice(0, 2)).toEqual([
      "Svar om kosthold og tilrettelegging slettes lørdag 13. mars 2027.",
      "Påmeldingen anonymiseres fredag 9. april 2027.",
    ]);
  });

  it("uses the Oslo date when the deadline falls after midnight Oslo time", () => {
    // 23.30 UTC in winter is 00.30 the next day in Oslo.
    const late = { ...event, endsAt: new Date("2027-01-05T23:30:00Z"), needsRetentionDays: 1 };
    expect(retentionSentences(late, "registration", "nb")[0]).toBe("Svar om kosthold og tilrettelegging slettes torsdag 7. januar 2027.");
  });

  it("has a version for citizen input that does not talk about a registration", () => {
    const [sentence] = retentionSentences(event, "input", "nb");
    expect(sentence).toContain("slettes torsdag 9. mars 2028");
    expect(sentence).not.toContain("Påmelding");
  });

  it("renders the event's notice and the dates under one heading", () => {
    const html = renderToStaticMarkup(createElement(I18nProvider, { locale: "en", children: createElement(PrivacyNotice, { event }) }));
    expect(html).toContain('<h2 id="privacy-heading">Privacy notice</h2>');
    expect(html).toContain('aria-labelledby="privacy-heading"');
    expect(html).toContain("bare til dette møtet.");
    expect(html).toContain("Answers about diet and accessibility are deleted on Wednesday 24 March 2027.");
  });
});
