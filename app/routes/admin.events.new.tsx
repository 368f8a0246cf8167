import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { emptyEventForm, EventForm } from "~/modules/admin-events/event-form";
import { eventSchema } from "~/modules/admin-events/event.schema";
import { createEvent } from "~/modules/admin-events/events-admin.server";
import { translateReply } from "~/modules/admin-events/keyed-message";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { orgSettings } from "~/modules/settings/settings.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = ({ matches }) => staffTitle(matches, "staff-events:newEvent.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  return { defaultValue: emptyEventForm(orgSettings().defaultVenueCity) };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": [t("staff-events:error.badForm")] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: eventSchema });
  if (submission.status !== "success") return data({ result: translateReply(submission.reply(), t) }, { status: 400 });
  const result = await createEvent(actorOf(staff), submission.value);
  if (!result.ok) {
    return data({ result: translateReply(submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }), t) }, { status: 400 });
  }
  return redirect(`/admin/events/${result.id}?lagret=1`);
}

export default function NewEvent() {
  const { defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/events">{t("staff-events:nav.events")}</Link>
      </nav>
      <h1>{t("staff-events:newEvent.title")}</h1>
      <p>{t("staff-events:newEvent.intro")}</p>
      <EventForm defaultValue={defaultValue} lastResult={actionData?.result} submitLabel={t("staff-events:newEvent.submit")} />
    </>
  );
}
