// The dialogue cycle on the public event page: where to send input, the published minutes and
// "what happened to the input" with each follow-up item's unit, status in words and answer.
import { Link } from "@remix-run/react";
import { useLocale } from "~/i18n";
import { inputTexts } from "~/modules/input/input.i18n";
import { formatDate } from "~/utils/format";
import { fill, followUpTexts, statusText } from "./followup.i18n";

type Item = { id: string; title: string; responsibleUnit: string; status: string; publicAnswer: string };

export function SendInputBlock({ slug, requestEventId }: { slug: string; requestEventId?: string | null }) {
  const x = inputTexts[useLocale()];
  return (
    <section aria-labelledby="input-heading" className="notice">
      <h2 id="input-heading">{x.blockHeading}</h2>
      <p>{x.blockIntro}</p>
      <p>
        <Link className="button" to={`/events/${slug}/innspill`}>
          {x.blockLink}
        </Link>
      </p>
      {requestEventId ? (
        <p>
          {x.blockRequest} <Link to={`/foresporsel?moete=${encodeURIComponent(requestEventId)}`}>{x.blockRequestLink}</Link>
        </p>
      ) : null}
    </section>
  );
}

export function MinutesSection({ minutes }: { minutes: { text: string; publishedAt: string | Date } }) {
  const locale = useLocale();
  const x = followUpTexts[locale];
  return (
    <section aria-labelledby="minutes-heading" className="description">
      <h2 id="minutes-heading">{x.minutesHeading}</h2>
      <p className="meta">{fill(x.minutesPublished, { when: formatDate(new Date(minutes.publishedAt), locale) })}</p>
      {minutes.text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </section>
  );
}

export function FollowUpSection({ slug, items }: { slug: string; items: Item[] }) {
  const locale = useLocale();
  const x = followUpTexts[locale];
  return (
    <section aria-labelledby="followup-heading">
      <h2 id="followup-heading">{x.followUpHeading}</h2>
      <p>{x.followUpIntro}</p>
      {items.length === 0 ? (
        <p>{x.none}</p>
      ) : (
        <ul className="event-list followup-list">
          {items.map((item) => (
            <li key={item.id} className="event-card">
              <h3>
                <Link to={`/events/${slug}/oppfolging/${item.id}`}>{item.title}</Link>
              </h3>
              <dl className="facts">
                <dt>{x.unit}</dt>
                <dd>{item.responsibleUnit}</dd>
                <dt>{x.status}</dt>
                <dd>
                  <span className={`followup-status followup-status-${item.status.toLowerCase()}`}>{statusText(item.status, locale)}</span>
                </dd>
                {item.publicAnswer ? (
                  <>
                    <dt>{x.answer}</dt>
                    <dd>{item.publicAnswer}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
