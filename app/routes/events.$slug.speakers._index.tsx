import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContentLang } from "~/components/content-lang";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { requirePublicEvent } from "~/modules/events/event-page.server";
import { getEventSpeakers } from "~/modules/events/events.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requirePublicEvent(params.slug, locale);
  const speakers = await getEventSpeakers(event.id);
  const t = translator(locale);
  return {
    title: t("public:pageTitle", { page: t("speakers.title", { event: event.title }), site: t("site.name") }),
    event: { slug: event.slug, title: event.title, titleLang: event.titleLang }, speakers };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }] : [];

export default function Speakers() {
  const { event, speakers } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="container">
      <nav aria-label={t("public:breadcrumbs")} className="breadcrumbs">
        <Link to={`/events/${event.slug}`}><ContentLang lang={event.titleLang}>{event.title}</ContentLang></Link>
      </nav>
      <h1>{t("speakers.title", { event: event.title })}</h1>
      {speakers.length === 0 ? (
        <p>{t("speakers.none")}</p>
      ) : (
        <ul className="speaker-list">
          {speakers.map((s) => (
            <li key={s.id} className="speaker-card">
              <h2>
                <Link to={`/events/${event.slug}/speakers/${s.slug}`}>{s.name}</Link>
              </h2>
              <p className="meta">{[s.role, s.organisation?.name].filter(Boolean).join(", ")}</p>
              {s.bio ? <p>{s.bio.length > 220 ? `${s.bio.slice(0, 217).trimEnd()}…` : s.bio}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
