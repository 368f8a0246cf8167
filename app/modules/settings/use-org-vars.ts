// The organisation's words ({org}, {unit}, {Org}, {Unit}) in components, from the root loader.
import { useRouteLoaderData } from "@remix-run/react";
import { useLocale } from "~/i18n";
import { dataControllerName, emptyOrgSettings, orgTextVars, type OrgTextVars } from "./org-settings";

export function useOrgVars(): OrgTextVars {
  const data = useRouteLoaderData("root") as { org?: OrgTextVars } | undefined;
  const locale = useLocale();
  return data?.org ?? orgTextVars(emptyOrgSettings(), locale);
}

/** The data controller as privacy texts name it ("Eksempelby kommune ved Demokratiavdelinga"). */
export function useDataController(): string {
  const data = useRouteLoaderData("root") as { dataController?: string } | undefined;
  const locale = useLocale();
  return data?.dataController ?? dataControllerName(emptyOrgSettings(), locale);
}
