// Form fields in Designsystemet's markup (ds-field, ds-label, ds-input, ds-validation-message),
// rendered completely on the server: the label's `for`, the help and error ids and aria-describedby
// are set here, so fields work and are announced before (and without) JavaScript. Designsystemet's own
// <Textfield> ties label and input only in the browser (see docs/decisions/009-i18n-and-design-system.md).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export function describedBy(id: string, hasHelp: boolean, hasError: boolean): string | undefined {
  const ids = [hasHelp ? `${id}-help` : null, hasError ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

type FieldProps = {
  id: string;
  label: ReactNode;
  help?: ReactNode;
  error?: string;
  /** Error element id when a form library chooses its own (Conform's `errorId`). */
  errorId?: string;
  children: ReactNode;
};

/** A labelled field around any input: the input must carry `id` and `aria-describedby` itself. */
export function Field({ id, label, help, error, errorId, children }: FieldProps) {
  return (
    <div className="ds-field field">
      <label className="ds-label" htmlFor={id}>
        {label}
      </label>
      {help ? (
        <div data-field="description" id={`${id}-help`}>
          {help}
        </div>
      ) : null}
      {children}
      {error ? (
        <p className="ds-validation-message" data-field="validation" id={errorId ?? `${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Common = { id: string; label: ReactNode; help?: ReactNode; error?: string };

/** What every control in a field carries: Designsystemet's class, its id, and its help and error. */
function controlProps(id: string, help: ReactNode, error: string | undefined) {
  return {
    className: "ds-input",
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, Boolean(help), Boolean(error)),
  } as const;
}

export function TextInput({ id, label, help, error, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} help={help} error={error}>
      <input {...controlProps(id, help, error)} {...input} />
    </Field>
  );
}

export function TextArea({ id, label, help, error, rows = 4, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} help={help} error={error}>
      <textarea {...controlProps(id, help, error)} rows={rows} {...input} />
    </Field>
  );
}

export function SelectInput({
  id,
  label,
  help,
  error,
  options,
  empty,
  ...select
}: Common & {
  options: ReadonlyArray<readonly [value: string, label: string]>;
  /** A first, empty choice ("Velg …"). */
  empty?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field id={id} label={label} help={help} error={error}>
      <select {...controlProps(id, help, error)} {...select}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** One checkbox (or radio) with its label to the right, as Designsystemet lays them out. */
export function CheckboxField({
  id,
  label,
  help,
  error,
  type = "checkbox",
  ...input
}: Common & { type?: "checkbox" | "radio" } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return (
    <div className="ds-field">
      <input {...controlProps(id, help, error)} type={type} {...input} />
      <label className="ds-label" htmlFor={id} data-weight="regular">
        {label}
      </label>
      {help ? (
        <div data-field="description" id={`${id}-help`}>
          {help}
        </div>
      ) : null}
      {error ? (
        <p className="ds-validation-message" data-field="validation" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of radios or checkboxes under a legend. */
export function FieldsetGroup({
  legend,
  help,
  error,
  id,
  children,
}: {
  legend: ReactNode;
  help?: ReactNode;
  error?: string;
  id: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="ds-fieldset" id={id} aria-describedby={describedBy(id, Boolean(help), Boolean(error))}>
      <legend className="ds-label">{legend}</legend>
      {help ? (
        <p data-field="description" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="ds-validation-message" data-field="validation" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
