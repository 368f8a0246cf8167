import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SpeakerForm } from "~/modules/admin-events/people-forms";
import { speakerSchema } from "~/modules/admin-events/people.schema";
import { listSpeakers, saveSpeaker } from "~/modules/admin-events/people.server";
import { programmeChoices } from "~/modules/admin-events/programme.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = () => [{ title: "Innledere – ansatte – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const [speakers, { organisations }] = await Promise.all([listSpeakers(), programmeChoices()]);
  return { speakers, organisations };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: speakerSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await saveSpeaker(actorOf(staff), null, submission.value);
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.message] } }) }, { status: 400 });
  return redirect("/admin/speakers?lagret=1");
}

export default function Speakers() {
  const { speakers, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/events">Arrangementer</Link>
      </nav>
      <h1>Innledere</h1>
      {params.get("lagret") ? (
        <p className="notice notice-ok" role="status">
          Innlederen er lagret.
        </p>
      ) : null}
      <table className="data">
        <caption className="visually-hidden">Innledere</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Rolle</th>
            <th scope="col">Organisasjon</th>
            <th scope="col">Programposter</th>
          </tr>
        </thead>
        <tbody>
          {speakers.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/admin/speakers/${s.id}`}>{s.name}</Link>
              </td>
              <td>{s.role}</td>
              <td>{s.organisation?.name ?? ""}</td>
              <td>{s._count.items}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Ny innleder</h2>
      <SpeakerForm organisations={organisations} lastResult={actionData?.result} submitLabel="Legg til innleder" />
    </>
  );
}
