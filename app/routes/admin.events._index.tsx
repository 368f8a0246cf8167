import { Button, Table } from "@digdir/designsystemet-react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { KIND_KEYS, STATUS_KEYS } from "~/modules/admin-events/event.schema";
import { listAdminEvents } from "~/modules/admin-events/events-admin.server";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { formatDateTimeRange } from "~/utils/format";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = ({ matches }) => staffTitle(matches, "staff-events:events.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  return { events: await listAdminEvents() };
}

export default function AdminEvents() {
  const { events } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("staff-events:events.title")}</h1>
      <p className="actions">
        <Button asChild variant="primary">
          <Link to="/admin/events/new">{t("staff-events:events.new")}</Link>
        </Button>{" "}
        <Button asChild variant="secondary">
          <Link to="/admin/series/new">{t("staff-events:events.newSeries")}</Link>
        </Button>
      </p>
      <p>
        <Link to="/admin/speakers">{t("staff-events:events.speakers")}</Link> ·{" "}
        <Link to="/admin/organisations">{t("staff-events:events.organisations")}</Link>
      </p>
      {events.length === 0 ? (
        <p>{t("staff-events:events.none")}</p>
      ) : (
        <TableScroll label={t("staff-events:events.caption")}>
        <Table>
          <caption className="visually-hidden">{t("staff-events:events.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("staff-events:col.event")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.type")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.time")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.status")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.registered")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.waiting")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.items")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {events.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>
                  <Link to={`/admin/events/${e.id}`}>{e.title}</Link>
                  {e.series ? (
                    <>
                      <br />
                      <span className="small">{t("staff-events:events.series", { title: e.series.title })}</span>
                    </>
                  ) : null}
                </Table.Cell>
                <Table.Cell>{e.kind in KIND_KEYS ? t(KIND_KEYS[e.kind as keyof typeof KIND_KEYS]) : e.kind}</Table.Cell>
                <Table.Cell>{formatDateTimeRange(new Date(e.startsAt), new Date(e.endsAt), locale)}</Table.Cell>
                <Table.Cell>{e.status in STATUS_KEYS ? t(STATUS_KEYS[e.status]) : e.status}</Table.Cell>
                <Table.Cell>{e.capacity !== null ? t("staff-events:seats.of", { taken: e.confirmedCount, capacity: e.capacity }) : e.confirmedCount}</Table.Cell>
                <Table.Cell>{e.waiting}</Table.Cell>
                <Table.Cell>{e._count.programmeItems}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        </TableScroll>
      )}
    </>
  );
}
