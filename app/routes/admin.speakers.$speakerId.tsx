import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { StaffRouteError } from "~/components/staff-route-error";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { keyed, translateReply } from "~/modules/admin-events/keyed-message";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SpeakerForm } from "~/modules/admin-events/people-forms";
import { speakerSchema } from "~/modules/admin-events/people.schema";
import { getSpeaker, saveSpeaker } from "~/modules/admin-events/people.server";
import { programmeChoices } from "~/modules/admin-events/programme.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? staffTitle(matches, { text: data.speaker.name }) : staffTitle(matches, "staff-events:speakers.fallbackTitle");

async function requireSpeaker(id: string | undefined) {
  const speaker = id ? await getSpeaker(id) : null;
  if (!speaker) throw new Response(keyed("staff-events:people.error.speakerNotFound"), { status: 404 });
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
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": [t("staff-events:error.badForm")] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: speakerSchema });
  if (submission.status !== "success") return data({ result: translateReply(submission.reply(), t) }, { status: 400 });
  const result = await saveSpeaker(actorOf(staff), speaker.id, submission.value);
  if (!result.ok) return data({ result: translateReply(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), t) }, { status: 400 });
  return redirect("/admin/speakers?lagret=1");
}

export default function EditSpeaker() {
  const { speaker, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/speakers">{t("staff-events:speakers.title")}</Link>
      </nav>
      <h1>{t("staff-events:speakers.edit", { name: speaker.name })}</h1>
      <SpeakerForm
        defaultValue={{ name: speaker.name, role: speaker.role, organisationId: speaker.organisationId, bio: speaker.bio }}
        organisations={organisations}
        lastResult={actionData?.result}
        submitLabel={t("staff-events:speakers.save")}
      />
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-events:speakers.notFoundTitle")} fallback={t("staff-events:speakers.errorFallback")} />;
}
