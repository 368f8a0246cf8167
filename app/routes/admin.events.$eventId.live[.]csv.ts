// Staff: questions or poll results of an event's live rooms as CSV (?type=questions|polls,
// optionally ?room=CODE for one room). Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isMessageKey } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { liveExportSchema } from "~/modules/live/live-admin.schema";
import { exportLive } from "~/modules/live/live-export.server";

export const handle = staffHandle("ORGANISER");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const locale = await getLocale(request);
  const t = translator(locale);
  const search = new URL(request.url).searchParams;
  const parsed = liveExportSchema.safeParse({ type: search.get("type") ?? undefined, room: search.get("room") ?? undefined });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message;
    throw new Response(t(message && isMessageKey(message) ? message : "live:admin.badRequest"), { status: 400 });
  }
  const file = params.eventId ? await exportLive(params.eventId, parsed.data.type, parsed.data.room ?? null, actorOf(staff), locale) : null;
  if (!file) throw new Response(t("live:admin.eventNotFound"), { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Content-Length": String(file.content.length),
      "Cache-Control": "private, no-store",
    },
  });
}
