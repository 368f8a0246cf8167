// Citizen input (innspill) to a dialogue meeting: sent from the public form before or after the
// meeting, with optional contact details; staff read it grouped by theme, move it to another
// theme and hide spam (audited).
import type { Locale } from "~/i18n";
import { audit, type Actor } from "~/modules/audit/audit.server";
import { mailQueued, queueMail } from "~/modules/mail/outbox.server";
import { renderMail } from "~/modules/mail/render.server";
import { absoluteUrl } from "~/utils/config.server";
import { db } from "~/utils/db.server";
import type { CitizenInputForm } from "./input.schema";
import { translator } from "~/i18n/i18n.server";
import { THEMES, themeLabel, type Theme } from "./themes";
import { normaliseEmail } from "~/modules/registration/registration.server";

export const INPUT_RECEIPT_MAIL_KIND = "INPUT_RECEIPT";

const inputEventSelect = {
  id: true,
  slug: true,
  title: true,
  contentLanguage: true,
  translations: true,
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  privacyNotice: true,
  needsRetentionDays: true,
  personalDataRetentionDays: true,
} as const;

/** A published, not cancelled dialogue meeting that takes input; null otherwise. */
export async function getInputEvent(slug: string | undefined) {
  if (!slug || !/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  return db().event.findFirst({ where: { slug, kind: "DIALOGUE_MEETING", status: "PUBLISHED" }, select: inputEventSelect });
}

export type InputEvent = NonNullable<Awaited<ReturnType<typeof getInputEvent>>>;

export function phaseAt(event: { startsAt: Date }, now: Date): "BEFORE" | "AFTER" {
  return now.getTime() < event.startsAt.getTime() ? "BEFORE" : "AFTER";
}

/** Stores the input and, when an e-mail was given, queues a receipt in the sender's language. */
export async function submitInput(event: InputEvent, input: CitizenInputForm, locale: Locale, now = new Date()) {
  const hasContact = Boolean(input.email || input.phone);
  const created = await db().$transaction(async (tx) => {
    const row = await tx.citizenInput.create({
      data: {
        eventId: event.id,
        theme: input.theme,
        text: input.text,
        phase: phaseAt(event, now),
        name: input.name ?? null,
        email: input.email ?? null,
        emailNormalized: input.email ? normaliseEmail(input.email) : null,
        phone: input.phone ?? null,
        privacyConsentAt: hasContact ? now : null,
        locale,
        createdAt: now,
      },
      select: { id: true },
    });
    if (input.email) {
      const t = translator(locale);
      const rendered = renderMail({
        locale,
        subject: t("public:input.mailSubject", { event: event.title }),
        greetingName: input.name ?? t("public:input.mailGreetingNoName"),
        paragraphs: [t("public:input.mailBody", { event: event.title }), t("public:input.mailFollow")],
        facts: [[t("public:input.theme"), themeLabel(input.theme, locale)]],
        link: { intro: t("public:input.mailLink"), label: event.title, url: absoluteUrl(`/events/${event.slug}`) },
      });
      await queueMail(tx, { kind: INPUT_RECEIPT_MAIL_KIND, to: input.email, ...rendered });
    }
    return row;
  });
  if (input.email) mailQueued();
  return created;
}

export type StaffInput = {
  id: string;
  theme: string;
  text: string;
  phase: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: string;
  hiddenAt: Date | null;
  anonymisedAt: Date | null;
  createdAt: Date;
  followUp: { id: string; status: string } | null;
};

/** Staff: an event's input grouped by theme (fixed order), with counts before and after the meeting. */
export async function listInputByTheme(eventId: string) {
  const rows: StaffInput[] = await db().citizenInput.findMany({
    where: { eventId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      theme: true,
      text: true,
      phase: true,
      name: true,
      email: true,
      phone: true,
      locale: true,
      hiddenAt: true,
      anonymisedAt: true,
      createdAt: true,
      followUp: { select: { id: true, status: true } },
    },
  });
  const known = new Set<string>(THEMES);
  const order = [...THEMES, ...new Set(rows.map((r) => r.theme).filter((t) => !known.has(t)))];
  const groups = order
    .map((theme) => {
      const inputs = rows.filter((r) => r.theme === theme);
      const visible = inputs.filter((r) => !r.hiddenAt);
      return {
        theme,
        label: themeLabel(theme),
        inputs,
        count: visible.length,
        before: visible.filter((r) => r.phase === "BEFORE").length,
        after: visible.filter((r) => r.phase === "AFTER").length,
        hidden: inputs.length - visible.length,
      };
    })
    .filter((g) => g.inputs.length > 0);
  return { groups, total: rows.filter((r) => !r.hiddenAt).length, hidden: rows.filter((r) => r.hiddenAt).length };
}

/** Staff: moves an input to another theme (audited). False when the input is not the event's. */
export async function changeInputTheme(actor: Actor, eventId: string, inputId: string, theme: Theme): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const row = await tx.citizenInput.findFirst({ where: { id: inputId, eventId }, select: { theme: true } });
    if (!row) return false;
    if (row.theme === theme) return true;
    await tx.citizenInput.update({ where: { id: inputId }, data: { theme } });
    await audit(tx, actor, {
      action: "input.theme",
      targetType: "CitizenInput",
      targetId: inputId,
      summary: `Flyttet et innspill fra «${themeLabel(row.theme)}» til «${themeLabel(theme)}»`,
      details: { eventId, from: row.theme, to: theme },
    });
    return true;
  });
}

/** Staff: hides an input as spam or abuse, or shows it again (audited). False when nothing changed. */
export async function setInputHidden(actor: Actor, eventId: string, inputId: string, hidden: boolean, now = new Date()): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.citizenInput.updateMany({
      where: { id: inputId, eventId, hiddenAt: hidden ? null : { not: null } },
      data: { hiddenAt: hidden ? now : null },
    });
    if (count === 1) {
      await audit(tx, actor, {
        action: hidden ? "input.hidden" : "input.unhidden",
        targetType: "CitizenInput",
        targetId: inputId,
        summary: hidden ? "Skjulte et innspill som spam" : "Viste et skjult innspill igjen",
        details: { eventId },
      });
    }
    return count === 1;
  });
}

/**
 * Staff overview across meetings: every dialogue meeting with input, newest first, with the
 * number of visible input per theme and how many still have no follow-up item.
 */
export async function inputOverview() {
  const [groups, open, hidden] = await Promise.all([
    db().citizenInput.groupBy({ by: ["eventId", "theme"], where: { hiddenAt: null }, _count: { _all: true } }),
    db().citizenInput.groupBy({ by: ["eventId"], where: { hiddenAt: null, followUp: null }, _count: { _all: true } }),
    db().citizenInput.groupBy({ by: ["eventId"], where: { hiddenAt: { not: null } }, _count: { _all: true } }),
  ]);
  const eventIds = [...new Set([...groups.map((g) => g.eventId), ...hidden.map((h) => h.eventId)])];
  const events = await db().event.findMany({
    where: { id: { in: eventIds } },
    orderBy: { startsAt: "desc" },
    select: { id: true, title: true, startsAt: true, district: true },
  });
  const themesBy = new Map<string, Array<{ theme: string; count: number }>>();
  for (const g of groups) {
    const list = themesBy.get(g.eventId) ?? [];
    list.push({ theme: g.theme, count: g._count._all });
    themesBy.set(g.eventId, list);
  }
  const openBy = new Map(open.map((o) => [o.eventId, o._count._all]));
  const hiddenBy = new Map(hidden.map((h) => [h.eventId, h._count._all]));
  return events.map((event) => {
    const themes = (themesBy.get(event.id) ?? []).sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
    return {
      ...event,
      themes,
      total: themes.reduce((sum, t) => sum + t.count, 0),
      withoutFollowUp: openBy.get(event.id) ?? 0,
      hidden: hiddenBy.get(event.id) ?? 0,
    };
  });
}
