import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale } from "~/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { safeRedirect } from "~/utils/redirect.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  const lang = form?.get("lang");
  const to = safeRedirect(form?.get("redirectTo"), "/");
  return redirect(to, {
    headers: { "Set-Cookie": await localeCookie.serialize(isLocale(lang) ? lang : DEFAULT_LOCALE) },
  });
}

export async function loader() {
  return redirect("/");
}
