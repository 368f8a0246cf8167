// Staff: check-in at the door, made for a phone. A camera scanner (with JavaScript), a code
// field (what a hardware scanner types into) and a search by name or e-mail that work as
// plain forms without JavaScript. Counts refresh every few seconds, so several phones at the
// door see the same numbers.
import { Alert, Button } from "@digdir/designsystemet-react";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRevalidator, useRouteError, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { isMessageKey, useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { getStaffEvent } from "~/modules/admin-registrations/registrations-admin.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import stylesUrl from "~/modules/checkin/checkin.css?url";
import { checkInFormSchema } from "~/modules/checkin/checkin.schema";
import { checkIn, checkInCounts, searchForCheckIn, undoCheckIn } from "~/modules/checkin/checkin.server";
import { QrScanner } from "~/modules/checkin/qr-scanner";
import { formatTime } from "~/utils/format";
import { Field } from "~/components/ui/field";

export const handle = staffHandle("ORGANISER");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export const headers = () => ({ "Cache-Control": "private, no-store" });

const REFRESH_MS = 4000;

async function requireEvent(request: Request, eventId: string | undefined) {
  const event = await getStaffEvent(eventId);
  if (!event) throw new Response(translator(await getLocale(request))("staff-tools:checkin.eventNotFound"), { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireEvent(request, params.eventId);
  const t = translator(await getLocale(request));
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  const [counts, results] = await Promise.all([checkInCounts(event.id), q ? searchForCheckIn(event.id, q) : []]);
  return {
    title: t("staff-tools:title.suffix", {
      title: t("staff-tools:checkin.title", { event: event.title }),
    }),
    event,
    counts,
    q,
    results,
  };
}

type Result = {
  kind: "ok" | "warn";
  text: string;
  undo?: { registrationId: string; name: string };
};

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireEvent(request, params.eventId);
  const locale = await getLocale(request);
  const t = translator(locale);
  const formData = await request.formData().catch(() => null);
  const parsed = checkInFormSchema.safeParse(formData ? Object.fromEntries(formData) : {});
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message;
    return data(
      {
        result: {
          kind: "warn",
          text: isMessageKey(message) ? t(message) : t("staff-tools:checkin.error.unreadable"),
        } as Result,
      },
      { status: 400 }
    );
  }
  const input = parsed.data;
  const actor = actorOf(staff);
  if (input.intent === "undo") {
    const outcome = await undoCheckIn(event.id, input.registrationId, actor);
    const result: Result =
      outcome.outcome === "undone"
        ? {
            kind: "ok",
            text: t("staff-tools:checkin.undone", { name: outcome.name }),
          }
        : outcome.outcome === "not-checked-in"
        ? {
            kind: "warn",
            text: t("staff-tools:checkin.notCheckedInYet", {
              name: outcome.name,
            }),
          }
        : { kind: "warn", text: t("staff-tools:checkin.registrationNotFound") };
    return data({ result }, { status: outcome.outcome === "not-found" ? 404 : 200 });
  }
  const outcome = await checkIn(event.id, input.intent === "code" ? { code: input.code } : { registrationId: input.registrationId }, actor);
  let result: Result;
  let status = 200;
  switch (outcome.outcome) {
    case "checked-in":
      result = {
        kind: "ok",
        text: t("staff-tools:checkin.checkedIn", { name: outcome.name }),
        undo: { registrationId: outcome.registrationId, name: outcome.name },
      };
      break;
    case "already-checked-in":
      result = {
        kind: "warn",
        text: t("staff-tools:checkin.already", {
          name: outcome.name,
          time: formatTime(outcome.checkedInAt, locale),
        }),
        undo: { registrationId: outcome.registrationId, name: outcome.name },
      };
      break;
    case "waiting":
      result = {
        kind: "warn",
        text: t("staff-tools:checkin.waiting", { name: outcome.name }),
      };
      status = 409;
      break;
    case "cancelled":
      result = {
        kind: "warn",
        text: t("staff-tools:checkin.cancelled", { name: outcome.name }),
      };
      status = 409;
      break;
    case "other-event":
      result = { kind: "warn", text: t("staff-tools:checkin.otherEvent") };
      status = 409;
      break;
    default:
      result = { kind: "warn", text: t("staff-tools:checkin.unknownCode") };
      status = 404;
  }
  return data({ result }, { status });
}

export default function CheckIn() {
  const { event, counts, q, results } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const submit = useSubmit();
  const revalidator = useRevalidator();
  const codeRef = useRef<HTMLInputElement>(null);
  const here = `/admin/events/${event.id}/checkin${q ? `?q=${encodeURIComponent(q)}` : ""}`;

  // Live counts: reload the page's data every few seconds while it is visible and idle.
  const idle = navigation.state === "idle" && revalidator.state === "idle";
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  useEffect(() => {
    if (!idle) return;
    const timer = setTimeout(() => {
      if (document.visibilityState === "visible") revalidate.current();
    }, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [idle, counts.checkedIn, counts.confirmed]);

  // After a code was handled, empty the field for the next scan.
  useEffect(() => {
    if (navigation.state === "idle" && actionData && codeRef.current) codeRef.current.value = "";
  }, [actionData, navigation.state]);

  const result = actionData?.result;
  return (
    <div className="checkin-page">
      <nav aria-label={t("staff-tools:checkin.breadcrumbs")} className="breadcrumbs">
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>{t("staff-tools:checkin.heading", { event: event.title })}</h1>
      <p className="checkin-counts" id="checkin-counts" aria-live="polite" aria-atomic="true">
        <strong>{counts.checkedIn}</strong> {t("staff-tools:checkin.countsOf", { count: counts.confirmed })}
      </p>

      {result ? (
        <Alert data-color={result.kind === "ok" ? "success" : "warning"} role={result.kind === "ok" ? "status" : "alert"}>
          <p>
            <strong>{result.text}</strong>
          </p>
          {result.undo ? (
            <Form method="post" action={here}>
              <input type="hidden" name="intent" value="undo" />
              <input type="hidden" name="registrationId" value={result.undo.registrationId} />
              <Button type="submit" variant="secondary">
                {t("staff-tools:checkin.undoFor", { name: result.undo.name })}
              </Button>
            </Form>
          ) : null}
        </Alert>
      ) : null}

      <section aria-labelledby="scan-heading">
        <h2 id="scan-heading">{t("staff-tools:checkin.scanHeading")}</h2>
        <QrScanner onCode={(code) => submit({ intent: "code", code }, { method: "post", action: here, replace: true })} />
        <Form method="post" action={here} className="stacked">
          <input type="hidden" name="intent" value="code" />
          <Field id="code" label={t("staff-tools:checkin.code")} help={t("staff-tools:checkin.codeHelp")}>
            <input
              ref={codeRef}
              className="ds-input"
              type="text"
              id="code"
              name="code"
              required
              maxLength={200}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-describedby="code-help"
            />
          </Field>
          <p>
            <Button type="submit" variant="primary">
              {t("staff-tools:checkin.submitCode")}
            </Button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t("staff-tools:checkin.searchHeading")}</h2>
        <Form method="get" role="search" aria-labelledby="search-heading" className="stacked">
          <Field id="q" label={t("staff-tools:checkin.searchLabel")}>
            <div className="ds-search">
              <input className="ds-input" type="search" id="q" name="q" defaultValue={q} minLength={2} maxLength={200} autoComplete="off" />
              <Button type="submit" variant="secondary">
                {t("staff-tools:checkin.search")}
              </Button>
            </div>
          </Field>
        </Form>
        {q ? (
          results.length === 0 ? (
            <p role="status">{t("staff-tools:checkin.noMatch", { q })}</p>
          ) : (
            <ul className="checkin-results" aria-label={t("staff-tools:checkin.results")}>
              {results.map((r) => (
                <li key={r.id}>
                  <span>
                    <strong>{r.name}</strong>
                    <br />
                    <span className="small">
                      {r.email}
                      {r.organisation ? ` · ${r.organisation}` : ""}
                    </span>
                    <br />
                    {r.checkedInAt
                      ? t("staff-tools:checkin.checkedInAt", {
                          time: formatTime(new Date(r.checkedInAt), locale),
                        })
                      : t("staff-tools:checkin.notCheckedIn")}
                  </span>
                  <Form method="post" action={here}>
                    <input type="hidden" name="registrationId" value={r.id} />
                    {r.checkedInAt ? (
                      <Button
                        type="submit"
                        name="intent"
                        value="undo"
                        aria-label={t("staff-tools:checkin.undoFor", {
                          name: r.name,
                        })}
                        variant="secondary"
                      >
                        {t("staff-tools:checkin.undo")}
                      </Button>
                    ) : (
                      <Button
                        type="submit"
                        name="intent"
                        value="checkin"
                        aria-label={t("staff-tools:checkin.checkInName", {
                          name: r.name,
                        })}
                        variant="primary"
                      >
                        {t("staff-tools:checkin.checkIn")}
                      </Button>
                    )}
                  </Form>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>

      <p>
        <Link to={`/admin/events/${event.id}/registrations`}>{t("staff-tools:checkin.allRegistrations")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  return (
    <Alert data-color="warning" role="alert">
      <h1>{t("staff-tools:checkin.titlePlain")}</h1>
      <p>{isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : t("staff-tools:checkin.errorGeneric")}</p>
      <p>
        <Link to="/admin/events">{t("staff-tools:checkin.toEvents")}</Link>
      </p>
    </Alert>
  );
}
