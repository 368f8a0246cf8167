import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "~/modules/admin-events/event-form";
import { eventSchema } from "~/modules/admin-events/event.schema";
import { requireAdminEvent, updateEvent } from "~/modules/admin-events/events-admin.server";
import { toOsloLocal } from "~/modules/admin-events/oslo-time";
import { translationFormValues } from "~/modules/admin-events/event-translations";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Endre ${data?.event.title ?? "arrangement"} – ansatte – Samhandling` },
];

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
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: eventSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await updateEvent(actorOf(staff), event.id, submission.value);
  if (!result.ok) return data({ result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) }, { status: 400 });
  const params_ = new URLSearchParams({ lagret: "1" });
  if (result.notified) params_.set("varslet", String(result.notified));
  if (result.promoted) params_.set("flyttet", String(result.promoted));
  return redirect(`/admin/events/${event.id}?${params_}`);
}

export default function EditEvent() {
  const { event, form } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/events">Arrangementer</Link> › <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>Endre {event.title}</h1>
      <EventForm defaultValue={form} lastResult={actionData?.result} submitLabel="Lagre endringene" published={event.status === "PUBLISHED"} />
    </>
  );
}
