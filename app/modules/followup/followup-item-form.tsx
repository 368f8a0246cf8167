// Staff form for a follow-up item: on the follow-up page (new item) and on the item's edit page.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/modules/admin-events/staff-form";
import { FOLLOW_UP_STATUSES, STATUS_NAMES_NB, VISIBILITIES, VISIBILITY_NAMES, followUpItemSchema } from "./followup.schema";

const LABELS: Record<string, string> = {
  title: "Tittel",
  summary: "Hva som ble tatt opp (offentlig)",
  responsibleUnit: "Ansvarlig enhet",
  status: "Status",
  statusReason: "Begrunnelse (må fylles ut for «Blir ikke gjennomført»)",
  publicAnswer: "Svar til innbyggerne (offentlig)",
  note: "Merknad i historikken (offentlig, valgfritt)",
  visibility: "Synlighet",
};

export function FollowUpItemForm({
  id,
  defaultValue,
  lastResult,
  submitLabel,
  intent,
}: {
  id: string;
  defaultValue: Record<string, string>;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  intent?: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id,
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(followUpItemSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: followUpItemSchema }),
  });
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={LABELS} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        {intent ? <input type="hidden" name="intent" value={intent} /> : null}
        <TextField field={fields.title} label={LABELS.title} maxLength={200} />
        <TextAreaField field={fields.summary} label={LABELS.summary} help="Skriv uten personopplysninger: dette vises på arrangementssiden." rows={4} />
        <TextField field={fields.responsibleUnit} label={LABELS.responsibleUnit} maxLength={200} />
        <SelectField field={fields.status} label={LABELS.status} options={FOLLOW_UP_STATUSES.map((s) => [s, STATUS_NAMES_NB[s]])} />
        <TextAreaField field={fields.statusReason} label={LABELS.statusReason} rows={2} />
        <TextAreaField field={fields.publicAnswer} label={LABELS.publicAnswer} rows={4} />
        <TextField field={fields.note} label={LABELS.note} maxLength={1000} help="Den som sendte innspillet får e-post når statusen endres." />
        <SelectField
          field={fields.visibility}
          label={LABELS.visibility}
          help="Les gjennom tittel og sammendrag før du publiserer: et punkt laget fra et innspill starter med innbyggerens egen tekst."
          options={VISIBILITIES.map((v) => [v, VISIBILITY_NAMES[v]])}
        />
        <p>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
        </p>
      </Form>
    </>
  );
}
