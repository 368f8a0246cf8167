// Staff: an event's registrations. Search and filters are a GET form (work without
// JavaScript); adding by hand, moving from the waiting list and cancelling are POST forms.
// Diet and accessibility needs are shown on this page only.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Alert, Button, Table } from "@digdir/designsystemet-react";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useRouteError, useSearchParams } from "@remix-run/react";
import { Trans } from "react-i18next";
import { CheckboxField, SelectInput, TextArea, TextInput } from "~/components/ui/field";
import { useLocale, useT, type Translate } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { LOCALE_NAMES, LOCALES } from "~/i18n/locales";
import { keyed, translateKeyed, translateReply, translateSubmission } from "~/modules/admin-events/keyed-message";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import stylesUrl from "~/modules/admin-registrations/registrations.css?url";
import {
  addRegistrationByStaff,
  cancelByStaff,
  confirmFromWaitlist,
  getStaffEvent,
  listRegistrations,
} from "~/modules/admin-registrations/registrations-admin.server";
import {
  filtersFromSearchParams,
  REGISTRATION_STATUS_KEYS,
  registrationActionSchema,
  staffRegistrationSchema,
} from "~/modules/admin-registrations/staff-registration.schema";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { FREE_TEXT_MAX, NAME_MAX, EMAIL_MAX } from "~/modules/registration/registration.schema";
import { formatDateTime, formatDateTimeRange, formatPhone } from "~/utils/format";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? staffTitle(matches, "staff-events:reg.metaTitle", { event: data.event.title }) : staffTitle(matches, "staff-events:reg.title");

export const headers = () => ({ "Cache-Control": "private, no-store" });

async function requireEvent(eventId: string | undefined) {
  const event = await getStaffEvent(eventId);
  if (!event) throw new Response(keyed("staff-events:error.eventNotFound"), { status: 404 });
  return event;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const filters = filtersFromSearchParams(new URL(request.url).searchParams);
  const { registrations, counts } = await listRegistrations(event.id, filters);
  return { event, filters, registrations, counts };
}

type Notice = { kind: "ok" | "warn"; text: string };
type Full = { registrationId: string; name: string; capacity: number | null };

const statusName = (t: Translate, status: string) =>
  status in REGISTRATION_STATUS_KEYS ? t(REGISTRATION_STATUS_KEYS[status]).toLowerCase() : status;

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireEvent(params.eventId);
  const actor = actorOf(staff);
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => null);
  const bad = (text: string, status = 400) =>
    data({ result: undefined, notice: { kind: "warn", text } as Notice, full: null as Full | null }, { status });
  if (!formData) return bad(t("staff-events:reg.error.badForm"));

  if (formData.get("intent") === "add") {
    const submission = parseWithZod(formData, { schema: staffRegistrationSchema });
    if (submission.status !== "success") {
      return data({ result: translateReply(submission.reply(), t), notice: null as Notice | null, full: null as Full | null }, { status: 400 });
    }
    const outcome = await addRegistrationByStaff(event.id, submission.value, actor);
    const name = submission.value.name;
    switch (outcome.outcome) {
      case "confirmed":
        return data({ result: submission.reply({ resetForm: true }), notice: { kind: "ok", text: t("staff-events:reg.notice.added", { name }) } as Notice, full: null });
      case "waiting":
        return data({
          result: submission.reply({ resetForm: true }),
          notice: { kind: "ok", text: t("staff-events:reg.notice.waitlisted", { name, position: outcome.position ?? "" }) } as Notice,
          full: null,
        });
      case "duplicate":
        return data(
          {
            result: submission.reply({
              fieldErrors: { email: [t("staff-events:reg.error.duplicate", { name: outcome.name, status: statusName(t, outcome.status) })] },
            }),
            notice: null,
            full: null,
          },
          { status: 409 },
        );
      case "event-cancelled":
        return data({ result: submission.reply({ formErrors: [t("staff-events:reg.error.eventCancelled")] }), notice: null, full: null }, { status: 409 });
      case "event-over":
        return data({ result: submission.reply({ formErrors: [t("staff-events:reg.error.eventOver")] }), notice: null, full: null }, { status: 409 });
      default:
        throw new Response(keyed("staff-events:error.eventNotFound"), { status: 404 });
    }
  }

  const parsed = registrationActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return bad(t("staff-events:reg.error.unknownAction"));
  const input = parsed.data;
  if (input.intent === "confirm") {
    const outcome = await confirmFromWaitlist(event.id, input.registrationId, actor, { raiseCapacity: input.raiseCapacity });
    switch (outcome.outcome) {
      case "confirmed":
        return data({
          result: undefined,
          notice: {
            kind: "ok",
            text: t(outcome.capacityRaised ? "staff-events:reg.notice.movedRaised" : "staff-events:reg.notice.moved", { name: outcome.name }),
          } as Notice,
          full: null,
        });
      case "full":
        return data(
          {
            result: undefined,
            notice: { kind: "warn", text: t("staff-events:reg.error.full", { count: outcome.capacity ?? 0, name: outcome.name }) } as Notice,
            full: { registrationId: input.registrationId, name: outcome.name, capacity: outcome.capacity } as Full | null,
          },
          { status: 409 },
        );
      case "not-waiting":
        return bad(t("staff-events:reg.error.notWaiting", { name: outcome.name, status: statusName(t, outcome.status) }), 409);
      case "event-cancelled":
        return bad(t("staff-events:reg.error.cancelledEvent"), 409);
      default:
        return bad(t("staff-events:reg.error.notFound"), 404);
    }
  }
  const outcome = await cancelByStaff(event.id, input.registrationId, actor);
  switch (outcome.outcome) {
    case "cancelled":
      return data({
        result: undefined,
        notice: {
          kind: "ok",
          text: outcome.promoted
            ? t("staff-events:reg.notice.cancelledPromoted", { name: outcome.name, promoted: outcome.promoted })
            : t("staff-events:reg.notice.cancelled", { name: outcome.name }),
        } as Notice,
        full: null,
      });
    case "already-cancelled":
      return bad(t("staff-events:reg.error.alreadyCancelled", { name: outcome.name }), 409);
    default:
      return bad(t("staff-events:reg.error.notFound"), 404);
  }
}

const FIELD_LABELS = {
  name: "staff-events:reg.field.name",
  email: "staff-events:reg.field.email",
  phone: "staff-events:reg.field.phone",
  organisation: "staff-events:reg.field.organisation",
  diet: "staff-events:reg.field.diet",
  accessibility: "staff-events:reg.field.accessibility",
  locale: "staff-events:reg.field.locale",
  consentConfirmed: "staff-events:reg.field.consent",
} as const;

export default function EventRegistrations() {
  const { event, filters, registrations, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "add-registration",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(staffRegistrationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => translateSubmission(parseWithZod(formData, { schema: staffRegistrationSchema }), t),
  });
  const confirmCancelId = params.get("avmeld");
  const filterQuery = new URLSearchParams();
  if (filters.q) filterQuery.set("q", filters.q);
  if (filters.status) filterQuery.set("status", filters.status);
  if (filters.checkedIn) filterQuery.set("checkedIn", filters.checkedIn);
  const here = `/admin/events/${event.id}/registrations${filterQuery.size ? `?${filterQuery}` : ""}`;
  const message = (m: string | undefined) => (m ? translateKeyed(t, m) : undefined);
  const err = (name: keyof typeof fields) => message(fields[name].errors?.[0]);
  const fieldErrors = (Object.keys(FIELD_LABELS) as Array<keyof typeof FIELD_LABELS>).filter((n) => fields[n]?.errors?.length);
  const text = (name: "name" | "email" | "phone" | "organisation" | "diet" | "accessibility") => ({
    id: fields[name].id,
    name: fields[name].name,
    defaultValue: typeof fields[name].initialValue === "string" ? (fields[name].initialValue as string) : undefined,
    error: err(name),
  });
  const strong = { strong: <strong /> };

  return (
    <div className="registrations-page">
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>{t("staff-events:reg.heading", { event: event.title })}</h1>
      <p>
        {formatDateTimeRange(new Date(event.startsAt), new Date(event.endsAt), locale)} ·{" "}
        <Link to={`/admin/events/${event.id}/checkin`}>{t("staff-events:reg.checkin")}</Link>
      </p>

      <ul className="counts" aria-label={t("staff-events:reg.counts")}>
        <li>
          {event.capacity !== null ? (
            <Trans i18nKey="staff-events:reg.confirmedOf" values={{ count: counts.confirmed, capacity: event.capacity }} components={strong} />
          ) : (
            <Trans i18nKey="staff-events:reg.confirmed" values={{ count: counts.confirmed }} components={strong} />
          )}
        </li>
        <li>
          <Trans i18nKey="staff-events:reg.waiting" values={{ count: counts.waiting }} components={strong} />
        </li>
        <li>
          <Trans i18nKey="staff-events:reg.cancelled" values={{ count: counts.cancelled }} components={strong} />
        </li>
        <li>
          <Trans i18nKey="staff-events:reg.checkedIn" values={{ count: counts.checkedIn }} components={strong} />
        </li>
      </ul>

      {actionData?.notice ? (
        <Alert data-color={actionData.notice.kind === "ok" ? "success" : "warning"} role={actionData.notice.kind === "ok" ? "status" : "alert"}>
          <p>{actionData.notice.text}</p>
          {actionData.full ? (
            <Form method="post" action={here} className="inline-form">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="registrationId" value={actionData.full.registrationId} />
              <input type="hidden" name="raiseCapacity" value="on" />
              <Button type="submit" variant="primary">
                {t("staff-events:reg.raiseAndConfirm", { name: actionData.full.name })}
              </Button>
            </Form>
          ) : null}
        </Alert>
      ) : null}

      <section aria-labelledby="search-heading">
        <h2 id="search-heading">{t("staff-events:reg.search")}</h2>
        <Form method="get" className="filter-form" role="search" aria-label={t("staff-events:reg.searchLabel")}>
          <TextInput id="q" name="q" type="search" label={t("staff-events:reg.q")} defaultValue={filters.q ?? ""} maxLength={200} />
          <SelectInput
            id="status"
            name="status"
            label={t("staff-events:reg.status")}
            defaultValue={filters.status ?? ""}
            empty={t("staff-events:reg.all")}
            options={(["CONFIRMED", "WAITING", "CANCELLED"] as const).map((s) => [s, t(REGISTRATION_STATUS_KEYS[s])])}
          />
          <SelectInput
            id="checkedIn"
            name="checkedIn"
            label={t("staff-events:reg.checkedInFilter")}
            defaultValue={filters.checkedIn ?? ""}
            empty={t("staff-events:reg.all")}
            options={[
              ["yes", t("staff-events:reg.yes")],
              ["no", t("staff-events:reg.no")],
            ]}
          />
          <p className="inline-form">
            <Button type="submit" variant="secondary">
              {t("staff-events:reg.searchButton")}
            </Button>
            {filterQuery.size ? <Link to={`/admin/events/${event.id}/registrations`}>{t("staff-events:reg.reset")}</Link> : null}
          </p>
        </Form>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">
          {registrations.length === counts.total
            ? t("staff-events:reg.listAll", { count: counts.total })
            : t("staff-events:reg.listSome", { shown: registrations.length, count: counts.total })}
        </h2>
        {registrations.length === 0 ? (
          <p>{t("staff-events:reg.none")}</p>
        ) : (
          <TableScroll label={t("staff-events:reg.caption", { event: event.title })}>
            <Table>
              <caption className="visually-hidden">{t("staff-events:reg.caption", { event: event.title })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("staff-events:reg.col.name")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-events:reg.col.contact")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-events:reg.col.status")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-events:reg.col.checkedIn")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-events:reg.col.needs")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("staff-events:reg.col.actions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {registrations.map((r) => {
                  const status = r.status in REGISTRATION_STATUS_KEYS ? t(REGISTRATION_STATUS_KEYS[r.status]) : r.status;
                  return (
                    <Table.Row key={r.id}>
                      <Table.HeaderCell scope="row">
                        {r.name}
                        {r.organisation ? (
                          <span className="small">
                            <br />
                            {r.organisation}
                          </span>
                        ) : null}
                        {r.source === "STAFF" ? (
                          <span className="small">
                            <br />
                            {t("staff-events:reg.byStaff")}
                          </span>
                        ) : null}
                      </Table.HeaderCell>
                      <Table.Cell>
                        {r.email}
                        {r.phone ? (
                          <>
                            <br />
                            {formatPhone(r.phone)}
                          </>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell>{r.position ? t("staff-events:reg.statusPosition", { status, position: r.position }) : status}</Table.Cell>
                      <Table.Cell>
                        {r.checkedInAt ? t("staff-events:reg.checkedInAt", { when: formatDateTime(new Date(r.checkedInAt), locale) }) : t("staff-events:reg.no")}
                      </Table.Cell>
                      <Table.Cell>
                        {r.needs?.diet ? (
                          <>
                            {t("staff-events:reg.diet", { text: r.needs.diet })}
                            <br />
                          </>
                        ) : null}
                        {r.needs?.accessibility ? t("staff-events:reg.accessibility", { text: r.needs.accessibility }) : null}
                        {!r.needs?.diet && !r.needs?.accessibility ? <span className="visually-hidden">{t("staff-events:reg.noNeeds")}</span> : null}
                      </Table.Cell>
                      <Table.Cell>
                        {r.status === "WAITING" ? (
                          <Form method="post" action={here} className="inline-form">
                            <input type="hidden" name="intent" value="confirm" />
                            <input type="hidden" name="registrationId" value={r.id} />
                            <Button type="submit" variant="secondary" data-size="sm" aria-label={t("staff-events:reg.moveLabel", { name: r.name })}>
                              {t("staff-events:reg.move")}
                            </Button>
                          </Form>
                        ) : null}
                        {r.status !== "CANCELLED" ? (
                          confirmCancelId === r.id ? (
                            <Form method="post" action={here} className="inline-form">
                              <input type="hidden" name="intent" value="cancel" />
                              <input type="hidden" name="registrationId" value={r.id} />
                              <Button type="submit" variant="primary" data-color="danger" data-size="sm">
                                {t("staff-events:reg.confirmCancel", { name: r.name })}
                              </Button>
                              <Link to={here}>{t("staff-events:reg.no")}</Link>
                            </Form>
                          ) : (
                            <Link to={`${here}${filterQuery.size ? "&" : "?"}avmeld=${r.id}`} aria-label={t("staff-events:reg.cancelLabel", { name: r.name })}>
                              {t("staff-events:reg.cancel")}
                            </Link>
                          )
                        ) : null}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t("staff-events:reg.export")}</h2>
        <p>{t("staff-events:reg.exportHelp")}</p>
        <form method="get" action={`/admin/events/${event.id}/registrations.csv`} className="stacked">
          {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
          {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
          {filters.checkedIn ? <input type="hidden" name="checkedIn" value={filters.checkedIn} /> : null}
          <CheckboxField id="export-needs" name="behov" value="1" label={t("staff-events:reg.exportNeeds")} />
          <p className="inline-form">
            <Button type="submit" variant="secondary">
              {t("staff-events:reg.csv")}
            </Button>
            <Button type="submit" variant="secondary" formAction={`/admin/events/${event.id}/registrations.xlsx`}>
              {t("staff-events:reg.xlsx")}
            </Button>
          </p>
        </form>
      </section>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t("staff-events:reg.add")}</h2>
        <p>{t("staff-events:reg.addHelp")}</p>
        {form.errors?.length || fieldErrors.length ? (
          <div className="ds-error-summary error-summary" role="alert" id="add-errors">
            {form.errors?.map((m) => (
              <p key={m} className="form-error">
                {message(m)}
              </p>
            ))}
            {fieldErrors.length ? (
              <ul className="ds-list">
                {fieldErrors.map((n) => (
                  <li key={n}>
                    <a className="ds-link" href={`#${fields[n].id}`}>
                      {t(FIELD_LABELS[n])}: {message(fields[n].errors?.[0])}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <Form method="post" action={here} className="stacked" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="add" />
          <TextInput type="text" required maxLength={NAME_MAX} autoComplete="off" label={t("staff-events:reg.field.nameRequired")} {...text("name")} />
          <TextInput type="email" required maxLength={EMAIL_MAX} autoComplete="off" label={t("staff-events:reg.field.emailRequired")} {...text("email")} />
          <TextInput type="tel" maxLength={40} autoComplete="off" label={t("staff-events:reg.field.phone")} {...text("phone")} />
          <TextInput type="text" maxLength={NAME_MAX} autoComplete="off" label={t("staff-events:reg.field.organisation")} {...text("organisation")} />
          <TextArea rows={2} maxLength={FREE_TEXT_MAX} label={t("staff-events:reg.field.diet")} {...text("diet")} />
          <TextArea rows={2} maxLength={FREE_TEXT_MAX} label={t("staff-events:reg.field.accessibility")} {...text("accessibility")} />
          <SelectInput
            id={fields.locale.id}
            name={fields.locale.name}
            label={t("staff-events:reg.field.locale")}
            error={err("locale")}
            defaultValue="nb"
            options={LOCALES.map((l) => [l, LOCALE_NAMES[l]])}
          />
          <CheckboxField id={fields.newsletter.id} name={fields.newsletter.name} label={t("staff-events:reg.field.newsletter")} />
          <CheckboxField
            id={fields.consentConfirmed.id}
            name={fields.consentConfirmed.name}
            required
            label={t("staff-events:reg.field.consentConfirm")}
            error={err("consentConfirmed")}
          />
          <p>
            <Button type="submit" variant="primary" disabled={navigation.state === "submitting"}>
              {t("staff-events:reg.addButton")}
            </Button>
          </p>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const data = isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : null;
  return (
    <Alert data-color="warning" role="alert">
      <h1>{t("staff-events:reg.title")}</h1>
      <p>{data ? translateKeyed(t, data) : t("staff-events:reg.errorFallback")}</p>
      <p>
        <Link to="/admin/events">{t("staff-events:reg.toEvents")}</Link>
      </p>
    </Alert>
  );
}
