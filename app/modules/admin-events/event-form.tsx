// The create/edit form for an event, used by /admin/events/new and /admin/events/:id/edit.
import { Button } from "@digdir/designsystemet-react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useT, type MessageKey } from "~/i18n";
import { EVENT_KINDS } from "~/modules/events/event-kinds";
import { eventSchema, KIND_KEYS, NEEDS_RETENTION, PERSONAL_DATA_RETENTION } from "./event.schema";
import { translateSubmission } from "./keyed-message";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./staff-form";
import { EventTranslationsFields } from "./event-translations-fields";

const LABELS: Record<string, MessageKey> = {
  kind: "staff-events:eventForm.kind",
  title: "staff-events:eventForm.title",
  slug: "staff-events:eventForm.slug",
  summary: "staff-events:eventForm.summary",
  description: "staff-events:eventForm.description",
  district: "staff-events:eventForm.district",
  venueName: "staff-events:eventForm.venueName",
  venueAddress: "staff-events:eventForm.venueAddress",
  venuePostcode: "staff-events:eventForm.venuePostcode",
  venueCity: "staff-events:eventForm.venueCity",
  startsAt: "staff-events:eventForm.startsAt",
  endsAt: "staff-events:eventForm.endsAt",
  capacity: "staff-events:eventForm.capacity",
  registrationOpensAt: "staff-events:eventForm.opensAt",
  registrationClosesAt: "staff-events:eventForm.closesAt",
  livestreamUrl: "staff-events:eventForm.livestreamUrl",
  privacyNotice: "staff-events:eventForm.privacyNotice",
  reminderHoursBefore: "staff-events:eventForm.reminder",
  needsRetentionDays: "staff-events:eventForm.needsDays",
  personalDataRetentionDays: "staff-events:eventForm.personalDays",
};

export function EventForm({
  defaultValue,
  lastResult,
  submitLabel,
  published,
}: {
  defaultValue: Record<string, string>;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
  published?: boolean;
}) {
  const navigation = useNavigation();
  const t = useT();
  const labels = Object.fromEntries(Object.entries(LABELS).map(([name, key]) => [name, t(key)]));
  const [form, fields] = useForm({
    id: "event",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(eventSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => translateSubmission(parseWithZod(formData, { schema: eventSchema }), t),
  });
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={labels} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <SelectField field={fields.kind} label={labels.kind} options={EVENT_KINDS.map((k) => [k, t(KIND_KEYS[k])])} />
        <TextField field={fields.title} label={labels.title} />
        <TextField
          field={fields.slug}
          label={labels.slug}
          help={t("staff-events:eventForm.slugHelp")}
        />
        <TextAreaField field={fields.summary} label={labels.summary} rows={2} />
        <TextAreaField field={fields.description} label={labels.description} rows={6} />
        <EventTranslationsFields fields={fields} />
        <TextField field={fields.district} label={labels.district} />
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("staff-events:eventForm.venueLegend")}</legend>
          {published ? (
            <p className="help">{t("staff-events:eventForm.venueChangeHelp")}</p>
          ) : null}
          <TextField field={fields.venueName} label={labels.venueName} help={t("staff-events:eventForm.venueNameHelp")} />
          <TextField field={fields.venueAddress} label={labels.venueAddress} autoComplete="off" />
          <TextField field={fields.venuePostcode} label={labels.venuePostcode} inputMode="numeric" maxLength={4} />
          <TextField field={fields.venueCity} label={labels.venueCity} />
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("staff-events:eventForm.timeLegend")}</legend>
          <TextField field={fields.startsAt} label={labels.startsAt} type="datetime-local" />
          <TextField field={fields.endsAt} label={labels.endsAt} type="datetime-local" />
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("staff-events:eventForm.registrationLegend")}</legend>
          <TextField
            field={fields.capacity}
            label={labels.capacity}
            type="number"
            min={1}
            help={t("staff-events:eventForm.capacityHelp")}
          />
          <TextField field={fields.registrationOpensAt} label={labels.registrationOpensAt} type="datetime-local" help={t("staff-events:eventForm.opensAtHelp")} />
          <TextField field={fields.registrationClosesAt} label={labels.registrationClosesAt} type="datetime-local" help={t("staff-events:eventForm.closesAtHelp")} />
          <TextField
            field={fields.reminderHoursBefore}
            label={labels.reminderHoursBefore}
            type="number"
            min={1}
            help={t("staff-events:eventForm.reminderHelp")}
          />
        </fieldset>
        <TextField field={fields.livestreamUrl} label={labels.livestreamUrl} type="url" />
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("staff-events:eventForm.privacyLegend")}</legend>
          <TextAreaField
            field={fields.privacyNotice}
            label={labels.privacyNotice}
            rows={5}
            help={t("staff-events:eventForm.privacyNoticeHelp")}
          />
          <TextField
            field={fields.needsRetentionDays}
            label={labels.needsRetentionDays}
            type="number"
            min={NEEDS_RETENTION.min}
            max={NEEDS_RETENTION.max}
            help={t("staff-events:eventForm.needsDaysHelp", { ...NEEDS_RETENTION })}
          />
          <TextField
            field={fields.personalDataRetentionDays}
            label={labels.personalDataRetentionDays}
            type="number"
            min={PERSONAL_DATA_RETENTION.min}
            max={PERSONAL_DATA_RETENTION.max}
            help={t("staff-events:eventForm.personalDaysHelp", { ...PERSONAL_DATA_RETENTION })}
          />
        </fieldset>
        <p>
          <Button type="submit" variant="primary" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </Button>
        </p>
      </Form>
    </>
  );
}

/** A new event's form; the town comes from the organisation settings (emptyEventForm). */
export const EMPTY_EVENT_FORM: Record<string, string> = {
  kind: "DIALOGUE_MEETING",
  venueCity: "",
  reminderHoursBefore: "24",
  needsRetentionDays: String(NEEDS_RETENTION.default),
  personalDataRetentionDays: String(PERSONAL_DATA_RETENTION.default),
};

export function emptyEventForm(defaultVenueCity: string): Record<string, string> {
  return { ...EMPTY_EVENT_FORM, venueCity: defaultVenueCity };
}
