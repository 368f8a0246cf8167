// One code for the whole event over a real http server + Socket.IO with real clients and the test
// database (SQLite, and PostgreSQL with TEST_DB=postgres): the event room's session moves from one
// programme item to the next (mod:item, or the programme's times), everyone in the room hears it at
// once, and questions and polls carry the item they belong to. Item rooms keep their own item.
import { describe, expect, it } from "vitest";
import type { PollView, QuestionView, RoomState } from "~/modules/live/protocol";
import { createItemRoom } from "~/modules/live/rooms.server";
import { db } from "~/utils/db.server";
import { createEvent } from "../test/factories";
import { call, collect, newRoom, next, ok, sleep, useLiveServer } from "../test/live-harness";

const PROGRAMME_MS = 200;
const { audience, moderator, screen } = useLiveServer({ questionRateLimit: { count: 10, windowMs: 60_000 }, programmeMs: PROGRAMME_MS, noErrorsAfterEach: true });

const MIN = 60_000;

/** The event room of a new event with two items around now: the first is on now, the second starts in `secondIn` ms. */
async function evening(secondIn = 30 * MIN) {
  const room = await newRoom();
  const now = Date.now();
  const first = await db().programmeItem.create({
    data: { eventId: room.eventId, kind: "TALK", title: "Innledning om skoleveien", startsAt: new Date(now - 10 * MIN), endsAt: new Date(now + secondIn) },
  });
  await db().programmeItem.create({
    data: { eventId: room.eventId, kind: "BREAK", title: "Pause", startsAt: new Date(now + secondIn), endsAt: new Date(now + secondIn) },
  });
  const second = await db().programmeItem.create({
    data: { eventId: room.eventId, kind: "OPEN_FLOOR", title: "Spørsmål til politikerne", startsAt: new Date(now + secondIn), endsAt: new Date(now + secondIn + 60 * MIN) },
  });
  return { room, first, second };
}

describe("the event room's programme", () => {
  it("the room state names the programme (no breaks) and the item on now, following the programme", async () => {
    const { room, first, second } = await evening();
    const phone = await audience(room.code);
    expect(phone.state.room.programme.map((i) => i.id)).toEqual([first.id, second.id]);
    expect(phone.state.room.currentItem).toMatchObject({ id: first.id, title: "Innledning om skoleveien" });
    expect(phone.state.room.followProgramme).toBe(true);
  });

  it("a moderator moves the session; phones, the projector and other moderators hear it at once; follow goes back to the times", async () => {
    const { room, first, second } = await evening();
    const mod = await moderator(room.code);
    const otherMod = await moderator(room.code);
    const phoneA = await audience(room.code);
    const phoneB = await audience(room.code);
    const projector = await screen(room.code);
    const heard = [phoneA.client, phoneB.client, projector.client, otherMod.client].map((c) =>
      next(c, "room:changed", (r) => r.currentItem?.id === second.id),
    );
    const moved = await ok(call<RoomState["room"]>(mod.client, "mod:item", { itemId: second.id }));
    expect(moved).toMatchObject({ currentItem: { id: second.id }, followProgramme: false });
    for (const [r] of await Promise.all(heard)) expect(r).toMatchObject({ code: room.code, currentItem: { id: second.id }, followProgramme: false });
    // It is stored: a phone joining now sees item 2, though the programme's times say item 1.
    expect((await audience(room.code)).state.room.currentItem?.id).toBe(second.id);

    // None (between items) is a choice too.
    const none = next(phoneA.client, "room:changed", (r) => r.currentItem === null);
    expect(await ok(call<RoomState["room"]>(mod.client, "mod:item", { itemId: null }))).toMatchObject({ currentItem: null, followProgramme: false });
    await none;

    const back = next(phoneB.client, "room:changed", (r) => r.followProgramme);
    const following = await ok(call<RoomState["room"]>(mod.client, "mod:item", { follow: true }));
    expect(following).toMatchObject({ currentItem: { id: first.id }, followProgramme: true });
    expect((await back)[0].currentItem?.id).toBe(first.id);

    // Audited, with the names the audit log shows.
    const audits = await db().auditLog.findMany({ where: { targetId: room.id, action: { startsWith: "live.item." } }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["live.item.choose", "live.item.choose", "live.item.follow"]);
    expect(audits[0]!.actorEmail).toBe(mod.staff.email);
  });

  it("refuses the audience, the projector, a blocked participant, another event's item, a bad payload and item rooms", async () => {
    const { room, second } = await evening();
    const mod = await moderator(room.code);
    const phone = await audience(room.code);
    const projector = await screen(room.code);
    const phoneSees = collect(phone.client, "room:changed");
    expect(await call(phone.client, "mod:item", { itemId: second.id })).toMatchObject({ ok: false, code: "forbidden", key: "live:error.moderatorsOnly" });
    expect(await call(projector.client, "mod:item", { follow: true })).toMatchObject({ ok: false, code: "forbidden" });
    // A participant the moderator blocked is no moderator either.
    const q = await ok(call<QuestionView>(phone.client, "question:ask", { text: "Kommer det fortau langs Vågsbygdveien?" }));
    await ok(call(mod.client, "mod:block", { questionId: q.id }));
    expect(await call(phone.client, "mod:item", { itemId: second.id })).toMatchObject({ ok: false, code: "forbidden" });

    const other = await evening();
    expect(await call(mod.client, "mod:item", { itemId: other.second.id })).toMatchObject({ ok: false, code: "not-found", key: "live:error.notFound.item" });
    expect(await call(mod.client, "mod:item", {})).toMatchObject({ ok: false, code: "invalid" });
    expect(await call(mod.client, "mod:item", { itemId: second.id, follow: true })).toMatchObject({ ok: false, code: "invalid" });
    expect(await call(mod.client, "mod:item", { follow: false })).toMatchObject({ ok: false, code: "invalid" });

    // Nothing moved.
    await sleep(PROGRAMME_MS * 2);
    expect(phoneSees.filter(([r]) => r.currentItem?.id === second.id)).toEqual([]);
    const stored = await db().liveRoom.findUniqueOrThrow({ where: { id: room.id } });
    expect(stored).toMatchObject({ currentItemId: null, followProgramme: true });

    // A room of one item has its own item: it cannot be moved.
    const itemRoom = (await createItemRoom(room.eventId, second.id))!;
    const itemMod = await moderator(itemRoom.code);
    expect(itemMod.state.room).toMatchObject({ currentItem: { id: second.id }, followProgramme: false });
    expect(await call(itemMod.client, "mod:item", { follow: true })).toMatchObject({ ok: false, code: "invalid", key: "live:error.evening.itemRoom" });
  });

  it("the programme's times move the item: everyone hears it without a moderator", async () => {
    const { room, first, second } = await evening(1500);
    const phone = await audience(room.code);
    const projector = await screen(room.code);
    expect(phone.state.room.currentItem?.id).toBe(first.id);
    const seen = collect(phone.client, "room:changed");
    const [[onPhone], [onScreen]] = await Promise.all([
      next(phone.client, "room:changed", (r) => r.currentItem?.id === second.id, 5000),
      next(projector.client, "room:changed", (r) => r.currentItem?.id === second.id, 5000),
    ]);
    expect(onPhone.followProgramme).toBe(true);
    expect(onScreen.currentItem?.title).toBe("Spørsmål til politikerne");
    // Once per change, not once per tick.
    await sleep(PROGRAMME_MS * 4);
    expect(seen.length).toBe(1);
  });

  it("a moderator's choice holds against the programme's times", async () => {
    const { room, first } = await evening(1000);
    const mod = await moderator(room.code);
    const phone = await audience(room.code);
    const heard = next(phone.client, "room:changed", (r) => !r.followProgramme);
    await ok(call(mod.client, "mod:item", { itemId: first.id }));
    await heard;
    const seen = collect(phone.client, "room:changed");
    await sleep(1800);
    expect(seen).toEqual([]);
    expect((await audience(room.code)).state.room.currentItem?.id).toBe(first.id);
  });
});

describe("stamping questions and polls with the item", () => {
  it("a question in the event room carries the item on now, and the item the moderator moved to", async () => {
    const { room, first, second } = await evening();
    const mod = await moderator(room.code);
    const phone = await audience(room.code);
    const q1 = await ok(call<QuestionView>(phone.client, "question:ask", { text: "Hvorfor mangler det lys ved bussholdeplassen?" }));
    expect(q1.programmeItemId).toBe(first.id);
    await ok(call(mod.client, "mod:item", { itemId: second.id }));
    const modHears = next(mod.client, "question:changed", (q) => q.text.startsWith("Når kommer"));
    const q2 = await ok(call<QuestionView>(phone.client, "question:ask", { text: "Når kommer gangbrua over Kirsebærveien?" }));
    expect(q2.programmeItemId).toBe(second.id);
    expect((await modHears)[0].programmeItemId).toBe(second.id);
    // Between items: none.
    await ok(call(mod.client, "mod:item", { itemId: null }));
    expect((await ok(call<QuestionView>(phone.client, "question:ask", { text: "Et spørsmål i pausen" }))).programmeItemId).toBeNull();
    const stored = await db().question.findMany({ where: { roomId: room.id }, orderBy: { createdAt: "asc" }, select: { programmeItemId: true } });
    expect(stored.map((s) => s.programmeItemId)).toEqual([first.id, second.id, null]);
  });

  it("a poll carries the item on now unless the moderator names one of the event's items", async () => {
    const { room, first, second } = await evening();
    const mod = await moderator(room.code);
    const now = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Hvor trygg er skoleveien?", kind: "RATING" }));
    expect(now.programmeItemId).toBe(first.id);
    const named = await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Ett ord om kvelden", kind: "WORDCLOUD", programmeItemId: second.id }));
    expect(named.programmeItemId).toBe(second.id);
    const other = await evening();
    expect(await call(mod.client, "mod:poll:create", { title: "Feil", kind: "WORDCLOUD", programmeItemId: other.first.id })).toMatchObject({
      ok: false,
      code: "not-found",
    });
    expect(await db().poll.count({ where: { roomId: room.id } })).toBe(2);
  });

  it("in a room of one item, questions and polls carry that item whatever is on in the event room", async () => {
    const { room, first, second } = await evening();
    const itemRoom = (await createItemRoom(room.eventId, second.id))!;
    const mod = await moderator(itemRoom.code);
    const phone = await audience(itemRoom.code);
    expect((await ok(call<QuestionView>(phone.client, "question:ask", { text: "Til politikerne" }))).programmeItemId).toBe(second.id);
    expect((await ok(call<PollView>(mod.client, "mod:poll:create", { title: "Rangér", kind: "WORDCLOUD" }))).programmeItemId).toBe(second.id);
    expect(await call(mod.client, "mod:poll:create", { title: "Feil punkt", kind: "WORDCLOUD", programmeItemId: first.id })).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});

describe("rooms of an event", () => {
  it("a new event has one room, for the whole event; an item room is added only on request, once, and not for breaks", async () => {
    const event = await createEvent();
    const talk = await db().programmeItem.create({
      data: { eventId: event.id, kind: "TALK", title: "Velkommen", startsAt: event.startsAt, endsAt: event.endsAt },
    });
    const pause = await db().programmeItem.create({
      data: { eventId: event.id, kind: "BREAK", title: "Pause", startsAt: event.startsAt, endsAt: event.endsAt },
    });
    const { ensureRoomsForEvent } = await import("~/modules/live/rooms.server");
    const rooms = await ensureRoomsForEvent(event.id);
    expect(rooms.map((r) => r.programmeItemId)).toEqual([null]);
    const added = await createItemRoom(event.id, talk.id);
    expect(added).toMatchObject({ programmeItemId: talk.id, title: "Velkommen" });
    expect((await createItemRoom(event.id, talk.id))!.id).toBe(added!.id);
    expect(await createItemRoom(event.id, pause.id)).toBeNull();
    expect(await createItemRoom((await createEvent()).id, talk.id)).toBeNull();
    expect((await ensureRoomsForEvent(event.id)).map((r) => r.programmeItemId)).toEqual([null, talk.id]);
  });
});
