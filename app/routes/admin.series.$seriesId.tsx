import { Alert, Button, Table } from "@digdir/designsystemet-react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { StaffRouteError } from "~/components/staff-route-error";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { STATUS_KEYS } from "~/modules/admin-events/event.schema";
import { keyed } from "~/modules/admin-events/keyed-message";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { describeRule, type SeriesRule } from "~/modules/series/series-rule";
import { getAdminSeries, publishSeriesMeetings } from "~/modules/series/series.server";
import { formatDateTimeRange } from "~/utils/format";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? staffTitle(matches, { text: data.series.title }) : staffTitle(matches, "staff-events:series.fallbackTitle");

async function requireSeries(id: string | undefined) {
  const series = id ? await getAdminSeries(id) : null;
  if (!series) throw new Response(keyed("staff-events:series.error.notFound"), { status: 404 });
  return series;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const series = await requireSeries(params.seriesId);
  const locale = await getLocale(request);
  let rule: string | null = null;
  try {
    rule = describeRule(JSON.parse(series.rule) as SeriesRule, translator(locale), locale);
  } catch {
    rule = null;
  }
  return { series, rule };
}

const publishSchema = z.object({ eventId: z.string().max(40).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const series = await requireSeries(params.seriesId);
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ error: t("staff-events:error.badForm") }, { status: 400 });
  const submission = parseWithZod(formData, { schema: publishSchema });
  if (submission.status !== "success") return data({ error: t("staff-events:series.error.unknownMeeting") }, { status: 400 });
  const count = await publishSeriesMeetings(actorOf(staff), series.id, submission.value.eventId);
  return redirect(`/admin/series/${series.id}?publisert=${count}`);
}

export default function AdminSeries() {
  const { series, rule } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const published = params.get("publisert");
  const drafts = series.events.filter((e) => e.status === "DRAFT").length;
  const anyPublic = series.events.some((e) => e.status !== "DRAFT");
  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/series">{t("staff-events:series.title")}</Link>
      </nav>
      <h1>{series.title}</h1>
      {published !== null ? (
        <Alert data-color="success" role="status">
          {published === "0" ? t("staff-events:series.publishedNone") : t("staff-events:series.published", { count: Number(published) || 0 })}
        </Alert>
      ) : null}
      {rule ? <p>{t("staff-events:series.ruleLine", { rule })}</p> : null}
      {series.description ? <p>{series.description}</p> : null}
      <p>
        {t("staff-events:series.publicPage")}{" "}
        {anyPublic ? (
          <Link to={`/series/${series.slug}`}>/series/{series.slug}</Link>
        ) : (
          t("staff-events:series.publicPageHidden", { url: `/series/${series.slug}` })
        )}
      </p>
      {drafts > 0 ? (
        <Form method="post" className="inline-form">
          <Button type="submit" variant="primary">
            {t("staff-events:series.publishAll", { count: drafts })}
          </Button>
        </Form>
      ) : null}
      <TableScroll label={t("staff-events:series.meetingsCaption")}>
        <Table>
          <caption className="visually-hidden">{t("staff-events:series.meetingsCaption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("staff-events:series.col.meeting")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.time")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.place")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.status")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.registered")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-events:col.action")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {series.events.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>
                  <Link to={`/admin/events/${e.id}`}>{e.title}</Link>
                </Table.Cell>
                <Table.Cell>{formatDateTimeRange(new Date(e.startsAt), new Date(e.endsAt), locale)}</Table.Cell>
                <Table.Cell>{e.venueName}</Table.Cell>
                <Table.Cell>{e.status in STATUS_KEYS ? t(STATUS_KEYS[e.status]) : e.status}</Table.Cell>
                <Table.Cell>
                  {e.capacity !== null ? t("staff-events:seats.of", { taken: e.confirmedCount, capacity: e.capacity }) : e.confirmedCount}
                </Table.Cell>
                <Table.Cell>
                  {e.status === "DRAFT" ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="eventId" value={e.id} />
                      <Button type="submit" variant="secondary" data-size="sm" aria-label={t("staff-events:series.publishLabel", { title: e.title })}>
                        {t("staff-events:series.publish")}
                      </Button>
                    </Form>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </>
  );
}

export function ErrorBoundary() {
  const t = useT();
  return <StaffRouteError notFound={t("staff-events:series.notFoundTitle")} fallback={t("staff-events:series.errorFallback")} />;
}
