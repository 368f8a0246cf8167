import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { getOrCreateParticipant, participantFromCookieHeader } from "./participant.server";
import { createPoll, setPollStatus } from "./polls.server";
import { CODE_ALPHABET } from "./protocol";
import { createItemRoom, createSpeakerKey, ensureRoomsForEvent, generateRoomCode, getRoomByCode, roomState, verifySpeakerKey } from "./rooms.server";

const HOUR = 3600_000;

describe("rooms", () => {
  it("codes are 6 characters without look-alikes", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateRoomCode();
      expect(code).toHaveLength(6);
      expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("ensureRoomsForEvent makes one room for the whole event, once; item rooms only when added, never for breaks", async () => {
    const event = await createEvent();
    const at = event.startsAt.getTime();
    await db().programmeItem.createMany({
      data: [
        { eventId: event.id, title: "Velkommen", kind: "TALK", startsAt: new Date(at), endsAt: new Date(at + HOUR / 4) },
        { eventId: event.id, title: "Pause", kind: "BREAK", startsAt: new Date(at + HOUR / 4), endsAt: new Date(at + HOUR / 2) },
        { eventId: event.id, title: "Åpen post", kind: "OPEN_FLOOR", startsAt: new Date(at + HOUR / 2), endsAt: new Date(at + HOUR) },
      ],
    });
    const items = await db().programmeItem.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } });
    const first = await ensureRoomsForEvent(event.id);
    expect(first.map((r) => r.title)).toEqual([event.title]);
    expect(first[0]!.programmeItemId).toBeNull();
    expect(await db().liveRoom.count({ where: { eventId: event.id } })).toBe(1);
    // Staff add a separate room for the last item, then the first: listed in programme order after the event's.
    const open = (await createItemRoom(event.id, items[2]!.id))!;
    const welcome = (await createItemRoom(event.id, items[0]!.id))!;
    expect(await createItemRoom(event.id, items[1]!.id)).toBeNull(); // a break
    const again = await ensureRoomsForEvent(event.id);
    expect(again.map((r) => r.id)).toEqual([first[0]!.id, welcome.id, open.id]);
    expect(await db().liveRoom.count({ where: { eventId: event.id } })).toBe(3);
    expect((await getRoomByCode(welcome.code.toLowerCase()))?.id).toBe(welcome.id);
    expect(await getRoomByCode("nope")).toBeNull();
  });

  it("rooms made for items before keep working and are listed", async () => {
    const event = await createEvent();
    const item = await db().programmeItem.create({
      data: { eventId: event.id, title: "Innledning", kind: "TALK", startsAt: event.startsAt, endsAt: event.endsAt },
    });
    const old = await db().liveRoom.create({ data: { eventId: event.id, programmeItemId: item.id, title: item.title, code: generateRoomCode() } });
    const rooms = await ensureRoomsForEvent(event.id);
    expect(rooms.map((r) => r.programmeItemId)).toEqual([null, item.id]);
    const state = await roomState(old.id, "p1", "audience");
    expect(state.room).toMatchObject({ code: old.code, currentItem: { id: item.id }, followProgramme: false });
    expect((await getRoomByCode(old.code))?.id).toBe(old.id);
  });

  it("a speaker key is stored only as a hash, checked, and replaced by the next one", async () => {
    const event = await createEvent();
    const [room] = await ensureRoomsForEvent(event.id);
    const key = await createSpeakerKey(room!.id);
    const stored = await db().liveRoom.findUniqueOrThrow({ where: { id: room!.id } });
    expect(stored.speakerKeyHash).not.toContain(key);
    expect(verifySpeakerKey(stored, key)).toBe(true);
    expect(verifySpeakerKey(stored, `${key}x`)).toBe(false);
    expect(verifySpeakerKey(stored, "")).toBe(false);
    await createSpeakerKey(room!.id);
    expect(verifySpeakerKey(await db().liveRoom.findUniqueOrThrow({ where: { id: room!.id } }), key)).toBe(false);
  });

  it("roomState shows results by visibility and role", async () => {
    const event = await createEvent();
    const [room] = await ensureRoomsForEvent(event.id);
    const screenOnly = await createPoll(room!.id, { title: "Skjerm", kind: "RATING", scaleMax: 3, resultsVisibility: "SCREEN_ONLY" });
    const afterClose = await createPoll(room!.id, { title: "Etterpå", kind: "OPEN_TEXT", resultsVisibility: "AFTER_CLOSE" });
    await createPoll(room!.id, { title: "Utkast", kind: "WORDCLOUD" });
    await setPollStatus(room!.id, screenOnly.id, "OPEN");
    await setPollStatus(room!.id, afterClose.id, "OPEN");
    const results = async (role: "audience" | "screen" | "moderator") =>
      Object.fromEntries((await roomState(room!.id, "p1", role)).polls.map((p) => [p.title, p.results !== undefined]));
    expect(await results("audience")).toEqual({ Skjerm: false, Etterpå: false });
    expect(await results("screen")).toEqual({ Skjerm: true, Etterpå: false });
    expect(await results("moderator")).toEqual({ Skjerm: true, Etterpå: true, Utkast: true });
    await setPollStatus(room!.id, afterClose.id, "CLOSED");
    expect(await results("audience")).toEqual({ Skjerm: false, Etterpå: true });
  });
});

describe("participant cookie", () => {
  it("hands out a signed id once and recognises it; a forged cookie is ignored", async () => {
    const fresh = await getOrCreateParticipant(new Request("https://samhandling.test/live/ABCDEF"));
    expect(fresh.participantId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(fresh.setCookie).toMatch(/^participant=.+; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const cookie = fresh.setCookie!.split(";")[0]!;
    const again = await getOrCreateParticipant(new Request("https://samhandling.test/", { headers: { Cookie: cookie } }));
    expect(again).toEqual({ participantId: fresh.participantId, setCookie: null });
    expect(await participantFromCookieHeader(cookie)).toBe(fresh.participantId);
    const forged = `participant=${Buffer.from(JSON.stringify("AAAAAAAAAAAAAAAAAAAAAA")).toString("base64")}`;
    expect(await participantFromCookieHeader(forged)).toBeNull();
    expect(await participantFromCookieHeader(undefined)).toBeNull();
  });
});
