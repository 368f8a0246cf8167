// Speakers and organisations as the programme editor needs them: a list, create and edit.
import { audit, type Actor } from "~/modules/audit/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { keyed } from "./keyed-message";
import { slugify } from "./oslo-time";
import type { OrganisationInput, SpeakerInput } from "./people.schema";

async function freeSlug(tx: Tx, table: "speaker" | "organisation", wanted: string): Promise<string> {
  const base = wanted || table;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken =
      table === "speaker"
        ? await tx.speaker.findUnique({ where: { slug }, select: { id: true } })
        : await tx.organisation.findUnique({ where: { slug }, select: { id: true } });
    if (!taken) return slug;
  }
}

export async function listSpeakers() {
  return db().speaker.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true, organisation: { select: { name: true } }, _count: { select: { items: true } } },
  });
}

export async function getSpeaker(id: string) {
  return db().speaker.findUnique({ where: { id } });
}

export async function saveSpeaker(actor: Actor, id: string | null, input: SpeakerInput): Promise<{ ok: true; id: string } | { ok: false; field: string; message: string }> {
  return db().$transaction(async (tx) => {
    if (input.organisationId && !(await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } }))) {
      return { ok: false as const, field: "organisationId", message: keyed("staff-events:item.error.organisationGone") };
    }
    const data = { name: input.name, role: input.role ?? "", organisationId: input.organisationId ?? null, bio: input.bio ?? "" };
    const before = id ? await tx.speaker.findUnique({ where: { id } }) : null;
    if (id && !before) return { ok: false as const, field: "name", message: keyed("staff-events:people.error.speakerGone") };
    const speaker = before
      ? await tx.speaker.update({ where: { id: before.id }, data })
      : await tx.speaker.create({ data: { ...data, slug: await freeSlug(tx, "speaker", slugify(input.name)) } });
    await audit(tx, actor, {
      action: before ? "speaker.update" : "speaker.create",
      targetType: "Speaker",
      targetId: speaker.id,
      summary: `${before ? "Endret" : "La til"} innlederen ${speaker.name}`,
      details: {
        before: before ? { name: before.name, role: before.role, organisationId: before.organisationId, bio: before.bio } : null,
        after: data,
      },
    });
    return { ok: true as const, id: speaker.id };
  });
}

export async function listOrganisations() {
  return db().organisation.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, kind: true, websiteUrl: true, _count: { select: { programmeItems: true, speakers: true } } },
  });
}

export async function getOrganisation(id: string) {
  return db().organisation.findUnique({ where: { id } });
}

export async function saveOrganisation(actor: Actor, id: string | null, input: OrganisationInput): Promise<{ ok: true; id: string } | { ok: false; field: string; message: string }> {
  return db().$transaction(async (tx) => {
    const data = { name: input.name, kind: input.kind, description: input.description ?? null, websiteUrl: input.websiteUrl ?? null };
    const before = id ? await tx.organisation.findUnique({ where: { id } }) : null;
    if (id && !before) return { ok: false as const, field: "name", message: keyed("staff-events:item.error.organisationGone") };
    const org = before
      ? await tx.organisation.update({ where: { id: before.id }, data })
      : await tx.organisation.create({ data: { ...data, slug: await freeSlug(tx, "organisation", slugify(input.name)) } });
    await audit(tx, actor, {
      action: before ? "organisation.update" : "organisation.create",
      targetType: "Organisation",
      targetId: org.id,
      summary: `${before ? "Endret" : "La til"} organisasjonen ${org.name}`,
      details: {
        before: before ? { name: before.name, kind: before.kind, description: before.description, websiteUrl: before.websiteUrl } : null,
        after: data,
      },
    });
    return { ok: true as const, id: org.id };
  });
}
