import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { OrganisationForm } from "~/modules/admin-events/people-forms";
import { ORGANISATION_KINDS, organisationSchema } from "~/modules/admin-events/people.schema";
import { listOrganisations, saveOrganisation } from "~/modules/admin-events/people.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = () => [{ title: "Organisasjoner – ansatte – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  return { organisations: await listOrganisations() };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: organisationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await saveOrganisation(actorOf(staff), null, submission.value);
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.message] } }) }, { status: 400 });
  return redirect("/admin/organisations?lagret=1");
}

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/events">Arrangementer</Link>
      </nav>
      <h1>Organisasjoner</h1>
      {params.get("lagret") ? (
        <p className="notice notice-ok" role="status">
          Organisasjonen er lagret.
        </p>
      ) : null}
      <table className="data">
        <caption className="visually-hidden">Organisasjoner</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Type</th>
            <th scope="col">Programposter</th>
            <th scope="col">Innledere</th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id}>
              <td>
                <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link>
              </td>
              <td>{ORGANISATION_KINDS[o.kind as keyof typeof ORGANISATION_KINDS] ?? o.kind}</td>
              <td>{o._count.programmeItems}</td>
              <td>{o._count.speakers}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Ny organisasjon</h2>
      <OrganisationForm lastResult={actionData?.result} submitLabel="Legg til organisasjon" />
    </>
  );
}
