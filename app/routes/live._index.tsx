// Join a live room by its six-character code (what the projector shows).
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { Form, useActionData } from "@remix-run/react";
import { Field } from "~/components/ui/field";
import { translateError } from "~/components/form-errors";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { joinCodeSchema } from "~/modules/live/join-code.schema";
import { getRoomByCode } from "~/modules/live/rooms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Samhandling" },
];

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
  if (submission.status !== "success")
    return data({ result: submission.reply() }, { status: 400 });
  const room = await getRoomByCode(submission.value.code);
  if (!room) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { code: ["live:join.notFound"] },
        }),
      },
      { status: 404 }
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
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: joinCodeSchema }),
  });
  const error = translateError(t, fields.code.errors?.[0]);
  return (
    <div className="container narrow">
      <Heading level={1} data-size="lg">
        {t("live:join.title")}
      </Heading>
      <Paragraph>{t("live:join.intro")}</Paragraph>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <Field id={fields.code.id} label={t("live:join.codeLabel")}>
          <input
            {...getInputProps(fields.code, { type: "text" })}
            className="ds-input"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={12}
          />
          {/* An alert, so the refusal is read out after the page comes back from the server. */}
          {error ? (
            <p
              id={fields.code.errorId}
              className="ds-validation-message"
              data-field="validation"
              role="alert"
            >
              {error}
            </p>
          ) : null}
        </Field>
        <Button type="submit" variant="primary">
          {t("live:join.submit")}
        </Button>
      </Form>
    </div>
  );
}
