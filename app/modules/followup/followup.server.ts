// What happens after a meeting: minutes (saved, published, unpublished) and follow-up items
// made from citizen input, from a live question or by hand. Every status change writes a
// public FollowUpUpdate and, when the item came from input with an e-mail address, a mail to
// that person in their language - in the same transaction as the change, audited.
import { audit, type Actor } from "~/modules/audit/audit.server";
import { mailQueued, queueMail } from "~/modules/mail/outbox.server";
import { renderMail } from "~/modules/mail/render.server";
import { isLocaleSafe } from "~/modules/registration/registration-locale";
import { absoluteUrl } from "~/utils/config.server";
import { db, isUniqueViolation, type Tx } from "~/utils/db.server";
import { neutraliseMarkup } from "~/utils/markup";
import { translator } from "~/i18n/i18n.server";
import type { MessageKey } from "~/i18n";
import { STATUS_NAMES_NB, UNASSIGNED_UNIT, type FollowUpItemInput } from "./followup.schema";

export const FOLLOW_UP_MAIL_KIND = "FOLLOW_UP_STATUS";

// ---------------------------------------------------------------- minutes

export type MinutesAction = "save" | "publish" | "unpublish";

/** Saves the minutes and publishes or unpublishes them (audited). False when the event is unknown. */
export async function saveMinutes(actor: Actor, eventId: string, minutes: string, action: MinutesAction, now = new Date()): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { minutesPublishedAt: true } });
    if (!event) return false;
    const publishedAt = action === "publish" ? (event.minutesPublishedAt ?? now) : action === "unpublish" ? null : event.minutesPublishedAt;
    await tx.event.update({ where: { id: eventId }, data: { minutes, minutesPublishedAt: publishedAt } });
    await audit(tx, actor, {
      action: `minutes.${action}`,
      targetType: "Event",
      targetId: eventId,
      summary: action === "publish" ? "Publiserte referatet" : action === "unpublish" ? "Avpubliserte referatet" : "Lagret referatet",
      details: { length: minutes.length },
    });
    return true;
  });
}

/** The published minutes of an event, or null. */
export async function getPublishedMinutes(eventId: string) {
  const event = await db().event.findUnique({ where: { id: eventId }, select: { minutes: true, minutesPublishedAt: true } });
  if (!event?.minutesPublishedAt || event.minutes.trim() === "") return null;
  return { text: event.minutes, publishedAt: event.minutesPublishedAt };
}

// ---------------------------------------------------------------- creating items

/** The first words of a text, as a title: at most eight words and 80 characters. */
export function titleFromText(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  let title = flat.split(" ").slice(0, 8).join(" ");
  if (title.length > 80) title = title.slice(0, 79).replace(/\s+\S*$/, "") || title.slice(0, 79);
  const cut = title.length < flat.length;
  // Prefer ending at the end of a clause when there is one after the first few words.
  const clause = /^(\S+(?: \S+){2,}?)[,.;:!?](?: |$)/.exec(title);
  if (cut && clause) title = clause[1];
  return cut ? `${title.replace(/[.,;:!?]+$/, "")} …` : title;
}

/** Title and summary of a one-click item: text the item's own form accepts when saved unchanged. */
function fromSourceText(text: string): { title: string; summary: string } {
  const clean = neutraliseMarkup(text).trim();
  return { title: titleFromText(clean), summary: clean.slice(0, 4000) };
}

async function nextPosition(tx: Tx, eventId: string): Promise<number> {
  const last = await tx.followUpItem.findFirst({ where: { eventId }, orderBy: { position: "desc" }, select: { position: true } });
  return (last?.position ?? -1) + 1;
}

async function insertItem(
  tx: Tx,
  actor: Actor,
  eventId: string,
  data: {
    title: string;
    summary: string;
    responsibleUnit: string;
    status: string;
    statusReason?: string;
    publicAnswer?: string;
    sourceInputId?: string;
    sourceQuestionId?: string;
    publishedAt?: Date | null;
  },
  source: string,
  now: Date,
) {
  const item = await tx.followUpItem.create({
    data: { eventId, ...data, position: await nextPosition(tx, eventId), statusChangedAt: now, createdAt: now },
    select: { id: true },
  });
  await tx.followUpUpdate.create({ data: { itemId: item.id, status: data.status, note: "", at: now } });
  await audit(tx, actor, {
    action: "follow-up.created",
    targetType: "FollowUpItem",
    targetId: item.id,
    summary: `Opprettet oppfølgingspunktet «${data.title}» (${source})`,
    details: { eventId, sourceInputId: data.sourceInputId ?? null, sourceQuestionId: data.sourceQuestionId ?? null },
  });
  return item;
}

export type CreateOutcome = { ok: true; itemId: string; created: boolean } | { ok: false; reason: "not-found" | "hidden" };

/**
 * One item per source. Two clicks at once: the unique constraint on the source lets only one
 * transaction through, and the other answers with the item that won.
 */
async function oncePerSource(
  source: { sourceInputId: string } | { sourceQuestionId: string },
  create: () => Promise<CreateOutcome>,
): Promise<CreateOutcome> {
  try {
    return await create();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await db().followUpItem.findUnique({ where: source, select: { id: true } });
    if (!existing) throw err;
    return { ok: true, itemId: existing.id, created: false };
  }
}

/** One click: a follow-up item from an input (one per input; a second click returns the first). */
export async function createItemFromInput(actor: Actor, eventId: string, inputId: string, now = new Date()): Promise<CreateOutcome> {
  return oncePerSource({ sourceInputId: inputId }, () =>
    db().$transaction(async (tx) => {
      const input = await tx.citizenInput.findFirst({
        where: { id: inputId, eventId },
        select: { text: true, hiddenAt: true, followUp: { select: { id: true } } },
      });
      if (!input) return { ok: false as const, reason: "not-found" as const };
      if (input.followUp) return { ok: true as const, itemId: input.followUp.id, created: false };
      if (input.hiddenAt) return { ok: false as const, reason: "hidden" as const };
      const item = await insertItem(
        tx,
        actor,
        eventId,
        { ...fromSourceText(input.text), responsibleUnit: UNASSIGNED_UNIT, status: "REGISTERED", sourceInputId: inputId },
        "fra innspill",
        now,
      );
      return { ok: true as const, itemId: item.id, created: true };
    }),
  );
}

/** One click: a follow-up item from a question asked in one of the event's live rooms. */
export async function createItemFromQuestion(actor: Actor, eventId: string, questionId: string, now = new Date()): Promise<CreateOutcome> {
  return oncePerSource({ sourceQuestionId: questionId }, () =>
    db().$transaction(async (tx) => {
      const question = await tx.question.findFirst({
        where: { id: questionId, room: { eventId } },
        select: { text: true, status: true, followUp: { select: { id: true } } },
      });
      if (!question) return { ok: false as const, reason: "not-found" as const };
      if (question.followUp) return { ok: true as const, itemId: question.followUp.id, created: false };
      if (question.status === "HIDDEN" || question.status === "WITHDRAWN") return { ok: false as const, reason: "hidden" as const };
      const item = await insertItem(
        tx,
        actor,
        eventId,
        { ...fromSourceText(question.text), responsibleUnit: UNASSIGNED_UNIT, status: "REGISTERED", sourceQuestionId: questionId },
        "fra spørsmål i live-rommet",
        now,
      );
      return { ok: true as const, itemId: item.id, created: true };
    }),
  );
}

/** A follow-up item written by hand. */
export async function createItem(actor: Actor, eventId: string, input: FollowUpItemInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { id: true } });
    if (!event) return null;
    return insertItem(
      tx,
      actor,
      eventId,
      {
        title: input.title,
        summary: input.summary,
        responsibleUnit: input.responsibleUnit,
        status: input.status,
        statusReason: input.status === "WONT_DO" ? input.statusReason : "",
        publicAnswer: input.publicAnswer,
        publishedAt: input.visibility === "PUBLISHED" ? now : null,
      },
      "for hånd",
      now,
    );
  });
}

// ---------------------------------------------------------------- editing

export type UpdateOutcome =
  | { ok: true; statusChanged: boolean; mailed: boolean }
  | { ok: false; reason: "not-found" | "conflict" };

/**
 * Saves an item. A new status writes a FollowUpUpdate (with the note) and tells the person who
 * sent the source input, if they left an e-mail address and it is not anonymised; a note alone
 * is added to the history under the current status.
 */
export async function updateItem(actor: Actor, eventId: string, itemId: string, input: FollowUpItemInput, now = new Date()): Promise<UpdateOutcome> {
  let mailed = false;
  const outcome = await db().$transaction(async (tx): Promise<UpdateOutcome> => {
    const before = await tx.followUpItem.findFirst({
      where: { id: itemId, eventId },
      select: {
        id: true,
        title: true,
        status: true,
        responsibleUnit: true,
        publishedAt: true,
        event: { select: { slug: true, title: true } },
        sourceInput: { select: { name: true, email: true, locale: true, anonymisedAt: true, hiddenAt: true } },
      },
    });
    if (!before) return { ok: false, reason: "not-found" };
    const statusChanged = before.status !== input.status;
    const published = input.visibility === "PUBLISHED";
    // The person who sent the input hears of it when it is first published, and of every later status.
    const newlyPublished = published && before.publishedAt === null;
    // Conditional on the status read above, so two staff saving at once cannot both send a mail.
    const { count } = await tx.followUpItem.updateMany({
      where: { id: itemId, status: before.status },
      data: {
        title: input.title,
        summary: input.summary,
        responsibleUnit: input.responsibleUnit,
        status: input.status,
        statusReason: input.status === "WONT_DO" ? input.statusReason : "",
        publicAnswer: input.publicAnswer,
        publishedAt: published ? (before.publishedAt ?? now) : null,
        ...(statusChanged ? { statusChangedAt: now } : {}),
      },
    });
    if (count === 0) return { ok: false, reason: "conflict" };
    if (statusChanged || input.note) {
      await tx.followUpUpdate.create({ data: { itemId, status: input.status, note: input.note, at: now } });
    }
    const person = before.sourceInput;
    if ((statusChanged || newlyPublished) && published && person?.email && !person.anonymisedAt && !person.hiddenAt) {
      const locale = isLocaleSafe(person.locale);
      const t = translator(locale);
      const values = { event: before.event.title, title: input.title, status: t(`public:followup.status.${input.status}` as MessageKey) };
      const url = absoluteUrl(`/events/${before.event.slug}/oppfolging/${itemId}`);
      const rendered = renderMail({
        locale,
        subject: t("public:followup.mailSubject", values),
        greetingName: person.name ?? t("public:followup.mailGreetingNoName"),
        paragraphs: [t("public:followup.mailBody", values)],
        facts: [
          [t("public:followup.unit"), input.responsibleUnit],
          [t("public:followup.status"), values.status],
          ...(input.status === "WONT_DO" ? [[t("public:followup.reason"), input.statusReason] as [string, string]] : []),
          ...(input.publicAnswer ? [[t("public:followup.answer"), input.publicAnswer] as [string, string]] : []),
        ],
        link: { intro: t("public:followup.mailLink"), label: input.title, url },
      });
      await queueMail(tx, { kind: FOLLOW_UP_MAIL_KIND, to: person.email, ...rendered });
      mailed = true;
    }
    await audit(tx, actor, {
      action: statusChanged ? "follow-up.status" : "follow-up.updated",
      targetType: "FollowUpItem",
      targetId: itemId,
      summary: statusChanged
        ? `Endret status på «${input.title}» fra ${STATUS_NAMES_NB[before.status as keyof typeof STATUS_NAMES_NB] ?? before.status} til ${STATUS_NAMES_NB[input.status]}${mailed ? " (innsenderen varslet)" : ""}`
        : `Endret oppfølgingspunktet «${input.title}»${newlyPublished ? " og publiserte det" : ""}${mailed ? " (innsenderen varslet)" : ""}`,
      details: {
        eventId,
        from: before.status,
        to: input.status,
        unitFrom: before.responsibleUnit,
        unitTo: input.responsibleUnit,
        published,
        mailed,
      },
    });
    return { ok: true, statusChanged, mailed };
  });
  if (mailed) mailQueued();
  return outcome;
}

// ---------------------------------------------------------------- reading

/** Staff: the items of an event in order, with where they came from. */
export async function listStaffItems(eventId: string) {
  return db().followUpItem.findMany({
    where: { eventId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      responsibleUnit: true,
      status: true,
      statusChangedAt: true,
      publishedAt: true,
      sourceInputId: true,
      sourceQuestionId: true,
    },
  });
}

/** Staff: one item with its history and its source (contact details only for staff). */
export async function getStaffItem(eventId: string, itemId: string | undefined) {
  if (!itemId) return null;
  return db().followUpItem.findFirst({
    where: { id: itemId, eventId },
    select: {
      id: true,
      title: true,
      summary: true,
      responsibleUnit: true,
      status: true,
      statusReason: true,
      publicAnswer: true,
      statusChangedAt: true,
      publishedAt: true,
      updates: { orderBy: { at: "asc" }, select: { id: true, status: true, note: true, at: true } },
      sourceInput: { select: { id: true, text: true, name: true, email: true, anonymisedAt: true } },
      sourceQuestion: { select: { id: true, text: true } },
    },
  });
}

/** Only public fields: nothing that says who sent the input or asked the question. */
const publicItemSelect = {
  id: true,
  title: true,
  summary: true,
  responsibleUnit: true,
  status: true,
  statusReason: true,
  publicAnswer: true,
  statusChangedAt: true,
} as const;

export async function listPublicItems(eventId: string) {
  return db().followUpItem.findMany({
    where: { eventId, publishedAt: { not: null } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: publicItemSelect,
  });
}

export async function getPublicItem(eventId: string, itemId: string | undefined) {
  if (!itemId || itemId.length > 64) return null;
  return db().followUpItem.findFirst({
    where: { id: itemId, eventId, publishedAt: { not: null } },
    select: { ...publicItemSelect, updates: { orderBy: { at: "asc" }, select: { id: true, status: true, note: true, at: true } } },
  });
}

/** Staff live page: the questions of the event's rooms that can be followed up, and their item if any. */
export async function listQuestionsForFollowUp(eventId: string) {
  return db().question.findMany({
    where: { room: { eventId }, status: { notIn: ["HIDDEN", "WITHDRAWN"] } },
    orderBy: [{ room: { createdAt: "asc" } }, { createdAt: "asc" }],
    take: 500,
    select: { id: true, roomId: true, text: true, status: true, upvoteCount: true, followUp: { select: { id: true } } },
  });
}

/** What the public event page shows after a meeting: published minutes and the follow-up items. */
export async function followUpForEventPage(event: { id: string; kind: string; status: string }) {
  const [minutes, items] = await Promise.all([getPublishedMinutes(event.id), listPublicItems(event.id)]);
  return {
    takesInput: event.kind === "DIALOGUE_MEETING" && event.status === "PUBLISHED",
    minutes,
    items: items.map((i) => ({ ...i, publicAnswer: shortAnswer(i.publicAnswer) })),
  };
}

/** The first 300 characters of an answer, cut at a word, for the list on the event page. */
export function shortAnswer(answer: string, max = 300): string {
  const flat = answer.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max).replace(/\s+\S*$/, "")} …`;
}

// ---------------------------------------------------------------- deleting and ordering

/** Deletes an item with its history (audited with its title). False when it is not the event's. */
export async function deleteItem(actor: Actor, eventId: string, itemId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const item = await tx.followUpItem.findFirst({ where: { id: itemId, eventId }, select: { title: true, publishedAt: true } });
    if (!item) return false;
    await tx.followUpItem.delete({ where: { id: itemId } });
    await audit(tx, actor, {
      action: "follow-up.deleted",
      targetType: "FollowUpItem",
      targetId: itemId,
      summary: `Slettet oppfølgingspunktet «${item.title}»${item.publishedAt ? " (det var publisert)" : ""}`,
      details: { eventId, wasPublished: item.publishedAt !== null },
    });
    return true;
  });
}

/**
 * Moves an item one place up or down among the event's items: positions are renumbered 0..n-1
 * in the current order with the two neighbours swapped, all in one transaction.
 */
export async function moveItem(actor: Actor, eventId: string, itemId: string, direction: "up" | "down"): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const items = await tx.followUpItem.findMany({
      where: { eventId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true },
    });
    const from = items.findIndex((i) => i.id === itemId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= items.length) return false;
    [items[from], items[to]] = [items[to], items[from]];
    for (const [position, item] of items.entries()) {
      await tx.followUpItem.update({ where: { id: item.id }, data: { position } });
    }
    await audit(tx, actor, {
      action: "follow-up.moved",
      targetType: "FollowUpItem",
      targetId: itemId,
      summary: `Flyttet «${items[to].title}» ${direction === "up" ? "opp" : "ned"} i listen`,
      details: { eventId, from, to },
    });
    return true;
  });
}
