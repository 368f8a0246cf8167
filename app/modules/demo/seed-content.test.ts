// The demo seed in a database of its own: what a fresh `npm start` shows.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { useOwnDatabase } from "../../../test/own-database";
import { osloTime, seedDemoContent } from "./seed.server";

useOwnDatabase("seed");

const NOW = osloTime(2026, 11, 24, 10, 0);

describe("seedDemoContent", () => {
  it("seeds once: a second run finds events and does nothing", async () => {
    expect(await seedDemoContent(db(), NOW)).toEqual({ seeded: true });
    expect(await seedDemoContent(db(), NOW)).toEqual({ seeded: false });
  });

  // ---- evening
  it("runs today's workshop on one code: only the event's room, following the programme, with questions marked by item", async () => {
    const rooms = await db().liveRoom.findMany({ select: { eventId: true, programmeItemId: true, followProgramme: true, code: true } });
    expect(rooms.every((r) => r.programmeItemId === null)).toBe(true);
    const workshop = await db().event.findFirstOrThrow({ where: { title: { startsWith: "Dialogverksted i dag" } }, select: { id: true } });
    const own = rooms.filter((r) => r.eventId === workshop.id);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ followProgramme: true, code: expect.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/) });
    const questions = await db().question.findMany({
      where: { room: { eventId: workshop.id } },
      select: { upvoteCount: true, programmeItem: { select: { title: true } }, _count: { select: { upvotes: true } } },
    });
    expect(new Set(questions.map((q) => q.programmeItem?.title))).toEqual(
      new Set(["Velkommen og hensikten med verkstedet", "Skoleveien i dag – tall og erfaringer"]),
    );
    for (const q of questions) expect(q.upvoteCount).toBe(q._count.upvotes);
    // Polls prepared in the library for their items: drafts, a ranking for the open floor.
    const polls = await db().poll.findMany({
      where: { room: { eventId: workshop.id } },
      select: { kind: true, status: true, programmeItem: { select: { kind: true } }, _count: { select: { options: true } } },
      orderBy: { position: "asc" },
    });
    expect(polls.map((p) => [p.kind, p.status, p.programmeItem?.kind])).toEqual([
      ["SINGLE", "DRAFT", "OTHER"],
      ["WORDCLOUD", "DRAFT", "TALK"],
      ["RANKING", "DRAFT", "OPEN_FLOOR"],
    ]);
    expect(polls[2]!._count.options).toBe(4);
  });

  it("gives the dialogue meetings that ended over two weeks ago published minutes and public follow-up", async () => {
    const meetings = await db().event.findMany({
      where: { kind: "DIALOGUE_MEETING" },
      orderBy: { startsAt: "asc" },
      select: { endsAt: true, minutes: true, minutesPublishedAt: true, _count: { select: { followUpItems: true, inputs: true } } },
    });
    expect(meetings).toHaveLength(6);
    const twoWeeksAgo = NOW.getTime() - 14 * 86_400_000;
    const followedUp = meetings.filter((m) => m.endsAt.getTime() < twoWeeksAgo);
    expect(followedUp.length).toBeGreaterThanOrEqual(1);
    for (const m of followedUp) {
      expect(m.minutesPublishedAt).not.toBeNull();
      expect(m.minutes).toContain("formannskapet");
      expect(m._count.followUpItems).toBeGreaterThan(0);
    }
    for (const m of meetings.filter((m) => m.endsAt.getTime() >= twoWeeksAgo)) {
      expect(m.minutesPublishedAt).toBeNull();
      expect(m._count.followUpItems).toBe(0);
    }
    // The story from the issue: the football pitch got new lighting.
    const pitch = await db().followUpItem.findFirstOrThrow({
      where: { title: { startsWith: "Lys på fotballbanen" } },
      include: { updates: { orderBy: { at: "asc" } }, sourceInput: true },
    });
    expect(pitch.status).toBe("DONE");
    expect(pitch.publicAnswer).toMatch(/lysmaster/);
    expect(pitch.updates.map((u) => u.status)).toEqual(["REGISTERED", "IN_PROGRESS", "DONE"]);
    expect(pitch.sourceInput?.email).toBe("kari.nordmann@example.no");
    for (const u of pitch.updates) expect(u.at.getTime()).toBeLessThan(NOW.getTime());
    const wontDo = await db().followUpItem.findMany({ where: { status: "WONT_DO" } });
    for (const item of wontDo) expect(item.statusReason.length).toBeGreaterThan(0);
  });

  it("seeds requests in three states, the accepted one tied to an organisation slot", async () => {
    const requests = await db().meetingRequest.findMany({ include: { programmeItem: true, updates: true } });
    expect(requests.map((r) => r.status).sort()).toEqual(["ACCEPTED", "DECLINED", "RECEIVED"]);
    const accepted = requests.find((r) => r.status === "ACCEPTED")!;
    expect(accepted.programmeItem?.kind).toBe("ORGANISATION_SLOT");
    const declined = requests.find((r) => r.status === "DECLINED")!;
    expect(declined.response.length).toBeGreaterThan(0);
    for (const r of requests) expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
