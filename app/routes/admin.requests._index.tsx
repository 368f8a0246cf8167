import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { listRequests } from "~/modules/requests/requests.server";
import { KIND_NAMES, REQUEST_STATUSES, STATUS_NAMES, type RequestStatus } from "~/modules/requests/triage.schema";
import { formatDateTime } from "~/utils/format";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = () => [{ title: "Forespørsler fra organisasjoner – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const wanted = new URL(request.url).searchParams.get("status");
  const status = (REQUEST_STATUSES as readonly string[]).includes(wanted ?? "") ? (wanted as RequestStatus) : null;
  return { status, ...(await listRequests(status)) };
}

export default function RequestsPage() {
  const { status, requests, counts, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Forespørsler fra organisasjoner</h1>
      <p>
        Lag og foreninger ber om innlegg på et dialogmøte eller om et dialogmøte i bydelen gjennom{" "}
        <Link to="/foresporsel">skjemaet på nettsiden</Link>. Avsenderen får e-post hver gang statusen endres.
      </p>
      <nav aria-label="Filtrer på status">
        <ul className="actions">
          <li>
            <Link to="?" aria-current={status === null ? "page" : undefined}>
              Alle ({total})
            </Link>
          </li>
          {REQUEST_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {STATUS_NAMES[s]} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {requests.length === 0 ? (
        <p>{status ? `Ingen forespørsler med status «${STATUS_NAMES[status]}».` : "Ingen forespørsler ennå."}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">
            Forespørsler{status ? ` med status ${STATUS_NAMES[status]}` : ""}, nyeste først
          </caption>
          <thead>
            <tr>
              <th scope="col">Mottatt</th>
              <th scope="col">Organisasjon og tema</th>
              <th scope="col">Gjelder</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(new Date(r.createdAt))}</td>
                <td>
                  <Link to={`/admin/requests/${r.id}`}>{r.organisationName}</Link>
                  <br />
                  {r.topic}
                </td>
                <td>
                  {KIND_NAMES[r.kind] ?? r.kind}
                  {r.event ? `: ${r.event.title}` : r.district ? `: ${r.district}` : ""}
                </td>
                <td>{STATUS_NAMES[r.status] ?? r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
