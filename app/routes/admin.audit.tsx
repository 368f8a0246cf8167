import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listAuditLog } from "~/modules/audit/audit.server";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { formatDateTime } from "~/utils/format";

export const handle = staffHandle("ADMIN");
export const meta: MetaFunction = () => [{ title: "Endringslogg – Samhandling" }];

const PAGE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const url = new URL(request.url);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("side")) || 1));
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const { rows, total } = await listAuditLog({ take: PAGE, skip: (page - 1) * PAGE, q: q || undefined });
  return { rows, total, page, q, pages: Math.max(1, Math.ceil(total / PAGE)) };
}

export default function AuditPage() {
  const { rows, total, page, pages, q } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Endringslogg</h1>
      <p>Hvem endret hva, og når. {total} oppføringer.</p>
      <Form method="get" className="inline-form">
        <label htmlFor="q">Søk i loggen</label>
        <input id="q" name="q" type="search" defaultValue={q} />
        <button type="submit" className="small primary">
          Søk
        </button>
      </Form>
      <table className="data">
        <caption className="visually-hidden">Endringer, nyeste først</caption>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Hvem</th>
            <th scope="col">Hva</th>
            <th scope="col">Handling</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(new Date(r.at))}</td>
              <td>{r.actorEmail}</td>
              <td>{r.summary}</td>
              <td>
                <code>{r.action}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Sider" className="actions">
        {page > 1 ? <Link to={`?q=${encodeURIComponent(q)}&side=${page - 1}`}>Forrige side</Link> : null}
        <span>
          Side {page} av {pages}
        </span>
        {page < pages ? <Link to={`?q=${encodeURIComponent(q)}&side=${page + 1}`}>Neste side</Link> : null}
      </nav>
    </>
  );
}
