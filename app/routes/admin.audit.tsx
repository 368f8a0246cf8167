import type { LoaderFunctionArgs, MetaFunction, LinksFunction } from "@remix-run/node";
import tablesUrl from "~/modules/audit/staff-tables.css?url";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listAuditLog } from "~/modules/audit/audit.server";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { formatDateTime } from "~/utils/format";
import { isMessageKey, useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";

export const handle = staffHandle("ADMIN");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: tablesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

const PAGE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const t = translator(await getLocale(request));
  const url = new URL(request.url);
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("side")) || 1));
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const { rows, total } = await listAuditLog({ take: PAGE, skip: (page - 1) * PAGE, q: q || undefined });
  return {
    title: t("staff-tools:title.suffix", { title: t("staff-tools:audit.title") }),
    rows,
    total,
    page,
    q,
    pages: Math.max(1, Math.ceil(total / PAGE)),
  };
}

/** The action's name in the reader's language, when the catalog has one. */
function actionLabel(t: ReturnType<typeof useT>, action: string): string | null {
  const key = `staff-tools:audit.action.${action}`;
  return isMessageKey(key) ? t(key as MessageKey) : null;
}

export default function AuditPage() {
  const { rows, total, page, pages, q } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("staff-tools:audit.title")}</h1>
      <p>{t("staff-tools:audit.intro", { count: total })}</p>
      <Form method="get" className="inline-form">
        <label htmlFor="q">{t("staff-tools:audit.search")}</label>
        <input id="q" name="q" type="search" defaultValue={q} />
        <button type="submit" className="small primary">
          {t("staff-tools:audit.searchButton")}
        </button>
      </Form>
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">{t("staff-tools:audit.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff-tools:audit.col.time")}</th>
              <th scope="col">{t("staff-tools:audit.col.who")}</th>
              <th scope="col">{t("staff-tools:audit.col.what")}</th>
              <th scope="col">{t("staff-tools:audit.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = actionLabel(t, r.action);
              return (
                <tr key={r.id}>
                  <td>{formatDateTime(new Date(r.at), locale)}</td>
                  <td>{r.actorEmail}</td>
                  {/* The summary is stored as written when the change happened (bokmål). */}
                  <td lang={locale === "nb" ? undefined : "nb"}>{r.summary}</td>
                  <td>
                    {label ? (
                      <>
                        {label}
                        <br />
                      </>
                    ) : null}
                    <code>{r.action}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("staff-tools:audit.pages")} className="actions">
        {page > 1 ? <Link to={`?q=${encodeURIComponent(q)}&side=${page - 1}`}>{t("staff-tools:audit.previous")}</Link> : null}
        <span>{t("staff-tools:audit.pageOf", { page, pages })}</span>
        {page < pages ? <Link to={`?q=${encodeURIComponent(q)}&side=${page + 1}`}>{t("staff-tools:audit.next")}</Link> : null}
      </nav>
    </>
  );
}
