// Admins: everything about one e-mail address as a JSON download. A POST, so that the address
// never appears in a URL (logs, history); audited with the address only as a hash.
import type { ActionFunctionArgs } from "@remix-run/node";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { auditExport, exportPerson } from "~/modules/privacy/person.server";
import { personLookupSchema } from "~/modules/privacy/privacy.schema";
import { isMessageKey } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";

export const handle = staffHandle("ADMIN");

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ADMIN");
  const formData = await request.formData().catch(() => new FormData());
  const parsed = personLookupSchema.safeParse({ email: formData.get("email") ?? undefined });
  if (!parsed.success) {
    const t = translator(await getLocale(request));
    const issue = parsed.error.issues[0]?.message;
    const message = t(isMessageKey(issue) ? issue : "staff-tools:privacy.error.email");
    return new Response(t("staff-tools:privacy.exportBack", { message }), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const exported = await exportPerson(parsed.data.email);
  await auditExport(actorOf(staff), parsed.data.email, {
    registrations: exported.registrations.length,
    answers: exported.registrations.filter((r) => r.needs).length,
    inputs: exported.inputs.length,
    requests: exported.requests.length,
    feedback: exported.accessibilityFeedback.length,
    mails: exported.mails.length,
  });
  const day = exported.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="personopplysninger-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
