// Staff: citizen input across all dialogue meetings, grouped by meeting and theme, with what
// still waits for a follow-up item. Each meeting links to its own input page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { inputOverview } from "~/modules/input/input.server";
import { themeLabel } from "~/modules/input/themes";
import { formatDate } from "~/utils/format";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = () => [{ title: "Innspill fra innbyggerne – Samhandling" }];
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  return { meetings: await inputOverview() };
}

export default function InputOverview() {
  const { meetings } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Innspill fra innbyggerne</h1>
      <p>
        Innspill sendt før og etter dialogmøtene, per møte og tema. Åpne et møte for å lese innspillene, skjule spam og lage
        oppfølgingspunkter.
      </p>
      {meetings.length === 0 ? (
        <p>Ingen innspill ennå.</p>
      ) : (
        <ul className="input-overview">
          {meetings.map((m) => (
            <li key={m.id}>
              <h2>
                <Link to={`/admin/events/${m.id}/input`}>{m.title}</Link>
              </h2>
              <p>
                {formatDate(new Date(m.startsAt))}: {m.total} innspill, {m.withoutFollowUp} uten oppfølgingspunkt
                {m.hidden > 0 ? `, ${m.hidden} skjult` : ""}
              </p>
              {m.themes.length > 0 ? (
                <ul>
                  {m.themes.map((t) => (
                    <li key={t.theme}>
                      {themeLabel(t.theme, "nb")}: {t.count}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
