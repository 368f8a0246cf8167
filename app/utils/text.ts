// One rule for the characters we accept in text, used at both doors: the HTTP layer cleans every
// form value before Remix parses it (server/request-body.ts), and the live channel cleans every
// string in a socket payload before its zod schema sees it (server/live.ts). Schemas then only
// see clean text, on both databases.
//
// What goes, and why:
// - NUL and other C0/C1 control characters except tab, line feed and carriage return: PostgreSQL
//   refuses NUL in text columns, and nothing a person types needs them.
// - Lone UTF-16 surrogates (possible in JSON over a socket, never in UTF-8 form data): replaced by
//   U+FFFD, since they cannot be stored or encoded.
// - Bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069): they make
//   "Ola \u202Efdp.exe" display as something else than it is.
// - Zero-width and invisible characters (U+200B, U+2060–U+2064, U+FEFF, U+00AD soft hyphen,
//   U+180E): they hide differences between names that look alike.
// Zero-width joiner and non-joiner (U+200D, U+200C) are kept: emoji sequences and several
// scripts need them.
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** The same characters as a non-global pattern source, for rules that refuse instead of clean (markup.ts). */
export const UNWANTED_SOURCE = UNWANTED.source;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with unwanted invisible and control characters removed and lone surrogates replaced. */
export function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD").replace(UNWANTED, "");
}

/** Whether cleanText would change the value. */
export function needsCleaning(value: string): boolean {
  UNWANTED.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  const dirty = UNWANTED.test(value) || LONE_SURROGATE.test(value);
  UNWANTED.lastIndex = 0;
  LONE_SURROGATE.lastIndex = 0;
  return dirty;
}

/** Every string inside a JSON-like value cleaned (object keys too), up to a nesting depth. */
export function cleanStrings<T>(value: T, depth = 8): T {
  if (typeof value === "string") return cleanText(value) as T;
  if (depth <= 0 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v, depth - 1)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[cleanText(k)] = cleanStrings(v, depth - 1);
  return out as T;
}
