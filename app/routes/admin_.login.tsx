import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { safeRedirect } from "~/utils/redirect.server";
import { loginLimit, pause } from "~/modules/auth/login-limit.server";
import { createStaffSession, getStaff } from "~/modules/auth/session.server";
import { signInWithPassword } from "~/modules/auth/staff.server";
import { pick } from "~/modules/settings/org-settings";
import { orgSettings } from "~/modules/settings/settings.server";
import { config } from "~/utils/config.server";

const schema = z.object({
  email: z.string({ required_error: "Skriv inn e-postadressen din." }).trim().email("Skriv inn en gyldig e-postadresse.").max(254),
  password: z.string({ required_error: "Skriv inn passordet." }).min(1, "Skriv inn passordet.").max(500),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction = () => [{ title: "Logg inn – Samhandling" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await getStaff(request);
  const url = new URL(request.url);
  if (staff) throw redirect(safeRedirect(url.searchParams.get("redirectTo"), "/admin"));
  return { oidc: Boolean(config().oidc), error: url.searchParams.get("error"), unit: pick(orgSettings().unitName, "nb") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: { status: "error" as const, error: { "": ["Vi kunne ikke lese skjemaet."] } } }, { status: 400 });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  // The address Express resolved (decision 008): X-Forwarded-For counts only behind a trusted proxy.
  const address = context.clientAddress || "unknown";
  const verdict = await loginLimit.attempt(address, submission.value.email);
  if (!verdict.allowed) {
    return data(
      { result: submission.reply({ formErrors: ["For mange forsøk. Vent et kvarter og prøv igjen."], hideFields: ["password"] }) },
      { status: 429 },
    );
  }
  if (verdict.delayMs > 0) await pause(verdict.delayMs);
  const user = await signInWithPassword(submission.value.email, submission.value.password);
  if (!user) {
    return data(
      { result: submission.reply({ formErrors: ["Feil e-postadresse eller passord."], hideFields: ["password"] }) },
      { status: 401 },
    );
  }
  await loginLimit.succeeded(address, submission.value.email);
  const cookie = await createStaffSession(user.id, request.headers.get("user-agent"));
  return redirect(safeRedirect(submission.value.redirectTo, "/admin"), { headers: { "Set-Cookie": cookie } });
}

const OIDC_ERRORS: Record<string, string> = {
  "oidc-unknown": "Kontoen din hos kommunen er ikke gitt tilgang her. Be en administrator om en invitasjon.",
  "oidc-failed": "Innloggingen hos kommunen mislyktes. Prøv igjen.",
};

export default function Login() {
  const { oidc, error, unit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const formErrors = [...(form.errors ?? []), ...(error && OIDC_ERRORS[error] ? [OIDC_ERRORS[error]] : [])];
  return (
    <div className="container narrow">
      <h1>Logg inn for ansatte</h1>
      <p>{unit ? `For ${unit} og andre som arrangerer møter.` : "For dem som arrangerer møter."} Deltakere trenger ingen konto.</p>
      {formErrors.length ? (
        <div className="error-summary" role="alert">
          {formErrors.map((e) => (
            <p key={e} className="form-error">
              {e}
            </p>
          ))}
        </div>
      ) : null}
      {oidc ? (
        <Form method="post" action="/admin/login/oidc" className="actions">
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/admin"} />
          <button type="submit" className="primary">
            Logg inn med kommunens konto (Microsoft)
          </button>
        </Form>
      ) : null}
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/admin"} />
        <div className="field">
          <label htmlFor={fields.email.id}>E-postadresse</label>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" />
          {fields.email.errors ? (
            <p className="error" id={fields.email.errorId}>
              {fields.email.errors[0]}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={fields.password.id}>Passord</label>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
          {fields.password.errors ? (
            <p className="error" id={fields.password.errorId}>
              {fields.password.errors[0]}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="primary">
            Logg inn
          </button>
        </p>
      </Form>
    </div>
  );
}
