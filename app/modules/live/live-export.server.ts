// Staff exports of a live event: questions (text, name or "anonym", status, upvotes, time) and
// poll results, per room or for the whole event, as CSV for Norwegian Excel (the writer from
// the registrations export). Headers and words in the staff member's language (bokmål by
// default). The data stays in the database with the event; this only reads it.
import { translator } from "~/i18n/i18n.server";
import type { Locale, Translate } from "~/i18n";
import { toCsv } from "~/modules/admin-registrations/csv";
import { audit, type Actor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { resultsOf, pollSelect } from "./polls.server";
import { sessionReport, type QuestionCounts } from "./session-report.server";
import { POLL_KINDS, POLL_STATUSES, QUESTION_STATUSES, type PollKind, type PollStatus, type QuestionStatus } from "./protocol";

export type LiveExportKind = "questions" | "polls" | "report";

const questionStatus = (t: Translate, s: string) => ((QUESTION_STATUSES as readonly string[]).includes(s) ? t(`live:status.${s as QuestionStatus}`) : s);
const pollStatus = (t: Translate, s: string) => ((POLL_STATUSES as readonly string[]).includes(s) ? t(`live:pollStatus.${s as PollStatus}`) : s);
const pollKind = (t: Translate, k: string) => ((POLL_KINDS as readonly string[]).includes(k) ? t(`live:csvKind.${k as PollKind}`) : k);

const osloStamp = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Oslo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
/** "2026-11-24 17.05" in Oslo time: sorts as text and reads as Norwegian time. */
export const exportTime = (d: Date | null) => (d ? osloStamp.format(d).replace(":", ".") : "");

async function roomsOf(eventId: string, roomCode: string | null) {
  return db().liveRoom.findMany({
    where: { eventId, ...(roomCode ? { code: roomCode } : {}) },
    select: { id: true, code: true, title: true },
    orderBy: { createdAt: "asc" },
  });
}

export async function questionsCsv(eventId: string, roomCode: string | null, locale: Locale = "nb"): Promise<string> {
  const t = translator(locale);
  const rooms = await roomsOf(eventId, roomCode);
  const rows: Array<Array<string | number>> = [];
  for (const room of rooms) {
    const questions = await db().question.findMany({
      where: { roomId: room.id },
      select: { text: true, displayName: true, status: true, upvoteCount: true, createdAt: true, answeredAt: true, flagged: true },
      orderBy: { createdAt: "asc" },
    });
    for (const q of questions) {
      rows.push([
        room.title,
        room.code,
        q.text,
        q.displayName?.trim() || t("live:csv.anonymous"),
        questionStatus(t, q.status),
        q.upvoteCount,
        exportTime(q.createdAt),
        exportTime(q.answeredAt),
        q.flagged ? t("live:csv.yes") : t("live:csv.no"),
      ]);
    }
  }
  const headers = (["room", "code", "question", "name", "status", "votes", "asked", "answered", "flagged"] as const).map((h) => t(`live:csv.${h}`));
  return toCsv(headers, rows);
}

/** With a decimal comma, as Norwegian Excel reads numbers (a point in English). */
const decimal = (n: number, locale: Locale) => (locale === "en" ? String(n) : String(n).replace(".", ","));
const percent = (count: number, total: number, locale: Locale) => decimal(total > 0 ? Math.round((count / total) * 1000) / 10 : 0, locale);

export async function pollsCsv(eventId: string, roomCode: string | null, locale: Locale = "nb"): Promise<string> {
  const t = translator(locale);
  const rooms = await roomsOf(eventId, roomCode);
  const rows: Array<Array<string | number>> = [];
  for (const room of rooms) {
    const polls = await db().poll.findMany({ where: { roomId: room.id }, select: pollSelect, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
    for (const poll of polls) {
      const head = [room.title, room.code, poll.title, pollKind(t, poll.kind), pollStatus(t, poll.status)];
      const results = await resultsOf(poll);
      const before = rows.length;
      const row = (answer: string | number, count: number) => rows.push([...head, results.total, answer, count, percent(count, results.total, locale)]);
      switch (poll.kind as PollKind) {
        case "SINGLE":
        case "MULTIPLE":
          if (results.kind === "SINGLE" || results.kind === "MULTIPLE") for (const o of results.options) row(o.label, o.count);
          break;
        case "RATING":
          if (results.kind === "RATING") {
            results.distribution.forEach((count, i) => row(i + 1, count));
            rows.push([...head, results.total, t("live:csv.average"), results.average === null ? "" : decimal(results.average, locale), ""]);
          }
          break;
        case "RANKING":
          // ---- poll library: in rank order; the answer names the average place, the count is how many put it first.
          if (results.kind === "RANKING") {
            for (const o of results.options) {
              row(o.averageRank === null ? o.label : t("live:pollLibrary.csvRank", { label: o.label, average: decimal(o.averageRank, locale) }), o.firsts);
            }
          }
          break;
        case "WORDCLOUD":
        case "OPEN_TEXT": {
          // Every answer, not only the top words or latest texts the live view shows.
          const groups = await db().pollAnswer.groupBy({
            by: ["text"],
            // Only what was shown: held, hidden and blocked participants' answers are left out.
            where: { pollId: poll.id, status: "SHOWN", text: { not: null } },
            _count: { _all: true },
            orderBy: { text: "asc" },
          });
          for (const g of groups.sort((a, b) => b._count._all - a._count._all)) row(g.text ?? "", g._count._all);
          break;
        }
      }
      // A poll without options or answers still gets its line.
      if (rows.length === before) rows.push([...head, results.total, "", "", ""]);
    }
  }
  const headers = (["room", "code", "poll", "kind", "status", "total", "answer", "count", "percent"] as const).map((h) => t(`live:csv.${h}`));
  return toCsv(headers, rows);
}

// ---- session report: the report after the session as one long table (part, room, item or poll, figure, number)
export async function reportCsv(eventId: string, roomCode: string | null, locale: Locale = "nb"): Promise<string> {
  const t = translator(locale);
  const report = await sessionReport(eventId, roomCode);
  const rows: Array<Array<string | number>> = [];
  if (!report) return toCsv([], rows);
  const questionRows = (head: Array<string | number>, q: QuestionCounts) => {
    for (const key of ["asked", "approved", "answered", "hiddenOrWithdrawn", "pending", "upvotes"] as const) {
      rows.push([...head, t(`live:report.${key === "hiddenOrWithdrawn" ? "hidden" : key}`), q[key]]);
    }
  };
  const whole = [t("live:report.sectionEvent"), t("live:report.whole"), "", ""];
  rows.push([...whole, t("live:report.peak"), report.event.peakParticipants]);
  rows.push([...whole, t("live:report.peakAt"), exportTime(report.event.peakAt)]);
  rows.push([...whole, t("live:report.active"), report.event.activeParticipants]);
  questionRows(whole, report.event.questions);
  rows.push([...whole, t("live:report.polls"), report.event.polls]);
  rows.push([...whole, t("live:report.pollAnswers"), report.event.pollAnswers]);
  for (const room of report.rooms) {
    const head = [t("live:report.sectionRoom"), room.title, room.code, ""];
    rows.push([...head, t("live:report.peak"), room.peakParticipants]);
    rows.push([...head, t("live:report.peakAt"), exportTime(room.peakAt)]);
    rows.push([...head, t("live:report.active"), room.activeParticipants]);
    questionRows(head, room.questions);
    for (const item of room.items) {
      const itemHead = [t("live:report.sectionItem"), room.title, room.code, item.title ?? t("live:report.noItem")];
      questionRows(itemHead, item.questions);
      rows.push([...itemHead, t("live:report.polls"), item.polls]);
      rows.push([...itemHead, t("live:report.pollAnswers"), item.pollAnswers]);
    }
    for (const poll of room.polls) {
      const pollHead = [t("live:report.sectionPoll"), room.title, room.code, poll.title];
      rows.push([...pollHead, t("live:report.kind"), pollKind(t, poll.kind)]);
      rows.push([...pollHead, t("live:report.answeredPoll"), poll.answered]);
      rows.push([...pollHead, t("live:report.share"), poll.shareOfPeak === null ? "" : decimal(poll.shareOfPeak, locale)]);
    }
  }
  const headers = [t("live:report.section"), t("live:csv.room"), t("live:csv.code"), `${t("live:report.item")} / ${t("live:report.poll")}`, t("live:report.metric"), t("live:report.value")];
  return toCsv(headers, rows);
}

/** The export file, audited (names in questions are personal data). Null when the event does not exist. */
export async function exportLive(
  eventId: string,
  kind: LiveExportKind,
  roomCode: string | null,
  actor: Actor,
  locale: Locale = "nb",
): Promise<{ filename: string; content: Buffer } | null> {
  const event = await db().event.findUnique({ where: { id: eventId }, select: { id: true, slug: true, title: true } });
  if (!event) return null;
  const text =
    kind === "questions" ? await questionsCsv(event.id, roomCode, locale) : kind === "polls" ? await pollsCsv(event.id, roomCode, locale) : await reportCsv(event.id, roomCode, locale);
  await db().$transaction(async (tx) => {
    await audit(tx, actor, {
      action: "live.export",
      targetType: "Event",
      targetId: event.id,
      summary: `Eksporterte ${{ questions: "spørsmål", polls: "avstemningsresultater", report: "rapporten etter møtet" }[kind]} fra ${event.title}${roomCode ? ` (rom ${roomCode})` : ""}`,
      details: { kind, roomCode },
    });
  });
  const name = { questions: "sporsmal", polls: "avstemninger", report: "rapport" }[kind];
  return { filename: `${name}-${event.slug}${roomCode ? `-${roomCode}` : ""}.csv`, content: Buffer.from(text, "utf8") };
}
