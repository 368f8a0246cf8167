import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasRole, staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { workQueue } from "~/modules/dashboard/work-queue.server";
import { MissingSettingsNotice } from "~/modules/settings/missing-settings-notice";
import { missingSettings, orgSettings } from "~/modules/settings/settings.server";
import { db } from "~/utils/db.server";
import { formatDateTimeRange } from "~/utils/format";

export const handle = staffHandle("MODERATOR");
export const meta: MetaFunction = () => [{ title: "Oversikt – ansatte – Samhandling" }];

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
  return {
    staff,
    canOrganise,
    queue: canOrganise ? await workQueue() : null,
    missingSettings: isAdmin ? missingSettings(orgSettings()) : [],
    events: events.map((e) => ({ ...e, waiting: waitingBy[e.id] ?? 0 })),
  };
}

export default function AdminHome() {
  const { staff, canOrganise, queue, events, missingSettings } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Hei, {staff.name}</h1>
      <MissingSettingsNotice missing={missingSettings} />
      {queue ? (
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">Venter på behandling</h2>
          <ul className="work-queue">
            <li>
              <Link to="/admin/requests">Forespørsler som ikke er avgjort</Link>: {queue.openRequests}
            </li>
            <li>
              <Link to="/admin/input">Innspill uten oppfølgingspunkt</Link>: {queue.inputWithoutFollowUp}
            </li>
            <li>Oppfølgingspunkter som er utkast (ikke publisert): {queue.draftFollowUps}</li>
            <li>
              <Link to="/admin/feedback">Tilbakemeldinger om tilgjengelighet som ikke er behandlet</Link>: {queue.openFeedback}
            </li>
          </ul>
        </section>
      ) : null}
      <h2>Kommende arrangementer</h2>
      {events.length === 0 ? (
        <p>Ingen kommende arrangementer.</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Kommende arrangementer med påmeldinger</caption>
          <thead>
            <tr>
              <th scope="col">Arrangement</th>
              <th scope="col">Tid</th>
              <th scope="col">Status</th>
              <th scope="col">Påmeldt</th>
              <th scope="col">Venteliste</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{canOrganise ? <Link to={`/admin/events/${e.id}`}>{e.title}</Link> : e.title}</td>
                <td>{formatDateTimeRange(e.startsAt, e.endsAt)}</td>
                <td>{e.status === "PUBLISHED" ? "Publisert" : "Utkast"}</td>
                <td>
                  {e.confirmedCount}
                  {e.capacity !== null ? ` av ${e.capacity}` : ""}
                </td>
                <td>{e.waiting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
