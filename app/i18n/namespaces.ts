// The catalog namespaces. Each is a JSON file per language in app/locales/<lng>/<ns>.json.
// A namespace belongs to one part of the product, so work on different parts never edits the same file.
export const NAMESPACES = ["common", "public", "live", "staff-events", "staff-tools", "settings"] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The namespaces a page needs in the browser. Staff pages get every catalog; live pages do not need
 *  the public one, and public pages need the live one only on an event page (its live section).
 *  Sending less keeps every document small (the catalogs travel in the HTML). A key used on a page
 *  without its namespace shows as a raw key, which e2e/every-page.spec.ts looks for on every page. */
export function namespacesFor(pathname: string): readonly Namespace[] {
  if (/^\/admin(?:[/_.]|$)/.test(pathname)) return NAMESPACES;
  if (/^\/live(?:\/|$)/.test(pathname)) return ["common", "live"];
  if (/^\/events\/[^/]+\/?$/.test(pathname)) return ["common", "public", "live"];
  return ["common", "public"];
}
