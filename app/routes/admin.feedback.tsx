import { Alert, Button, Card } from "@digdir/designsystemet-react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { markFeedbackHandled, listFeedback } from "~/modules/accessibility/feedback.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { formatDateTime } from "~/utils/format";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const t = translator(await getLocale(request));
  const open = new URL(request.url).searchParams.get("vis") !== "behandlet";
  return { title: t("staff-tools:title.suffix", { title: t("staff-tools:feedback.title") }), open, items: await listFeedback({ open }) };
}

const handledSchema = z.object({ id: z.string().min(1).max(64) });

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const t = translator(await getLocale(request));
  const parsed = handledSchema.safeParse(Object.fromEntries((await request.formData().catch(() => new FormData())).entries()));
  if (!parsed.success) return data({ message: t("staff-tools:error.badForm") }, { status: 400 });
  const changed = await markFeedbackHandled(actorOf(staff), parsed.data.id);
  return data({ message: t(changed ? "staff-tools:feedback.marked" : "staff-tools:feedback.already") });
}

export default function FeedbackPage() {
  const { open, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("staff-tools:feedback.title")}</h1>
      <p>
        {t("staff-tools:feedback.intro")} <Link to="/tilgjengelighet">{t("staff-tools:feedback.introLink")}</Link>
        {t("staff-tools:feedback.introAfter")}
      </p>
      <p className="actions">
        {open ? <Link to="?vis=behandlet">{t("staff-tools:feedback.showHandled")}</Link> : <Link to="?">{t("staff-tools:feedback.showOpen")}</Link>}
      </p>
      {actionData?.message ? (
        <Alert data-color="success" role="status">
          {actionData.message}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <p>{t(open ? "staff-tools:feedback.noneOpen" : "staff-tools:feedback.noneHandled")}</p>
      ) : (
        <ul className="event-list">
          {items.map((f) => (
            <Card asChild data-color="neutral" key={f.id}>
              <li>
                <p className="meta">
                  {formatDateTime(new Date(f.createdAt), locale)}
                  {f.pageUrl ? t("staff-tools:feedback.page", { page: f.pageUrl }) : ""}
                  {t("staff-tools:feedback.language", { language: f.locale })}
                </p>
                <p className="feedback-message">{f.message}</p>
                <p className="meta">
                  {f.contactName || f.contactEmail
                    ? t("staff-tools:feedback.contact", { contact: [f.contactName, f.contactEmail].filter(Boolean).join(", ") })
                    : t("staff-tools:feedback.noContact")}
                </p>
                {f.handledAt ? (
                  <p className="meta">{t("staff-tools:feedback.handledBy", { when: formatDateTime(new Date(f.handledAt), locale), who: f.handledBy ?? "" })}</p>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="id" value={f.id} />
                    <Button type="submit" variant="primary" data-size="sm">
                      {t("staff-tools:feedback.markHandled")}
                    </Button>
                  </Form>
                )}
              </li>
            </Card>
          ))}
        </ul>
      )}
    </>
  );
}
