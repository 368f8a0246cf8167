import { Table } from "@digdir/designsystemet-react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { listRequests } from "~/modules/requests/requests.server";
import { REQUEST_STATUSES, requestKindKey, requestStatusKey, type RequestStatus } from "~/modules/requests/triage.schema";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { formatDateTime } from "~/utils/format";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const t = translator(await getLocale(request));
  const wanted = new URL(request.url).searchParams.get("status");
  const status = (REQUEST_STATUSES as readonly string[]).includes(wanted ?? "") ? (wanted as RequestStatus) : null;
  return { title: t("staff-tools:title.suffix", { title: t("staff-tools:requests.title") }), status, ...(await listRequests(status)) };
}

export default function RequestsPage() {
  const { status, requests, counts, total } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const statusName = (s: string) => {
    const key = requestStatusKey(s);
    return key ? t(key) : s;
  };
  return (
    <>
      <h1>{t("staff-tools:requests.title")}</h1>
      <p>
        {t("staff-tools:requests.intro")} <Link to="/foresporsel">{t("staff-tools:requests.introForm")}</Link>
        {t("staff-tools:requests.introMail")}
      </p>
      <nav aria-label={t("staff-tools:requests.filter")}>
        <ul className="actions">
          <li>
            <Link to="?" aria-current={status === null ? "page" : undefined}>
              {t("staff-tools:requests.all", { count: total })}
            </Link>
          </li>
          {REQUEST_STATUSES.map((s) => (
            <li key={s}>
              <Link to={`?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {statusName(s)} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {requests.length === 0 ? (
        <p>{status ? t("staff-tools:requests.noneWithStatus", { status: statusName(status) }) : t("staff-tools:requests.none")}</p>
      ) : (
        <TableScroll label={status ? t("staff-tools:requests.captionStatus", { status: statusName(status) }) : t("staff-tools:requests.caption")}>
          <Table>
            <caption className="visually-hidden">
              {status ? t("staff-tools:requests.captionStatus", { status: statusName(status) }) : t("staff-tools:requests.caption")}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("staff-tools:requests.col.received")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-tools:requests.col.organisation")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-tools:requests.col.concerns")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-tools:requests.col.status")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {requests.map((r) => {
                const kind = requestKindKey(r.kind);
                return (
                  <Table.Row key={r.id}>
                    <Table.Cell>{formatDateTime(new Date(r.createdAt), locale)}</Table.Cell>
                    <Table.Cell>
                      <Link to={`/admin/requests/${r.id}`}>{r.organisationName}</Link>
                      <br />
                      {r.topic}
                    </Table.Cell>
                    <Table.Cell>
                      {kind ? t(kind) : r.kind}
                      {r.event ? `: ${r.event.title}` : r.district ? `: ${r.district}` : ""}
                    </Table.Cell>
                    <Table.Cell>{statusName(r.status)}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
