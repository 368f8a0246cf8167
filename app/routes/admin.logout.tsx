import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { staffHandle } from "~/modules/auth/roles";
import { destroyStaffSession } from "~/modules/auth/session.server";

export const handle = staffHandle("MODERATOR");

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/admin/login", { headers: { "Set-Cookie": await destroyStaffSession(request) } });
}

export async function loader() {
  return redirect("/admin");
}
