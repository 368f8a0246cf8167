import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import { useNonce } from "~/components/nonce";
import { DEFAULT_LOCALE, I18nProvider, namespacesFor, useT } from "~/i18n";
import { getLocale, resourcesFor, textVariables } from "~/i18n/i18n.server";
import { orgImageUrl } from "~/modules/settings/org-images";
import { orgSettings } from "~/modules/settings/settings.server";
import stylesUrl from "~/styles/app.css?url";
import themeUrl from "~/styles/theme.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: themeUrl },
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "alternate", type: "text/calendar", href: "/calendar.ics", title: "Kalender" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const url = new URL(request.url);
  const settings = orgSettings();
  return {
    locale,
    path: url.pathname + url.search,
    i18n: { resources: resourcesFor(locale, url.pathname), variables: textVariables(locale) },
    logoUrl: orgImageUrl("logo", settings.logo),
    // The default share image from the settings, for links shared on social media (absolute, as
    // Open Graph requires). Pages with their own image will set theirs (issue 14).
    shareImageUrl: settings.shareImage ? `${url.origin}${orgImageUrl("shareImage", settings.shareImage)}` : null,
    brandCssUrl: settings.brandColor ? `/org/theme.css?c=${settings.brandColor.slice(1)}` : null,
  };
}

/** Fetch the catalogs again only when the next page needs other namespaces (staff vs public). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || namespacesFor(currentUrl.pathname).join() !== namespacesFor(nextUrl.pathname).join();

/**
 * A route whose `handle` has `bare: true` (the projector, the stream overlay) renders without
 * the site header and footer: a full screen of its own. html[lang] and the i18n provider stay.
 */
export type BareHandle = { bare?: boolean };
const isBare = (matches: ReturnType<typeof useMatches>) =>
  matches.some((m) => Boolean(m.handle && (m.handle as BareHandle).bare));

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  const bare = isBare(useMatches());
  return (
    <html lang={locale} data-color-scheme="light">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {data?.shareImageUrl ? <meta property="og:image" content={data.shareImageUrl} /> : null}
        <Links />
        {data?.brandCssUrl ? <link rel="stylesheet" href={data.brandCssUrl} /> : null}
      </head>
      <body>
        <I18nProvider locale={locale} resources={data?.i18n.resources} variables={data?.i18n.variables}>
          {bare ? (
            <main id="main" tabIndex={-1} className="bare-main">
              {children}
            </main>
          ) : (
            <>
              <SiteHeader path={data?.path ?? "/"} />
              <main id="main" tabIndex={-1}>
                {children}
              </main>
              <SiteFooter />
            </>
          )}
        </I18nProvider>
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

