// The request form's schema messages are short keys (request.schema.ts); their words are in the
// public catalog as public:request.error.<key>. Anything else reads as "could not read the form".
import { isMessageKey, type MessageKey, type Translate } from "~/i18n";

export function requestErrorText(t: Translate, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const key = `public:request.error.${message}`;
  return t(isMessageKey(key) ? (key as MessageKey) : "public:request.error.badRequest");
}

/** The request statuses the sender sees, in catalog order. */
export const REQUEST_STATUSES = ["RECEIVED", "IN_REVIEW", "ACCEPTED", "ANSWERED", "DECLINED"] as const;
export type RequestStatusName = (typeof REQUEST_STATUSES)[number];

export function requestStatusText(t: Translate, status: string): string {
  return (REQUEST_STATUSES as readonly string[]).includes(status) ? t(`public:request.status.${status as RequestStatusName}`) : status;
}
