// The dialogue cycle on the public event page: where to send input, the published minutes and
// "what happened to the input" with each follow-up item's unit, status in words and answer.
import { Link } from "@remix-run/react";
import { Button, Card } from "@digdir/designsystemet-react";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate } from "~/utils/format";

type Item = { id: string; title: string; responsibleUnit: string; status: string; publicAnswer: string };

export function SendInputBlock({ slug, requestEventId }: { slug: string; requestEventId?: string | null }) {
  const t = useT();
  return (
    <Card asChild data-color="accent" variant="tinted">
      <section aria-labelledby="input-heading">
        <h2 id="input-heading">{t("public:input.blockHeading")}</h2>
        <p>{t("public:input.blockIntro")}</p>
        <p>
          <Button asChild variant="primary">
            <Link to={`/events/${slug}/innspill`}>{t("public:input.blockLink")}</Link>
          </Button>
        </p>
        {requestEventId ? (
          <p>
            {t("public:input.blockRequest")} <Link to={`/foresporsel?moete=${encodeURIComponent(requestEventId)}`}>{t("public:input.blockRequestLink")}</Link>
          </p>
        ) : null}
      </section>
    </Card>
  );
}

export function MinutesSection({ minutes }: { minutes: { text: string; publishedAt: string | Date } }) {
  const locale = useLocale();
  const t = useT();
  return (
    <section aria-labelledby="minutes-heading" className="description">
      <h2 id="minutes-heading">{t("public:followup.minutesHeading")}</h2>
      <p className="meta">{t("public:followup.minutesPublished", { when: formatDate(new Date(minutes.publishedAt), locale) })}</p>
      {minutes.text.split(/\n{2,}/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </section>
  );
}

export function FollowUpSection({ slug, items }: { slug: string; items: Item[] }) {
  const locale = useLocale();
  const t = useT();
  return (
    <section aria-labelledby="followup-heading">
      <h2 id="followup-heading">{t("public:followup.followUpHeading")}</h2>
      <p>{t("public:followup.followUpIntro")}</p>
      {items.length === 0 ? (
        <p>{t("public:followup.none")}</p>
      ) : (
        <ul className="event-list followup-list">
          {items.map((item) => (
            <li key={item.id} className="event-card">
              <h3>
                <Link to={`/events/${slug}/oppfolging/${item.id}`}>{item.title}</Link>
              </h3>
              <dl className="facts">
                <dt>{t("public:followup.unit")}</dt>
                <dd>{item.responsibleUnit}</dd>
                <dt>{t("public:followup.status")}</dt>
                <dd>
                  <span className={`followup-status followup-status-${item.status.toLowerCase()}`}>
                    {t(`public:followup.status.${item.status}` as MessageKey)}
                  </span>
                </dd>
                {item.publicAnswer ? (
                  <>
                    <dt>{t("public:followup.answer")}</dt>
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
