import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { createStaffSession } from "~/modules/auth/session.server";
import { passwordSchema } from "~/modules/auth/staff.schema";
import { acceptInvitation, findInvitation } from "~/modules/auth/staff.server";

export const meta: MetaFunction = () => [{ title: "Ta imot invitasjon – Samhandling" }, { name: "robots", content: "noindex" }];
export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" });

const GONE = "Invitasjonen er ugyldig eller utløpt. Be en administrator sende en ny.";
const USED = "Invitasjonen er allerede brukt. Logg inn med passordet som ble valgt, eller be en administrator sende en ny.";

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(params.token ?? "");
  if (!invitation) throw new Response(GONE, { status: 404 });
  return { name: invitation.name, email: invitation.email };
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
    return data({ result: submission.reply({ formErrors: [USED], hideFields: ["password", "confirm"] }) }, { status: 409 });
  }
  if (!accepted.ok) throw new Response(GONE, { status: 404 });
  const cookie = await createStaffSession(accepted.user.id, request.headers.get("user-agent"));
  return redirect("/admin", { headers: { "Set-Cookie": cookie } });
}

export default function Invitation() {
  const { name, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "password",
    lastResult: actionData?.result ?? undefined,
    constraint: getZodConstraint(passwordSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordSchema }),
  });
  return (
    <div className="container narrow">
      <h1>Velkommen, {name}</h1>
      <p>Velg et passord for {email}. Det må ha minst 12 tegn.</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        {form.errors ? (
          <p className="error" role="alert" id={form.errorId}>
            {form.errors[0]}
          </p>
        ) : null}
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        <div className="field">
          <label htmlFor={fields.password.id}>Nytt passord</label>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" />
          {fields.password.errors ? <p className="error" id={fields.password.errorId}>{fields.password.errors[0]}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={fields.confirm.id}>Gjenta passordet</label>
          <input {...getInputProps(fields.confirm, { type: "password" })} autoComplete="new-password" />
          {fields.confirm.errors ? <p className="error" id={fields.confirm.errorId}>{fields.confirm.errors[0]}</p> : null}
        </div>
        <p>
          <button type="submit" className="primary">
            Lagre passord og logg inn
          </button>
        </p>
      </Form>
    </div>
  );
}
