// Staff pages are bokmål only; the public schema's messages are i18n keys, shown here in bokmål.
import { isMessageKey, translator } from "~/i18n";

const t = translator("nb");

export function staffMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  return isMessageKey(message) ? t(message) : message;
}

export const STATUS_LABEL: Record<string, string> = { CONFIRMED: "Bekreftet", WAITING: "Venteliste", CANCELLED: "Avmeldt" };
