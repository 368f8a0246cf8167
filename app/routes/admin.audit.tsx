import { Button, Table } from "@digdir/designsystemet-react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listAuditLog } from "~/modules/audit/audit.server";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { formatDateTime } from "~/utils/format";
import { isMessageKey, useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { Field } from "~/components/ui/field";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ADMIN");

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

/** The action's name in the reader's language; an action the catalog does not know yet is "another change". */
function actionLabel(t: ReturnType<typeof useT>, action: string): string {
  const key = `staff-tools:audit.action.${action}`;
  return isMessageKey(key) ? t(key as MessageKey) : t("staff-tools:audit.action.unknown");
}

export default function AuditPage() {
  const { rows, total, page, pages, q } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("staff-tools:audit.title")}</h1>
      <p>{t("staff-tools:audit.intro", { count: total })}</p>
      <Form method="get" role="search" className="narrow">
        <Field id="q" label={t("staff-tools:audit.search")}>
          <div className="ds-search">
            <input className="ds-input" id="q" name="q" type="search" defaultValue={q} maxLength={100} />
            <Button type="submit" variant="primary">
              {t("staff-tools:audit.searchButton")}
            </Button>
          </div>
        </Field>
      </Form>
      <TableScroll label={t("staff-tools:audit.caption")}>
        <Table>
          <caption className="visually-hidden">{t("staff-tools:audit.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("staff-tools:audit.col.time")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-tools:audit.col.who")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-tools:audit.col.what")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-tools:audit.col.action")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{formatDateTime(new Date(r.at), locale)}</Table.Cell>
                <Table.Cell>{r.actorEmail}</Table.Cell>
                {/* The summary is stored as written when the change happened (bokmål). */}
                <Table.Cell lang={locale === "nb" ? undefined : "nb"}>{r.summary}</Table.Cell>
                <Table.Cell data-action={r.action}>{actionLabel(t, r.action)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <Pages page={page} pages={pages} q={q} />
    </>
  );
}

/** Previous and next page in Designsystemet's pagination markup: plain links, so it works without JavaScript. */
function Pages({ page, pages, q }: { page: number; pages: number; q: string }) {
  const t = useT();
  const to = (p: number) => `?q=${encodeURIComponent(q)}&side=${p}`;
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("staff-tools:audit.pages")} className="ds-pagination">
      <ul>
        <li>
          {page > 1 ? (
            <Button asChild variant="tertiary">
              <Link to={to(page - 1)}>{t("staff-tools:audit.previous")}</Link>
            </Button>
          ) : (
            <span aria-hidden="true" />
          )}
        </li>
        <li>
          <span aria-current="true">{t("staff-tools:audit.pageOf", { page, pages })}</span>
        </li>
        <li>
          {page < pages ? (
            <Button asChild variant="tertiary">
              <Link to={to(page + 1)}>{t("staff-tools:audit.next")}</Link>
            </Button>
          ) : (
            <span aria-hidden="true" />
          )}
        </li>
      </ul>
    </nav>
  );
}
