import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { StaffRouteError } from "~/components/staff-route-error";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { keyed, translateReply } from "~/modules/admin-events/keyed-message";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { OrganisationForm } from "~/modules/admin-events/people-forms";
import { organisationSchema } from "~/modules/admin-events/people.schema";
import { getOrganisation, saveOrganisation } from "~/modules/admin-events/people.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? staffTitle(matches, { text: data.organisation.name }) : staffTitle(matches, "staff-events:organisations.fallbackTitle");

async function requireOrganisation(id: string | undefined) {
  const org = id ? await getOrganisation(id) : null;
  if (!org) throw new Response(keyed("staff-events:people.error.organisationNotFound"), { status: 404 });
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
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": [t("staff-events:error.badForm")] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: organisationSchema });
  if (submission.status !== "success") return data({ result: translateReply(submission.reply(), t) }, { status: 400 });
  const result = await saveOrganisation(actorOf(staff), org.id, submission.value);
  if (!result.ok) return data({ result: translateReply(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), t) }, { status: 400 });
  return redirect("/admin/organisations?lagret=1");
}

export default function EditOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/organisations">{t("staff-events:organisations.title")}</Link>
      </nav>
      <h1>{t("staff-events:speakers.edit", { name: organisation.name })}</h1>
      <OrganisationForm
        defaultValue={{ name: organisation.name, kind: organisation.kind, description: organisation.description, websiteUrl: organisation.websiteUrl }}
        lastResult={actionData?.result}
        submitLabel={t("staff-events:speakers.save")}
      />
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-events:organisations.notFoundTitle")} fallback={t("staff-events:organisations.errorFallback")} />;
}
