// Create/edit forms for speakers and organisations.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
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
  const [form, fields] = useForm({
    id: "speaker",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(speakerSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: speakerSchema }),
  });
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={{ name: "Navn", role: "Rolle", organisationId: "Organisasjon", bio: "Om innlederen" }} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <TextField field={fields.name} label="Navn" />
        <TextField field={fields.role} label="Rolle" help="For eksempel «ordfører» eller «daglig leder»." />
        <SelectField field={fields.organisationId} label="Organisasjon" empty="Ingen" options={organisations.map((o) => [o.id, o.name])} />
        <TextAreaField field={fields.bio} label="Om innlederen" rows={5} />
        <p>
          <button type="submit" className="primary">
            {submitLabel}
          </button>
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
  const [form, fields] = useForm({
    id: "organisation",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue: defaultValue ?? { kind: "VELFORENING" },
    constraint: getZodConstraint(organisationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organisationSchema }),
  });
  return (
    <>
      <ErrorSummary
        formErrors={form.errors}
        fields={fields}
        labels={{ name: "Navn", kind: "Type", description: "Beskrivelse", websiteUrl: "Nettside" }}
      />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <TextField field={fields.name} label="Navn" />
        <SelectField field={fields.kind} label="Type" options={Object.entries(ORGANISATION_KINDS)} />
        <TextAreaField field={fields.description} label="Beskrivelse" rows={3} />
        <TextField field={fields.websiteUrl} label="Nettside" type="url" />
        <p>
          <button type="submit" className="primary">
            {submitLabel}
          </button>
        </p>
      </Form>
    </>
  );
}
