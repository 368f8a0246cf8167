import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SpeakerForm } from "~/modules/admin-events/people-forms";
import { speakerSchema } from "~/modules/admin-events/people.schema";
import { getSpeaker, saveSpeaker } from "~/modules/admin-events/people.server";
import { programmeChoices } from "~/modules/admin-events/programme.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.speaker.name ?? "Innleder"} – ansatte – Samhandling` }];

async function requireSpeaker(id: string | undefined) {
  const speaker = id ? await getSpeaker(id) : null;
  if (!speaker) throw new Response("Fant ikke innlederen.", { status: 404 });
  return speaker;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const speaker = await requireSpeaker(params.speakerId);
  return { speaker: { id: speaker.id, name: speaker.name, role: speaker.role, organisationId: speaker.organisationId ?? "", bio: speaker.bio }, organisations: (await programmeChoices()).organisations };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const speaker = await requireSpeaker(params.speakerId);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: speakerSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await saveSpeaker(actorOf(staff), speaker.id, submission.value);
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.message] } }) }, { status: 400 });
  return redirect("/admin/speakers?lagret=1");
}

export default function EditSpeaker() {
  const { speaker, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/speakers">Innledere</Link>
      </nav>
      <h1>Endre {speaker.name}</h1>
      <SpeakerForm
        defaultValue={{ name: speaker.name, role: speaker.role, organisationId: speaker.organisationId, bio: speaker.bio }}
        organisations={organisations}
        lastResult={actionData?.result}
        submitLabel="Lagre"
      />
    </>
  );
}
