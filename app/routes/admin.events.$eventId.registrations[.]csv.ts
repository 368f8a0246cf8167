// Staff: the registrations as CSV for (Norwegian) Excel. Audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportResponse } from "~/modules/admin-registrations/export-response.server";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  return exportResponse(staff, request, params.eventId, "csv");
}
