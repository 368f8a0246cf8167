// The form for one programme item: on the event page (new item) and on the item's edit page.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { PROGRAMME_ITEM_KINDS } from "~/modules/events/event-kinds";
import { ITEM_KIND_NAMES, programmeItemSchema } from "./programme.schema";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./staff-form";

const LABELS: Record<string, string> = {
  title: "Tittel",
  kind: "Type",
  startsAt: "Starter",
  durationMinutes: "Varighet i minutter",
  endsAt: "Eller: slutter",
  room: "Rom",
  organisationId: "Organisasjon",
  organisationName: "Eller ny organisasjon",
  speakerIds: "Innledere",
  description: "Beskrivelse",
};

export function ProgrammeItemForm({
  id,
  defaultValue,
  lastResult,
  choices,
  submitLabel,
  intent,
}: {
  id: string;
  defaultValue: Record<string, string | string[]>;
  lastResult?: SubmissionResult<string[]> | null;
  choices: { organisations: Array<{ id: string; name: string }>; speakers: Array<{ id: string; name: string; role: string }> };
  submitLabel: string;
  intent?: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(programmeItemSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: programmeItemSchema }),
  });
  const chosen = new Set(([] as unknown[]).concat(fields.speakerIds.initialValue ?? []).map(String));
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={LABELS} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <TextField field={fields.title} label={LABELS.title} />
        <SelectField field={fields.kind} label={LABELS.kind} options={PROGRAMME_ITEM_KINDS.map((k) => [k, ITEM_KIND_NAMES[k]])} />
        <TextField field={fields.startsAt} label={LABELS.startsAt} type="datetime-local" />
        <TextField
          field={fields.durationMinutes}
          label={LABELS.durationMinutes}
          type="number"
          min={1}
          help="Innlegg fra organisasjoner er vanligvis 5 minutter. Fyll ut varighet eller sluttid."
        />
        <TextField field={fields.endsAt} label={LABELS.endsAt} type="datetime-local" />
        <TextField field={fields.room} label={LABELS.room} help="Poster i samme rom (eller uten rom) kan ikke overlappe." />
        <SelectField
          field={fields.organisationId}
          label={LABELS.organisationId}
          empty="Ingen"
          options={choices.organisations.map((o) => [o.id, o.name])}
        />
        <TextField field={fields.organisationName} label={LABELS.organisationName} help="Skriv navnet hvis organisasjonen ikke står i listen." />
        {choices.speakers.length ? (
          <fieldset>
            <legend>{LABELS.speakerIds}</legend>
            {choices.speakers.map((s) => (
              <div className="checkbox" key={s.id}>
                <input
                  type="checkbox"
                  id={`${form.id}-speaker-${s.id}`}
                  name={fields.speakerIds.name}
                  value={s.id}
                  defaultChecked={chosen.has(s.id)}
                />
                <label htmlFor={`${form.id}-speaker-${s.id}`}>
                  {s.name}
                  {s.role ? `, ${s.role}` : ""}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <TextAreaField field={fields.description} label={LABELS.description} rows={3} />
        <div className="checkbox">
          <input type="checkbox" id={fields.allowOverlap.id} name={fields.allowOverlap.name} />
          <label htmlFor={fields.allowOverlap.id}>Lagre likevel hvis tiden overlapper en annen programpost</label>
        </div>
        <p>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
        </p>
      </Form>
    </>
  );
}
