// Typed keys, derived from the bokmål catalogs (the reference language).
import type common from "~/locales/nb/common.json";
import type live from "~/locales/nb/live.json";
import type publicNs from "~/locales/nb/public.json";
import type settings from "~/locales/nb/settings.json";
import type staffEvents from "~/locales/nb/staff-events.json";
import type staffTools from "~/locales/nb/staff-tools.json";
import type { Namespace } from "./namespaces";

export type Catalogs = {
  common: typeof common;
  public: typeof publicNs;
  live: typeof live;
  "staff-events": typeof staffEvents;
  "staff-tools": typeof staffTools;
  settings: typeof settings;
};

type PluralSuffix = "zero" | "one" | "two" | "few" | "many" | "other";
type StripPlural<K> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
type KeysOf<N extends Namespace> = StripPlural<Extract<keyof Catalogs[N], string>>;

/** "home.title" (common) or "live:question.send" (another namespace). */
export type MessageKey =
  | KeysOf<"common">
  | { [N in Exclude<Namespace, "common">]: `${N}:${KeysOf<N>}` }[Exclude<Namespace, "common">];
