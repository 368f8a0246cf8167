// Staff: citizen input across all dialogue meetings, grouped by meeting and theme, with what
// still waits for a follow-up item. Each meeting links to its own input page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { staffHandle } from "~/modules/auth/roles";
import { requireStaff } from "~/modules/auth/session.server";
import { inputOverview } from "~/modules/input/input.server";
import { themeLabel } from "~/modules/input/themes";
import { formatDate } from "~/utils/format";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const t = translator(await getLocale(request));
  return { title: t("staff-tools:title.suffix", { title: t("staff-tools:inputs.title") }), meetings: await inputOverview() };
}

export default function InputOverview() {
  const { meetings } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("staff-tools:inputs.title")}</h1>
      <p>{t("staff-tools:inputs.intro")}</p>
      {meetings.length === 0 ? (
        <p>{t("staff-tools:inputs.none")}</p>
      ) : (
        <ul className="input-overview">
          {meetings.map((m) => (
            <li key={m.id}>
              <h2>
                <Link to={`/admin/events/${m.id}/input`}>{m.title}</Link>
              </h2>
              <p>
                {t("staff-tools:inputs.summary", { date: formatDate(new Date(m.startsAt), locale), count: m.total, without: m.withoutFollowUp })}
                {m.hidden > 0 ? t("staff-tools:inputs.hidden", { count: m.hidden }) : ""}
              </p>
              {m.themes.length > 0 ? (
                <ul>
                  {m.themes.map((th) => (
                    <li key={th.theme}>
                      {themeLabel(th.theme, locale)}: {th.count}
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
