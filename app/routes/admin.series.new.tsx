import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "~/modules/admin-events/staff-form";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { districtsOutsideList, ORDINAL_NAMES, parseVenueLines, WEEKDAY_NAMES } from "~/modules/series/series-rule";
import { orgSettings } from "~/modules/settings/settings.server";
import { previewKey, seriesSchema } from "~/modules/series/series.schema";
import { createSeries, planSeries } from "~/modules/series/series.server";
import { formatDateTimeRange } from "~/utils/format";

export const handle = staffHandle("ORGANISER");
export const meta: MetaFunction = () => [{ title: "Ny møteserie – ansatte – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ORGANISER");
  const next = new Date();
  next.setUTCMonth(next.getUTCMonth() + 1, 1);
  const { districts, defaultVenueCity } = orgSettings();
  return { startMonth: `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, "0")}`, districts, defaultVenueCity };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ORGANISER");
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } }, preview: null }, { status: 400 });
  const submission = parseWithZod(formData, { schema: seriesSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), preview: null }, { status: 400 });
  const parsed = parseVenueLines(submission.value.venues);
  const unknown = "venues" in parsed ? districtsOutsideList(parsed.venues, orgSettings().districts) : [];
  if (unknown.length > 0) {
    const message = `Ukjent bydel: ${unknown.join(", ")}. Bydelene står i innstillingene: ${orgSettings().districts.join(", ")}.`;
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
    return data(
      { result: submission.reply({ formErrors: ["Skjemaet er endret etter forslaget. Se over det nye forslaget, og lagre på nytt."] }), preview },
      { status: 409 },
    );
  }
  return { result: submission.reply(), preview };
}

const LABELS: Record<string, string> = {
  title: "Tittel på serien",
  description: "Beskrivelse",
  ordinal: "Hvilken uke",
  weekday: "Ukedag",
  startMonth: "Første måned",
  count: "Antall møter",
  startTime: "Starter kl.",
  endTime: "Slutter kl.",
  capacity: "Antall plasser per møte",
  venues: "Bydeler og steder",
};

export default function NewSeries() {
  const { districts, defaultVenueCity } = useLoaderData<typeof loader>();
  const venueExample = `${districts[0] ?? "Sentrum"}; ${districts[0] ?? "Sentrum"} skole, gymsalen; Skolegata 1; 0001; ${defaultVenueCity || "Eksempelby"}`;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "series",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    defaultValue: { ordinal: "2", weekday: "3", count: "6", startTime: "17:00", endTime: "19:30", capacity: "80" },
    constraint: getZodConstraint(seriesSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seriesSchema }),
  });
  const preview = actionData?.preview?.meetings ?? null;
  const clashes = preview ? preview.filter((m) => m.clashes.length > 0).length : 0;
  return (
    <>
      <nav aria-label="Brødsmuler" className="breadcrumbs">
        <Link to="/admin/series">Møteserier</Link>
      </nav>
      <h1>Ny møteserie</h1>
      <p>
        Lag en serie dialogmøter fra en regel. Først ser du møtene som blir laget, med eventuelle kollisjoner. Ingenting lagres før
        du velger «Lagre serien». Møtene lagres som utkast med et standardprogram.
      </p>
      <ErrorSummary formErrors={form.errors} fields={fields} labels={LABELS} />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <TextField field={fields.title} label={LABELS.title} help="For eksempel «Formannskapets dialogmøter våren 2027». Hvert møte får tittelen «<serie> – <bydel>»." />
        <TextAreaField field={fields.description} label={LABELS.description} rows={4} />
        <fieldset>
          <legend>Når</legend>
          <SelectField
            field={fields.ordinal}
            label={LABELS.ordinal}
            options={["1", "2", "3", "4", "last"].map((o) => [o, ORDINAL_NAMES[o]])}
          />
          <SelectField field={fields.weekday} label={LABELS.weekday} options={WEEKDAY_NAMES.map((d, i) => [String(i + 1), d])} />
          <TextField field={fields.startMonth} label={LABELS.startMonth} type="month" help="Format: åååå-mm" placeholder={undefined} />
          <TextField field={fields.count} label={LABELS.count} type="number" min={1} max={24} />
          <TextField field={fields.startTime} label={LABELS.startTime} type="time" />
          <TextField field={fields.endTime} label={LABELS.endTime} type="time" />
        </fieldset>
        <TextField field={fields.capacity} label={LABELS.capacity} type="number" min={1} help="La stå tom for ubegrenset." />
        <TextAreaField
          field={fields.venues}
          label={LABELS.venues}
          rows={6}
          help={`Én linje per møte, i rekkefølge: bydel; sted; adresse; postnummer; poststed. For eksempel: ${venueExample}${districts.length ? ` Bydelene: ${districts.join(", ")}.` : ""}`}
        />
        {actionData?.preview ? <input type="hidden" name="previewKey" value={actionData.preview.key} /> : null}
        {preview ? (
          <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">Forslag: {preview.length} møter</h2>
            {clashes > 0 ? (
              <p className="notice notice-warn">
                {clashes} av møtene kolliderer med noe som allerede er i kalenderen. Se merknadene under.
              </p>
            ) : (
              <p className="notice notice-ok">Ingen kollisjoner med andre arrangementer.</p>
            )}
            <table className="data">
              <caption className="visually-hidden">Møtene som blir laget</caption>
              <thead>
                <tr>
                  <th scope="col">Tid</th>
                  <th scope="col">Bydel</th>
                  <th scope="col">Sted</th>
                  <th scope="col">Merknad</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((m) => (
                  <tr key={m.startsAt}>
                    <td>{formatDateTimeRange(new Date(m.startsAt), new Date(m.endsAt))}</td>
                    <td>{m.district}</td>
                    <td>
                      {m.venueName}, {m.venueAddress}, {m.venuePostcode} {m.venueCity}
                    </td>
                    <td>
                      {m.clashes.length === 0
                        ? "OK"
                        : m.clashes.map((c) => (
                            <p key={`${c.kind}-${c.eventId}`} className="clash">
                              <strong>{c.kind === "committee" ? "Formannskapet er allerede booket" : "Lokalet er opptatt"}</strong>: {c.title} (
                              {formatDateTimeRange(new Date(c.startsAt), new Date(c.endsAt))})
                            </p>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        <p className="actions">
          <button type="submit" name="intent" value="preview" className={preview ? undefined : "primary"}>
            {preview ? "Oppdater forslaget" : "Vis forslag"}
          </button>{" "}
          {preview ? (
            <button type="submit" name="intent" value="save" className="primary">
              Lagre serien ({preview.length} møter som utkast)
            </button>
          ) : null}
        </p>
      </Form>
    </>
  );
}
