import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { StaffRouteError } from "~/components/staff-route-error";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { EventForm } from "~/modules/admin-events/event-form";
import { eventSchema } from "~/modules/admin-events/event.schema";
import { requireAdminEvent, updateEvent } from "~/modules/admin-events/events-admin.server";
import { translateReply } from "~/modules/admin-events/keyed-message";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { toOsloLocal } from "~/modules/admin-events/oslo-time";
import { translationFormValues } from "~/modules/admin-events/event-translations";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? staffTitle(matches, "staff-events:editEvent.title", { title: data.event.title }) : staffTitle(matches, "staff-events:event.fallbackTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  return {
    event: { id: event.id, title: event.title, status: event.status },
    form: {
      kind: event.kind,
      title: event.title,
      slug: event.slug,
      summary: event.summary,
      description: event.description,
      district: event.district ?? "",
      venueName: event.venueName,
      venueAddress: event.venueAddress,
      venuePostcode: event.venuePostcode,
      venueCity: event.venueCity,
      startsAt: toOsloLocal(event.startsAt),
      endsAt: toOsloLocal(event.endsAt),
      capacity: event.capacity === null ? "" : String(event.capacity),
      registrationOpensAt: toOsloLocal(event.registrationOpensAt),
      registrationClosesAt: toOsloLocal(event.registrationClosesAt),
      livestreamUrl: event.livestreamUrl ?? "",
      privacyNotice: event.privacyNotice,
      reminderHoursBefore: event.reminderHoursBefore === null ? "" : String(event.reminderHoursBefore),
      needsRetentionDays: String(event.needsRetentionDays),
      personalDataRetentionDays: String(event.personalDataRetentionDays),
      ...translationFormValues(event),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const event = await requireAdminEvent(params.eventId);
  const locale = await getLocale(request);
  const t = translator(locale);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": [t("staff-events:error.badForm")] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: eventSchema });
  if (submission.status !== "success") return data({ result: translateReply(submission.reply(), t) }, { status: 400 });
  const result = await updateEvent(actorOf(staff), event.id, submission.value);
  if (!result.ok) {
    return data({ result: translateReply(submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }), t) }, { status: 400 });
  }
  const params_ = new URLSearchParams({ lagret: "1" });
  if (result.notified) params_.set("varslet", String(result.notified));
  if (result.promoted) params_.set("flyttet", String(result.promoted));
  return redirect(`/admin/events/${event.id}?${params_}`);
}

export default function EditEvent() {
  const { event, form } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/events">{t("staff-events:nav.events")}</Link> › <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>{t("staff-events:editEvent.title", { title: event.title })}</h1>
      <EventForm defaultValue={form} lastResult={actionData?.result} submitLabel={t("staff-events:editEvent.submit")} published={event.status === "PUBLISHED"} />
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-events:event.notFoundTitle")} fallback={t("staff-events:event.errorFallback")} />;
}
