// Words of the live protocol: a refusal travels as a catalog key with its values (and, for
// clients without our catalogs, the sentence in the connection's language). The browser shows
// the key in the page's language; the server renders the sentence with the same function.
import type { ZodError } from "zod";
import { isMessageKey, type MessageKey, type Translate } from "~/i18n";

export type LiveValues = Record<string, string | number>;
/** A text of the `live` namespace with its values; `values.field` names a payload field (live:field.*). */
export type LiveMessage = { key: MessageKey; values?: LiveValues };

/** The sentence for a message; field names in `values.field` are translated too. */
export function liveText(t: Translate, m: { key?: string; values?: LiveValues; message?: string }): string {
  if (!m.key || !isMessageKey(m.key)) return m.message ?? t("live:error.server");
  const values: LiveValues = { ...m.values };
  if (typeof values.field === "string") {
    const fieldKey = `live:field.${values.field}`;
    values.field = isMessageKey(fieldKey) ? t(fieldKey) : values.field;
  }
  return t(m.key, values);
}

/** The first problem in a payload, as a message a person can read. */
export function describeInvalid(error: ZodError): LiveMessage {
  const issue = error.issues[0];
  if (!issue) return { key: "live:error.badRequest" };
  const field = issue.path.find((p): p is string => typeof p === "string") ?? "request";
  switch (issue.code) {
    case "invalid_type":
      return { key: issue.received === "undefined" ? "live:error.field.missing" : "live:error.field.format", values: { field } };
    case "too_small":
      return { key: issue.type === "string" ? "live:error.field.empty" : "live:error.field.tooSmall", values: { field } };
    case "too_big":
      return issue.type === "string"
        ? { key: "live:error.field.tooLong", values: { field, max: Number(issue.maximum) } }
        : { key: "live:error.field.tooBig", values: { field } };
    default:
      return { key: "live:error.field.invalid", values: { field } };
  }
}
