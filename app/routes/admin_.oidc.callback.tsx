// The provider sends the browser back here with a code (OpenID Connect). A known staff member
// gets a session; anyone else goes back to the login page with a message.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirect } from "~/utils/redirect.server";
import { finishOidcSignIn } from "~/modules/auth/oidc.server";
import { createStaffSession } from "~/modules/auth/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { outcome, clearCookie } = await finishOidcSignIn(request);
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", clearCookie);
  if (outcome.status !== "signed-in") {
    return redirect(`/admin/login?error=oidc-${outcome.status}`, { headers });
  }
  headers.append("Set-Cookie", await createStaffSession(outcome.staffId, request.headers.get("user-agent")));
  return redirect(safeRedirect(outcome.redirectTo, "/admin"), { headers });
}
