// The catalog namespaces. Each is a JSON file per language in app/locales/<lng>/<ns>.json.
// A namespace belongs to one part of the product, so work on different parts never edits the same file.
export const NAMESPACES = ["common", "public", "live", "staff-events", "staff-tools", "settings"] as const;
export type Namespace = (typeof NAMESPACES)[number];

const PUBLIC_NAMESPACES: readonly Namespace[] = ["common", "public", "live"];

/** The namespaces a page needs in the browser: staff pages get the staff catalogs, others do not. */
export function namespacesFor(pathname: string): readonly Namespace[] {
  return /^\/admin(?:[/_.]|$)/.test(pathname) ? NAMESPACES : PUBLIC_NAMESPACES;
}
