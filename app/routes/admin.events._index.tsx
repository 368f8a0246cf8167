import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { KIND_KEYS, STATUS_KEYS } from "~/modules/admin-events/event.schema";
import { listAdminEvents } from "~/modules/admin-events/events-admin.server";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { formatDateTimeRange } from "~/utils/format";

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
        <Link className="button primary" to="/admin/events/new">
          {t("staff-events:events.new")}
        </Link>{" "}
        <Link className="button" to="/admin/series/new">
          {t("staff-events:events.newSeries")}
        </Link>
      </p>
      <p>
        <Link to="/admin/speakers">{t("staff-events:events.speakers")}</Link> ·{" "}
        <Link to="/admin/organisations">{t("staff-events:events.organisations")}</Link>
      </p>
      {events.length === 0 ? (
        <p>{t("staff-events:events.none")}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t("staff-events:events.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff-events:col.event")}</th>
              <th scope="col">{t("staff-events:col.type")}</th>
              <th scope="col">{t("staff-events:col.time")}</th>
              <th scope="col">{t("staff-events:col.status")}</th>
              <th scope="col">{t("staff-events:col.registered")}</th>
              <th scope="col">{t("staff-events:col.waiting")}</th>
              <th scope="col">{t("staff-events:col.items")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link to={`/admin/events/${e.id}`}>{e.title}</Link>
                  {e.series ? (
                    <>
                      <br />
                      <span className="small">{t("staff-events:events.series", { title: e.series.title })}</span>
                    </>
                  ) : null}
                </td>
                <td>{e.kind in KIND_KEYS ? t(KIND_KEYS[e.kind as keyof typeof KIND_KEYS]) : e.kind}</td>
                <td>{formatDateTimeRange(new Date(e.startsAt), new Date(e.endsAt), locale)}</td>
                <td>{e.status in STATUS_KEYS ? t(STATUS_KEYS[e.status]) : e.status}</td>
                <td>{e.capacity !== null ? t("staff-events:seats.of", { taken: e.confirmedCount, capacity: e.capacity }) : e.confirmedCount}</td>
                <td>{e.waiting}</td>
                <td>{e._count.programmeItems}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
