import { Table } from "@digdir/designsystemet-react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { hasRole, staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { workQueue } from "~/modules/dashboard/work-queue.server";
import { roomsOfEvents } from "~/modules/live/live-admin.server";
import { MissingSettingsNotice } from "~/modules/settings/missing-settings-notice";
import { missingSettings, orgSettings } from "~/modules/settings/settings.server";
import { db } from "~/utils/db.server";
import { formatDateTimeRange } from "~/utils/format";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("MODERATOR");
export const meta: MetaFunction = ({ matches }) => staffTitle(matches, "staff-events:overview.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "MODERATOR");
  const events = await db().event.findMany({
    where: { endsAt: { gt: new Date() }, status: { not: "CANCELLED" } },
    orderBy: { startsAt: "asc" },
    take: 20,
    select: { id: true, slug: true, title: true, status: true, startsAt: true, endsAt: true, capacity: true, confirmedCount: true },
  });
  const waiting = await db().registration.groupBy({
    by: ["eventId"],
    where: { eventId: { in: events.map((e) => e.id) }, status: "WAITING" },
    _count: { _all: true },
  });
  const waitingBy = Object.fromEntries(waiting.map((w) => [w.eventId, w._count._all]));
  const canOrganise = hasRole(staff.role, "ORGANISER");
  const isAdmin = hasRole(staff.role, "ADMIN");
  // Every staff member moderates; the live rooms of the coming events open in one click.
  const rooms = await roomsOfEvents(events.filter((e) => e.status === "PUBLISHED").map((e) => e.id));
  return {
    rooms,
    staff,
    canOrganise,
    queue: canOrganise ? await workQueue() : null,
    missingSettings: isAdmin ? missingSettings(orgSettings()) : [],
    events: events.map((e) => ({ ...e, waiting: waitingBy[e.id] ?? 0 })),
  };
}

export default function AdminHome() {
  const { staff, canOrganise, queue, events, missingSettings, rooms } = useLoaderData<typeof loader>();
  const liveEvents = events.filter((e) => e.status === "PUBLISHED");
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("staff-events:overview.hello", { name: staff.name })}</h1>
      <MissingSettingsNotice missing={missingSettings} />
      {queue ? (
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">{t("staff-events:overview.queue")}</h2>
          <ul className="work-queue">
            <li>
              <Link to="/admin/requests">{t("staff-events:overview.openRequests")}</Link>: {queue.openRequests}
            </li>
            <li>
              <Link to="/admin/input">{t("staff-events:overview.inputWithoutFollowUp")}</Link>: {queue.inputWithoutFollowUp}
            </li>
            <li>
              {t("staff-events:overview.draftFollowUps")}: {queue.draftFollowUps}
            </li>
            <li>
              <Link to="/admin/feedback">{t("staff-events:overview.openFeedback")}</Link>: {queue.openFeedback}
            </li>
          </ul>
        </section>
      ) : null}
      {liveEvents.length > 0 ? (
        <section aria-labelledby="live-heading" className="overview-live">
          <h2 id="live-heading">{t("staff-events:overview.live")}</h2>
          <p>{t("staff-events:overview.liveIntro")}</p>
          {liveEvents.map((e) => {
            const own = rooms.filter((r) => r.eventId === e.id);
            return (
              <div key={e.id}>
                <h3>{e.title}</h3>
                {own.length === 0 ? <p>{t("staff-events:overview.liveNoRooms")}</p> : (
                  <ul>
                    {own.map((r) => (
                      <li key={r.id}>
                        <Link to={`/live/${r.code}/moderate`}>{t("live:admin.moderate", { room: r.title })}</Link>{" "}
                        <span className="small">
                          {r.code}
                          {r.status === "CLOSED" ? ` · ${t("live:admin.roomClosed")}` : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                <p>
                  <Link to={`/admin/events/${e.id}/live`}>{t("staff-events:overview.liveAll", { event: e.title })}</Link>
                </p>
              </div>
            );
          })}
        </section>
      ) : null}
      <h2>{t("staff-events:overview.upcoming")}</h2>
      {events.length === 0 ? (
        <p>{t("staff-events:overview.none")}</p>
      ) : (
        <TableScroll label={t("staff-events:overview.caption")}>
          <Table>
            <caption className="visually-hidden">{t("staff-events:overview.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("staff-events:col.event")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:col.time")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:col.status")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:col.registered")}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t("staff-events:col.waiting")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {events.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>{canOrganise ? <Link to={`/admin/events/${e.id}`}>{e.title}</Link> : e.title}</Table.Cell>
                  <Table.Cell>{formatDateTimeRange(new Date(e.startsAt), new Date(e.endsAt), locale)}</Table.Cell>
                  <Table.Cell>{e.status === "PUBLISHED" ? t("staff-events:status.PUBLISHED") : t("staff-events:status.DRAFT")}</Table.Cell>
                  <Table.Cell>
                    {e.capacity !== null ? t("staff-events:seats.of", { taken: e.confirmedCount, capacity: e.capacity }) : e.confirmedCount}
                  </Table.Cell>
                  <Table.Cell>{e.waiting}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </>
  );
}
