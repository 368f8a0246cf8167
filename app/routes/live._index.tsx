// Join a live room by its six-character code (what the projector shows).
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { translateError } from "~/components/form-errors";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { joinCodeSchema } from "~/modules/live/join-code.schema";
import { getRoomByCode } from "~/modules/live/rooms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // A printed link may carry the code as ?kode=ABC234.
  const code = new URL(request.url).searchParams.get("kode");
  if (code) {
    const parsed = joinCodeSchema.safeParse({ code });
    if (parsed.success) throw redirect(`/live/${parsed.data.code}`);
  }
  const t = translator(await getLocale(request));
  return { title: `${t("live:join.title")} – ${t("site.name")}` };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: joinCodeSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const room = await getRoomByCode(submission.value.code);
  if (!room) {
    return data(
      { result: submission.reply({ fieldErrors: { code: ["live:join.notFound"] } }) },
      { status: 404 },
    );
  }
  throw redirect(`/live/${submission.value.code}`);
}

export default function JoinLive() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: joinCodeSchema }),
  });
  const error = translateError(t, fields.code.errors?.[0]);
  return (
    <div className="container narrow">
      <h1>{t("live:join.title")}</h1>
      <p>{t("live:join.intro")}</p>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <div className="field">
          <label htmlFor={fields.code.id}>{t("live:join.codeLabel")}</label>
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
          {t("live:join.submit")}
        </button>
      </Form>
    </div>
  );
}
