// Test data: each test makes its own event with a unique slug, so tests never share rows.
import { randomBytes } from "node:crypto";
import { db } from "~/utils/db.server";
import type { RegistrationInput } from "~/modules/registration/registration.schema";

const HOUR = 3600_000;

export function uniqueSlug(prefix = "test") {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}

export async function createEvent(overrides: Partial<Parameters<ReturnType<typeof db>["event"]["create"]>[0]["data"]> = {}) {
  const startsAt = new Date(Date.now() + 14 * 24 * HOUR);
  return db().event.create({
    data: {
      slug: uniqueSlug(),
      kind: "DIALOGUE_MEETING",
      status: "PUBLISHED",
      title: "Dialogmøte med formannskapet – Testby",
      summary: "Et dialogmøte til test.",
      venueName: "Testby skole",
      venueAddress: "Skoleveien 1",
      venuePostcode: "4611",
      venueCity: "Eksempelby",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2.5 * HOUR),
      capacity: 10,
      privacyNotice: "Vi bruker opplysningene bare til dette møtet.",
      ...overrides,
    },
  });
}

export function attendee(n: number | string, overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    name: `Deltaker ${n}`,
    email: `deltaker-${n}-${randomBytes(3).toString("hex")}@example.no`,
    phone: undefined,
    organisation: undefined,
    diet: undefined,
    accessibility: undefined,
    newsletter: false,
    privacyConsent: "on",
    website: "",
    ...overrides,
  };
}
