import { Alert, Button, Table } from "@digdir/designsystemet-react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Trans } from "react-i18next";
import { z } from "zod";
import { StaffRouteError } from "~/components/staff-route-error";
import { CheckboxField } from "~/components/ui/field";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { KIND_KEYS, msg, STATUS_KEYS } from "~/modules/admin-events/event.schema";
import { cancelEvent, publishEvent, requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { translateKeyed, translateReply } from "~/modules/admin-events/keyed-message";
import { toOsloLocal } from "~/modules/admin-events/oslo-time";
import { ProgrammeItemForm } from "~/modules/admin-events/programme-form";
import { ITEM_KIND_KEYS, programmeItemSchema } from "~/modules/admin-events/programme.schema";
import { deleteProgrammeItem, listProgramme, programmeChoices, saveProgrammeItem } from "~/modules/admin-events/programme.server";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { retentionDates } from "~/modules/privacy/retention.server";
import { formatDate, formatDateTimeRange, formatPostalPlace, formatTimeRange } from "~/utils/format";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? staffTitle(matches, { text: data.event.title }) : staffTitle(matches, "staff-events:event.fallbackTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const [items, choices] = await Promise.all([listProgramme(event.id), programmeChoices()]);
  return {
    event,
    items,
    choices,
    retention: retentionDates(event),
    newItemStart: toOsloLocal(items.length ? items[items.length - 1].endsAt : event.startsAt),
  };
}

const cancelSchema = z.object({
  confirm: z.literal("on", { errorMap: () => ({ message: msg("staff-events:event.error.confirmCancel") }) }),
});
const deleteSchema = z.object({ itemId: z.string().min(1).max(40) });

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const locale = await getLocale(request);
  const t = translator(locale);
  const formData = await request.formData().catch(() => null);
  const intent = formData?.get("intent");
  const base = `/admin/events/${event.id}`;
  if (!formData) return data({ intent: "unknown", result: { status: "error" as const, error: { "": [t("staff-events:error.badForm")] } } }, { status: 400 });
  switch (intent) {
    case "publish": {
      const ok = await publishEvent(actorOf(staff), event.id);
      return ok ? redirect(`${base}?publisert=1`) : data({ intent, result: { status: "error" as const, error: { "": [t("staff-events:event.error.onlyDrafts")] } } }, { status: 409 });
    }
    case "cancel": {
      const submission = parseWithZod(formData, { schema: cancelSchema });
      if (submission.status !== "success") return data({ intent, result: translateReply(submission.reply(), t) }, { status: 400 });
      const outcome = await cancelEvent(actorOf(staff), event.id);
      if (!outcome.ok) return data({ intent, result: submission.reply({ formErrors: [t("staff-events:event.error.alreadyCancelled")] }) }, { status: 409 });
      return redirect(`${base}?avlyst=${outcome.notified}`);
    }
    case "delete-item": {
      const submission = parseWithZod(formData, { schema: deleteSchema });
      if (submission.status !== "success") return data({ intent, result: translateReply(submission.reply(), t) }, { status: 400 });
      await deleteProgrammeItem(actorOf(staff), event.id, submission.value.itemId);
      return redirect(`${base}?slettet=1#programme-heading`);
    }
    case "add-item": {
      const submission = parseWithZod(formData, { schema: programmeItemSchema });
      if (submission.status !== "success") return data({ intent, result: translateReply(submission.reply(), t) }, { status: 400 });
      const result = await saveProgrammeItem(actorOf(staff), event.id, null, submission.value, locale);
      if (!result.ok) {
        return data(
          { intent, result: translateReply(submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }), t) },
          { status: result.clash ? 409 : 400 },
        );
      }
      return redirect(`${base}?lagtTil=1#programme-heading`);
    }
    default:
      return data({ intent: "unknown", result: { status: "error" as const, error: { "": [t("staff-events:error.unknownAction")] } } }, { status: 400 });
  }
}

export default function AdminEvent() {
  const { event, items, choices, retention, newItemStart } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const count = (name: string) => Number(params.get(name)) || 0;
  const notices = [
    params.get("lagret") ? t("staff-events:event.notice.saved") : null,
    params.get("varslet") ? t("staff-events:event.notice.notified", { count: count("varslet") }) : null,
    params.get("flyttet") ? t("staff-events:event.notice.promoted", { count: count("flyttet") }) : null,
    params.get("publisert") ? t("staff-events:event.notice.published") : null,
    params.get("avlyst") ? t("staff-events:event.notice.cancelled", { count: count("avlyst") }) : null,
    params.get("lagtTil") ? t("staff-events:event.notice.itemAdded") : null,
    params.get("slettet") ? t("staff-events:event.notice.itemDeleted") : null,
  ].filter(Boolean) as string[];
  const failure = actionData && (actionData.intent === "publish" || actionData.intent === "cancel" || actionData.intent === "unknown")
    ? (actionData.result as { error?: Record<string, string[] | null> }).error
    : null;
  const failureMessages = failure ? (Object.values(failure).flat().filter(Boolean) as string[]).map((m) => translateKeyed(t, m)) : [];

  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/events">{t("staff-events:nav.events")}</Link>
        {event.series ? (
          <>
            {" › "}
            <Link to={`/admin/series/${event.series.id}`}>{event.series.title}</Link>
          </>
        ) : null}
      </nav>
      <h1>{event.title}</h1>
      {notices.length ? (
        <Alert data-color="success" role="status">
          {notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </Alert>
      ) : null}
      {failureMessages.length ? (
        <Alert data-color="danger" role="alert">
          {failureMessages.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Alert>
      ) : null}
      <dl className="facts">
        <dt>{t("staff-events:event.facts.status")}</dt>
        <dd>{event.status in STATUS_KEYS ? t(STATUS_KEYS[event.status]) : event.status}</dd>
        <dt>{t("staff-events:event.facts.type")}</dt>
        <dd>{event.kind in KIND_KEYS ? t(KIND_KEYS[event.kind as keyof typeof KIND_KEYS]) : event.kind}</dd>
        <dt>{t("staff-events:event.facts.time")}</dt>
        <dd>{formatDateTimeRange(start, end, locale)}</dd>
        <dt>{t("staff-events:event.facts.place")}</dt>
        <dd>
          {event.venueName}, {event.venueAddress}, {formatPostalPlace(event.venuePostcode, event.venueCity)}
        </dd>
        <dt>{t("staff-events:event.facts.registered")}</dt>
        <dd>
          {event.capacity !== null
            ? t("staff-events:event.facts.seats", { taken: event.confirmedCount, capacity: event.capacity, waiting: event.waiting })
            : t("staff-events:event.facts.seatsUnlimited", { taken: event.confirmedCount, waiting: event.waiting })}
        </dd>
        <dt>{t("staff-events:event.facts.deletion")}</dt>
        <dd>
          {event.needsPurgedAt
            ? t("staff-events:event.facts.needsPurged", { date: formatDate(new Date(event.needsPurgedAt), locale), days: event.needsRetentionDays })
            : t("staff-events:event.facts.needsDue", { date: formatDate(new Date(retention.needsDeletedAt), locale), days: event.needsRetentionDays })}{" "}
          {event.personalDataAnonymisedAt
            ? t("staff-events:event.facts.anonymised", {
                date: formatDate(new Date(event.personalDataAnonymisedAt), locale),
                days: event.personalDataRetentionDays,
              })
            : t("staff-events:event.facts.anonymiseDue", { date: formatDate(new Date(retention.anonymisedAt), locale), days: event.personalDataRetentionDays })}
        </dd>
        <dt>{t("staff-events:event.facts.url")}</dt>
        <dd>
          {event.status === "DRAFT" ? (
            t("staff-events:event.facts.urlDraft", { url: `/events/${event.slug}` })
          ) : (
            <Link to={`/events/${event.slug}`}>/events/{event.slug}</Link>
          )}
        </dd>
      </dl>

      <nav aria-label={t("staff-events:event.work")}>
        <ul className="actions">
          <li>
            <Link to={`/admin/events/${event.id}/edit`}>{t("staff-events:event.work.edit")}</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/registrations`}>{t("staff-events:event.work.registrations")}</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/checkin`}>{t("staff-events:event.work.checkin")}</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/messages`}>{t("staff-events:event.work.messages")}</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/live`}>{t("staff-events:event.work.live")}</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/input`}>{t("staff-events:event.work.input")}</Link>
          </li>
          <li>
            <Link to={`/admin/events/${event.id}/followup`}>{t("staff-events:event.work.followup")}</Link>
          </li>
        </ul>
      </nav>

      {event.status === "DRAFT" ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="publish" />
          <Button type="submit" variant="primary">
            {t("staff-events:event.publish")}
          </Button>
        </Form>
      ) : null}

      <section aria-labelledby="programme-heading">
        <h2 id="programme-heading">{t("staff-events:event.programme")}</h2>
        {items.length === 0 ? (
          <p>{t("staff-events:event.noItems")}</p>
        ) : (
          <TableScroll label={t("staff-events:event.programmeCaption")}>
          <Table>
            <caption className="visually-hidden">{t("staff-events:event.programmeCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("staff-events:col.time")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:event.col.item")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:col.type")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:event.col.room")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:event.col.people")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:col.actions")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell>{formatTimeRange(new Date(item.startsAt), new Date(item.endsAt), locale)}</Table.Cell>
                  <Table.Cell>{item.title}</Table.Cell>
                  <Table.Cell>{item.kind in ITEM_KIND_KEYS ? t(ITEM_KIND_KEYS[item.kind as keyof typeof ITEM_KIND_KEYS]) : item.kind}</Table.Cell>
                  <Table.Cell>{item.room ?? ""}</Table.Cell>
                  <Table.Cell>{[item.organisation?.name, ...item.speakers.map((s) => s.speaker.name)].filter(Boolean).join(", ")}</Table.Cell>
                  <Table.Cell>
                    <Link to={`/admin/events/${event.id}/programme/${item.id}`} aria-label={t("staff-events:event.editItemLabel", { title: item.title })}>
                      {t("staff-events:event.editItem")}
                    </Link>{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="delete-item" />
                      <input type="hidden" name="itemId" value={item.id} />
                      <Button
                        type="submit"
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        aria-label={t("staff-events:event.deleteItemLabel", { title: item.title })}
                      >
                        {t("staff-events:event.deleteItem")}
                      </Button>
                    </Form>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          </TableScroll>
        )}
        <h3 id="new-item-heading">{t("staff-events:event.newItem")}</h3>
        <p>
          <Trans
            i18nKey="staff-events:event.newItemHelp"
            components={{ speakers: <Link to="/admin/speakers" />, organisations: <Link to="/admin/organisations" /> }}
          />
        </p>
        <ProgrammeItemForm
          id="new-item"
          intent="add-item"
          defaultValue={{ kind: "ORGANISATION_SLOT", startsAt: newItemStart, durationMinutes: "5" }}
          lastResult={actionData?.intent === "add-item" ? actionData.result : null}
          choices={choices}
          submitLabel={t("staff-events:event.addItem")}
        />
      </section>

      {event.status !== "CANCELLED" ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t("staff-events:event.cancelTitle")}</h2>
          <p>
            {event.status === "PUBLISHED" ? t("staff-events:event.cancelPublished") : t("staff-events:event.cancelDraft")}
          </p>
          <Form method="post" className="stacked">
            <input type="hidden" name="intent" value="cancel" />
            <CheckboxField id="cancel-confirm" name="confirm" required label={t("staff-events:event.cancelConfirm", { title: event.title })} />
            <p>
              <Button type="submit" variant="primary" data-color="danger">
                {t("staff-events:event.cancelSubmit")}
              </Button>
            </p>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-events:event.notFoundTitle")} fallback={t("staff-events:event.errorFallback")} />;
}
