import { Button } from "@digdir/designsystemet-react";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { translateError } from "~/components/form-errors";
import { useT } from "~/i18n";
import { ErrorSummary, TextField } from "~/modules/admin-events/staff-form";
import { getLocale, translator } from "~/i18n/i18n.server";
import { createStaffSession } from "~/modules/auth/session.server";
import { passwordSchema } from "~/modules/auth/staff.schema";
import { acceptInvitation, findInvitation } from "~/modules/auth/staff.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }, { name: "robots", content: "noindex" }];
export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" });

async function gone(request: Request) {
  return new Response(translator(await getLocale(request))("staff-tools:invitation.gone"), { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? "");
  if (!invitation) throw await gone(request);
  const t = translator(await getLocale(request));
  return {
    title: t("staff-tools:title.suffix", { title: t("staff-tools:invitation.title") }),
    name: invitation.name,
    email: invitation.email,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: null }, { status: 400 });
  const submission = parseWithZod(formData, { schema: passwordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  }
  const accepted = await acceptInvitation(params.token ?? "", submission.value.password);
  if (!accepted.ok && accepted.error === "used") {
    return data({ result: submission.reply({ formErrors: ["staff-tools:invitation.used"], hideFields: ["password", "confirm"] }) }, { status: 409 });
  }
  if (!accepted.ok) throw await gone(request);
  const cookie = await createStaffSession(accepted.user.id, request.headers.get("user-agent"));
  return redirect("/admin", { headers: { "Set-Cookie": cookie } });
}

export default function Invitation() {
  const { name, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: "password",
    lastResult: actionData?.result ?? undefined,
    constraint: getZodConstraint(passwordSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema }),
  });
  return (
    <div className="container narrow">
      <h1>{t("staff-tools:invitation.heading", { name })}</h1>
      <p>{t("staff-tools:invitation.intro", { email })}</p>
      <ErrorSummary
        formErrors={form.errors?.map((e) => translateError(t, e) ?? e)}
        fields={fields}
        labels={{ password: t("staff-tools:invitation.password"), confirm: t("staff-tools:invitation.confirm") }}
      />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        <TextField field={fields.password} type="password" label={t("staff-tools:invitation.password")} autoComplete="new-password" />
        <TextField field={fields.confirm} type="password" label={t("staff-tools:invitation.confirm")} autoComplete="new-password" />
        <p>
          <Button type="submit" variant="primary">
            {t("staff-tools:invitation.submit")}
          </Button>
        </p>
      </Form>
    </div>
  );
}
