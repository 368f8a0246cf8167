// The HTTP side of an export, shared by the .csv and .xlsx resource routes.
import { getLocale, translator } from "~/i18n/i18n.server";
import { actorOf, type Staff } from "~/modules/auth/session.server";
import { exportRegistrations, type ExportFormat } from "./export.server";
import { filtersFromSearchParams } from "./staff-registration.schema";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** `staff` comes from the route's requireStaff(request, "ORGANISER"). */
export async function exportResponse(staff: Staff, request: Request, eventId: string | undefined, format: ExportFormat) {
  const params = new URL(request.url).searchParams;
  const locale = await getLocale(request);
  const file = eventId
    ? await exportRegistrations(
        eventId,
        format,
        { filters: filtersFromSearchParams(params), includeNeeds: params.get("behov") === "1", locale },
        actorOf(staff),
      )
    : null;
  if (!file) throw new Response(translator(locale)("staff-events:error.eventNotFound"), { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Content-Length": String(file.content.length),
      "Cache-Control": "private, no-store",
    },
  });
}
