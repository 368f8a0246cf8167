// Join a live room by its six-character code (what the projector shows).
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { joinCodeSchema } from "~/modules/live/join-code.schema";
import { getRoomByCode } from "~/modules/live/rooms.server";

export const meta: MetaFunction = () => [{ title: "Bli med i spørsmål og avstemninger – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // A printed link may carry the code as ?kode=ABC234.
  const code = new URL(request.url).searchParams.get("kode");
  if (code) {
    const parsed = joinCodeSchema.safeParse({ code });
    if (parsed.success) throw redirect(`/live/${parsed.data.code}`);
  }
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: joinCodeSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const room = await getRoomByCode(submission.value.code);
  if (!room) {
    return data(
      { result: submission.reply({ fieldErrors: { code: ["Fant ikke noe rom med denne koden. Sjekk koden og prøv igjen."] } }) },
      { status: 404 },
    );
  }
  throw redirect(`/live/${submission.value.code}`);
}

export default function JoinLive() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinCodeSchema }),
  });
  const error = fields.code.errors?.[0];
  return (
    <div className="container narrow">
      <h1>Bli med i spørsmål og avstemninger</h1>
      <p>Skriv inn koden som vises på skjermen i salen. Du trenger ingen konto.</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <div className="field">
          <label htmlFor={fields.code.id}>Kode (6 tegn)</label>
          <input
            {...getInputProps(fields.code, { type: "text" })}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
          />
          {error ? (
            <p id={fields.code.errorId} className="error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button primary">
          Bli med
        </button>
      </Form>
    </div>
  );
}
