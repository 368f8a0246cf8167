// Starts staff sign-in with the municipality's account (OpenID Connect): the login page posts
// here, and the browser is sent on to the provider. Anyone may post; nothing changes here.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { safeRedirect } from "~/utils/redirect.server";
import { startOidcSignIn } from "~/modules/auth/oidc.server";
import { config } from "~/utils/config.server";
import { getLocale, translator } from "~/i18n/i18n.server";

const schema = z.object({ redirectTo: z.string().max(2000).optional() });

export async function loader() {
  return redirect("/admin/login");
}

export async function action({ request }: ActionFunctionArgs) {
  if (!config().oidc) throw new Response(translator(await getLocale(request))("staff-tools:login.oidcNotConfigured"), { status: 404 });
  const formData = await request.formData().catch(() => null);
  const parsed = schema.safeParse(formData ? Object.fromEntries(formData) : {});
  const redirectTo = safeRedirect(parsed.success ? parsed.data.redirectTo : undefined, "/admin");
  try {
    const { url, cookie } = await startOidcSignIn(redirectTo);
    return redirect(url, { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
  } catch (error) {
    console.error(`OpenID Connect sign-in could not start: ${error instanceof Error ? error.message : String(error)}`);
    return redirect(`/admin/login?error=oidc-failed&redirectTo=${encodeURIComponent(redirectTo)}`);
  }
}
