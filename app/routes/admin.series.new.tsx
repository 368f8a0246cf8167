import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Alert, Button, Table } from "@digdir/designsystemet-react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { translateReply, translateSubmission } from "~/modules/admin-events/keyed-message";
import { staffTitle } from "~/modules/admin-events/staff-meta";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/modules/admin-events/staff-form";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { districtsOutsideList, ORDINAL_KEYS, parseVenueLines, WEEKDAYS, weekdayName } from "~/modules/series/series-rule";
import { orgSettings } from "~/modules/settings/settings.server";
import { previewKey, seriesSchema } from "~/modules/series/series.schema";
import { createSeries, planSeries } from "~/modules/series/series.server";
import { formatDateTimeRange } from "~/utils/format";
import { TableScroll } from "~/components/ui/table-scroll";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = ({ matches }) => staffTitle(matches, "staff-events:seriesForm.heading");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const next = new Date();
  next.setUTCMonth(next.getUTCMonth() + 1, 1);
  const { districts, defaultVenueCity } = orgSettings();
  return { startMonth: `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, "0")}`, districts, defaultVenueCity };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const t = translator(await getLocale(request));
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": [t("staff-events:error.badForm")] } }, preview: null }, { status: 400 });
  const submission = parseWithZod(formData, { schema: seriesSchema });
  if (submission.status !== "success") return data({ result: translateReply(submission.reply(), t), preview: null }, { status: 400 });
  const parsed = parseVenueLines(submission.value.venues);
  const known = orgSettings().districts;
  const unknown = "venues" in parsed ? districtsOutsideList(parsed.venues, known) : [];
  if (unknown.length > 0) {
    const message = t("staff-events:seriesForm.unknownDistrict", { unknown: unknown.join(", "), known: known.join(", ") });
    return data({ result: submission.reply({ fieldErrors: { venues: [message] } }), preview: null }, { status: 400 });
  }
  const key = previewKey(submission.value);
  if (submission.value.intent === "save" && submission.value.previewKey === key) {
    const { id } = await createSeries(actorOf(staff), submission.value);
    return redirect(`/admin/series/${id}?opprettet=1`);
  }
  const planned = await planSeries(submission.value);
  const preview = {
    key,
    meetings: planned.map((m) => ({ ...m, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString() })),
  };
  if (submission.value.intent === "save") {
    // Saving what the organiser has not seen: show the preview of the current inputs first.
    return data({ result: submission.reply({ formErrors: [t("staff-events:series.error.changed")] }), preview }, { status: 409 });
  }
  return { result: submission.reply(), preview };
}

const LABELS: Record<string, MessageKey> = {
  title: "staff-events:seriesForm.title",
  description: "staff-events:seriesForm.description",
  ordinal: "staff-events:seriesForm.ordinal",
  weekday: "staff-events:seriesForm.weekday",
  startMonth: "staff-events:seriesForm.startMonth",
  count: "staff-events:seriesForm.count",
  startTime: "staff-events:seriesForm.startTime",
  endTime: "staff-events:seriesForm.endTime",
  capacity: "staff-events:seriesForm.capacity",
  venues: "staff-events:seriesForm.venues",
};

export default function NewSeries() {
  const { districts, defaultVenueCity } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const labels = Object.fromEntries(Object.entries(LABELS).map(([name, key]) => [name, t(key)]));
  const [form, fields] = useForm({
    id: "series",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    defaultValue: { ordinal: "2", weekday: "3", count: "6", startTime: "17:00", endTime: "19:30", capacity: "80" },
    constraint: getZodConstraint(seriesSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => translateSubmission(parseWithZod(formData, { schema: seriesSchema }), t),
  });
  const preview = actionData?.preview?.meetings ?? null;
  const clashes = preview ? preview.filter((m) => m.clashes.length > 0).length : 0;
  return (
    <>
      <nav aria-label={t("staff-events:nav.breadcrumbs")} className="breadcrumbs">
        <Link to="/admin/series">{t("staff-events:series.title")}</Link>
      </nav>
      <h1>{t("staff-events:seriesForm.heading")}</h1>
      <p>{t("staff-events:seriesForm.intro")}</p>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={labels} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <TextField field={fields.title} label={labels.title} help={t("staff-events:seriesForm.titleHelp")} />
        <TextAreaField field={fields.description} label={labels.description} rows={4} />
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t("staff-events:seriesForm.when")}</legend>
          <SelectField field={fields.ordinal} label={labels.ordinal} options={["1", "2", "3", "4", "last"].map((o) => [o, t(ORDINAL_KEYS[o])])} />
          <SelectField field={fields.weekday} label={labels.weekday} options={WEEKDAYS.map((d) => [String(d), weekdayName(d, locale)])} />
          <TextField field={fields.startMonth} label={labels.startMonth} type="month" help={t("staff-events:seriesForm.startMonthHelp")} />
          <TextField field={fields.count} label={labels.count} type="number" min={1} max={24} />
          <TextField field={fields.startTime} label={labels.startTime} type="time" />
          <TextField field={fields.endTime} label={labels.endTime} type="time" />
        </fieldset>
        <TextField field={fields.capacity} label={labels.capacity} type="number" min={1} help={t("staff-events:seriesForm.capacityHelp")} />
        <TextAreaField
          field={fields.venues}
          label={labels.venues}
          rows={6}
          help={t(districts.length ? "staff-events:seriesForm.venuesHelpDistricts" : "staff-events:seriesForm.venuesHelp", {
            districts: districts.join(", "),
            city: defaultVenueCity,
          })}
        />
        {actionData?.preview ? <input type="hidden" name="previewKey" value={actionData.preview.key} /> : null}
        {preview ? (
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">{t("staff-events:seriesForm.preview", { count: preview.length })}</h2>
            {clashes > 0 ? (
              <Alert data-color="warning">{t("staff-events:seriesForm.clashes", { count: clashes })}</Alert>
            ) : (
              <Alert data-color="success">{t("staff-events:seriesForm.noClashes")}</Alert>
            )}
            <TableScroll label={t("staff-events:seriesForm.previewCaption")}>
              <Table>
                <caption className="visually-hidden">{t("staff-events:seriesForm.previewCaption")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t("staff-events:col.time")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("staff-events:series.col.district")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("staff-events:col.place")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("staff-events:series.col.note")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {preview.map((m) => (
                    <Table.Row key={m.startsAt}>
                      <Table.Cell>{formatDateTimeRange(new Date(m.startsAt), new Date(m.endsAt), locale)}</Table.Cell>
                      <Table.Cell>{m.district}</Table.Cell>
                      <Table.Cell>
                        {m.venueName}, {m.venueAddress}, {m.venuePostcode} {m.venueCity}
                      </Table.Cell>
                      <Table.Cell>
                        {m.clashes.length === 0
                          ? t("staff-events:seriesForm.ok")
                          : m.clashes.map((c) => (
                              <p key={`${c.kind}-${c.eventId}`} className="clash">
                                <strong>
                                  {c.kind === "committee" ? t("staff-events:seriesForm.clashCommittee") : t("staff-events:seriesForm.clashVenue")}
                                </strong>
                                : {c.title} ({formatDateTimeRange(new Date(c.startsAt), new Date(c.endsAt), locale)})
                              </p>
                            ))}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </section>
        ) : null}
        <p className="actions">
          <Button type="submit" name="intent" value="preview" variant={preview ? "secondary" : "primary"}>
            {preview ? t("staff-events:seriesForm.updatePreview") : t("staff-events:seriesForm.previewButton")}
          </Button>{" "}
          {preview ? (
            <Button type="submit" name="intent" value="save" variant="primary">
              {t("staff-events:seriesForm.save", { count: preview.length })}
            </Button>
          ) : null}
        </p>
      </Form>
    </>
  );
}
