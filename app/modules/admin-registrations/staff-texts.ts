// Staff pages are bokmål only; the public schema's messages are i18n keys, shown here in bokmål.
import { translator, type MessageKey } from "~/i18n";
import { nb } from "~/i18n/nb";

const t = translator("nb");

export function staffMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message in nb ? t(message as MessageKey) : message;
}

export const STATUS_LABEL: Record<string, string> = { CONFIRMED: "Bekreftet", WAITING: "Venteliste", CANCELLED: "Avmeldt" };
