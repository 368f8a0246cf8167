// Exports of an event's registrations (CSV for Excel and XLSX), same columns in both. Each
// export is audited: personal data leaves the system with it. Diet and accessibility needs
// are sensitive and only included when staff ask for them.
import ExcelJS from "exceljs";
import type { Locale } from "~/i18n";
import { translator } from "~/i18n/i18n.server";
import { audit, type Actor } from "~/modules/audit/audit.server";
import { db } from "~/utils/db.server";
import { formatPhone, TIME_ZONE } from "~/utils/format";
import { toCsv } from "./csv";
import { listRegistrations } from "./registrations-admin.server";
import { REGISTRATION_STATUS_KEYS, type RegistrationFilters } from "./staff-registration.schema";

export type ExportFormat = "csv" | "xlsx";



const dateTime = new Intl.DateTimeFormat("nb-NO", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

export function exportDateTime(d: Date | null): string {
  return d ? dateTime.format(d).replace(",", "") : "";
}

type Row = Awaited<ReturnType<typeof listRegistrations>>["registrations"][number];

/** The columns people read are in the staff member's language (bokmål unless told). */
export function exportTable(rows: Row[], includeNeeds: boolean, locale: Locale = "nb") {
  const t = translator(locale);
  const header = [
    t("staff-events:export.name"),
    t("staff-events:export.email"),
    t("staff-events:export.phone"),
    t("staff-events:export.organisation"),
    t("staff-events:export.status"),
    t("staff-events:export.position"),
    t("staff-events:export.registered"),
    t("staff-events:export.addedBy"),
    t("staff-events:export.checkedIn"),
    t("staff-events:export.newsletter"),
    ...(includeNeeds ? [t("staff-events:export.diet"), t("staff-events:export.accessibility")] : []),
  ];
  const body = rows.map((r) => [
    r.name,
    r.email,
    r.phone ? formatPhone(r.phone) : "",
    r.organisation ?? "",
    r.status in REGISTRATION_STATUS_KEYS ? t(REGISTRATION_STATUS_KEYS[r.status]) : r.status,
    r.position ?? "",
    exportDateTime(r.createdAt),
    r.source === "STAFF" ? t("staff-events:export.byStaff") : t("staff-events:export.bySelf"),
    exportDateTime(r.checkedInAt),
    r.newsletterConsent ? t("staff-events:export.yes") : t("staff-events:export.no"),
    ...(includeNeeds ? [r.needs?.diet ?? "", r.needs?.accessibility ?? ""] : []),
  ]);
  return { header, body };
}

export async function registrationsXlsx(header: string[], body: Array<Array<string | number>>, sheetName = "Påmeldinger"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Samhandling";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  // Plain values only: a string that starts with "=" is stored as text, never as a formula.
  for (const row of body) sheet.addRow(row);
  sheet.columns.forEach((c, i) => {
    c.width = Math.min(50, Math.max(12, ...[header[i], ...body.map((r) => String(r[i] ?? ""))].map((v) => v.length + 2)));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Builds the file and writes the audit entry. Returns null when the event does not exist. */
export async function exportRegistrations(
  eventId: string,
  format: ExportFormat,
  options: { filters: RegistrationFilters; includeNeeds: boolean; locale?: Locale },
  actor: Actor,
) {
  const event = await db().event.findUnique({ where: { id: eventId }, select: { id: true, slug: true, title: true } });
  if (!event) return null;
  const { registrations } = await listRegistrations(eventId, options.filters);
  const locale = options.locale ?? "nb";
  const { header, body } = exportTable(registrations, options.includeNeeds, locale);
  const content =
    format === "csv"
      ? Buffer.from(toCsv(header, body), "utf8")
      : await registrationsXlsx(header, body, translator(locale)("staff-events:export.sheet"));
  await db().$transaction(async (tx) => {
    await audit(tx, actor, {
      action: "registration.export",
      targetType: "Event",
      targetId: eventId,
      summary: `Eksporterte ${registrations.length} påmeldinger fra «${event.title}» som ${format.toUpperCase()}${options.includeNeeds ? " (med kost og tilrettelegging)" : ""}`,
      details: { format, count: registrations.length, includeNeeds: options.includeNeeds, filters: options.filters },
    });
  });
  return { content, filename: `pameldinger-${event.slug}.${format}`, count: registrations.length };
}
