// Create/edit forms for speakers and organisations.
import { Button } from "@digdir/designsystemet-react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n";
import { translateSubmission } from "./keyed-message";
import { ORGANISATION_KINDS, organisationSchema, speakerSchema } from "./people.schema";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./staff-form";

export function SpeakerForm({
  defaultValue,
  lastResult,
  organisations,
  submitLabel,
}: {
  defaultValue?: Record<string, string>;
  lastResult?: SubmissionResult<string[]> | null;
  organisations: Array<{ id: string; name: string }>;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const t = useT();
  const labels = {
    name: t("staff-events:peopleForm.name"),
    role: t("staff-events:peopleForm.role"),
    organisationId: t("staff-events:peopleForm.organisation"),
    bio: t("staff-events:peopleForm.bio"),
  };
  const [form, fields] = useForm({
    id: "speaker",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(speakerSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => translateSubmission(parseWithZod(formData, { schema: speakerSchema }), t),
  });
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={labels} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <TextField field={fields.name} label={labels.name} />
        <TextField field={fields.role} label={labels.role} help={t("staff-events:peopleForm.roleHelp")} />
        <SelectField
          field={fields.organisationId}
          label={labels.organisationId}
          empty={t("staff-events:itemForm.none")}
          options={organisations.map((o) => [o.id, o.name])}
        />
        <TextAreaField field={fields.bio} label={labels.bio} rows={5} />
        <p>
          <Button type="submit" variant="primary">
            {submitLabel}
          </Button>
        </p>
      </Form>
    </>
  );
}

export function OrganisationForm({
  defaultValue,
  lastResult,
  submitLabel,
}: {
  defaultValue?: Record<string, string>;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const t = useT();
  const labels = {
    name: t("staff-events:peopleForm.name"),
    kind: t("staff-events:peopleForm.kind"),
    description: t("staff-events:peopleForm.description"),
    websiteUrl: t("staff-events:peopleForm.website"),
  };
  const [form, fields] = useForm({
    id: "organisation",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue: defaultValue ?? { kind: "VELFORENING" },
    constraint: getZodConstraint(organisationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => translateSubmission(parseWithZod(formData, { schema: organisationSchema }), t),
  });
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={labels} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <TextField field={fields.name} label={labels.name} />
        <SelectField field={fields.kind} label={labels.kind} options={Object.entries(ORGANISATION_KINDS).map(([kind, key]) => [kind, t(key)])} />
        <TextAreaField field={fields.description} label={labels.description} rows={3} />
        <TextField field={fields.websiteUrl} label={labels.websiteUrl} type="url" />
        <p>
          <Button type="submit" variant="primary">
            {submitLabel}
          </Button>
        </p>
      </Form>
    </>
  );
}
