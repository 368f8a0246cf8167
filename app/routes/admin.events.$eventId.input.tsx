// Staff: the input (innspill) sent to an event, grouped by theme, with the sender's contact
// details (staff only). Move to another theme, hide spam, and make a follow-up item in one click.
import { Alert, Button, Card, Tag } from "@digdir/designsystemet-react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { followUpStatusKey } from "~/modules/followup/followup.schema";
import { isMessageKey, useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { createItemFromInput } from "~/modules/followup/followup.server";
import { staffInputSchema } from "~/modules/input/input.schema";
import { changeInputTheme, listInputByTheme, setInputHidden } from "~/modules/input/input.server";
import { THEMES, themeLabel } from "~/modules/input/themes";
import { formatDateTime, formatPhone } from "~/utils/format";
import { StaffRouteError } from "~/components/staff-route-error";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const t = translator(await getLocale(request));
  return {
    title: t("staff-tools:title.suffix", { title: t("staff-tools:input.title", { event: event.title }) }),
    event: { id: event.id, title: event.title, slug: event.slug, kind: event.kind },
    ...(await listInputByTheme(event.id)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => null);
  const parsed = staffInputSchema.safeParse(formData ? Object.fromEntries(formData) : {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]?.message;
    return data({ error: t(isMessageKey(issue) ? issue : "staff-tools:error.badForm") }, { status: 400 });
  }
  const actor = actorOf(staff);
  const base = `/admin/events/${event.id}`;
  const v = parsed.data;
  switch (v.intent) {
    case "theme": {
      const ok = await changeInputTheme(actor, event.id, v.inputId, v.theme);
      return ok ? redirect(`${base}/input?flyttet=1#input-${v.inputId}`) : data({ error: t("staff-tools:input.error.notFound") }, { status: 404 });
    }
    case "hide":
    case "unhide": {
      const changed = await setInputHidden(actor, event.id, v.inputId, v.intent === "hide");
      return changed
        ? redirect(`${base}/input?${v.intent === "hide" ? "skjult" : "vist"}=1#input-${v.inputId}`)
        : data({ error: t(v.intent === "hide" ? "staff-tools:input.error.alreadyHidden" : "staff-tools:input.error.notHidden") }, { status: 409 });
    }
    case "follow-up": {
      const outcome = await createItemFromInput(actor, event.id, v.inputId);
      if (!outcome.ok) {
        return data(
          { error: t(outcome.reason === "hidden" ? "staff-tools:input.error.hiddenFollowUp" : "staff-tools:input.error.notFound") },
          { status: outcome.reason === "hidden" ? 409 : 404 }
        );
      }
      return redirect(`${base}/followup/${outcome.itemId}?${outcome.created ? "opprettet" : "fantes"}=1`);
    }
  }
}

export default function AdminInput() {
  const { event, groups, total, hidden } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const noticeKey = params.get("flyttet")
    ? "staff-tools:input.notice.moved"
    : params.get("skjult")
    ? "staff-tools:input.notice.hidden"
    : params.get("vist")
    ? "staff-tools:input.notice.shown"
    : null;
  const notice = noticeKey ? t(noticeKey) : null;
  return (
    <>
      <nav aria-label={t("staff-tools:input.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/events">{t("staff-tools:input.events")}</Link>
        {" › "}
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>{t("staff-tools:input.heading", { event: event.title })}</h1>
      <p>
        {t("staff-tools:input.count", { count: total })}
        {hidden ? t("staff-tools:input.hiddenSpam", { count: hidden }) : ""}
        {t("staff-tools:input.private")} <Link to={`/admin/events/${event.id}/followup`}>{t("staff-tools:input.followupLink")}</Link>
      </p>
      {notice ? (
        <Alert data-color="success" role="status">
          {notice}
        </Alert>
      ) : null}
      {actionData?.error ? (
        <Alert data-color="danger" role="alert">
          {actionData.error}
        </Alert>
      ) : null}
      {groups.length === 0 ? <p>{t("staff-tools:input.none")}</p> : null}
      {groups.map((g) => (
        <section key={g.theme} aria-labelledby={`theme-${g.theme}`}>
          <h2 id={`theme-${g.theme}`}>
            {themeLabel(g.theme, locale)} ({g.count})
          </h2>
          <p className="meta">
            {t("staff-tools:input.phases", { before: g.before, after: g.after })}
            {g.hidden ? t("staff-tools:input.phasesHidden", { count: g.hidden }) : ""}
          </p>
          <ul className="event-list">
            {g.inputs.map((input) => (
              <Card asChild data-color="neutral" key={input.id}>
                <li id={`input-${input.id}`}>
                  <p className="meta">
                    {formatDateTime(new Date(input.createdAt), locale)} · {t(input.phase === "BEFORE" ? "staff-tools:input.before" : "staff-tools:input.after")}
                    {t("staff-tools:input.language", { language: input.locale })}
                    {input.hiddenAt ? (
                      <>
                        {" "}
                        <Tag data-color="warning">{t("staff-tools:input.hiddenAsSpam")}</Tag>
                      </>
                    ) : null}
                  </p>
                  <p className="feedback-message">{input.text}</p>
                  <p className="meta">
                    {input.anonymisedAt
                      ? t("staff-tools:input.contactDeleted")
                      : input.name || input.email || input.phone
                      ? t("staff-tools:input.contact", {
                          contact: [input.name, input.email, input.phone ? formatPhone(input.phone) : null].filter(Boolean).join(", "),
                        })
                      : t("staff-tools:input.noContact")}
                  </p>
                  <div className="actions">
                    {input.followUp ? (
                      <p>
                        <Link to={`/admin/events/${event.id}/followup/${input.followUp.id}`}>
                          {t("staff-tools:input.followUpCreated", {
                            status: (() => {
                              const key = followUpStatusKey(input.followUp.status);
                              return key ? t(key) : input.followUp.status;
                            })(),
                          })}
                        </Link>
                      </p>
                    ) : input.hiddenAt ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="follow-up" />
                        <input type="hidden" name="inputId" value={input.id} />
                        <Button type="submit" variant="primary" data-size="sm">
                          {t("staff-tools:input.makeFollowUp")}
                        </Button>
                      </Form>
                    )}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="theme" />
                      <input type="hidden" name="inputId" value={input.id} />
                      <label className="ds-label" data-weight="regular" htmlFor={`theme-of-${input.id}`}>
                        {t("staff-tools:input.theme")}
                      </label>{" "}
                      <select className="ds-input" data-size="sm" id={`theme-of-${input.id}`} name="theme" defaultValue={input.theme}>
                        {THEMES.map((th) => (
                          <option key={th} value={th}>
                            {themeLabel(th, locale)}
                          </option>
                        ))}
                      </select>{" "}
                      <Button type="submit" variant="secondary" data-size="sm">
                        {t("staff-tools:input.move")}
                      </Button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value={input.hiddenAt ? "unhide" : "hide"} />
                      <input type="hidden" name="inputId" value={input.id} />
                      <Button type="submit" variant="secondary" data-size="sm">
                        {t(input.hiddenAt ? "staff-tools:input.unhide" : "staff-tools:input.hide")}
                      </Button>
                    </Form>
                  </div>
                </li>
              </Card>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-tools:input.errorNotFound")} fallback={t("staff-tools:input.errorFallback")} />;
}
