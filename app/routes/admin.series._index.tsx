import { Button, Table } from "@digdir/designsystemet-react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { listSeries } from "~/modules/series/series.server";
import { formatDate } from "~/utils/format";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = ({ matches }) => staffTitle(matches, "staff-events:series.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  return { series: await listSeries() };
}

export default function AdminSeriesList() {
  const { series } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("staff-events:series.title")}</h1>
      <p>{t("staff-events:series.intro")}</p>
      <p>
        <Button asChild variant="primary">
          <Link to="/admin/series/new">{t("staff-events:series.new")}</Link>
        </Button>
      </p>
      {series.length === 0 ? (
        <p>{t("staff-events:series.none")}</p>
      ) : (
        <TableScroll label={t("staff-events:series.caption")}>
          <Table>
            <caption className="visually-hidden">{t("staff-events:series.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("staff-events:series.col.series")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:series.col.first")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:series.col.meetings")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:series.col.published")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:series.col.drafts")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {series.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    <Link to={`/admin/series/${s.id}`}>{s.title}</Link>
                  </Table.Cell>
                  <Table.Cell>{s.first ? formatDate(new Date(s.first), locale) : ""}</Table.Cell>
                  <Table.Cell>{s.total}</Table.Cell>
                  <Table.Cell>{s.published}</Table.Cell>
                  <Table.Cell>{s.drafts}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
