// Dialogue-meeting series: a preview of what a rule gives (with clashes marked), creating the
// series and its meetings as drafts with the usual programme, publishing them, and the
// public read model.
import { translator } from "~/i18n/i18n.server";
import { freeSlug } from "~/modules/admin-events/events-admin.server";
import { slugify } from "~/modules/admin-events/oslo-time";
import { overlaps } from "~/modules/admin-events/overlap";
import { audit, type Actor } from "~/modules/audit/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { defaultDialogueProgramme } from "./default-programme";
import { generateMeetings, parseVenueLines, type SeriesRule, type VenueLine } from "./series-rule";
import type { SeriesInput } from "./series.schema";

export type Clash = { kind: "committee" | "venue"; eventId: string; title: string; startsAt: Date; endsAt: Date };
export type PlannedMeeting = VenueLine & { title: string; startsAt: Date; endsAt: Date; clashes: Clash[] };

type Existing = { id: string; title: string; kind: string; venueName: string; startsAt: Date; endsAt: Date };

const sameVenue = (a: string, b: string) => a.trim().toLocaleLowerCase("nb") === b.trim().toLocaleLowerCase("nb");

/**
 * Clashes of one planned meeting with events already in the calendar: another dialogue
 * meeting at the same time means the committee is already booked; any event at the same
 * venue at the same time means the venue is taken.
 */
export function findSeriesClashes(meeting: { startsAt: Date; endsAt: Date; venueName: string }, existing: Existing[]): Clash[] {
  const clashes: Clash[] = [];
  for (const e of existing) {
    if (!overlaps(meeting, e)) continue;
    const base = { eventId: e.id, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt };
    if (e.kind === "DIALOGUE_MEETING") clashes.push({ kind: "committee", ...base });
    if (sameVenue(e.venueName, meeting.venueName)) clashes.push({ kind: "venue", ...base });
  }
  return clashes;
}

export function ruleOf(input: SeriesInput): SeriesRule {
  return {
    weekday: input.weekday,
    ordinal: input.ordinal === "last" ? "last" : (Number(input.ordinal) as 1 | 2 | 3 | 4),
    startMonth: input.startMonth,
    count: input.count,
    startTime: input.startTime,
    endTime: input.endTime,
  };
}

export const meetingTitle = (seriesTitle: string, district: string) => `${seriesTitle} – ${district}`;

export async function planSeries(input: SeriesInput, tx: Tx = db()): Promise<PlannedMeeting[]> {
  const parsed = parseVenueLines(input.venues);
  if ("error" in parsed) return [];
  const dates = generateMeetings(ruleOf(input));
  if (dates.length === 0) return [];
  const existing = await tx.event.findMany({
    where: {
      status: { not: "CANCELLED" },
      startsAt: { lt: dates[dates.length - 1].endsAt },
      endsAt: { gt: dates[0].startsAt },
    },
    select: { id: true, title: true, kind: true, venueName: true, startsAt: true, endsAt: true },
  });
  return dates.map((d, i) => {
    const venue = parsed.venues[i] ?? parsed.venues[parsed.venues.length - 1];
    const meeting = { ...venue, title: meetingTitle(input.title, venue.district), startsAt: d.startsAt, endsAt: d.endsAt };
    return { ...meeting, clashes: findSeriesClashes(meeting, existing) };
  });
}

const pad2 = (n: number) => String(n).padStart(2, "0");

// The meetings' own texts are content in bokmål (staff edit them per meeting); the organisation's
// name comes from the settings through {{Org}} and {{unit}}.
const contentT = () => translator("nb");

function privacyNotice(title: string): string {
  const t = contentT();
  return [t("staff-events:seriesContent.privacy1", { title }), t("staff-events:seriesContent.privacy2"), t("staff-events:seriesContent.privacy3")].join("\n\n");
}

export async function createSeries(actor: Actor, input: SeriesInput): Promise<{ id: string; eventIds: string[] }> {
  return db().$transaction(async (tx) => {
    const planned = await planSeries(input, tx);
    const rule = ruleOf(input);
    const series = await tx.eventSeries.create({
      data: {
        slug: await freeSlug(tx, slugify(input.title) || "moteserie", "series"),
        title: input.title,
        description: input.description ?? "",
        rule: JSON.stringify({ ...rule, capacity: input.capacity ?? null }),
      },
    });
    const eventIds: string[] = [];
    for (const m of planned) {
      const local = new Date(m.startsAt.getTime());
      const ym = `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}`;
      const slug = await freeSlug(tx, `${slugify(m.title)}-${ym}`);
      // Registration closes at noon the day before, like the unit's meetings always have.
      const closes = new Date(m.startsAt.getTime() - 24 * 3600_000);
      const event = await tx.event.create({
        data: {
          slug,
          kind: "DIALOGUE_MEETING",
          status: "DRAFT",
          title: m.title,
          summary: contentT()("staff-events:seriesContent.summary", { district: m.district }),
          description: input.description ?? "",
          district: m.district,
          venueName: m.venueName,
          venueAddress: m.venueAddress,
          venuePostcode: m.venuePostcode,
          venueCity: m.venueCity,
          startsAt: m.startsAt,
          endsAt: m.endsAt,
          capacity: input.capacity ?? null,
          registrationClosesAt: closes,
          privacyNotice: privacyNotice(`dialogmøtet i ${m.district}`),
          seriesId: series.id,
          programmeItems: { create: defaultDialogueProgramme(m.startsAt, m.endsAt, m.district) },
        },
        select: { id: true },
      });
      eventIds.push(event.id);
    }
    await audit(tx, actor, {
      action: "series.create",
      targetType: "EventSeries",
      targetId: series.id,
      summary: `Opprettet møteserien «${series.title}» med ${planned.length} møter (utkast)`,
      details: {
        after: { title: series.title, slug: series.slug, rule, capacity: input.capacity ?? null },
        meetings: planned.map((m, i) => ({
          eventId: eventIds[i],
          startsAt: m.startsAt.toISOString(),
          venueName: m.venueName,
          clashes: m.clashes.map((c) => c.kind),
        })),
      },
    });
    return { id: series.id, eventIds };
  });
}

/** Publishes the series' draft meetings (all, or the one given). Returns how many. */
export async function publishSeriesMeetings(actor: Actor, seriesId: string, eventId?: string, now = new Date()): Promise<number> {
  return db().$transaction(async (tx) => {
    const series = await tx.eventSeries.findUnique({ where: { id: seriesId }, select: { title: true } });
    if (!series) return 0;
    const drafts = await tx.event.findMany({
      where: { seriesId, status: "DRAFT", ...(eventId ? { id: eventId } : {}) },
      select: { id: true, title: true },
    });
    const { count } = await tx.event.updateMany({
      where: { id: { in: drafts.map((d) => d.id) }, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt: now },
    });
    if (count > 0) {
      await audit(tx, actor, {
        action: "series.publish",
        targetType: "EventSeries",
        targetId: seriesId,
        summary: `Publiserte ${count} møte${count === 1 ? "" : "r"} i «${series.title}»`,
        details: { events: drafts.map((d) => d.id), status: { before: "DRAFT", after: "PUBLISHED" }, publishedAt: now.toISOString() },
      });
    }
    return count;
  });
}

export async function listSeries() {
  const series = await db().eventSeries.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, slug: true, title: true, events: { select: { status: true, startsAt: true }, orderBy: { startsAt: "asc" } } },
  });
  return series.map((s) => ({
    id: s.id,
    slug: s.slug,
    title: s.title,
    total: s.events.length,
    published: s.events.filter((e) => e.status === "PUBLISHED").length,
    drafts: s.events.filter((e) => e.status === "DRAFT").length,
    first: s.events[0]?.startsAt ?? null,
  }));
}

export async function getAdminSeries(seriesId: string) {
  return db().eventSeries.findUnique({
    where: { id: seriesId },
    include: {
      events: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          slug: true,
          title: true,
          status: true,
          district: true,
          venueName: true,
          startsAt: true,
          endsAt: true,
          capacity: true,
          confirmedCount: true,
        },
      },
    },
  });
}

const PUBLIC_STATUSES = ["PUBLISHED", "CANCELLED"];

/** The public series page: the series and its published (or cancelled) meetings, or null. */
export async function getPublicSeries(slug: string) {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const series = await db().eventSeries.findUnique({
    where: { slug },
    include: { events: { where: { status: { in: PUBLIC_STATUSES } }, orderBy: { startsAt: "asc" } } },
  });
  if (!series || series.events.length === 0) return null;
  return series;
}

/** For the link from a public event page to its series. */
export async function getSeriesLink(seriesId: string | null) {
  if (!seriesId) return null;
  return db().eventSeries.findUnique({ where: { id: seriesId }, select: { slug: true, title: true } });
}
