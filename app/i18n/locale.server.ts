// Kept for existing imports: the language helpers live in i18n.server.ts.
export { getLocale, localeCookie } from "./i18n.server";
