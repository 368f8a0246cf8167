// Public: one follow-up item with its own URL - what was raised, who is responsible, the status
// with its reason, the public answer and the dated history. Never any personal data.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContentLang } from "~/components/content-lang";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { translator } from "~/i18n/i18n.server";
import { getLocale } from "~/i18n/locale.server";
import { requirePublicEvent } from "~/modules/events/event-page.server";
import { getPublicItem } from "~/modules/followup/followup.server";
import { formatDate, formatDateTime } from "~/utils/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requirePublicEvent(params.slug, locale);
  const item = await getPublicItem(event.id, params.itemId);
  if (!item) throw new Response(translator(locale)("public:followup.notFound"), { status: 404 });
  const t = translator(locale);
  return {
    title: t("public:pageTitle", { page: `${item.title} – ${event.title}`, site: t("site.name") }),
    event: { slug: event.slug, title: event.title, titleLang: event.titleLang },
    item,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "description", content: data.item.summary.slice(0, 200) }] : [];

export default function FollowUpItemPage() {
  const { event, item } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const t = useT();
  return (
    <article className="container narrow">
      <nav aria-label={t("public:breadcrumbs")} className="breadcrumbs">
        <Link to={`/events/${event.slug}`}><ContentLang lang={event.titleLang}>{event.title}</ContentLang></Link>
        {" › "}
        <Link to={`/events/${event.slug}#followup-heading`}>{t("public:followup.followUpHeading")}</Link>
      </nav>
      <h1>{item.title}</h1>
      <dl className="facts">
        <dt>{t("public:followup.unit")}</dt>
        <dd>{item.responsibleUnit}</dd>
        <dt>{t("public:followup.status")}</dt>
        <dd>
          {t(`public:followup.status.${item.status}` as MessageKey)} ({formatDate(new Date(item.statusChangedAt), locale)})
        </dd>
        {item.status === "WONT_DO" && item.statusReason ? (
          <>
            <dt>{t("public:followup.reason")}</dt>
            <dd>{item.statusReason}</dd>
          </>
        ) : null}
      </dl>
      {item.publicAnswer ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t("public:followup.answer")}</h2>
          {item.publicAnswer.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ) : null}
      {item.summary ? (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t("public:followup.summary")}</h2>
          {item.summary.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("public:followup.history")}</h2>
        <ol className="followup-history">
          {item.updates.map((u) => (
            <li key={u.id}>
              <time dateTime={new Date(u.at).toISOString()}>{formatDateTime(new Date(u.at), locale)}</time>: {t(`public:followup.status.${u.status}` as MessageKey)}
              {u.note ? ` – ${u.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link to={`/events/${event.slug}`}>{t("public:followup.backToEvent", { event: event.title })}</Link>
      </p>
    </article>
  );
}
