import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { emptyEventForm, EventForm } from "~/modules/admin-events/event-form";
import { eventSchema } from "~/modules/admin-events/event.schema";
import { createEvent } from "~/modules/admin-events/events-admin.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { orgSettings } from "~/modules/settings/settings.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = () => [{ title: "Nytt arrangement – ansatte – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  return { defaultValue: emptyEventForm(orgSettings().defaultVenueCity) };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: eventSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await createEvent(actorOf(staff), submission.value);
  if (!result.ok) return data({ result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) }, { status: 400 });
  return redirect(`/admin/events/${result.id}?lagret=1`);
}

export default function NewEvent() {
  const { defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/events">Arrangementer</Link>
      </nav>
      <h1>Nytt arrangement</h1>
      <p>Arrangementet lagres som utkast. Du kan legge inn program før du publiserer det.</p>
      <EventForm defaultValue={defaultValue} lastResult={actionData?.result} submitLabel="Lagre utkast" />
    </>
  );
}
