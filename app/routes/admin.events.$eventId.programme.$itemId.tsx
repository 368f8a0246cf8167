import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAdminEvent } from "~/modules/admin-events/events-admin.server";
import { toOsloLocal } from "~/modules/admin-events/oslo-time";
import { ProgrammeItemForm } from "~/modules/admin-events/programme-form";
import { programmeItemSchema } from "~/modules/admin-events/programme.schema";
import { getProgrammeItem, programmeChoices, saveProgrammeItem } from "~/modules/admin-events/programme.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Endre programpost – ${data?.event.title ?? ""} – ansatte – Samhandling` }];

async function load(eventId: string | undefined, itemId: string | undefined) {
  const event = await requireAdminEvent(eventId);
  const item = itemId ? await getProgrammeItem(event.id, itemId) : null;
  if (!item) throw new Response("Fant ikke programposten.", { status: 404 });
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
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: programmeItemSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await saveProgrammeItem(actorOf(staff), event.id, item.id, submission.value);
  if (!result.ok) {
    return data({ result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) }, { status: result.clash ? 409 : 400 });
  }
  return redirect(`/admin/events/${event.id}?lagret=1#programme-heading`);
}

export default function EditProgrammeItem() {
  const { event, item, form, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/events">Arrangementer</Link> › <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
      </nav>
      <h1>Endre programposten «{item.title}»</h1>
      <ProgrammeItemForm id="item" defaultValue={form} lastResult={actionData?.result} choices={choices} submitLabel="Lagre programposten" />
    </>
  );
}
