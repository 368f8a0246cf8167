// The staff overview's work queue, counted in a database of its own.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { useOwnDatabase } from "../../../test/own-database";
import { workQueue } from "./work-queue.server";

useOwnDatabase("work-queue");

const request = (status: string, n: number) => ({
  token: `token-${status}-${n}-${"x".repeat(30)}`,
  kind: "MEETING",
  district: "Lund",
  organisationName: `Lag ${n}`,
  contactName: "Kari",
  contactEmail: `kari${n}@example.no`,
  contactEmailNormalized: `kari${n}@example.no`,
  topic: "Tema",
  description: "Beskrivelse",
  privacyConsentAt: new Date(),
  status,
});

describe("workQueue", () => {
  it("is empty in an empty database", async () => {
    expect(await workQueue()).toEqual({ openRequests: 0, inputWithoutFollowUp: 0, draftFollowUps: 0, openFeedback: 0 });
  });

  it("counts only what still needs someone: undecided requests, visible input without an item, drafts, unhandled feedback", async () => {
    const event = await createEvent();
    await db().meetingRequest.createMany({
      data: [request("RECEIVED", 1), request("IN_REVIEW", 2), request("ACCEPTED", 3), request("DECLINED", 4), request("ANSWERED", 5)],
    });
    const [followed, open] = await Promise.all(
      ["Fulgt opp", "Venter"].map((text) => db().citizenInput.create({ data: { eventId: event.id, theme: "OTHER", text, phase: "BEFORE" } })),
    );
    await db().citizenInput.create({ data: { eventId: event.id, theme: "OTHER", text: "Spam", phase: "BEFORE", hiddenAt: new Date() } });
    await db().followUpItem.create({ data: { eventId: event.id, title: "Utkast", responsibleUnit: "Park", sourceInputId: followed.id } });
    await db().followUpItem.create({ data: { eventId: event.id, title: "Publisert", responsibleUnit: "Park", publishedAt: new Date() } });
    await db().accessibilityFeedback.createMany({ data: [{ message: "Mangler fokus" }, { message: "Løst", handledAt: new Date() }] });
    expect(open.text).toBe("Venter");
    expect(await workQueue()).toEqual({ openRequests: 2, inputWithoutFollowUp: 1, draftFollowUps: 1, openFeedback: 1 });
  });
});
