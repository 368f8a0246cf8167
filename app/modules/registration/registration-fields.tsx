// The form fields shared by the registration form and the attendee's own page.
import type { FieldMetadata } from "@conform-to/react";
import { translateError } from "~/components/form-errors";
import { CheckboxField, Field, describedBy } from "~/components/ui/field";
import { useT } from "~/i18n";
import { FREE_TEXT_MAX, NAME_MAX } from "./registration.schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type F = FieldMetadata<any, any, string[]>;

function textProps(field: F, hasHelp: boolean) {
  const error = field.errors?.[0];
  return {
    id: field.id,
    name: field.name,
    defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(field.id, hasHelp, Boolean(error)),
  };
}

export function DetailsFields({
  fields,
  before,
}: {
  fields: { name: F; phone: F; organisation: F; diet: F; accessibility: F; newsletter: F };
  before?: React.ReactNode;
}) {
  const t = useT();
  const err = (f: F) => translateError(t, f.errors?.[0]);
  return (
    <>
      <Field id={fields.name.id} label={`${t("form.name")} ${t("form.required")}`} error={err(fields.name)}>
        <input className="ds-input" type="text" autoComplete="name" required maxLength={NAME_MAX} {...textProps(fields.name, false)} />
      </Field>
      {before}
      <Field id={fields.phone.id} label={t("form.phone")} help={t("form.phoneHelp")} error={err(fields.phone)}>
        <input className="ds-input" type="tel" autoComplete="tel" inputMode="tel" maxLength={40} {...textProps(fields.phone, true)} />
      </Field>
      <Field id={fields.organisation.id} label={t("form.organisation")} error={err(fields.organisation)}>
        <input className="ds-input" type="text" autoComplete="organization" maxLength={NAME_MAX} {...textProps(fields.organisation, false)} />
      </Field>
      <Field id={fields.diet.id} label={t("form.diet")} help={t("form.dietHelp")} error={err(fields.diet)}>
        <textarea className="ds-input" maxLength={FREE_TEXT_MAX} rows={2} {...textProps(fields.diet, true)} />
      </Field>
      <Field id={fields.accessibility.id} label={t("form.accessibility")} help={t("form.accessibilityHelp")} error={err(fields.accessibility)}>
        <textarea className="ds-input" maxLength={FREE_TEXT_MAX} rows={2} {...textProps(fields.accessibility, true)} />
      </Field>
      <CheckboxField
        id={fields.newsletter.id}
        name={fields.newsletter.name}
        label={t("form.newsletter")}
        defaultChecked={fields.newsletter.initialValue === "on"}
      />
    </>
  );
}

export { textProps };
