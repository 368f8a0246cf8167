import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { listSeries } from "~/modules/series/series.server";
import { formatDate } from "~/utils/format";

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
        <Link className="button primary" to="/admin/series/new">
          {t("staff-events:series.new")}
        </Link>
      </p>
      {series.length === 0 ? (
        <p>{t("staff-events:series.none")}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t("staff-events:series.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff-events:series.col.series")}</th>
              <th scope="col">{t("staff-events:series.col.first")}</th>
              <th scope="col">{t("staff-events:series.col.meetings")}</th>
              <th scope="col">{t("staff-events:series.col.published")}</th>
              <th scope="col">{t("staff-events:series.col.drafts")}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/admin/series/${s.id}`}>{s.title}</Link>
                </td>
                <td>{s.first ? formatDate(new Date(s.first), locale) : ""}</td>
                <td>{s.total}</td>
                <td>{s.published}</td>
                <td>{s.drafts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
