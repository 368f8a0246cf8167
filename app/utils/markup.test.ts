import { describe, expect, it } from "vitest";
import { eventSchema } from "~/modules/admin-events/event.schema";
import { speakerSchema } from "~/modules/admin-events/people.schema";
import { inviteSchema } from "~/modules/auth/staff.schema";
import { registrationSchema } from "~/modules/registration/registration.schema";
import { INVISIBLE, MARKUP, neutraliseMarkup } from "./markup";
import { cleanText, needsCleaning } from "./text";

const TRICKS = ["Ola \u202Efdp.exe", "Ola\u200BNordmann", "Ola \u2066Nordmann\u2069", "Ola\u00ADNordmann", "Ola\uFEFFNordmann", "Ola\u0007"];

describe("MARKUP and INVISIBLE", () => {
  it.each(TRICKS)("refuse what cleanText removes: %j", (value) => {
    expect(needsCleaning(value)).toBe(true);
    expect(MARKUP.test(value)).toBe(true);
    expect(INVISIBLE.test(value)).toBe(true);
    expect(MARKUP.test(cleanText(value))).toBe(false);
  });

  it("keep what people write: line breaks, tabs, emoji with joiners, a < b", () => {
    for (const ok of ["Ola Nordmann", "Linje 1\nLinje 2\tinnrykk", "👩\u200D👩\u200D👧", "Åse Øvrebø-Ågren"]) {
      expect(MARKUP.test(ok)).toBe(false);
    }
    expect(MARKUP.test("<b>hei</b>")).toBe(true);
  });

  it.each(TRICKS)("a direct call of a schema refuses the name %j", (name) => {
    expect(inviteSchema.safeParse({ intent: "invite", name, email: "ola@example.no", role: "ORGANISER" }).success).toBe(false);
    expect(speakerSchema.safeParse({ name }).success).toBe(false);
    const registration = registrationSchema.safeParse({ name, email: "ola@example.no", privacyConsent: "on" });
    expect(registration.success).toBe(false);
    const event = eventSchema.safeParse({
      kind: "CONFERENCE",
      title: name,
      summary: "Omtale",
      venueName: "Kilden",
      venueAddress: "Sjølystveien 2",
      venuePostcode: "4610",
      venueCity: "Eksempelby",
      startsAt: "2031-10-27T09:00",
      endsAt: "2031-10-27T16:00",
    });
    expect(event.success).toBe(false);
  });
});

describe("neutraliseMarkup", () => {
  it.each([
    ["<b>hei</b>", "\uFF1Cb>hei\uFF1C/b>"],
    ["a < b", "a \uFF1C b"],
    ["< 3 kroner", "< 3 kroner"],
    ["<\n/script>", "\uFF1C\n/script>"],
    ["<!-- x -->", "\uFF1C!-- x -->"],
    ["Ola \u202Efdp.exe", "Ola fdp.exe"],
  ])("%j becomes %j, which MARKUP accepts", (input, expected) => {
    expect(neutraliseMarkup(input)).toBe(expected);
    expect(MARKUP.test(neutraliseMarkup(input).replace(/\r?\n|\t/g, " "))).toBe(false);
  });
});
