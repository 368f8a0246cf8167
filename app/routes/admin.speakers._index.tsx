import { Alert, Table } from "@digdir/designsystemet-react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { translateReply } from "~/modules/admin-events/keyed-message";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SpeakerForm } from "~/modules/admin-events/people-forms";
import { speakerSchema } from "~/modules/admin-events/people.schema";
import { listSpeakers, saveSpeaker } from "~/modules/admin-events/people.server";
import { programmeChoices } from "~/modules/admin-events/programme.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = ({ matches }) => staffTitle(matches, "staff-events:speakers.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const [speakers, { organisations }] = await Promise.all([listSpeakers(), programmeChoices()]);
  return { speakers, organisations };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": [t("staff-events:error.badForm")] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: speakerSchema });
  if (submission.status !== "success") return data({ result: translateReply(submission.reply(), t) }, { status: 400 });
  const result = await saveSpeaker(actorOf(staff), null, submission.value);
  if (!result.ok) return data({ result: translateReply(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), t) }, { status: 400 });
  return redirect("/admin/speakers?lagret=1");
}

export default function Speakers() {
  const { speakers, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/events">{t("staff-events:nav.events")}</Link>
      </nav>
      <h1>{t("staff-events:speakers.title")}</h1>
      {params.get("lagret") ? (
        <Alert data-color="success" role="status">
          {t("staff-events:speakers.saved")}
        </Alert>
      ) : null}
      <TableScroll label={t("staff-events:speakers.caption")}>
        <Table>
          <caption className="visually-hidden">{t("staff-events:speakers.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("staff-events:col.name")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.role")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.organisation")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.items")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {speakers.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>
                  <Link to={`/admin/speakers/${s.id}`}>{s.name}</Link>
                </Table.Cell>
                <Table.Cell>{s.role}</Table.Cell>
                <Table.Cell>{s.organisation?.name ?? ""}</Table.Cell>
                <Table.Cell>{s._count.items}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <h2>{t("staff-events:speakers.new")}</h2>
      <SpeakerForm organisations={organisations} lastResult={actionData?.result} submitLabel={t("staff-events:speakers.add")} />
    </>
  );
}
