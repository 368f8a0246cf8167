// The privacy notice on every public form that collects personal data: the event's own notice
// and the dates its retention rules give (in the reader's language, Oslo time).
import { Card } from "@digdir/designsystemet-react";
import { ContentLang } from "~/components/content-lang";
import { translator, useLocale, useT, type Locale } from "~/i18n";
import { formatDate } from "~/utils/format";

const DAY = 24 * 3600_000;

export type PrivacyNoticeEvent = {
  privacyNotice: string;
  /** The language the organiser wrote the notice in. */
  contentLanguage?: string | null;
  endsAt: Date | string;
  needsRetentionDays: number;
  personalDataRetentionDays: number;
};

/** The generated sentences, for a registration form or a citizen-input form. */
export function retentionSentences(event: PrivacyNoticeEvent, form: "registration" | "input", locale: Locale): string[] {
  const t = translator(locale);
  const ends = new Date(event.endsAt).getTime();
  const date = (days: number) => formatDate(new Date(ends + days * DAY), locale);
  return form === "registration"
    ? [
        t("public:privacy.needs", { date: date(event.needsRetentionDays) }),
        t("public:privacy.registration", { date: date(event.personalDataRetentionDays) }),
        t("public:privacy.rights"),
      ]
    : [t("public:privacy.input", { date: date(event.personalDataRetentionDays) }), t("public:privacy.rights")];
}

export function PrivacyNotice({
  event,
  form = "registration",
  headingId = "privacy-heading",
}: {
  event: PrivacyNoticeEvent;
  form?: "registration" | "input";
  /** Unique per page; the section is labelled by its heading. */
  headingId?: string;
}) {
  const locale = useLocale();
  const t = useT();
  return (
    <section aria-labelledby={headingId} className="privacy">
      <h2 id={headingId}>{t("public:privacy.heading")}</h2>
      <Card data-color="neutral" variant="tinted" className="privacy-notice">
        {event.privacyNotice ? (
          <ContentLang as="p" lang={event.contentLanguage} className="pre-line">
            {event.privacyNotice}
          </ContentLang>
        ) : null}
        {retentionSentences(event, form, locale).map((s) => (
          <p key={s}>{s}</p>
        ))}
      </Card>
    </section>
  );
}
