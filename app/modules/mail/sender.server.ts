// Who mail comes from: the address is the server's (MAIL_FROM, so that SPF and DKIM stay an
// operator's matter), the display name the organisation's (settings), falling back to the name
// in MAIL_FROM and then to the organisation's name.
import { orgSettings, orgTextVars } from "~/modules/settings/settings.server";
import { config } from "~/utils/config.server";

export function parseMailbox(from: string): { name: string; email: string } {
  const m = /^\s*"?(.*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]!, email: m[2]! } : { name: "", email: from.trim() };
}

export function mailSender(): { name: string; address: string } {
  const { name, email } = parseMailbox(config().mailFrom);
  const settings = orgSettings();
  const hasOrgName = Boolean(settings.orgName.nb || settings.orgName.nn || settings.orgName.en);
  const fromSettings = settings.mailSenderName.trim() || (hasOrgName ? orgTextVars(settings, "nb").org : "");
  return { name: fromSettings || name || "Samhandling", address: email };
}
