import { Alert, Table } from "@digdir/designsystemet-react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { translateReply } from "~/modules/admin-events/keyed-message";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { OrganisationForm } from "~/modules/admin-events/people-forms";
import { ORGANISATION_KINDS, organisationSchema } from "~/modules/admin-events/people.schema";
import { listOrganisations, saveOrganisation } from "~/modules/admin-events/people.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = ({ matches }) => staffTitle(matches, "staff-events:organisations.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  return { organisations: await listOrganisations() };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": [t("staff-events:error.badForm")] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: organisationSchema });
  if (submission.status !== "success") return data({ result: translateReply(submission.reply(), t) }, { status: 400 });
  const result = await saveOrganisation(actorOf(staff), null, submission.value);
  if (!result.ok) return data({ result: translateReply(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), t) }, { status: 400 });
  return redirect("/admin/organisations?lagret=1");
}

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/events">{t("staff-events:nav.events")}</Link>
      </nav>
      <h1>{t("staff-events:organisations.title")}</h1>
      {params.get("lagret") ? (
        <Alert data-color="success" role="status">
          {t("staff-events:organisations.saved")}
        </Alert>
      ) : null}
      <TableScroll label={t("staff-events:organisations.caption")}>
        <Table>
          <caption className="visually-hidden">{t("staff-events:organisations.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("staff-events:col.name")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.type")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.items")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.speakers")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {organisations.map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell>
                  <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link>
                </Table.Cell>
                <Table.Cell>{o.kind in ORGANISATION_KINDS ? t(ORGANISATION_KINDS[o.kind as keyof typeof ORGANISATION_KINDS]) : o.kind}</Table.Cell>
                <Table.Cell>{o._count.programmeItems}</Table.Cell>
                <Table.Cell>{o._count.speakers}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <h2>{t("staff-events:organisations.new")}</h2>
      <OrganisationForm lastResult={actionData?.result} submitLabel={t("staff-events:organisations.add")} />
    </>
  );
}
