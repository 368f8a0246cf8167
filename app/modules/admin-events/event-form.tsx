// The create/edit form for an event, used by /admin/events/new and /admin/events/:id/edit.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { EVENT_KINDS } from "~/modules/events/event-kinds";
import { eventSchema, KIND_NAMES, NEEDS_RETENTION, PERSONAL_DATA_RETENTION } from "./event.schema";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./staff-form";
import { EventTranslationsFields } from "./event-translations-fields";

const LABELS: Record<string, string> = {
  kind: "Type",
  title: "Tittel",
  slug: "Nettadresse",
  summary: "Kort omtale",
  description: "Beskrivelse",
  district: "Bydel",
  venueName: "Sted",
  venueAddress: "Adresse",
  venuePostcode: "Postnummer",
  venueCity: "Poststed",
  startsAt: "Starter",
  endsAt: "Slutter",
  capacity: "Antall plasser",
  registrationOpensAt: "Påmeldingen åpner",
  registrationClosesAt: "Påmeldingen stenger",
  livestreamUrl: "Lenke til direktesending",
  privacyNotice: "Personvernerklæring",
  reminderHoursBefore: "Påminnelse (timer før)",
  needsRetentionDays: "Slett svar om kosthold og tilrettelegging (dager etter)",
  personalDataRetentionDays: "Anonymiser påmeldingene (dager etter)",
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
  const [form, fields] = useForm({
    id: "event",
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    defaultValue,
    constraint: getZodConstraint(eventSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventSchema }),
  });
  return (
    <>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={LABELS} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <SelectField field={fields.kind} label={LABELS.kind} options={EVENT_KINDS.map((k) => [k, KIND_NAMES[k]])} />
        <TextField field={fields.title} label={LABELS.title} />
        <TextField
          field={fields.slug}
          label={LABELS.slug}
          help="Brukes i lenken /events/…: små bokstaver, tall og bindestreker. La stå tom for å lage den fra tittelen."
        />
        <TextAreaField field={fields.summary} label={LABELS.summary} rows={2} />
        <TextAreaField field={fields.description} label={LABELS.description} rows={6} />
        <EventTranslationsFields fields={fields} />
        <TextField field={fields.district} label={LABELS.district} />
        <fieldset>
          <legend>Sted og adresse</legend>
          {published ? (
            <p className="help">Endrer du tid eller sted, får alle påmeldte en e-post med oppdatert kalenderinvitasjon.</p>
          ) : null}
          <TextField field={fields.venueName} label={LABELS.venueName} help="For eksempel «Lund skole, gymsalen»." />
          <TextField field={fields.venueAddress} label={LABELS.venueAddress} autoComplete="off" />
          <TextField field={fields.venuePostcode} label={LABELS.venuePostcode} inputMode="numeric" maxLength={4} />
          <TextField field={fields.venueCity} label={LABELS.venueCity} />
        </fieldset>
        <fieldset>
          <legend>Tid (norsk tid)</legend>
          <TextField field={fields.startsAt} label={LABELS.startsAt} type="datetime-local" />
          <TextField field={fields.endsAt} label={LABELS.endsAt} type="datetime-local" />
        </fieldset>
        <fieldset>
          <legend>Påmelding</legend>
          <TextField
            field={fields.capacity}
            label={LABELS.capacity}
            type="number"
            min={1}
            help="La stå tom for ubegrenset. Øker du tallet, får de som venter plassene med en gang."
          />
          <TextField field={fields.registrationOpensAt} label={LABELS.registrationOpensAt} type="datetime-local" help="Tom: åpen straks arrangementet er publisert." />
          <TextField field={fields.registrationClosesAt} label={LABELS.registrationClosesAt} type="datetime-local" help="Tom: stenger når arrangementet starter." />
          <TextField
            field={fields.reminderHoursBefore}
            label={LABELS.reminderHoursBefore}
            type="number"
            min={1}
            help="Påminnelse på e-post så mange timer før starten. Tom: ingen påminnelse."
          />
        </fieldset>
        <TextField field={fields.livestreamUrl} label={LABELS.livestreamUrl} type="url" />
        <fieldset>
          <legend>Personvern</legend>
          <TextAreaField
            field={fields.privacyNotice}
            label={LABELS.privacyNotice}
            rows={5}
            help="Vises på påmeldingsskjemaet sammen med datoene for sletting under."
          />
          <TextField
            field={fields.needsRetentionDays}
            label={LABELS.needsRetentionDays}
            type="number"
            min={NEEDS_RETENTION.min}
            max={NEEDS_RETENTION.max}
            help={`Antall dager etter at arrangementet er slutt: ${NEEDS_RETENTION.min}–${NEEDS_RETENTION.max}, vanligvis ${NEEDS_RETENTION.default}. Svarene slettes automatisk.`}
          />
          <TextField
            field={fields.personalDataRetentionDays}
            label={LABELS.personalDataRetentionDays}
            type="number"
            min={PERSONAL_DATA_RETENTION.min}
            max={PERSONAL_DATA_RETENTION.max}
            help={`Navn, e-post, telefon og organisasjon erstattes, og kontaktopplysninger i innspill fjernes: ${PERSONAL_DATA_RETENTION.min}–${PERSONAL_DATA_RETENTION.max} dager etter slutt, vanligvis ${PERSONAL_DATA_RETENTION.default}, og ikke før svarene over er slettet. Lengre tid bare når arkivplikten krever det.`}
          />
        </fieldset>
        <p>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
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
