import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import type { MessageKey } from "~/i18n";
import { translator } from "~/i18n/i18n.server";
import { createEvent } from "../../../test/factories";
import { isLiveWindow, liveRoomsForEventPage } from "./event-live.server";
import { joinCodeSchema } from "./join-code.schema";
import { listEventRooms, newSpeakerLink } from "./live-admin.server";
import type { QuestionView } from "./protocol";
import { askQuestion } from "./questions.server";
import { createItemRoom, getRoomByCode, verifySpeakerKey } from "./rooms.server";
import { sortQuestions, upsertPoll, upsertQuestion } from "./use-live-room";

const HOUR = 3600_000;
const actor = { id: null, email: "dora@samhandling.test" };

describe("the live block on the event page", () => {
  const event = { status: "PUBLISHED", startsAt: new Date("2026-11-24T17:00:00Z"), endsAt: new Date("2026-11-24T19:30:00Z") };
  it("shows from two hours before the start to an hour after the end, never for cancelled events", () => {
    expect(isLiveWindow(event, new Date("2026-11-24T14:59:00Z"))).toBe(false);
    expect(isLiveWindow(event, new Date("2026-11-24T15:00:00Z"))).toBe(true);
    expect(isLiveWindow(event, new Date("2026-11-24T20:30:00Z"))).toBe(true);
    expect(isLiveWindow(event, new Date("2026-11-24T20:31:00Z"))).toBe(false);
    expect(isLiveWindow({ ...event, status: "CANCELLED" }, new Date("2026-11-24T18:00:00Z"))).toBe(false);
  });

  it("creates the event's one room on first visit with the item on now; separate item rooms are listed, the running one marked", async () => {
    const now = new Date();
    const ev = await createEvent({ startsAt: new Date(now.getTime() - HOUR), endsAt: new Date(now.getTime() + 2 * HOUR) });
    await db().programmeItem.createMany({
      data: [
        { eventId: ev.id, kind: "TALK", title: "Før", startsAt: new Date(now.getTime() - HOUR), endsAt: new Date(now.getTime() - 1000) },
        { eventId: ev.id, kind: "OPEN_FLOOR", title: "Nå", startsAt: new Date(now.getTime() - 1000), endsAt: new Date(now.getTime() + HOUR) },
        { eventId: ev.id, kind: "BREAK", title: "Pause", startsAt: new Date(now.getTime() + HOUR), endsAt: new Date(now.getTime() + 2 * HOUR) },
      ],
    });
    const rooms = await liveRoomsForEventPage(ev, now);
    expect(rooms?.map((r) => [r.title, r.isEventRoom, r.running, r.currentItem])).toEqual([[ev.title, true, false, "Nå"]]);
    // The same room (code) on the next visit.
    expect((await liveRoomsForEventPage(ev, now))?.map((r) => r.code)).toEqual(rooms?.map((r) => r.code));
    // A separate room for an item (a parallel session) is listed after it.
    const items = await db().programmeItem.findMany({ where: { eventId: ev.id }, orderBy: { startsAt: "asc" } });
    for (const item of items.slice(0, 2)) await createItemRoom(ev.id, item.id);
    expect((await liveRoomsForEventPage(ev, now))?.map((r) => [r.title, r.isEventRoom, r.running])).toEqual([
      [ev.title, true, false],
      ["Før", false, false],
      ["Nå", false, true],
    ]);
    const later = await createEvent();
    expect(await liveRoomsForEventPage(later, now)).toBeNull();
    expect(await db().liveRoom.count({ where: { eventId: later.id } })).toBe(0);
  });
});

describe("the organiser's room list", () => {
  it("counts questions, pending ones and polls per room", async () => {
    const ev = await createEvent();
    const [room] = await listEventRooms(ev.id);
    await db().liveRoom.update({ where: { id: room.id }, data: { preModeration: true } });
    await askQuestion(room.id, "p1", { text: "Første" });
    await askQuestion(room.id, "p2", { text: "Andre" });
    const [after] = await listEventRooms(ev.id);
    expect(after).toMatchObject({ code: room.code, isEventRoom: true, questions: 2, pending: 2, polls: 0, preModeration: true, hasSpeakerKey: false });
  });

  it("makes a speaker link that opens moderation, replaces the previous one and is audited", async () => {
    const ev = await createEvent();
    const [room] = await listEventRooms(ev.id);
    const first = await newSpeakerLink(ev.id, room.id, actor);
    const second = await newSpeakerLink(ev.id, room.id, actor);
    const stored = (await getRoomByCode(room.code))!;
    expect(verifySpeakerKey(stored, second!.key)).toBe(true);
    expect(verifySpeakerKey(stored, first!.key)).toBe(false);
    expect(await db().auditLog.count({ where: { targetId: room.id, action: "live.speakerKey" } })).toBe(2);
    // A room of another event is not this event's to hand out.
    const other = await createEvent();
    expect(await newSpeakerLink(other.id, room.id, actor)).toBeNull();
  });
});

describe("join codes typed by people", () => {
  it("ignores case and spaces, and explains a wrong code", () => {
    expect(joinCodeSchema.parse({ code: " abc 234 " }).code).toBe("ABC234");
    const bad = joinCodeSchema.safeParse({ code: "ABC10" });
    expect(bad.success).toBe(false);
    const message = bad.error?.issues[0].message as MessageKey;
    expect(message).toBe("live:join.codeFormat");
    expect(translator("nb")(message)).toMatch(/seks tegn/);
    expect(translator("nn")(message)).toMatch(/seks teikn/);
    expect(translator("en")(message)).toMatch(/six characters/);
  });
});

describe("the browser's room state", () => {
  const q = (id: string, upvotes: number, createdAt: string, extra: Partial<QuestionView> = {}): QuestionView => ({
    id,
    text: id,
    displayName: null,
    programmeItemId: null,
    status: "APPROVED",
    pinned: false,
    upvotes,
    createdAt,
    ...extra,
  });
  const list = [q("a", 1, "2026-01-01T10:00:00Z"), q("b", 5, "2026-01-01T10:01:00Z"), q("c", 1, "2026-01-01T10:02:00Z", { pinned: true })];

  it("sorts pinned first, then by votes (oldest first on ties) or by time", () => {
    expect(sortQuestions(list, "popular").map((x) => x.id)).toEqual(["c", "b", "a"]);
    expect(sortQuestions(list, "newest").map((x) => x.id)).toEqual(["c", "b", "a"]);
    expect(sortQuestions(list.slice(0, 2), "newest").map((x) => x.id)).toEqual(["b", "a"]);
  });

  it("keeps what it knew of a question (mine) when a broadcast updates it", () => {
    const mine = [q("a", 0, "2026-01-01T10:00:00Z", { mine: true, status: "PENDING" })];
    const next = upsertQuestion(mine, q("a", 0, "2026-01-01T10:00:00Z", { status: "APPROVED" }));
    expect(next[0]).toMatchObject({ mine: true, status: "APPROVED" });
    expect(upsertQuestion(mine, q("b", 0, "2026-01-01T10:00:00Z"))).toHaveLength(2);
  });

  it("keeps results and my answer when a poll changes status without them", () => {
    const poll = {
      id: "p",
      title: "T",
      kind: "SINGLE" as const,
      status: "OPEN" as const,
      resultsVisibility: "LIVE" as const,
      programmeItemId: null,
      maxChoices: null,
      scaleMax: null,
      options: [],
      results: { kind: "SINGLE" as const, total: 2, options: [] },
      myAnswer: { optionIds: ["o"], rating: null, text: null },
    };
    const [closed] = upsertPoll([poll], { ...poll, status: "CLOSED", results: undefined, myAnswer: undefined });
    expect(closed).toMatchObject({ status: "CLOSED", results: { total: 2 }, myAnswer: { optionIds: ["o"] } });
  });
});
