// Minutes and follow-up items against a real database: one click from input or a live question
// (once), editing with history and a status mail in the sender's language in the same
// transaction, no mail to anonymised or hidden senders, audit entries, public reads without
// personal data, and the staff routes' answers to bad input.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { ensureRoomsForEvent } from "~/modules/live/rooms.server";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { action as itemAction } from "../../routes/admin.events.$eventId.followup.$itemId";
import { action as followUpAction } from "../../routes/admin.events.$eventId.followup._index";
import { action as liveAction } from "../../routes/admin.events.$eventId.live";
import { followUpItemSchema, type FollowUpItemInput } from "./followup.schema";
import {
  createItem,
  createItemFromInput,
  createItemFromQuestion,
  FOLLOW_UP_MAIL_KIND,
  followUpForEventPage,
  getPublicItem,
  saveMinutes,
  titleFromText,
  updateItem,
} from "./followup.server";

const actor = { id: null, email: "arrangor@kristiansand.kommune.no" };
const hex = () => randomBytes(4).toString("hex");

async function inputFor(eventId: string, extra: { email?: string; name?: string; locale?: string; hidden?: boolean; anonymised?: boolean } = {}) {
  return db().citizenInput.create({
    data: {
      eventId,
      theme: "SPORT_OUTDOORS",
      phase: "BEFORE",
      text: "Kunstgressbanen på Vågsbygd er mørk om vinteren, og barna kan ikke trene etter skolen. Kan den få lys?",
      name: extra.name ?? null,
      email: extra.email ?? null,
      emailNormalized: extra.email?.toLowerCase() ?? null,
      privacyConsentAt: extra.email ? new Date() : null,
      locale: extra.locale ?? "nb",
      hiddenAt: extra.hidden ? new Date() : null,
      anonymisedAt: extra.anonymised ? new Date() : null,
    },
  });
}

const edit = (over: Partial<FollowUpItemInput> = {}): FollowUpItemInput => ({
  title: "Lys på kunstgressbanen",
  summary: "Banen er mørk om vinteren.",
  responsibleUnit: "Idrett og friluftsliv",
  status: "IN_PROGRESS",
  statusReason: "",
  publicAnswer: "",
  note: "",
  visibility: "PUBLISHED",
  ...over,
});

describe("titles from text", () => {
  it("takes the first words, marks the cut", () => {
    expect(titleFromText("Lys på banen")).toBe("Lys på banen");
    expect(titleFromText("Kunstgressbanen på Vågsbygd er mørk om vinteren, og barna kan ikke trene")).toBe("Kunstgressbanen på Vågsbygd er mørk om vinteren …");
    expect(titleFromText("x".repeat(300)).length).toBeLessThanOrEqual(82);
  });
});

describe("follow-up from input", () => {
  it("one click makes one item, prefilled; a second click (even at once) returns the same", async () => {
    const event = await createEvent();
    const input = await inputFor(event.id);
    const [a, b] = await Promise.all([createItemFromInput(actor, event.id, input.id), createItemFromInput(actor, event.id, input.id)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.itemId).toBe(b.itemId);
    expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
    const item = await db().followUpItem.findUniqueOrThrow({ where: { id: a.itemId }, include: { updates: true } });
    expect(item).toMatchObject({
      title: "Kunstgressbanen på Vågsbygd er mørk om vinteren …",
      summary: input.text,
      responsibleUnit: "Ikke fordelt ennå",
      status: "REGISTERED",
      sourceInputId: input.id,
      // A draft: the text is the citizen's own until staff have read it.
      publishedAt: null,
    });
    expect(item.updates.map((u) => u.status)).toEqual(["REGISTERED"]);
    expect(await db().auditLog.count({ where: { targetId: a.itemId, action: "follow-up.created" } })).toBe(1);
  });

  it("refuses hidden input and input of another event", async () => {
    const event = await createEvent();
    const other = await createEvent();
    const hidden = await inputFor(event.id, { hidden: true });
    expect(await createItemFromInput(actor, event.id, hidden.id)).toEqual({ ok: false, reason: "hidden" });
    const foreign = await inputFor(other.id);
    expect(await createItemFromInput(actor, event.id, foreign.id)).toEqual({ ok: false, reason: "not-found" });
    expect(await db().followUpItem.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("editing an item", () => {
  it("a status change writes history and mails the sender in their language with the item's link", async () => {
    const event = await createEvent();
    const to = `sender-${hex()}@example.no`;
    const input = await inputFor(event.id, { email: to, name: "Nora", locale: "nn" });
    const created = await createItemFromInput(actor, event.id, input.id);
    if (!created.ok) throw new Error("not created");
    const outcome = await updateItem(actor, event.id, created.itemId, edit({ status: "DONE", publicAnswer: "Banen fikk nye lysmaster i oktober.", note: "Ferdig" }));
    expect(outcome).toEqual({ ok: true, statusChanged: true, mailed: true });
    const item = await db().followUpItem.findUniqueOrThrow({ where: { id: created.itemId }, include: { updates: { orderBy: { at: "asc" } } } });
    expect(item.status).toBe("DONE");
    expect(item.updates.map((u) => [u.status, u.note])).toEqual([
      ["REGISTERED", ""],
      ["DONE", "Ferdig"],
    ]);
    const mails = await db().outboxMessage.findMany({ where: { toAddress: to } });
    expect(mails).toHaveLength(1);
    expect(mails[0].kind).toBe(FOLLOW_UP_MAIL_KIND);
    expect(mails[0].subject).toBe("Oppfølginga av innspelet ditt er oppdatert: Gjennomført");
    expect(mails[0].text).toContain("Hei Nora,");
    expect(mails[0].text).toContain("Banen fikk nye lysmaster i oktober.");
    expect(mails[0].text).toContain(`https://samhandling.test/events/${event.slug}/oppfolging/${created.itemId}`);
    const log = await db().auditLog.findFirstOrThrow({ where: { targetId: created.itemId, action: "follow-up.status" } });
    expect(log.summary).toContain("fra Registrert til Gjennomført (innsenderen varslet)");

    // Saving again without a new status sends nothing and adds no history.
    expect(await updateItem(actor, event.id, created.itemId, edit({ status: "DONE", publicAnswer: "Banen fikk nye lysmaster." }))).toEqual({
      ok: true,
      statusChanged: false,
      mailed: false,
    });
    expect(await db().outboxMessage.count({ where: { toAddress: to } })).toBe(1);
    expect(await db().followUpUpdate.count({ where: { itemId: created.itemId } })).toBe(2);
  });

  it("a one-click item stays off the public page and mails nobody until it is published; publishing mails the sender once", async () => {
    const event = await createEvent();
    const to = `draft-${hex()}@example.no`;
    const input = await inputFor(event.id, { email: to, name: "Dina" });
    const created = await createItemFromInput(actor, event.id, input.id);
    if (!created.ok) throw new Error("not created");
    expect((await followUpForEventPage(event)).items).toHaveLength(0);
    expect(await getPublicItem(event.id, created.itemId)).toBeNull();

    // Still a draft: a new status is saved, but neither shown nor mailed.
    expect(await updateItem(actor, event.id, created.itemId, edit({ status: "IN_PROGRESS", visibility: "DRAFT" }))).toEqual({
      ok: true,
      statusChanged: true,
      mailed: false,
    });
    expect(await getPublicItem(event.id, created.itemId)).toBeNull();
    expect(await db().outboxMessage.count({ where: { toAddress: to } })).toBe(0);

    // Published with the same status: shown, and the sender hears of it once.
    expect(await updateItem(actor, event.id, created.itemId, edit({ status: "IN_PROGRESS" }))).toEqual({ ok: true, statusChanged: false, mailed: true });
    const publicItem = await getPublicItem(event.id, created.itemId);
    expect(publicItem?.title).toBe("Lys på kunstgressbanen");
    expect((await followUpForEventPage(event)).items.map((i) => i.id)).toEqual([created.itemId]);
    const published = await db().followUpItem.findUniqueOrThrow({ where: { id: created.itemId } });
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect(await updateItem(actor, event.id, created.itemId, edit({ status: "IN_PROGRESS", summary: "Banen er mørk." }))).toMatchObject({ mailed: false });
    expect(await db().outboxMessage.count({ where: { toAddress: to } })).toBe(1);
    // Saving keeps the first publication time.
    expect((await db().followUpItem.findUniqueOrThrow({ where: { id: created.itemId } })).publishedAt).toEqual(published.publishedAt);

    // Taken back to a draft: gone from the public page again.
    await updateItem(actor, event.id, created.itemId, edit({ status: "IN_PROGRESS", visibility: "DRAFT" }));
    expect(await getPublicItem(event.id, created.itemId)).toBeNull();
  });

  it("does not mail anonymised senders or senders without e-mail", async () => {
    const event = await createEvent();
    const to = `anon-${hex()}@example.no`;
    const anonymised = await inputFor(event.id, { email: to, anonymised: true });
    const noMail = await inputFor(event.id);
    for (const input of [anonymised, noMail]) {
      const created = await createItemFromInput(actor, event.id, input.id);
      if (!created.ok) throw new Error("not created");
      expect(await updateItem(actor, event.id, created.itemId, edit())).toEqual({ ok: true, statusChanged: true, mailed: false });
    }
    expect(await db().outboxMessage.count({ where: { toAddress: to } })).toBe(0);
  });

  it("refuses 'will not be done' without a reason (schema)", () => {
    const result = followUpItemSchema.safeParse({ ...edit(), status: "WONT_DO", statusReason: "  " });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["statusReason", "staff-tools:followup.error.reasonRequired"],
    ]);
    expect(followUpItemSchema.safeParse({ ...edit(), status: "WONT_DO", statusReason: "Ikke penger i budsjettet." }).success).toBe(true);
  });

  it("an item of another event is not found", async () => {
    const event = await createEvent();
    const other = await createEvent();
    const item = await createItem(actor, other.id, edit({ status: "REGISTERED" }));
    expect(await updateItem(actor, event.id, item!.id, edit())).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("follow-up from a live question", () => {
  it("one click per question of the event's rooms; hidden questions and other events' are refused", async () => {
    const event = await createEvent();
    const [room] = await ensureRoomsForEvent(event.id);
    const q = await db().question.create({ data: { roomId: room.id, participantId: `p-${hex()}`, displayName: "Åse", text: "Når blir det fortau langs skoleveien?", status: "APPROVED" } });
    const hidden = await db().question.create({ data: { roomId: room.id, participantId: `p-${hex()}`, text: "Spam spam spam", status: "HIDDEN" } });
    const other = await createEvent();
    const first = await createItemFromQuestion(actor, event.id, q.id);
    expect(first).toMatchObject({ ok: true, created: true });
    expect(await createItemFromQuestion(actor, event.id, q.id)).toMatchObject({ ok: true, created: false });
    expect(await createItemFromQuestion(actor, event.id, hidden.id)).toEqual({ ok: false, reason: "hidden" });
    expect(await createItemFromQuestion(actor, other.id, q.id)).toEqual({ ok: false, reason: "not-found" });
    const item = await db().followUpItem.findFirstOrThrow({ where: { sourceQuestionId: q.id } });
    expect(item).toMatchObject({ title: "Når blir det fortau langs skoleveien?", summary: q.text, eventId: event.id });
  });
});

describe("minutes and the public page", () => {
  it("publishes and unpublishes minutes, audited; the event page shows only published minutes and public fields", async () => {
    const event = await createEvent();
    const input = await inputFor(event.id, { email: `pub-${hex()}@example.no`, name: "Per Privat" });
    const created = await createItemFromInput(actor, event.id, input.id);
    if (!created.ok) throw new Error("not created");

    await updateItem(actor, event.id, created.itemId, edit({ status: "REGISTERED" }));

    expect(await saveMinutes(actor, event.id, "Møtet ble åpnet kl. 17.00.", "save")).toBe(true);
    expect((await followUpForEventPage(event)).minutes).toBeNull();
    expect(await saveMinutes(actor, event.id, "Møtet ble åpnet kl. 17.00.", "publish")).toBe(true);
    const page = await followUpForEventPage(event);
    expect(page.minutes?.text).toBe("Møtet ble åpnet kl. 17.00.");
    expect(page.takesInput).toBe(true);
    expect(page.items).toHaveLength(1);
    const publicItem = await getPublicItem(event.id, created.itemId);
    const json = JSON.stringify([page, publicItem]);
    expect(json).not.toContain("Per Privat");
    expect(json).not.toContain("@example.no");
    expect(Object.keys(page.items[0]).sort()).toEqual(["id", "publicAnswer", "responsibleUnit", "status", "statusChangedAt", "statusReason", "summary", "title"]);

    expect(await saveMinutes(actor, event.id, "Møtet ble åpnet kl. 17.00.", "unpublish")).toBe(true);
    expect((await followUpForEventPage(event)).minutes).toBeNull();
    expect(await db().auditLog.count({ where: { targetId: event.id, action: { startsWith: "minutes." } } })).toBe(3);
    expect(await getPublicItem(event.id, "nope")).toBeNull();
  });
});

describe("the staff routes", () => {
  async function organiserCookie() {
    const staff = await db().staffUser.create({ data: { email: `arr-${hex()}@kristiansand.kommune.no`, name: "Arne Arrangør", role: "ORGANISER" } });
    return (await createStaffSession(staff.id, null)).split(";")[0];
  }
  const request = (path: string, cookie: string, form: Record<string, string>) =>
    new Request(`https://samhandling.test${path}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
  const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200));
  const ctx = {} as AppLoadContext;

  it("refuses WONT_DO without a reason with 400 and changes nothing", async () => {
    const event = await createEvent();
    const cookie = await organiserCookie();
    const item = await createItem(actor, event.id, edit({ status: "REGISTERED" }));
    const path = `/admin/events/${event.id}/followup/${item!.id}`;
    const form = { title: "Lys på banen", summary: "", responsibleUnit: "Idrett", status: "WONT_DO", statusReason: "", publicAnswer: "", note: "" };
    const res = await itemAction({ request: request(path, cookie, form), params: { eventId: event.id, itemId: item!.id }, context: ctx });
    expect(statusOf(res)).toBe(400);
    expect(JSON.stringify((res as { data: unknown }).data)).toContain("staff-tools:followup.error.reasonRequired");
    const after = await db().followUpItem.findUniqueOrThrow({ where: { id: item!.id } });
    expect(after).toMatchObject({ status: "REGISTERED", title: "Lys på kunstgressbanen" });
    expect(await db().followUpUpdate.count({ where: { itemId: item!.id } })).toBe(1);

    const ok = await itemAction({ request: request(path, cookie, { ...form, statusReason: "Banen skal legges ned." }), params: { eventId: event.id, itemId: item!.id }, context: ctx });
    expect(statusOf(ok)).toBe(302);
    expect((await db().followUpItem.findUniqueOrThrow({ where: { id: item!.id } })).status).toBe("WONT_DO");
  });

  it("a one-click item from text with markup saves unchanged through its edit form", async () => {
    const event = await createEvent();
    const cookie = await organiserCookie();
    const [room] = await ensureRoomsForEvent(event.id);
    const asked = "Hvorfor er <b>hei</b> viktig når a < b og <script>alert(1)</script>?\u202E Svar\u200B gjerne.";
    const q = await db().question.create({ data: { roomId: room.id, participantId: `p-${hex()}`, text: asked, status: "APPROVED" } });
    const input = await db().citizenInput.create({
      data: { eventId: event.id, theme: "SPORT_OUTDOORS", phase: "BEFORE", text: "Lys <i>på</i> banen, takk < 3", locale: "nb" },
    });
    const fromQuestion = await createItemFromQuestion(actor, event.id, q.id);
    const fromInput = await createItemFromInput(actor, event.id, input.id);
    for (const created of [fromQuestion, fromInput]) {
      if (!created.ok) throw new Error("not created");
      const item = await db().followUpItem.findUniqueOrThrow({ where: { id: created.itemId } });
      // The words are kept; only what the form refuses is neutralised.
      expect(item.summary).not.toMatch(/<\s*\/?\s*[a-z]/i);
      expect(item.summary).not.toMatch(/[\u202E\u200B]/);
      const form = {
        title: item.title,
        summary: item.summary,
        responsibleUnit: item.responsibleUnit,
        status: item.status,
        statusReason: item.statusReason,
        publicAnswer: item.publicAnswer,
        note: "",
        visibility: "DRAFT",
      };
      expect(followUpItemSchema.safeParse(form).success).toBe(true);
      const path = `/admin/events/${event.id}/followup/${item.id}`;
      const saved = await itemAction({ request: request(path, cookie, form), params: { eventId: event.id, itemId: item.id }, context: ctx });
      expect(statusOf(saved)).toBe(302);
    }
    const q1 = await db().followUpItem.findUniqueOrThrow({ where: { sourceQuestionId: q.id } });
    expect(q1.summary).toBe("Hvorfor er \uFF1Cb>hei\uFF1C/b> viktig når a \uFF1C b og \uFF1Cscript>alert(1)\uFF1C/script>? Svar gjerne.");
    expect((await db().followUpItem.findUniqueOrThrow({ where: { sourceInputId: input.id } })).summary).toBe("Lys \uFF1Ci>på\uFF1C/i> banen, takk < 3");
  });

  it("deletes an item only with the box ticked, audited; its source input stays", async () => {
    const event = await createEvent();
    const cookie = await organiserCookie();
    const input = await inputFor(event.id);
    const created = await createItemFromInput(actor, event.id, input.id);
    if (!created.ok) throw new Error("not created");
    const path = `/admin/events/${event.id}/followup/${created.itemId}`;
    const params = { eventId: event.id, itemId: created.itemId };
    const refused = await itemAction({ request: request(path, cookie, { intent: "delete" }), params, context: ctx });
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify((refused as { data: unknown }).data)).toContain("staff-tools:followup.error.deleteConfirm");
    expect(await db().followUpItem.count({ where: { id: created.itemId } })).toBe(1);

    const ok = await itemAction({ request: request(path, cookie, { intent: "delete", confirm: "on" }), params, context: ctx });
    expect(statusOf(ok)).toBe(302);
    expect((ok as Response).headers.get("location")).toBe(`/admin/events/${event.id}/followup?slettet=1#items-heading`);
    expect(await db().followUpItem.count({ where: { id: created.itemId } })).toBe(0);
    expect(await db().followUpUpdate.count({ where: { itemId: created.itemId } })).toBe(0);
    expect(await db().citizenInput.count({ where: { id: input.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { targetId: created.itemId, action: "follow-up.deleted" } })).toBe(1);
    // The input can be followed up again.
    expect(await createItemFromInput(actor, event.id, input.id)).toMatchObject({ ok: true, created: true });
  });

  it("moves items up and down; the public list follows; the ends and bad input change nothing", async () => {
    const event = await createEvent();
    const cookie = await organiserCookie();
    const ids: string[] = [];
    for (const title of ["A", "B", "C"]) ids.push((await createItem(actor, event.id, edit({ title, status: "REGISTERED" })))!.id);
    const path = `/admin/events/${event.id}/followup`;
    const move = (form: Record<string, string>) => followUpAction({ request: request(path, cookie, { intent: "move", ...form }), params: { eventId: event.id }, context: ctx });
    const order = async () => (await followUpForEventPage(event)).items.map((i) => i.title);

    expect(statusOf(await move({ itemId: ids[2], direction: "up" }))).toBe(302);
    expect(await order()).toEqual(["A", "C", "B"]);
    expect(statusOf(await move({ itemId: ids[0], direction: "down" }))).toBe(302);
    expect(await order()).toEqual(["C", "A", "B"]);
    await move({ itemId: ids[2], direction: "up" }); // already first
    await move({ itemId: ids[1], direction: "down" }); // already last
    expect(await order()).toEqual(["C", "A", "B"]);
    expect(statusOf(await move({ itemId: ids[0], direction: "sideways" }))).toBe(400);
    expect(await order()).toEqual(["C", "A", "B"]);
    expect(await db().auditLog.count({ where: { action: "follow-up.moved", targetId: { in: ids } } })).toBe(2);
  });

  it("refuses publishing empty minutes and bad items with 400", async () => {
    const event = await createEvent();
    const cookie = await organiserCookie();
    const path = `/admin/events/${event.id}/followup`;
    const empty = await followUpAction({ request: request(path, cookie, { intent: "publish-minutes", minutes: "" }), params: { eventId: event.id }, context: ctx });
    expect(statusOf(empty)).toBe(400);
    const bad = await followUpAction({
      request: request(path, cookie, { intent: "new-item", title: "", responsibleUnit: "X", status: "MAYBE" }),
      params: { eventId: event.id },
      context: ctx,
    });
    expect(statusOf(bad)).toBe(400);
    expect(await db().followUpItem.count({ where: { eventId: event.id } })).toBe(0);
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).minutesPublishedAt).toBeNull();
  });

  it("the live page makes a follow-up item from a question in one click", async () => {
    const event = await createEvent();
    const cookie = await organiserCookie();
    const [room] = await ensureRoomsForEvent(event.id);
    const q = await db().question.create({ data: { roomId: room.id, participantId: `p-${hex()}`, text: "Hva skjer med biblioteket?", status: "APPROVED" } });
    const path = `/admin/events/${event.id}/live`;
    const res = await liveAction({ request: request(path, cookie, { intent: "follow-up", questionId: q.id }), params: { eventId: event.id }, context: ctx });
    expect(statusOf(res)).toBe(302);
    const item = await db().followUpItem.findFirstOrThrow({ where: { sourceQuestionId: q.id } });
    expect((res as Response).headers.get("location")).toBe(`${path}?oppfolging=${item.id}#question-${q.id}`);
    const bad = await liveAction({ request: request(path, cookie, { intent: "follow-up", questionId: "" }), params: { eventId: event.id }, context: ctx });
    expect(statusOf(bad)).toBe(400);
  });
});
