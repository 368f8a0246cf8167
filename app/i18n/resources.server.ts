// Every catalog, for the server (pages, mails, jobs). Generated list: one import per language and namespace.
// The browser never imports this file; it gets the namespaces a page needs from the root loader.
import type { Locale, Namespace } from "./index";
import nbCommon from "~/locales/nb/common.json";
import nbPublic from "~/locales/nb/public.json";
import nbLive from "~/locales/nb/live.json";
import nbStaffEvents from "~/locales/nb/staff-events.json";
import nbStaffTools from "~/locales/nb/staff-tools.json";
import nbSettings from "~/locales/nb/settings.json";
import nnCommon from "~/locales/nn/common.json";
import nnPublic from "~/locales/nn/public.json";
import nnLive from "~/locales/nn/live.json";
import nnStaffEvents from "~/locales/nn/staff-events.json";
import nnStaffTools from "~/locales/nn/staff-tools.json";
import nnSettings from "~/locales/nn/settings.json";
import enCommon from "~/locales/en/common.json";
import enPublic from "~/locales/en/public.json";
import enLive from "~/locales/en/live.json";
import enStaffEvents from "~/locales/en/staff-events.json";
import enStaffTools from "~/locales/en/staff-tools.json";
import enSettings from "~/locales/en/settings.json";

export const allResources: Record<Locale, Record<Namespace, Record<string, string>>> = {
  nb: { "common": nbCommon, "public": nbPublic, "live": nbLive, "staff-events": nbStaffEvents, "staff-tools": nbStaffTools, "settings": nbSettings },
  nn: { "common": nnCommon, "public": nnPublic, "live": nnLive, "staff-events": nnStaffEvents, "staff-tools": nnStaffTools, "settings": nnSettings },
  en: { "common": enCommon, "public": enPublic, "live": enLive, "staff-events": enStaffEvents, "staff-tools": enStaffTools, "settings": enSettings },
};
