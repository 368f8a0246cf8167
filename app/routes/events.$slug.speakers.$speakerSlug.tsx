import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContentLang } from "~/components/content-lang";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { requirePublicEvent } from "~/modules/events/event-page.server";
import { getEventSpeaker } from "~/modules/events/events.server";
import { formatDateTimeRange } from "~/utils/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requirePublicEvent(params.slug, locale);
  const speaker = await getEventSpeaker(event.id, params.speakerSlug ?? "");
  const t = translator(locale);
  if (!speaker) throw new Response(t("speaker.notFound"), { status: 404 });
  return {
    title: t("public:pageTitle", { page: `${speaker.name} – ${event.title}`, site: t("site.name") }),
    event: { slug: event.slug, title: event.title, titleLang: event.titleLang }, speaker };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }] : [];

export default function SpeakerPage() {
  const { event, speaker } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <article className="container narrow">
      <nav aria-label={t("public:breadcrumbs")} className="breadcrumbs">
        <Link to={`/events/${event.slug}`}><ContentLang lang={event.titleLang}>{event.title}</ContentLang></Link> ›{" "}
        <Link to={`/events/${event.slug}/speakers`}>{t("event.speakers")}</Link>
      </nav>
      <h1>{speaker.name}</h1>
      <p className="meta">{[speaker.role, speaker.organisation?.name].filter(Boolean).join(", ")}</p>
      {speaker.photoUrl ? <img src={speaker.photoUrl} alt={speaker.photoAlt ?? speaker.name} width={240} /> : null}
      {speaker.bio.split(/\n{2,}/).map((p, i) => (p ? <p key={i}>{p}</p> : null))}
      <h2>{t("speaker.sessions")}</h2>
      <ul>
        {speaker.items.map(({ item }) => (
          <li key={item.id}>
            <Link to={`/events/${event.slug}#item-${item.id}`}>{item.title}</Link>
            <br />
            <span className="meta">
              {formatDateTimeRange(item.startsAt, item.endsAt, locale)}
              {item.room ? ` · ${item.room}` : ""} · {t(`item.${item.kind}` as MessageKey)}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/events/${event.slug}/speakers`}>{t("speaker.back")}</Link>
      </p>
    </article>
  );
}
