// The organiser's programme editor: items within the event's time, no two items at the same
// time in the same room unless the organiser says so, organisations picked or created by name.
import type { Locale } from "~/i18n";
import { audit, type Actor } from "~/modules/audit/audit.server";
import { formatTimeRange } from "~/utils/format";
import { db, type Tx } from "~/utils/db.server";
import { keyed } from "./keyed-message";
import { findClash, withinEvent } from "./overlap";
import { slugify } from "./oslo-time";
import type { ProgrammeItemInput } from "./programme.schema";

export type ItemResult =
  | { ok: true; id: string }
  | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]>; clash?: boolean };

class Refusal extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly clash = false,
  ) {
    super(message);
  }
}

export async function listProgramme(eventId: string) {
  return db().programmeItem.findMany({
    where: { eventId },
    orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }, { title: "asc" }],
    include: {
      organisation: { select: { id: true, name: true } },
      speakers: { orderBy: { position: "asc" }, select: { speaker: { select: { id: true, name: true } } } },
    },
  });
}

export async function programmeChoices() {
  const [organisations, speakers] = await Promise.all([
    db().organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().speaker.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
  ]);
  return { organisations, speakers };
}

async function organisationFor(tx: Tx, input: ProgrammeItemInput): Promise<string | null> {
  if (input.organisationId) {
    const org = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } });
    if (!org) throw new Refusal(keyed("staff-events:item.error.organisationGone"), "organisationId");
    return org.id;
  }
  if (!input.organisationName) return null;
  const existing = await tx.organisation.findFirst({ where: { name: input.organisationName }, select: { id: true } });
  if (existing) return existing.id;
  const base = slugify(input.organisationName) || "organisasjon";
  let slug = base;
  for (let n = 2; await tx.organisation.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`;
  const org = await tx.organisation.create({ data: { slug, name: input.organisationName }, select: { id: true } });
  return org.id;
}

export async function saveProgrammeItem(
  actor: Actor,
  eventId: string,
  itemId: string | null,
  input: ProgrammeItemInput,
  /** The staff member's language, for the times in a refusal. */
  locale: Locale = "nb",
): Promise<ItemResult> {
  try {
    const id = await db().$transaction(async (tx) => {
      const event = await tx.event.findUnique({ where: { id: eventId }, select: { title: true, startsAt: true, endsAt: true } });
      if (!event) throw new Refusal(keyed("staff-events:event.error.notFound"));
      const before = itemId
        ? await tx.programmeItem.findFirst({ where: { id: itemId, eventId }, include: { speakers: true } })
        : null;
      if (itemId && !before) throw new Refusal(keyed("staff-events:item.error.itemGone"));
      const slot = { id: itemId ?? undefined, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, room: input.room ?? null };
      if (!withinEvent(slot, event)) {
        throw new Refusal(keyed("staff-events:item.error.outsideEvent", { time: formatTimeRange(event.startsAt, event.endsAt, locale) }), "startsAt");
      }
      const others = await tx.programmeItem.findMany({
        where: { eventId, startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } },
        select: { id: true, title: true, startsAt: true, endsAt: true, room: true },
      });
      const clash = findClash(slot, others);
      if (clash && !input.allowOverlap) {
        const time = formatTimeRange(clash.startsAt, clash.endsAt, locale);
        throw new Refusal(
          clash.room
            ? keyed("staff-events:item.error.clashRoom", { title: clash.title, time, room: clash.room })
            : keyed("staff-events:item.error.clash", { title: clash.title, time }),
          undefined,
          true,
        );
      }
      const speakerIds = [...new Set(input.speakerIds)];
      if (speakerIds.length) {
        const found = await tx.speaker.count({ where: { id: { in: speakerIds } } });
        if (found !== speakerIds.length) throw new Refusal(keyed("staff-events:item.error.speakerGone"), "speakerIds");
      }
      const data = {
        title: input.title,
        description: input.description ?? "",
        kind: input.kind,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        room: input.room ?? null,
        organisationId: await organisationFor(tx, input),
      };
      const item = before
        ? await tx.programmeItem.update({ where: { id: before.id }, data })
        : await tx.programmeItem.create({ data: { ...data, eventId } });
      await tx.programmeItemSpeaker.deleteMany({ where: { itemId: item.id } });
      if (speakerIds.length) {
        await tx.programmeItemSpeaker.createMany({ data: speakerIds.map((speakerId, position) => ({ itemId: item.id, speakerId, position })) });
      }
      const after = { ...data, startsAt: data.startsAt.toISOString(), endsAt: data.endsAt.toISOString(), speakerIds };
      await audit(tx, actor, {
        action: before ? "programme.update" : "programme.create",
        targetType: "ProgrammeItem",
        targetId: item.id,
        summary: `${before ? "Endret" : "La til"} programposten «${item.title}» i «${event.title}»${clash ? " (overlapp godtatt)" : ""}`,
        details: {
          eventId,
          before: before
            ? {
                title: before.title,
                description: before.description,
                kind: before.kind,
                startsAt: before.startsAt.toISOString(),
                endsAt: before.endsAt.toISOString(),
                room: before.room,
                organisationId: before.organisationId,
                speakerIds: before.speakers.map((s) => s.speakerId),
              }
            : null,
          after,
          overlapAllowedWith: clash ? clash.id : undefined,
        },
      });
      return item.id;
    });
    return { ok: true, id };
  } catch (err) {
    if (err instanceof Refusal) {
      return err.field
        ? { ok: false, fieldErrors: { [err.field]: [err.message] } }
        : { ok: false, formErrors: [err.message], clash: err.clash };
    }
    throw err;
  }
}

export async function deleteProgrammeItem(actor: Actor, eventId: string, itemId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const item = await tx.programmeItem.findFirst({ where: { id: itemId, eventId } });
    if (!item) return false;
    await tx.programmeItem.delete({ where: { id: item.id } });
    await audit(tx, actor, {
      action: "programme.delete",
      targetType: "ProgrammeItem",
      targetId: item.id,
      summary: `Slettet programposten «${item.title}»`,
      details: { eventId, before: { ...item, startsAt: item.startsAt.toISOString(), endsAt: item.endsAt.toISOString() } },
    });
    return true;
  });
}

export async function getProgrammeItem(eventId: string, itemId: string) {
  return db().programmeItem.findFirst({
    where: { id: itemId, eventId },
    include: { speakers: { orderBy: { position: "asc" }, select: { speakerId: true } } },
  });
}
