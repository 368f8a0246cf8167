import { Form, Link } from "@remix-run/react";
import { LOCALE_NAMES, LOCALES, useLocale, useT, type Locale } from "~/i18n";

// Kept here rather than in the shared catalogs, which other work edits at the same time.
const REQUEST_LINK: Record<Locale, string> = { nb: "Be om dialogmøte", nn: "Be om dialogmøte", en: "Ask for a dialogue meeting" };

export function SiteHeader({ path }: { path: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="container header-row">
        <Link to="/" className="brand">
          <span className="brand-owner">{t("site.owner")}</span>
          <span className="brand-name">{t("site.name")}</span>
        </Link>
        <nav aria-label={t("nav.events")} className="main-nav">
          <ul>
            <li>
              <Link to="/">{t("nav.events")}</Link>
            </li>
          </ul>
        </nav>
        <Form method="post" action="/lang" className="lang-switch" aria-label={t("nav.changeLanguage")}>
          <input type="hidden" name="redirectTo" value={path} />
          <span className="lang-label" id="lang-label">
            {t("nav.language")}:
          </span>
          {LOCALES.map((l) => (
            <button
              key={l}
              type="submit"
              name="lang"
              value={l}
              lang={l}
              aria-pressed={l === locale}
              aria-describedby="lang-label"
              className="link-button"
            >
              {LOCALE_NAMES[l]}
            </button>
          ))}
        </Form>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const t = useT();
  const locale = useLocale();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.about")}</p>
        <p>{t("footer.contact")}</p>
        <ul className="footer-links">
          <li>
            <Link to="/foresporsel">{REQUEST_LINK[locale]}</Link>
          </li>
          <li>
            <Link to="/tilgjengelighet">{t("footer.accessibility")}</Link>
          </li>
          <li>
            <a href="/calendar.ics">{t("footer.calendarFeed")}</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
