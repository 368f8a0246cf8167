import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { OrganisationForm } from "~/modules/admin-events/people-forms";
import { organisationSchema } from "~/modules/admin-events/people.schema";
import { getOrganisation, saveOrganisation } from "~/modules/admin-events/people.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? "Organisasjon"} – ansatte – Samhandling` }];

async function requireOrganisation(id: string | undefined) {
  const org = id ? await getOrganisation(id) : null;
  if (!org) throw new Response("Fant ikke organisasjonen.", { status: 404 });
  return org;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const org = await requireOrganisation(params.organisationId);
  return {
    organisation: { id: org.id, name: org.name, kind: org.kind, description: org.description ?? "", websiteUrl: org.websiteUrl ?? "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const org = await requireOrganisation(params.organisationId);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: organisationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await saveOrganisation(actorOf(staff), org.id, submission.value);
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.message] } }) }, { status: 400 });
  return redirect("/admin/organisations?lagret=1");
}

export default function EditOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/organisations">Organisasjoner</Link>
      </nav>
      <h1>Endre {organisation.name}</h1>
      <OrganisationForm
        defaultValue={{ name: organisation.name, kind: organisation.kind, description: organisation.description, websiteUrl: organisation.websiteUrl }}
        lastResult={actionData?.result}
        submitLabel="Lagre"
      />
    </>
  );
}
