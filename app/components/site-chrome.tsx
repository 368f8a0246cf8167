import { Form, Link } from "@remix-run/react";
import { LOCALE_NAMES, LOCALES, useLocale, useT } from "~/i18n";

export function SiteHeader({ path, logoUrl }: { path: string; logoUrl?: string | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <header className="site-header">
      <a className="ds-skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="container header-row">
        <Link to="/" className="brand">
          {logoUrl ? <img className="brand-logo" src={logoUrl} alt="" height={40} /> : null}
          <span className="brand-text">
            <span className="brand-owner">{t("site.owner")}</span>
            <span className="brand-name">{t("site.name")}</span>
          </span>
        </Link>
        <nav aria-label={t("nav.main")} className="main-nav">
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
              className="ds-button"
              data-variant={l === locale ? "secondary" : "tertiary"}
              data-size="sm"
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
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.about")}</p>
        <p>{t("footer.contact")}</p>
        <ul className="footer-links">
          <li>
            <Link to="/foresporsel">{t("footer.requestMeeting")}</Link>
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
