import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import publicFormsCss from "~/modules/registration/public-forms.css?url";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Alert, Button } from "@digdir/designsystemet-react";
import { ContentLang } from "~/components/content-lang";
import { EventFacts } from "~/components/event-parts";
import { ErrorSummary } from "~/components/form-errors";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { checkInQrDataUrl } from "~/modules/checkin/check-in-code.server";
import { localizeEvent } from "~/modules/events/event-text";
import { registrationState } from "~/modules/events/registration-window";
import { PrivacyNotice } from "~/modules/privacy/privacy-notice";
import { DetailsFields } from "~/modules/registration/registration-fields";
import { registrationDetailsSchema } from "~/modules/registration/registration.schema";
import { cancelRegistration, getRegistrationByToken, updateRegistrationDetails } from "~/modules/registration/registration.server";
import { formatPhone } from "~/utils/format";

async function requireRegistration(request: Request, token: string | undefined) {
  const reg = token ? await getRegistrationByToken(token) : null;
  if (!reg) throw new Response(translator(await getLocale(request))("myreg.notFound"), { status: 404 });
  return reg;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await requireRegistration(request, params.token);
  const locale = await getLocale(request);
  const reg = { ...found, event: localizeEvent(found.event, locale) };
  const canRegisterAgain = reg.status === "CANCELLED" && registrationState(reg.event, new Date()) === "open";
  const { checkInCode, ...rest } = reg;
  const checkIn = reg.status === "CONFIRMED" && checkInCode ? { code: checkInCode, qr: await checkInQrDataUrl(checkInCode) } : null;
  const t = translator(locale);
  const title = t("public:pageTitle", { page: t("myreg.title", { event: reg.event.title }), site: t("site.name") });
  return { title, reg: rest, canRegisterAgain, checkIn };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicFormsCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...(data ? [{ title: data.title }] : []),
  // The page is personal: keep it out of search engines and other sites' referrers.
  { name: "robots", content: "noindex, nofollow" },
];

// "same-origin", not "no-referrer": the link never leaks to other sites either way, but with
// "no-referrer" browsers send `Origin: null` on this page's own form posts, which Remix
// rejects as a possible CSRF attack (500), so changing or cancelling failed without JavaScript.
export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" });

export async function action({ request, params }: ActionFunctionArgs) {
  const reg = await requireRegistration(request, params.token);
  const formData = await request.formData().catch(() => null);
  const intent = formData?.get("intent");
  if (!formData || (intent !== "update" && intent !== "cancel")) {
    return data({ result: { status: "error" as const, error: { "": ["error.badRequest"] } }, saved: false }, { status: 400 });
  }
  if (intent === "cancel") {
    await cancelRegistration(reg.token);
    return redirect(`/registrations/${reg.token}?avmeldt=1`);
  }
  const submission = parseWithZod(formData, { schema: registrationDetailsSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const ok = await updateRegistrationDetails(reg.token, submission.value);
  if (!ok) return data({ result: submission.reply({ formErrors: ["myreg.cancelled"] }), saved: false }, { status: 409 });
  return data({ result: submission.reply(), saved: true });
}

export default function MyRegistration() {
  const { reg, canRegisterAgain, checkIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const t = useT();
  const [form, fields] = useForm({
    id: "details",
    lastResult: navigation.state === "idle" ? actionData?.result : undefined,
    constraint: getZodConstraint(registrationDetailsSchema),
    defaultValue: {
      name: reg.name,
      phone: reg.phone ? formatPhone(reg.phone) : "",
      organisation: reg.organisation ?? "",
      diet: reg.needs?.diet ?? "",
      accessibility: reg.needs?.accessibility ?? "",
      newsletter: reg.newsletterConsent ? "on" : "",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: registrationDetailsSchema }),
  });
  const labels: Record<string, string> = {
    name: t("form.name"),
    phone: t("form.phone"),
    organisation: t("form.organisation"),
    diet: t("form.diet"),
    accessibility: t("form.accessibility"),
  };
  const fieldErrors = (Object.keys(labels) as Array<keyof typeof fields>)
    .map((name) => ({ name, f: fields[name] }))
    .filter(({ f }) => f.errors?.length)
    .map(({ name, f }) => ({ id: f.id, field: name, message: f.errors![0] }));
  const confirmCancel = params.get("avmeld") === "1";

  return (
    <div className="container narrow">
      <nav aria-label={t("public:breadcrumbs")} className="breadcrumbs">
        <Link to={`/events/${reg.event.slug}`}>
          {t("myreg.toEvent")}: <ContentLang lang={reg.event.titleLang}>{reg.event.title}</ContentLang>
        </Link>
      </nav>
      <h1>{t("myreg.title", { event: reg.event.title })}</h1>
      {params.get("ny") === "1" && reg.status !== "CANCELLED" ? (
        <Alert data-color="success" role="status">
          {t("myreg.justRegistered", { email: reg.email })}
        </Alert>
      ) : null}
      {params.get("avmeldt") === "1" && reg.status === "CANCELLED" ? (
        <Alert data-color="success" role="status">
          {t("myreg.cancelDone")}
        </Alert>
      ) : null}
      {actionData?.saved ? (
        <Alert data-color="success" role="status">
          {t("myreg.saved")}
        </Alert>
      ) : null}
      <p className={`notice ${reg.status === "CANCELLED" ? "notice-warn" : "notice-ok"}`} id="registration-status">
        <strong>
          {reg.status === "CONFIRMED"
            ? t("myreg.confirmed")
            : reg.status === "WAITING"
            ? t("myreg.waiting", { position: reg.position ?? "?" })
            : t("myreg.cancelled")}
        </strong>
      </p>
      <EventFacts event={reg.event} />
      {checkIn ? (
        <div className="checkin-qr">
          <p>{t("public:myreg.checkinIntro")}</p>
          <img src={checkIn.qr} alt={t("public:myreg.checkinAlt")} width={240} height={240} />
          <p>{t("public:myreg.checkinCode", { code: checkIn.code })}</p>
        </div>
      ) : null}
      {reg.status === "CANCELLED" ? (
        canRegisterAgain ? (
          <p>
            <Button asChild variant="primary">
              <Link to={`/events/${reg.event.slug}/register`}>{t("myreg.registerAgain")}</Link>
            </Button>
          </p>
        ) : null
      ) : (
        <>
          <p>{t("myreg.keepLink")}</p>
          <p>
            <a href={`/events/${reg.event.slug}/calendar.ics`} download>
              {t("public:calendarFile", { name: t("event.addToCalendar") })}
            </a>
          </p>
          <section aria-labelledby="cancel-heading">
            <h2 id="cancel-heading">{reg.status === "WAITING" ? t("myreg.leaveWaitlist") : t("myreg.cancel")}</h2>
            {confirmCancel ? (
              <Alert data-color="warning">
                <Form method="post">
                  <p>{t("myreg.cancelConfirm")}</p>
                  <input type="hidden" name="intent" value="cancel" />
                  <div className="actions">
                    <Button type="submit" variant="primary" data-color="danger">
                      {reg.status === "WAITING" ? t("myreg.leaveWaitlist") : t("myreg.cancel")}
                    </Button>
                    <Link to={`/registrations/${reg.token}`}>{t("common.no")}</Link>
                  </div>
                </Form>
              </Alert>
            ) : (
              <p>
                <Button asChild variant="secondary">
                  <Link to={`/registrations/${reg.token}?avmeld=1`}>{reg.status === "WAITING" ? t("myreg.leaveWaitlist") : t("myreg.cancel")}</Link>
                </Button>
              </p>
            )}
          </section>
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">{t("myreg.change")}</h2>
            <p>
              {t("form.email")}: <strong>{reg.email}</strong>. {t("myreg.emailLocked")}
            </p>
            <ErrorSummary formErrors={form.errors ?? []} fieldErrors={fieldErrors} labels={labels} />
            <Form method="post" className="stacked public-form" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="update" />
              <DetailsFields fields={fields} />
              <p>
                <Button type="submit" variant="primary">
                  {t("form.save")}
                </Button>
              </p>
            </Form>
          </section>
          <PrivacyNotice event={reg.event} />
        </>
      )}
    </div>
  );
}
