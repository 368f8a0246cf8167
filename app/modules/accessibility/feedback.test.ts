import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { action } from "../../routes/tilgjengelighet";
import { markFeedbackHandled } from "./feedback.server";

function post(fields: Record<string, string>, rateLimited = false) {
  const request = new Request("http://localhost/tilgjengelighet", { method: "POST", body: new URLSearchParams(fields) });
  return action({ request, params: {}, context: { cspNonce: "", clientAddress: "203.0.113.1", registrationRateLimited: rateLimited } });
}

const status = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200));
const body = (r: unknown) => JSON.stringify((r as { data: unknown }).data);

describe("accessibility feedback", () => {
  it("stores a message and redirects to the thank-you", async () => {
    const message = `Knappen «Meld meg på» leses ikke av skjermleseren ${Date.now()}`;
    const res = await post({ message, pageUrl: "/events/x/register", contactEmail: "kari@example.no", website: "" });
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).status).toBe(302);
    expect((res as Response).headers.get("location")).toBe("/tilgjengelighet?sendt=1#feedback-heading");
    const row = await db().accessibilityFeedback.findFirstOrThrow({ where: { message } });
    expect(row).toMatchObject({ pageUrl: "/events/x/register", contactEmail: "kari@example.no", contactName: null, handledAt: null });
  });

  it.each([
    ["an empty message", { message: "   " }, "error.required"],
    ["markup", { message: "<script>alert(1)</script>" }, "error.invalidChars"],
    ["a bad e-mail", { message: "Hei", contactEmail: "ikke en adresse" }, "error.email"],
    ["a 100 kB message", { message: "x".repeat(100_000) }, "error.tooLong"],
    ["a filled honeypot", { message: "Hei", website: "spam" }, "error.badRequest"],
  ])("refuses %s with 400 and stores nothing", async (_label, fields, key) => {
    const before = await db().accessibilityFeedback.count();
    const res = await post(fields as Record<string, string>);
    expect(status(res)).toBe(400);
    expect(body(res)).toContain(key);
    expect(await db().accessibilityFeedback.count()).toBe(before);
  });

  it("is rate limited like the registration form", async () => {
    const before = await db().accessibilityFeedback.count();
    const res = await post({ message: "Hei" }, true);
    expect(status(res)).toBe(429);
    expect(await db().accessibilityFeedback.count()).toBe(before);
  });

  it("is marked handled once, with an audit entry", async () => {
    const row = await db().accessibilityFeedback.create({ data: { message: "Kontrasten er for svak" } });
    const actor = { id: null, email: "organiser@samhandling.test" };
    expect(await markFeedbackHandled(actor, row.id)).toBe(true);
    expect(await markFeedbackHandled(actor, row.id)).toBe(false);
    const after = await db().accessibilityFeedback.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.handledBy).toBe("organiser@samhandling.test");
    expect(await db().auditLog.count({ where: { targetId: row.id, action: "accessibility-feedback.handled" } })).toBe(1);
  });
});
