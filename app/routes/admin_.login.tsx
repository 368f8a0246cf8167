import { Button } from "@digdir/designsystemet-react";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { translateError } from "~/components/form-errors";
import { useT, type MessageKey } from "~/i18n";
import { ErrorSummary, TextField } from "~/modules/admin-events/staff-form";
import { getLocale, translator } from "~/i18n/i18n.server";
import { safeRedirect } from "~/utils/redirect.server";
import { loginLimit, pause } from "~/modules/auth/login-limit.server";
import { createStaffSession, getStaff } from "~/modules/auth/session.server";
import { signInWithPassword } from "~/modules/auth/staff.server";
import { config } from "~/utils/config.server";

const schema = z.object({
  email: z
    .string({ required_error: "staff-tools:login.error.emailRequired" })
    .trim()
    .email("staff-tools:login.error.email")
    .max(254, "staff-tools:login.error.email"),
  password: z
    .string({ required_error: "staff-tools:login.error.passwordRequired" })
    .min(1, "staff-tools:login.error.passwordRequired")
    .max(500, "staff-tools:invitation.error.passwordLong"),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await getStaff(request);
  const url = new URL(request.url);
  if (staff) throw redirect(safeRedirect(url.searchParams.get("redirectTo"), "/admin"));
  const t = translator(await getLocale(request));
  return {
    title: t("staff-tools:title.suffix", { title: t("staff-tools:login.title") }),
    oidc: Boolean(config().oidc),
    error: url.searchParams.get("error"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["staff-tools:error.badForm"] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  // The address Express resolved (decision 008): X-Forwarded-For counts only behind a trusted proxy.
  const address = context.clientAddress || "unknown";
  const verdict = await loginLimit.attempt(address, submission.value.email);
  if (!verdict.allowed) {
    return data({ result: submission.reply({ formErrors: ["staff-tools:login.error.tooMany"], hideFields: ["password"] }) }, { status: 429 });
  }
  if (verdict.delayMs > 0) await pause(verdict.delayMs);
  const user = await signInWithPassword(submission.value.email, submission.value.password);
  if (!user) {
    return data({ result: submission.reply({ formErrors: ["staff-tools:login.error.wrong"], hideFields: ["password"] }) }, { status: 401 });
  }
  await loginLimit.succeeded(address, submission.value.email);
  const cookie = await createStaffSession(user.id, request.headers.get("user-agent"));
  return redirect(safeRedirect(submission.value.redirectTo, "/admin"), { headers: { "Set-Cookie": cookie } });
}

const OIDC_ERRORS: Record<string, MessageKey> = {
  "oidc-unknown": "staff-tools:login.error.oidc-unknown",
  "oidc-failed": "staff-tools:login.error.oidc-failed",
};

export default function Login() {
  const { oidc, error } = useLoaderData<typeof loader>();
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const formErrors = [...(form.errors ?? []), ...(error && OIDC_ERRORS[error] ? [OIDC_ERRORS[error]] : [])].map((e) => translateError(t, e) ?? e);
  return (
    <div className="container narrow">
      <h1>{t("staff-tools:login.heading")}</h1>
      <p>{t("staff-tools:login.intro")}</p>
      <ErrorSummary formErrors={formErrors} fields={fields} labels={{ email: t("staff-tools:login.email"), password: t("staff-tools:login.password") }} />
      {oidc ? (
        <Form method="post" action="/admin/login/oidc" className="actions">
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/admin"} />
          <Button type="submit" variant="primary">
            {t("staff-tools:login.oidc")}
          </Button>
        </Form>
      ) : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/admin"} />
        <TextField field={fields.email} type="email" label={t("staff-tools:login.email")} autoComplete="username" />
        <TextField field={fields.password} type="password" label={t("staff-tools:login.password")} autoComplete="current-password" />
        <p>
          <Button type="submit" variant="primary">
            {t("staff-tools:login.submit")}
          </Button>
        </p>
      </Form>
    </div>
  );
}
