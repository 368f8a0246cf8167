// The public form where an organisation asks for a slot at a dialogue meeting or for a meeting in
// its district. Rate limited with the other public forms (server/app.ts).
import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@digdir/designsystemet-react";
import { useMemo } from "react";
import { CheckboxField, Field, FieldsetGroup, describedBy } from "~/components/ui/field";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { requestSchemaFor } from "~/modules/requests/request.schema";
import { requestErrorText as requestError } from "~/modules/requests/request-texts";
import { listRequestableMeetings, submitRequest } from "~/modules/requests/requests.server";
import { orgSettings } from "~/modules/settings/settings.server";
import { formatDate } from "~/utils/format";
import { ErrorSummary } from "~/components/form-errors";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const meetings = await listRequestableMeetings();
  // From a meeting's page: "/foresporsel?moete=<event id>" asks for a slot at that meeting.
  const asked = new URL(request.url).searchParams.get("moete");
  return {
    preselected: meetings.some((m) => m.id === asked) ? asked : null,
    districts: orgSettings().districts,
    title: `${translator(locale)("public:request.title")} – ${translator(locale)("site.name")}`,
    meetings: meetings.map((m) => ({ id: m.id, label: `${m.title}, ${formatDate(m.startsAt, locale)}` })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["badRequest"] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema: requestSchemaFor(orgSettings().districts) });
  if (context.registrationRateLimited) return data({ result: submission.reply({ formErrors: ["tooMany"] }) }, { status: 429 });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await submitRequest(submission.value, await getLocale(request));
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.error] } }) }, { status: 400 });
  return redirect(`/foresporsel/${result.token}?sendt=1`);
}

const FIELDS = [
  "kind",
  "eventId",
  "district",
  "organisationName",
  "organisationNumber",
  "contactName",
  "contactEmail",
  "contactPhone",
  "topic",
  "description",
  "preferredTime",
  "privacyConsent",
] as const;
type Name = (typeof FIELDS)[number];

export default function RequestForm() {
  const { meetings, preselected, districts } = useLoaderData<typeof loader>();
  const requestSchema = useMemo(() => requestSchemaFor(districts), [districts]);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm({
    id: "request",
    defaultValue: preselected ? { kind: "SLOT", eventId: preselected } : undefined,
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(requestSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requestSchema }),
  });
  const labels: Record<Name, string> = {
    kind: t("public:request.kindLegend"),
    eventId: t("public:request.event"),
    district: t("public:request.district"),
    organisationName: t("public:request.organisationName"),
    organisationNumber: t("public:request.organisationNumber"),
    contactName: t("public:request.contactName"),
    contactEmail: t("public:request.contactEmail"),
    contactPhone: t("public:request.contactPhone"),
    topic: t("public:request.topic"),
    description: t("public:request.description"),
    preferredTime: t("public:request.preferredTime"),
    privacyConsent: t("public:request.privacyHeading"),
  };
  const kindId = `${fields.kind.id}-SLOT`;
  const fieldErrors = FIELDS.filter((n) => fields[n].errors?.length).map((n) => ({
    id: n === "kind" ? kindId : fields[n].id,
    field: n,
    message: fields[n].errors![0],
  }));
  const err = (f: FieldMetadata<unknown>) => requestError(t, f.errors?.[0]);
  const props = (name: Name, help: boolean) => ({
    id: fields[name].id,
    name: fields[name].name,
    defaultValue: (fields[name].initialValue as string | undefined) ?? undefined,
    "aria-invalid": fields[name].errors ? true : undefined,
    "aria-describedby": describedBy(fields[name].id, help, Boolean(fields[name].errors)),
  });
  const kindValue = fields.kind.initialValue as string | undefined;
  return (
    <div className="container narrow">
      <h1>{t("public:request.title")}</h1>
      <p>{t("public:request.intro")}</p>
      <ErrorSummary formErrors={form.errors ?? []} fieldErrors={fieldErrors} labels={labels} translate={(m) => requestError(t, m)} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <FieldsetGroup
          id={fields.kind.id}
          legend={`${t("public:request.kindLegend")} ${t("public:request.required")}`}
          error={fields.kind.errors ? err(fields.kind) : undefined}
        >
          {(["SLOT", "MEETING"] as const).map((k) => (
            <CheckboxField
              key={k}
              type="radio"
              id={`${fields.kind.id}-${k}`}
              name={fields.kind.name}
              value={k}
              defaultChecked={kindValue === k}
              label={k === "SLOT" ? t("public:request.kindSlot") : t("public:request.kindMeeting")}
            />
          ))}
        </FieldsetGroup>
        <Field
          id={fields.eventId.id}
          label={t("public:request.event")}
          help={meetings.length ? t("public:request.eventHelp") : t("public:request.noEvents")}
          error={err(fields.eventId)}
        >
          <select className="ds-input" {...props("eventId", true)}>
            <option value="">{t("public:request.choose")}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={fields.district.id} label={t("public:request.district")} help={t("public:request.districtHelp")} error={err(fields.district)}>
          {districts.length > 0 ? (
            <select className="ds-input" {...props("district", true)}>
              <option value="">{t("public:request.choose")}</option>
              {districts.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          ) : (
            <input className="ds-input" type="text" maxLength={60} {...props("district", true)} />
          )}
        </Field>
        <Field
          id={fields.organisationName.id}
          label={`${t("public:request.organisationName")} ${t("public:request.required")}`}
          error={err(fields.organisationName)}
        >
          <input className="ds-input" type="text" autoComplete="organization" maxLength={200} {...props("organisationName", false)} />
        </Field>
        <Field
          id={fields.organisationNumber.id}
          label={t("public:request.organisationNumber")}
          help={t("public:request.organisationNumberHelp")}
          error={err(fields.organisationNumber)}
        >
          <input className="ds-input" type="text" inputMode="numeric" maxLength={20} {...props("organisationNumber", true)} />
        </Field>
        <Field id={fields.contactName.id} label={`${t("public:request.contactName")} ${t("public:request.required")}`} error={err(fields.contactName)}>
          <input className="ds-input" type="text" autoComplete="name" maxLength={200} {...props("contactName", false)} />
        </Field>
        <Field
          id={fields.contactEmail.id}
          label={`${t("public:request.contactEmail")} ${t("public:request.required")}`}
          help={t("public:request.contactEmailHelp")}
          error={err(fields.contactEmail)}
        >
          <input className="ds-input" type="email" autoComplete="email" maxLength={254} {...props("contactEmail", true)} />
        </Field>
        <Field id={fields.contactPhone.id} label={t("public:request.contactPhone")} error={err(fields.contactPhone)}>
          <input className="ds-input" type="tel" autoComplete="tel" maxLength={40} {...props("contactPhone", false)} />
        </Field>
        <Field
          id={fields.topic.id}
          label={`${t("public:request.topic")} ${t("public:request.required")}`}
          help={t("public:request.topicHelp")}
          error={err(fields.topic)}
        >
          <input className="ds-input" type="text" maxLength={200} {...props("topic", true)} />
        </Field>
        <Field
          id={fields.description.id}
          label={`${t("public:request.description")} ${t("public:request.required")}`}
          help={t("public:request.descriptionHelp")}
          error={err(fields.description)}
        >
          <textarea className="ds-input" rows={5} maxLength={4000} {...props("description", true)} />
        </Field>
        <Field
          id={fields.preferredTime.id}
          label={t("public:request.preferredTime")}
          help={t("public:request.preferredTimeHelp")}
          error={err(fields.preferredTime)}
        >
          <input className="ds-input" type="text" maxLength={200} {...props("preferredTime", true)} />
        </Field>
        <h2 id="privacy">{t("public:request.privacyHeading")}</h2>
        {([1, 2, 3, 4] as const).map((n) => (
          <p key={n}>{t(`public:request.privacy.${n}`)}</p>
        ))}
        <CheckboxField
          id={fields.privacyConsent.id}
          name={fields.privacyConsent.name}
          value="on"
          label={t("public:request.consent")}
          error={fields.privacyConsent.errors ? err(fields.privacyConsent) : undefined}
        />
        <div className="hp-field">
          <label htmlFor="website">{t("public:request.honeypot")}</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <p>
          <Button type="submit" variant="primary" disabled={navigation.state === "submitting"}>
            {t("public:request.send")}
          </Button>
        </p>
      </Form>
    </div>
  );
}
