import { cleanText, UNWANTED_SOURCE } from "./text";

// Markup or control characters have no place in a name, an answer or a message; refusing them
// keeps stored data clean for every later use (CSV export, mail, badges), not only for HTML.
// Shared by the zod schemas of every public and staff form. The invisible characters are the
// ones text.ts cleans (bidi overrides, zero-width characters, C0/C1 controls): the HTTP layer
// strips them before a form reaches a schema, and a direct call of a schema refuses them, so
// "Ola \u202Efdp.exe" never gets stored by either route.
const TAG_START = /<\s*\/?\s*[a-z!?]/i;
export const MARKUP = new RegExp(`${TAG_START.source}|${UNWANTED_SOURCE}`, "i");

/** Only the invisible and control characters, for staff texts that may contain "<" (descriptions). */
export const INVISIBLE = new RegExp(UNWANTED_SOURCE);
export const INVISIBLE_MESSAGE = "Teksten inneholder usynlige tegn eller kontrolltegn. Skriv den inn på nytt uten dem.";

/**
 * Text written elsewhere (a live question, a citizen's input) made acceptable to a form that
 * refuses MARKUP, for the one-click follow-up item: unwanted characters are removed (cleanText)
 * and every "<" that would start a tag becomes "＜" (U+FF1C FULLWIDTH LESS-THAN SIGN). We replace
 * rather than strip tags so that the citizen's words stay as written and "a < b" keeps its
 * meaning; staff can still edit the text before publishing.
 */
export function neutraliseMarkup(text: string): string {
  return cleanText(text).replace(/<(?=\s*\/?\s*[a-z!?])/gi, "\uFF1C");
}
