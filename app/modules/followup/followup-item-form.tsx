// Staff form for a follow-up item: on the follow-up page (new item) and on the item's edit page.
import { Button } from "@digdir/designsystemet-react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useT } from "~/i18n";
import { FOLLOW_UP_STATUSES, VISIBILITIES, followUpItemSchema, followUpStatusKey, visibilityKey } from "./followup.schema";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/modules/admin-events/staff-form";

const FIELDS = ["title", "summary", "responsibleUnit", "status", "statusReason", "publicAnswer", "note", "visibility"] as const;

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
  const t = useT();
  const LABELS = Object.fromEntries(FIELDS.map((f) => [f, t(`staff-tools:followup.label.${f}`)])) as Record<(typeof FIELDS)[number], string>;
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
        <TextAreaField field={fields.summary} label={LABELS.summary} help={t("staff-tools:followup.help.summary")} rows={4} />
        <TextField field={fields.responsibleUnit} label={LABELS.responsibleUnit} maxLength={200} />
        <SelectField field={fields.status} label={LABELS.status} options={FOLLOW_UP_STATUSES.map((s) => [s, t(followUpStatusKey(s)!)])} />
        <TextAreaField field={fields.statusReason} label={LABELS.statusReason} rows={2} />
        <TextAreaField field={fields.publicAnswer} label={LABELS.publicAnswer} rows={4} />
        <TextField field={fields.note} label={LABELS.note} maxLength={1000} help={t("staff-tools:followup.help.note")} />
        <SelectField
          field={fields.visibility}
          label={LABELS.visibility}
          help={t("staff-tools:followup.help.visibility")}
          options={VISIBILITIES.map((v) => [v, t(visibilityKey(v))])}
        />
        <p>
          <Button type="submit" disabled={navigation.state === "submitting"} variant="primary">
            {submitLabel}
          </Button>
        </p>
      </Form>
    </>
  );
}
