// /admin/settings: the organisation's names, contact, privacy, mail, districts, brand and the
// accessibility statement's facts. Administrators only.
import { Alert } from "@digdir/designsystemet-react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { mailSender } from "~/modules/mail/sender.server";
import { orgImageUrl } from "~/modules/settings/org-images";
import { SettingsForm, type SettingsFormDefaults } from "~/modules/settings/settings-form";
import { LOGO_TYPES, SHARE_IMAGE_TYPES, settingsSchema } from "~/modules/settings/settings.schema";
import { orgSettings, readImageUpload, saveOrgSettings, type SettingsImages } from "~/modules/settings/settings.server";

export const handle = staffHandle("ADMIN");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const locale = await getLocale(request);
  const s = orgSettings();
  const defaults: SettingsFormDefaults = {
    orgNameNb: s.orgName.nb,
    orgNameNn: s.orgName.nn,
    orgNameEn: s.orgName.en,
    unitNameNb: s.unitName.nb,
    unitNameNn: s.unitName.nn,
    unitNameEn: s.unitName.en,
    contactEmail: s.contactEmail,
    contactPhone: s.contactPhone,
    postalAddress: s.postalAddress,
    dataController: s.dataController,
    privacyEmail: s.privacyEmail,
    mailSenderName: s.mailSenderName,
    mailSignatureNb: s.mailSignature.nb,
    mailSignatureNn: s.mailSignature.nn,
    mailSignatureEn: s.mailSignature.en,
    districts: s.districts.join("\n"),
    liveFilterWords: s.liveFilterWords.join("\n"),
    defaultVenueCity: s.defaultVenueCity,
    logo: "",
    brandColor: s.brandColor,
    shareImage: "",
    a11yLastCheckedOn: s.a11yLastCheckedOn ?? "",
    a11yNonConformities: s.a11yNonConformities,
    a11yStatementUrl: s.a11yStatementUrl,
    a11yComplaintUrl: s.a11yComplaintUrl,
  };
  return {
    title: `${translator(locale)("settings:title")} – Samhandling`,
    defaults,
    mailAddress: mailSender().address,
    logoUrl: orgImageUrl("logo", s.logo),
    shareImageUrl: orgImageUrl("shareImage", s.shareImage),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Innstillinger – Samhandling" }];

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, "ADMIN");
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["settings:error.badRequest"] } }, saved: null }, { status: 400 });
  const submission = parseWithZod(formData, { schema: settingsSchema, disableAutoCoercion: true });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: null }, { status: 400 });
  const v = submission.value;
  const images: SettingsImages = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [name, types, remove] of [
    ["logo", LOGO_TYPES, v.removeLogo],
    ["shareImage", SHARE_IMAGE_TYPES, v.removeShareImage],
  ] as const) {
    const upload = v[name];
    if (upload) {
      const read = await readImageUpload(upload, types);
      if (read.ok) images[name] = { bytes: read.bytes, type: read.type };
      else fieldErrors[name] = [read.error];
    } else if (remove) {
      images[name] = null;
    }
  }
  if (Object.keys(fieldErrors).length > 0) return data({ result: submission.reply({ fieldErrors }), saved: null }, { status: 400 });
  const changed = await saveOrgSettings(v, actorOf(staff), images);
  return { result: submission.reply(), saved: changed.length > 0 ? ("saved" as const) : ("savedNothing" as const) };
}

export default function SettingsPage() {
  const { defaults, mailAddress, logoUrl, shareImageUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = useLocale();
  const t = useT();
  return (
    <>
      <h1>{t("settings:title")}</h1>
      <p>{t("settings:intro")}</p>
      {actionData?.saved ? (
        <Alert data-color="success" role="status">
          {t(`settings:${actionData.saved}`)}
        </Alert>
      ) : null}
      <SettingsForm
        key={actionData?.saved ? JSON.stringify(defaults) : "form"}
        locale={locale}
        defaultValue={defaults}
        lastResult={actionData?.saved ? null : actionData?.result}
        mailAddress={mailAddress}
        logoUrl={logoUrl}
        shareImageUrl={shareImageUrl}
      />
    </>
  );
}
