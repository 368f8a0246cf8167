// The fixed list of themes citizens file their input under, with their names in the three
// site languages. Staff may move an input to another theme.
import type { Locale } from "~/i18n";

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

export const THEME_LABELS: Record<Locale, Record<Theme, string>> = {
  nb: {
    SPORT_OUTDOORS: "Idrett og friluftsliv",
    SCHOOL_KINDERGARTEN: "Skole og barnehage",
    ROADS_TRAFFIC: "Vei og trafikk",
    HEALTH_CARE: "Helse og omsorg",
    CULTURE: "Kultur",
    NATURE_ENVIRONMENT: "Natur og miljø",
    URBAN_DEVELOPMENT: "Byutvikling",
    OTHER: "Annet",
  },
  nn: {
    SPORT_OUTDOORS: "Idrett og friluftsliv",
    SCHOOL_KINDERGARTEN: "Skule og barnehage",
    ROADS_TRAFFIC: "Veg og trafikk",
    HEALTH_CARE: "Helse og omsorg",
    CULTURE: "Kultur",
    NATURE_ENVIRONMENT: "Natur og miljø",
    URBAN_DEVELOPMENT: "Byutvikling",
    OTHER: "Anna",
  },
  en: {
    SPORT_OUTDOORS: "Sports and outdoor life",
    SCHOOL_KINDERGARTEN: "Schools and kindergartens",
    ROADS_TRAFFIC: "Roads and traffic",
    HEALTH_CARE: "Health and care",
    CULTURE: "Culture",
    NATURE_ENVIRONMENT: "Nature and environment",
    URBAN_DEVELOPMENT: "Urban development",
    OTHER: "Other",
  },
};

export function themeLabel(theme: string, locale: Locale = "nb"): string {
  return (THEME_LABELS[locale] as Record<string, string>)[theme] ?? theme;
}
