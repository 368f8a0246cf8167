import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { staffHandle } from "~/modules/auth/roles";
import { destroyStaffSession, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("MODERATOR");

export async function action({ request }: ActionFunctionArgs) {
  await requireStaff(request, "MODERATOR");
  return redirect("/admin/login", { headers: { "Set-Cookie": await destroyStaffSession(request) } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "MODERATOR");
  return redirect("/admin");
}
