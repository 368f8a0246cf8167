// Building blocks for the staff tools' forms (requests, follow-up): labelled fields wired to
// Conform's field metadata, and an error summary at the top that is focused after a failed
// submission. Error messages are catalog keys and are shown in the page's language.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useRef, type ReactNode } from "react";
import { isMessageKey, useT, type Translate } from "~/i18n";

/** A catalog key in the page's language; a message from a schema that has no key yet, as it is. */
function translateMessage(t: Translate, message: string | undefined): string | undefined {
  return message && isMessageKey(message) ? t(message) : message;
}

type AnyField = FieldMetadata<any, any, any>;

function describedBy(field: AnyField, help: boolean) {
  const ids = [help ? `${field.id}-help` : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Wrap({ field, label, help, children }: { field: AnyField; label: ReactNode; help?: ReactNode; children: ReactNode }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {help ? (
        <p className="help" id={`${field.id}-help`}>
          {help}
        </p>
      ) : null}
      {children}
      {field.errors?.length ? (
        <p className="error" id={field.errorId}>
          {translateMessage(t, field.errors[0])}
        </p>
      ) : null}
    </div>
  );
}

type InputType = "text" | "number" | "datetime-local" | "url" | "month" | "time" | "date";

export function TextField({
  field,
  label,
  help,
  type = "text",
  ...rest
}: {
  field: AnyField;
  label: ReactNode;
  help?: ReactNode;
  type?: InputType;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type">) {
  const { key, ...props } = getInputProps(field, { type, ariaDescribedBy: describedBy(field, Boolean(help)) });
  return (
    <Wrap field={field} label={label} help={help}>
      <input key={key} {...props} {...rest} />
    </Wrap>
  );
}

export function TextAreaField({ field, label, help, rows = 4 }: { field: AnyField; label: ReactNode; help?: ReactNode; rows?: number }) {
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: describedBy(field, Boolean(help)) });
  return (
    <Wrap field={field} label={label} help={help}>
      <textarea key={key} rows={rows} {...props} />
    </Wrap>
  );
}

export function SelectField({
  field,
  label,
  help,
  options,
  empty,
}: {
  field: AnyField;
  label: ReactNode;
  help?: ReactNode;
  options: Array<[value: string, label: string]>;
  empty?: string;
}) {
  const { key, ...props } = getSelectProps(field, { ariaDescribedBy: describedBy(field, Boolean(help)) });
  return (
    <Wrap field={field} label={label} help={help}>
      <select key={key} {...props}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/** The form's errors at its top, with links to the fields (WCAG 3.3.1). */
export function ErrorSummary({
  formErrors,
  fields,
  labels,
}: {
  formErrors?: string[];
  fields: Record<string, AnyField>;
  labels: Record<string, string>;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const fieldErrors = Object.entries(labels)
    .map(([name, label]) => ({ name, label, field: fields[name] }))
    .filter((e) => e.field?.errors?.length);
  const count = (formErrors?.length ?? 0) + fieldErrors.length;
  const signature = [...(formErrors ?? []), ...fieldErrors.map((e) => e.name)].join("|");
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, signature]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      {(formErrors ?? []).map((m) => (
        <p key={m} className="form-error">
          {translateMessage(t, m)}
        </p>
      ))}
      {fieldErrors.length ? (
        <>
          <p className="form-error">{t("staff-tools:messages.formHasErrors")}</p>
          <ul>
            {fieldErrors.map((e) => (
              <li key={e.name}>
                <a href={`#${e.field.id}`}>
                  {e.label}: {translateMessage(t, e.field.errors![0])}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
