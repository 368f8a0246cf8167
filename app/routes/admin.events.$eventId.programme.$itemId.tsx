import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { StaffRouteError } from "~/components/staff-route-error";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { keyed, translateReply } from "~/modules/admin-events/keyed-message";
import { toOsloLocal } from "~/modules/admin-events/oslo-time";
import { ProgrammeItemForm } from "~/modules/admin-events/programme-form";
import { programmeItemSchema } from "~/modules/admin-events/programme.schema";
import { getProgrammeItem, programmeChoices, saveProgrammeItem } from "~/modules/admin-events/programme.server";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  staffTitle(matches, "staff-events:editItem.metaTitle", { event: data?.event.title ?? "" });

async function load(eventId: string | undefined, itemId: string | undefined) {
  const event = await requireAdminEvent(eventId);
  const item = itemId ? await getProgrammeItem(event.id, itemId) : null;
  if (!item) throw new Response(keyed("staff-events:item.error.notFound"), { status: 404 });
  return { event, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const { event, item } = await load(params.eventId, params.itemId);
  return {
    event: { id: event.id, title: event.title },
    item: { id: item.id, title: item.title },
    form: {
      title: item.title,
      description: item.description,
      kind: item.kind,
      startsAt: toOsloLocal(item.startsAt),
      endsAt: toOsloLocal(item.endsAt),
      room: item.room ?? "",
      organisationId: item.organisationId ?? "",
      speakerIds: item.speakers.map((s) => s.speakerId),
    },
    choices: await programmeChoices(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const { event, item } = await load(params.eventId, params.itemId);
  const locale = await getLocale(request);
  const t = translator(locale);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": [t("staff-events:error.badForm")] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: programmeItemSchema });
  if (submission.status !== "success") return data({ result: translateReply(submission.reply(), t) }, { status: 400 });
  const result = await saveProgrammeItem(actorOf(staff), event.id, item.id, submission.value, locale);
  if (!result.ok) {
    return data(
      { result: translateReply(submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }), t) },
      { status: result.clash ? 409 : 400 },
    );
  }
  return redirect(`/admin/events/${event.id}?lagret=1#programme-heading`);
}

export default function EditProgrammeItem() {
  const { event, item, form, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/events">{t("staff-events:nav.events")}</Link> › <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>{t("staff-events:editItem.title", { title: item.title })}</h1>
      <ProgrammeItemForm id="item" defaultValue={form} lastResult={actionData?.result} choices={choices} submitLabel={t("staff-events:editItem.submit")} />
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-events:item.error.notFound")} fallback={t("staff-events:event.errorFallback")} />;
}
