// The fixed list of themes citizens file their input under; their names are in the public
// catalog (public:input.theme.<THEME>). Staff may move an input to another theme.
import { translator, type Locale, type MessageKey } from "~/i18n";

export const THEMES = [
  "SPORT_OUTDOORS",
  "SCHOOL_KINDERGARTEN",
  "ROADS_TRAFFIC",
  "HEALTH_CARE",
  "CULTURE",
  "NATURE_ENVIRONMENT",
  "URBAN_DEVELOPMENT",
  "OTHER",
] as const;
export type Theme = (typeof THEMES)[number];

export function themeLabel(theme: string, locale: Locale = "nb"): string {
  return (THEMES as readonly string[]).includes(theme) ? translator(locale)(`public:input.theme.${theme}` as MessageKey) : theme;
}
