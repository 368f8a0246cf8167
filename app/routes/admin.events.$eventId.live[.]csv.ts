// Staff: questions or poll results of an event's live rooms as CSV (?type=questions|polls,
// optionally ?room=CODE for one room). Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { liveExportSchema } from "~/modules/live/live-admin.schema";
import { exportLive } from "~/modules/live/live-export.server";

export const handle = staffHandle("ORGANISER");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const search = new URL(request.url).searchParams;
  const parsed = liveExportSchema.safeParse({ type: search.get("type") ?? undefined, room: search.get("room") ?? undefined });
  if (!parsed.success) throw new Response(parsed.error.issues[0]?.message ?? "Ugyldig forespørsel.", { status: 400 });
  const file = params.eventId ? await exportLive(params.eventId, parsed.data.type, parsed.data.room ?? null, actorOf(staff)) : null;
  if (!file) throw new Response("Fant ikke arrangementet.", { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Content-Length": String(file.content.length),
      "Cache-Control": "private, no-store",
    },
  });
}
