// Public: one follow-up item with its own URL - what was raised, who is responsible, the status
// with its reason, the public answer and the dated history. Never any personal data.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { requirePublicEvent } from "~/modules/events/event-page.server";
import { fill, followUpTexts, statusText } from "~/modules/followup/followup.i18n";
import { getPublicItem } from "~/modules/followup/followup.server";
import { formatDate, formatDateTime } from "~/utils/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const event = await requirePublicEvent(params.slug, locale);
  const item = await getPublicItem(event.id, params.itemId);
  if (!item) throw new Response(followUpTexts[locale].notFound, { status: 404 });
  return { event: { slug: event.slug, title: event.title }, item };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.item.title} – ${data.event.title} – Samhandling` }, { name: "description", content: data.item.summary.slice(0, 200) }] : [];

export default function FollowUpItemPage() {
  const { event, item } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const x = followUpTexts[locale];
  return (
    <article className="container narrow">
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to={`/events/${event.slug}`}>{event.title}</Link>
        {" › "}
        <Link to={`/events/${event.slug}#followup-heading`}>{x.followUpHeading}</Link>
      </nav>
      <h1>{item.title}</h1>
      <dl className="facts">
        <dt>{x.unit}</dt>
        <dd>{item.responsibleUnit}</dd>
        <dt>{x.status}</dt>
        <dd>
          {statusText(item.status, locale)} ({formatDate(new Date(item.statusChangedAt), locale)})
        </dd>
        {item.status === "WONT_DO" && item.statusReason ? (
          <>
            <dt>{x.reason}</dt>
            <dd>{item.statusReason}</dd>
          </>
        ) : null}
      </dl>
      {item.publicAnswer ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading">{x.answer}</h2>
          {item.publicAnswer.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ) : null}
      {item.summary ? (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{x.summary}</h2>
          {item.summary.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{x.history}</h2>
        <ol className="followup-history">
          {item.updates.map((u) => (
            <li key={u.id}>
              <time dateTime={new Date(u.at).toISOString()}>{formatDateTime(new Date(u.at), locale)}</time>: {statusText(u.status, locale)}
              {u.note ? ` – ${u.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link to={`/events/${event.slug}`}>{fill(x.backToEvent, { event: event.title })}</Link>
      </p>
    </article>
  );
}
