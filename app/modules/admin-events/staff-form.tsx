// Small building blocks for the staff forms: labelled fields wired to Conform's field metadata in
// Designsystemet's markup (app/components/ui/field.tsx), and an error summary at the top that is
// focused after a failed submission. Field errors are catalog keys or already translated text.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useRef, type ReactNode } from "react";
import { Field } from "~/components/ui/field";
import { isMessageKey, useT } from "~/i18n";

type AnyField = FieldMetadata<any, any, any>;

function describedBy(field: AnyField, help: boolean) {
  const ids = [help ? `${field.id}-help` : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Wrap({ field, label, help, children }: { field: AnyField; label: ReactNode; help?: ReactNode; children: ReactNode }) {
  const t = useT();
  const error = field.errors?.length ? field.errors[0] : undefined;
  return (
    <Field id={field.id} label={label} help={help} error={error ? (isMessageKey(error) ? t(error) : error) : undefined} errorId={field.errorId}>
      {children}
    </Field>
  );
}

type InputType = "text" | "number" | "datetime-local" | "url" | "month" | "time" | "date" | "email" | "password" | "search";

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
      <input key={key} className="ds-input" {...props} {...rest} />
    </Wrap>
  );
}

export function TextAreaField({ field, label, help, rows = 4 }: { field: AnyField; label: ReactNode; help?: ReactNode; rows?: number }) {
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: describedBy(field, Boolean(help)) });
  return (
    <Wrap field={field} label={label} help={help}>
      <textarea key={key} className="ds-input" rows={rows} {...props} />
    </Wrap>
  );
}

export function SelectField({
  field,
  label,
  help,
  options,
  empty,
  ...rest
}: {
  field: AnyField;
  label: ReactNode;
  help?: ReactNode;
  options: Array<[value: string, label: string]>;
  empty?: string;
} & React.SelectHTMLAttributes<HTMLSelectElement>) {
  const { key, ...props } = getSelectProps(field, { ariaDescribedBy: describedBy(field, Boolean(help)) });
  return (
    <Wrap field={field} label={label} help={help}>
      <select key={key} className="ds-input" {...props} {...rest}>
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

/** One checkbox with its label to the right, as Designsystemet lays them out. */
export function CheckboxField({ field, label, help }: { field: AnyField; label: ReactNode; help?: ReactNode }) {
  const t = useT();
  const error = field.errors?.length ? field.errors[0] : undefined;
  const { key, ...props } = getInputProps(field, { type: "checkbox", ariaDescribedBy: describedBy(field, Boolean(help)) });
  return (
    <div className="ds-field">
      <input key={key} className="ds-input" {...props} />
      <label className="ds-label" htmlFor={field.id} data-weight="regular">
        {label}
      </label>
      {help ? (
        <div data-field="description" id={`${field.id}-help`}>
          {help}
        </div>
      ) : null}
      {error ? (
        <p className="ds-validation-message" data-field="validation" id={field.errorId}>
          {isMessageKey(error) ? t(error) : error}
        </p>
      ) : null}
    </div>
  );
}

/** The form's errors at its top, with links to the fields (WCAG 3.3.1). */
export function ErrorSummary({ formErrors, fields, labels }: { formErrors?: string[]; fields: Record<string, AnyField>; labels: Record<string, string> }) {
  const t = useT();
  const tr = (m: string) => (isMessageKey(m) ? t(m) : m);
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
    <div className="ds-error-summary error-summary" role="alert" tabIndex={-1} ref={ref}>
      {(formErrors ?? []).map((m) => (
        <p key={m} className="form-error">
          {tr(m)}
        </p>
      ))}
      {fieldErrors.length ? (
        <>
          <h2 className="ds-heading" data-size="xs">
            {t("form.errorSummary")}
          </h2>
          <ul className="ds-list">
            {fieldErrors.map((e) => (
              <li key={e.name}>
                <a className="ds-link" href={`#${e.field.id}`}>
                  {e.label}: {tr(e.field.errors![0])}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
