// The form for one programme item: on the event page (new item) and on the item's edit page.
import { Button } from "@digdir/designsystemet-react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { CheckboxField } from "~/components/ui/field";
import { useT, type MessageKey } from "~/i18n";
import { PROGRAMME_ITEM_KINDS } from "~/modules/events/event-kinds";
import { translateSubmission } from "./keyed-message";
import { ITEM_KIND_KEYS, programmeItemSchema } from "./programme.schema";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./staff-form";

const LABELS: Record<string, MessageKey> = {
  title: "staff-events:itemForm.title",
  kind: "staff-events:itemForm.kind",
  startsAt: "staff-events:itemForm.startsAt",
  durationMinutes: "staff-events:itemForm.duration",
  endsAt: "staff-events:itemForm.endsAt",
  room: "staff-events:itemForm.room",
  organisationId: "staff-events:itemForm.organisation",
  organisationName: "staff-events:itemForm.organisationName",
  speakerIds: "staff-events:itemForm.speakers",
  description: "staff-events:itemForm.description",
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
  const t = useT();
  const labels = Object.fromEntries(Object.entries(LABELS).map(([name, key]) => [name, t(key)]));
  const [form, fields] = useForm({
    id,
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(programmeItemSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => translateSubmission(parseWithZod(formData, { schema: programmeItemSchema }), t),
  });
  const chosen = new Set(([] as unknown[]).concat(fields.speakerIds.initialValue ?? []).map(String));
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={labels} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <TextField field={fields.title} label={labels.title} />
        <SelectField field={fields.kind} label={labels.kind} options={PROGRAMME_ITEM_KINDS.map((k) => [k, t(ITEM_KIND_KEYS[k])])} />
        <TextField field={fields.startsAt} label={labels.startsAt} type="datetime-local" />
        <TextField
          field={fields.durationMinutes}
          label={labels.durationMinutes}
          type="number"
          min={1}
          help={t("staff-events:itemForm.durationHelp")}
        />
        <TextField field={fields.endsAt} label={labels.endsAt} type="datetime-local" />
        <TextField field={fields.room} label={labels.room} help={t("staff-events:itemForm.roomHelp")} />
        <SelectField
          field={fields.organisationId}
          label={labels.organisationId}
          empty={t("staff-events:itemForm.none")}
          options={choices.organisations.map((o) => [o.id, o.name])}
        />
        <TextField field={fields.organisationName} label={labels.organisationName} help={t("staff-events:itemForm.organisationNameHelp")} />
        {choices.speakers.length ? (
          <fieldset className="ds-fieldset">
            <legend className="ds-label">{labels.speakerIds}</legend>
            {choices.speakers.map((s) => (
              <CheckboxField
                key={s.id}
                id={`${form.id}-speaker-${s.id}`}
                name={fields.speakerIds.name}
                value={s.id}
                defaultChecked={chosen.has(s.id)}
                label={s.role ? t("staff-events:itemForm.speaker", { name: s.name, role: s.role }) : s.name}
              />
            ))}
          </fieldset>
        ) : null}
        <TextAreaField field={fields.description} label={labels.description} rows={3} />
        <CheckboxField id={fields.allowOverlap.id} name={fields.allowOverlap.name} label={t("staff-events:itemForm.allowOverlap")} />
        <p>
          <Button type="submit" variant="primary" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </Button>
        </p>
      </Form>
    </>
  );
}
