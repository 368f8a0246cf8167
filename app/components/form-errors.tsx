import { useEffect, useRef } from "react";
import { isMessageKey, useT, type Translate } from "~/i18n";

/** Schema messages are i18n keys; anything else (a library default) becomes a plain "could not read". */
export function translateError(t: Translate, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return isMessageKey(message) ? t(message) : t("error.badRequest");
}

/**
 * A summary of the form's errors at its top, focused after a failed submission, with links to
 * the fields (WCAG 3.3.1). Works without JavaScript because the server renders it.
 */
export function ErrorSummary({
  formErrors,
  fieldErrors,
  labels,
  translate,
}: {
  formErrors: string[];
  fieldErrors: Array<{ id: string; field: string; message: string }>;
  labels: Record<string, string>;
  /** For forms whose schema also uses keys of a module's own texts; defaults to the site catalogs. */
  translate?: (message: string) => string | undefined;
}) {
  const siteT = useT();
  const tr = translate ?? ((m: string) => translateError(siteT, m));
  const t = siteT;
  const ref = useRef<HTMLDivElement>(null);
  const count = formErrors.length + fieldErrors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, formErrors.join(), fieldErrors.map((e) => e.id).join()]);
  if (count === 0) return null;
  return (
    <div className="ds-error-summary error-summary" role="alert" tabIndex={-1} ref={ref} id="error-summary">
      {fieldErrors.length > 0 ? (
        <h2 className="ds-heading" data-size="xs">
          {t("form.errorSummary")}
        </h2>
      ) : null}
      {formErrors.map((m) => (
        <p key={m} className="form-error">
          {tr(m)}
        </p>
      ))}
      {fieldErrors.length > 0 ? (
        <ul className="ds-list">
          {fieldErrors.map((e) => (
            <li key={e.id}>
              <a className="ds-link" href={`#${e.id}`}>
                {labels[e.field] ?? e.field}: {tr(e.message)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
