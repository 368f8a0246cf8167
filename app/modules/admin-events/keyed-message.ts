// Form messages as catalog keys, optionally with values: "staff-events:item.error.clash?title=Pause".
// Schemas and server rules produce them (a schema has no language); the route translates the
// reply into the staff member's language before the form shows it, and a form's client-side
// validation does the same, so a message with a number in it ("Linje 3 …") works in both places.
import { isMessageKey, type MessageKey, type Translate } from "~/i18n";

type Values = Record<string, string | number>;

export function keyed(key: MessageKey, values?: Values): string {
  if (!values) return key;
  const query = new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]));
  return `${key}?${query}`;
}

/** A keyed message in the language of `t`; any other text is returned as it is. */
export function translateKeyed(t: Translate, message: string): string {
  const at = message.indexOf("?");
  const key = at === -1 ? message : message.slice(0, at);
  if (!isMessageKey(key)) return message;
  if (at === -1) return t(key);
  const values: Values = {};
  for (const [k, v] of new URLSearchParams(message.slice(at + 1))) values[k] = /^\d+$/.test(v) ? Number(v) : v;
  return t(key, values);
}

type ErrorMap = Record<string, string[] | null> | null | undefined;

function translateErrors(error: ErrorMap, t: Translate): void {
  if (!error) return;
  for (const messages of Object.values(error)) {
    if (!messages) continue;
    for (let i = 0; i < messages.length; i++) messages[i] = translateKeyed(t, messages[i]);
  }
}

/** Translates a Conform reply's messages (in place, and returns it). */
export function translateReply<R extends { error?: ErrorMap }>(result: R, t: Translate): R {
  translateErrors(result.error, t);
  return result;
}

/** For `onValidate`: translates the submission's messages in place, so the form shows text. */
export function translateSubmission<S>(submission: S, t: Translate): S {
  translateErrors((submission as { error?: ErrorMap }).error, t);
  return submission;
}
