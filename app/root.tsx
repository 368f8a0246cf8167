import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import { useNonce } from "~/components/nonce";
import { DEFAULT_LOCALE, LocaleContext, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { orgImageUrl } from "~/modules/settings/org-images";
import { dataControllerName } from "~/modules/settings/org-settings";
import { orgSettings, orgTextVars } from "~/modules/settings/settings.server";
import stylesUrl from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "alternate", type: "text/calendar", href: "/calendar.ics", title: "Kalender" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const settings = orgSettings();
  // The organisation's words for texts ({org}, {unit}) and its logo, for every page.
  return { locale, path: url.pathname + url.search, org: orgTextVars(settings, locale), dataController: dataControllerName(settings, locale), logoUrl: orgImageUrl("logo", settings.logo) };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <LocaleContext.Provider value={locale}>
          <SiteHeader path={data?.path ?? "/"} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </LocaleContext.Provider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!isRouteErrorResponse(error)) console.error(error);
  const message = isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : null;
  return (
    <div className="container narrow">
      <title>{`${notFound ? t("error.notFoundTitle") : t("error.title")} – ${t("site.name")}`}</title>
      <h1>{notFound ? t("error.notFoundTitle") : t("error.title")}</h1>
      <p>{message ?? (notFound ? t("event.notFound") : t("error.generic"))}</p>
      <p>
        <a href="/">{t("error.home")}</a>
      </p>
    </div>
  );
}

