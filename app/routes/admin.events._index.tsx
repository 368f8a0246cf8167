import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KIND_NAMES, STATUS_NAMES } from "~/modules/admin-events/event.schema";
import { listAdminEvents } from "~/modules/admin-events/events-admin.server";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { formatDateTimeRange } from "~/utils/format";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = () => [{ title: "Arrangementer – ansatte – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  return { events: await listAdminEvents() };
}

export default function AdminEvents() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Arrangementer</h1>
      <p className="actions">
        <Link className="button primary" to="/admin/events/new">
          Nytt arrangement
        </Link>{" "}
        <Link className="button" to="/admin/series/new">
          Ny møteserie
        </Link>
      </p>
      <p>
        <Link to="/admin/speakers">Innledere</Link> · <Link to="/admin/organisations">Organisasjoner</Link>
      </p>
      {events.length === 0 ? (
        <p>Ingen arrangementer ennå.</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Alle arrangementer, også utkast, nyeste først</caption>
          <thead>
            <tr>
              <th scope="col">Arrangement</th>
              <th scope="col">Type</th>
              <th scope="col">Tid</th>
              <th scope="col">Status</th>
              <th scope="col">Påmeldt</th>
              <th scope="col">Venteliste</th>
              <th scope="col">Programposter</th>
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
                      <span className="small">Serie: {e.series.title}</span>
                    </>
                  ) : null}
                </td>
                <td>{KIND_NAMES[e.kind as keyof typeof KIND_NAMES] ?? e.kind}</td>
                <td>{formatDateTimeRange(new Date(e.startsAt), new Date(e.endsAt))}</td>
                <td>{STATUS_NAMES[e.status] ?? e.status}</td>
                <td>
                  {e.confirmedCount}
                  {e.capacity !== null ? ` av ${e.capacity}` : ""}
                </td>
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
