import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { listSeries } from "~/modules/series/series.server";
import { formatDate } from "~/utils/format";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = () => [{ title: "Møteserier – ansatte – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  return { series: await listSeries() };
}

export default function AdminSeriesList() {
  const { series } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Møteserier</h1>
      <p>En møteserie er en rekke dialogmøter laget fra en regel, for eksempel «andre onsdag i måneden».</p>
      <p>
        <Link className="button primary" to="/admin/series/new">
          Ny møteserie
        </Link>
      </p>
      {series.length === 0 ? (
        <p>Ingen møteserier ennå.</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Møteserier</caption>
          <thead>
            <tr>
              <th scope="col">Serie</th>
              <th scope="col">Første møte</th>
              <th scope="col">Møter</th>
              <th scope="col">Publisert</th>
              <th scope="col">Utkast</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/admin/series/${s.id}`}>{s.title}</Link>
                </td>
                <td>{s.first ? formatDate(new Date(s.first)) : ""}</td>
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
