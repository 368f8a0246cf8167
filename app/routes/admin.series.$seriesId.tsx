import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { STATUS_NAMES } from "~/modules/admin-events/event.schema";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { describeRule, type SeriesRule } from "~/modules/series/series-rule";
import { getAdminSeries, publishSeriesMeetings } from "~/modules/series/series.server";
import { formatDateTimeRange } from "~/utils/format";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.series.title ?? "Møteserie"} – ansatte – Samhandling` }];

async function requireSeries(id: string | undefined) {
  const series = id ? await getAdminSeries(id) : null;
  if (!series) throw new Response("Fant ikke møteserien.", { status: 404 });
  return series;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const series = await requireSeries(params.seriesId);
  let rule: string | null = null;
  try {
    rule = describeRule(JSON.parse(series.rule) as SeriesRule);
  } catch {
    rule = null;
  }
  return { series, rule };
}

const publishSchema = z.object({ eventId: z.string().max(40).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const series = await requireSeries(params.seriesId);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ error: "Vi kunne ikke lese skjemaet." }, { status: 400 });
  const submission = parseWithZod(formData, { schema: publishSchema });
  if (submission.status !== "success") return data({ error: "Ukjent møte." }, { status: 400 });
  const count = await publishSeriesMeetings(actorOf(staff), series.id, submission.value.eventId);
  return redirect(`/admin/series/${series.id}?publisert=${count}`);
}

export default function AdminSeries() {
  const { series, rule } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const published = params.get("publisert");
  const drafts = series.events.filter((e) => e.status === "DRAFT").length;
  const anyPublic = series.events.some((e) => e.status !== "DRAFT");
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/series">Møteserier</Link>
      </nav>
      <h1>{series.title}</h1>
      {published !== null ? (
        <p className="notice notice-ok" role="status">
          {published === "0" ? "Ingen møter ble publisert." : `${published} møte${published === "1" ? "" : "r"} publisert.`}
        </p>
      ) : null}
      {rule ? <p>Regel: {rule}.</p> : null}
      {series.description ? <p>{series.description}</p> : null}
      <p>
        Offentlig side:{" "}
        {anyPublic ? <Link to={`/series/${series.slug}`}>/series/{series.slug}</Link> : `/series/${series.slug} (synlig når et møte er publisert)`}
      </p>
      {drafts > 0 ? (
        <Form method="post" className="inline-form">
          <button type="submit" className="primary">
            Publiser alle utkast ({drafts})
          </button>
        </Form>
      ) : null}
      <table className="data">
        <caption className="visually-hidden">Møtene i serien</caption>
        <thead>
          <tr>
            <th scope="col">Møte</th>
            <th scope="col">Tid</th>
            <th scope="col">Sted</th>
            <th scope="col">Status</th>
            <th scope="col">Påmeldt</th>
            <th scope="col">Handling</th>
          </tr>
        </thead>
        <tbody>
          {series.events.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={`/admin/events/${e.id}`}>{e.title}</Link>
              </td>
              <td>{formatDateTimeRange(new Date(e.startsAt), new Date(e.endsAt))}</td>
              <td>{e.venueName}</td>
              <td>{STATUS_NAMES[e.status] ?? e.status}</td>
              <td>
                {e.confirmedCount}
                {e.capacity !== null ? ` av ${e.capacity}` : ""}
              </td>
              <td>
                {e.status === "DRAFT" ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="eventId" value={e.id} />
                    <button type="submit" className="small" aria-label={`Publiser ${e.title}`}>
                      Publiser
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
