// The report after a live session, for the organiser: per room and for the whole event, the
// participants at peak (and when), the distinct active participants, what happened to the
// questions, the upvotes and how many answered each poll; per programme item too, where questions
// and polls carry one (the event's own room spans many items). Everything is counted by the
// database (groupBy/count), so the report costs the same few queries for ten questions or ten
// thousand. See docs/decisions/016-presenter-and-session-report.md for what each figure means.
import { db } from "~/utils/db.server";
import type { PollKind, PollStatus } from "./protocol";

export type QuestionCounts = {
  asked: number;
  /** Shown in the hall: published or answered now, or so before their asker was blocked */
  approved: number;
  answered: number;
  hiddenOrWithdrawn: number;
  pending: number;
  upvotes: number;
};

export type PollReport = {
  id: string;
  title: string;
  kind: PollKind;
  status: PollStatus;
  programmeItemId: string | null;
  /** Participants who answered (one answer per participant and poll) */
  answered: number;
  /** answered / the room's peak, in percent with one decimal; null while no peak is known */
  shareOfPeak: number | null;
};

export type ItemReport = {
  /** null: questions and polls without a programme item */
  programmeItemId: string | null;
  title: string | null;
  questions: QuestionCounts;
  polls: number;
  pollAnswers: number;
};

export type RoomReport = {
  id: string;
  code: string;
  title: string;
  peakParticipants: number;
  peakAt: Date | null;
  activeParticipants: number;
  questions: QuestionCounts;
  polls: PollReport[];
  /** Event rooms: one line per programme item with questions or polls (in programme order) */
  items: ItemReport[];
};

export type SessionReport = {
  /** The whole event: the largest room peak (rooms peak at different times), participants active anywhere */
  event: { peakParticipants: number; peakAt: Date | null; activeParticipants: number; questions: QuestionCounts; polls: number; pollAnswers: number };
  rooms: RoomReport[];
};

const SHOWN_STATUSES = ["APPROVED", "ANSWERED"];

const noQuestions = (): QuestionCounts => ({ asked: 0, approved: 0, answered: 0, hiddenOrWithdrawn: 0, pending: 0, upvotes: 0 });

function addQuestions(into: QuestionCounts, g: { status: string; statusBeforeBlock: string | null; count: number; upvotes: number }) {
  into.asked += g.count;
  into.upvotes += g.upvotes;
  const was = g.statusBeforeBlock ?? g.status;
  if (SHOWN_STATUSES.includes(was)) into.approved += g.count;
  if (was === "ANSWERED") into.answered += g.count;
  if (g.status === "HIDDEN" || g.status === "WITHDRAWN") into.hiddenOrWithdrawn += g.count;
  if (g.status === "PENDING") into.pending += g.count;
}

function sumQuestions(all: QuestionCounts[]): QuestionCounts {
  const total = noQuestions();
  for (const q of all) for (const k of Object.keys(total) as Array<keyof QuestionCounts>) total[k] += q[k];
  return total;
}

export const shareOf = (count: number, peak: number) => (peak > 0 ? Math.round((count / peak) * 1000) / 10 : null);

/** The report of an event's live rooms (all of them, or the one with this code). Null when the event does not exist. */
export async function sessionReport(eventId: string, roomCode: string | null = null): Promise<SessionReport | null> {
  const event = await db().event.findUnique({
    where: { id: eventId },
    select: { id: true, programmeItems: { select: { id: true, title: true, startsAt: true }, orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }] } },
  });
  if (!event) return null;
  const rooms = await db().liveRoom.findMany({
    where: { eventId, ...(roomCode ? { code: roomCode } : {}) },
    select: { id: true, code: true, title: true, programmeItemId: true, peakParticipants: true, peakAt: true },
    orderBy: { createdAt: "asc" },
  });
  const roomIds = rooms.map((r) => r.id);
  const inRooms = { in: roomIds };

  const [questionGroups, polls, answerGroups] = await Promise.all([
    db().question.groupBy({
      by: ["roomId", "programmeItemId", "status", "statusBeforeBlock"],
      where: { roomId: inRooms },
      _count: { _all: true },
      _sum: { upvoteCount: true },
    }),
    db().poll.findMany({
      // Drafts were never put to the hall.
      where: { roomId: inRooms, status: { not: "DRAFT" } },
      select: { id: true, roomId: true, title: true, kind: true, status: true, programmeItemId: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    }),
    db().pollAnswer.groupBy({ by: ["pollId"], where: { poll: { roomId: inRooms, status: { not: "DRAFT" } } }, _count: { _all: true } }),
  ]);
  const answersOf = new Map(answerGroups.map((g) => [g.pollId, g._count._all]));

  // Distinct participants who did something, per room: one groupBy per table and room (rooms are few).
  const activeByRoom = await Promise.all(
    rooms.map(async (room) => {
      const [askers, upvoters, answerers] = await Promise.all([
        db().question.groupBy({ by: ["participantId"], where: { roomId: room.id } }),
        db().questionUpvote.groupBy({ by: ["participantId"], where: { question: { roomId: room.id } } }),
        db().pollAnswer.groupBy({ by: ["participantId"], where: { poll: { roomId: room.id } } }),
      ]);
      return new Set([...askers, ...upvoters, ...answerers].map((g) => g.participantId));
    }),
  );

  const itemOrder = new Map(event.programmeItems.map((item, i) => [item.id, i]));
  const itemTitle = new Map(event.programmeItems.map((item) => [item.id, item.title]));

  const roomReports: RoomReport[] = rooms.map((room, i) => {
    // In a programme item's own room, what carries no item belongs to that item.
    const itemOf = (id: string | null) => id ?? room.programmeItemId;
    const items = new Map<string | null, ItemReport>();
    const item = (id: string | null) => {
      let entry = items.get(id);
      if (!entry) items.set(id, (entry = { programmeItemId: id, title: id ? (itemTitle.get(id) ?? null) : null, questions: noQuestions(), polls: 0, pollAnswers: 0 }));
      return entry;
    };
    for (const g of questionGroups.filter((g) => g.roomId === room.id)) {
      addQuestions(item(itemOf(g.programmeItemId)).questions, {
        status: g.status,
        statusBeforeBlock: g.statusBeforeBlock,
        count: g._count._all,
        upvotes: g._sum.upvoteCount ?? 0,
      });
    }
    const roomPolls: PollReport[] = polls
      .filter((p) => p.roomId === room.id)
      .map((p) => {
        const answered = answersOf.get(p.id) ?? 0;
        const entry = item(itemOf(p.programmeItemId));
        entry.polls += 1;
        entry.pollAnswers += answered;
        return {
          id: p.id,
          title: p.title,
          kind: p.kind as PollKind,
          status: p.status as PollStatus,
          programmeItemId: itemOf(p.programmeItemId),
          answered,
          shareOfPeak: shareOf(answered, room.peakParticipants),
        };
      });
    const itemList = [...items.values()].sort(
      (a, b) => (a.programmeItemId === null ? Infinity : (itemOrder.get(a.programmeItemId) ?? Infinity)) - (b.programmeItemId === null ? Infinity : (itemOrder.get(b.programmeItemId) ?? Infinity)),
    );
    return {
      id: room.id,
      code: room.code,
      title: room.title,
      peakParticipants: room.peakParticipants,
      peakAt: room.peakAt,
      activeParticipants: activeByRoom[i]!.size,
      questions: sumQuestions(itemList.map((x) => x.questions)),
      polls: roomPolls,
      // A programme item's own room is that item: its line would repeat the room's.
      items: room.programmeItemId ? [] : itemList,
    };
  });

  const top = roomReports.reduce<RoomReport | null>((best, r) => (r.peakParticipants > (best?.peakParticipants ?? 0) ? r : best), null);
  const everyone = new Set(activeByRoom.flatMap((s) => [...s]));
  return {
    event: {
      peakParticipants: top?.peakParticipants ?? 0,
      peakAt: top?.peakAt ?? null,
      activeParticipants: everyone.size,
      questions: sumQuestions(roomReports.map((r) => r.questions)),
      polls: polls.length,
      pollAnswers: [...answersOf.values()].reduce((a, b) => a + b, 0),
    },
    rooms: roomReports,
  };
}
