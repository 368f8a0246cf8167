// Read models for the public pages: only PUBLISHED (and CANCELLED, so that shared links
// still say what happened) events are visible; drafts never are.
import { db } from "~/utils/db.server";

export const PUBLIC_STATUSES = ["PUBLISHED", "CANCELLED"];

const listSelect = {
  id: true,
  slug: true,
  kind: true,
  status: true,
  title: true,
  summary: true,
  contentLanguage: true,
  translations: true,
  district: true,
  venueName: true,
  venueCity: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  confirmedCount: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
} as const;

import type { EventKind } from "./event-kinds";

export async function listUpcomingEvents(now: Date, kind?: EventKind) {
  return db().event.findMany({
    where: { status: { in: PUBLIC_STATUSES }, endsAt: { gt: now }, ...(kind ? { kind } : {}) },
    orderBy: { startsAt: "asc" },
    select: listSelect,
  });
}

export async function listPastEvents(now: Date, kind?: EventKind) {
  return db().event.findMany({
    where: { status: { in: PUBLIC_STATUSES }, endsAt: { lte: now }, ...(kind ? { kind } : {}) },
    orderBy: { startsAt: "desc" },
    select: listSelect,
  });
}

/** Published upcoming events for the subscribable feed (cancelled ones too, marked so). */
export async function listFeedEvents(now: Date) {
  // Keep recent past events for a month so calendar apps do not drop them abruptly.
  const since = new Date(now.getTime() - 31 * 24 * 3600 * 1000);
  return db().event.findMany({
    where: { status: { in: PUBLIC_STATUSES }, endsAt: { gt: since } },
    orderBy: { startsAt: "asc" },
  });
}

export async function getPublicEvent(slug: string) {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  return db().event.findFirst({ where: { slug, status: { in: PUBLIC_STATUSES } } });
}

export async function getProgramme(eventId: string) {
  return db().programmeItem.findMany({
    where: { eventId },
    orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      description: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      room: true,
      updatedAt: true,
      organisation: { select: { name: true } },
      speakers: {
        orderBy: { position: "asc" },
        select: { speaker: { select: { slug: true, name: true, role: true } } },
      },
    },
  });
}

const speakerSelect = {
  id: true,
  slug: true,
  name: true,
  role: true,
  bio: true,
  photoUrl: true,
  photoAlt: true,
  organisation: { select: { name: true } },
} as const;

/** Speakers on an event's programme, in order of first appearance. */
export async function getEventSpeakers(eventId: string) {
  const links = await db().programmeItemSpeaker.findMany({
    where: { item: { eventId } },
    orderBy: [{ item: { startsAt: "asc" } }, { position: "asc" }],
    select: { speaker: { select: speakerSelect } },
  });
  const seen = new Map<string, (typeof links)[number]["speaker"]>();
  for (const { speaker } of links) if (!seen.has(speaker.id)) seen.set(speaker.id, speaker);
  return [...seen.values()];
}

export async function getEventSpeaker(eventId: string, speakerSlug: string) {
  if (!/^[a-z0-9-]{1,120}$/.test(speakerSlug)) return null;
  const speaker = await db().speaker.findFirst({
    where: { slug: speakerSlug, items: { some: { item: { eventId } } } },
    select: {
      ...speakerSelect,
      items: {
        where: { item: { eventId } },
        orderBy: { item: { startsAt: "asc" } },
        select: { item: { select: { id: true, title: true, startsAt: true, endsAt: true, room: true, kind: true } } },
      },
    },
  });
  return speaker;
}
