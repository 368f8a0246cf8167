import { Alert, Button, Table } from "@digdir/designsystemet-react";
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { roleKey, ROLES, staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { inviteSchema, staffActionSchema } from "~/modules/auth/staff.schema";
import { inviteStaff, listStaff, removeStaff, setStaffRole } from "~/modules/auth/staff.server";
import { formatDateTime } from "~/utils/format";
import { TableScroll } from "~/components/ui/table-scroll";
import { ErrorSummary, SelectField, TextField } from "~/modules/admin-events/staff-form";

export const handle = staffHandle("ADMIN");

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireStaff(request, "ADMIN");
  const t = translator(await getLocale(request));
  const staff = await listStaff();
  return {
    title: t("staff-tools:title.suffix", { title: t("staff-tools:staff.title") }),
    meId: me.id,
    staff: staff.map(({ passwordHash, oidcSubject, ...s }) => ({
      ...s,
      signIn: (passwordHash && oidcSubject ? "both" : passwordHash ? "password" : oidcSubject ? "oidc" : null) as "both" | "password" | "oidc" | null,
    })),
  };
}

const ERRORS = {
  exists: "staff-tools:staff.error.exists",
  "last-admin": "staff-tools:staff.error.last-admin",
  self: "staff-tools:staff.error.self",
  "not-found": "staff-tools:staff.error.not-found",
} as const satisfies Record<string, MessageKey>;

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireStaff(request, "ADMIN");
  const locale = await getLocale(request);
  const t = translator(locale);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: null, message: null, error: t("staff-tools:error.badForm") }, { status: 400 });
  const submission = parseWithZod(formData, { schema: staffActionSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), message: null, error: t("staff-tools:error.formHasErrors") }, { status: 400 });
  }
  const v = submission.value;
  const actor = actorOf(me);
  if (v.intent === "invite") {
    const r = await inviteStaff(actor, v, locale);
    if (!r.ok) return data({ result: submission.reply(), message: null, error: t(ERRORS[r.error]) }, { status: 409 });
    return data({ result: submission.reply({ resetForm: true }), message: t("staff-tools:staff.invitationSent", { email: v.email }), error: null });
  }
  const err = v.intent === "role" ? await setStaffRole(actor, v.userId, v.role) : await removeStaff(actor, v.userId);
  if (err) return data({ result: null, message: null, error: t(ERRORS[err]) }, { status: 409 });
  return data({
    result: null,
    message: t(v.intent === "role" ? "staff-tools:staff.roleChanged" : "staff-tools:staff.accessRemoved"),
    error: null,
  });
}

const SIGN_IN = {
  both: "staff-tools:staff.signIn.both",
  password: "staff-tools:staff.signIn.password",
  oidc: "staff-tools:staff.signIn.oidc",
} as const;

export default function StaffPage() {
  const { staff, meId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result,
    constraint: getZodConstraint(inviteSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  const roleOptions = ROLES.map((r) => (
    <option key={r} value={r}>
      {t(roleKey(r))}
    </option>
  ));
  return (
    <>
      <h1>{t("staff-tools:staff.title")}</h1>
      {actionData?.message ? (
        <Alert data-color="success" role="status">
          {actionData.message}
        </Alert>
      ) : null}
      {actionData?.error ? (
        <Alert data-color="warning" role="alert">
          {actionData.error}
        </Alert>
      ) : null}
      <TableScroll label={t("staff-tools:staff.caption")}>
        <Table>
          <caption className="visually-hidden">{t("staff-tools:staff.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("staff-tools:staff.col.name")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-tools:staff.col.email")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-tools:staff.col.role")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-tools:staff.col.signIn")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-tools:staff.col.lastSignIn")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("staff-tools:staff.col.access")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {staff.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>{s.name}</Table.Cell>
                <Table.Cell>{s.email}</Table.Cell>
                <Table.Cell>
                  {s.active ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={s.id} />
                      <label className="visually-hidden" htmlFor={`role-${s.id}`}>
                        {t("staff-tools:staff.roleFor", { name: s.name })}
                      </label>
                      <select className="ds-input" data-size="sm" id={`role-${s.id}`} name="role" defaultValue={s.role}>
                        {roleOptions}
                      </select>
                      <Button type="submit" variant="primary" data-size="sm">
                        {t("staff-tools:staff.saveRole")}
                        <span className="visually-hidden">{t("staff-tools:staff.forName", { name: s.name })}</span>
                      </Button>
                    </Form>
                  ) : (
                    "—"
                  )}
                </Table.Cell>
                <Table.Cell>{s.signIn ? t(SIGN_IN[s.signIn]) : s.inviteExpiresAt ? t("staff-tools:staff.invited") : "—"}</Table.Cell>
                <Table.Cell>{s.lastSignInAt ? formatDateTime(new Date(s.lastSignInAt), locale) : t("staff-tools:staff.never")}</Table.Cell>
                <Table.Cell>
                  {!s.active ? (
                    t("staff-tools:staff.removed")
                  ) : s.id === meId ? (
                    t("staff-tools:staff.you")
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={s.id} />
                      <Button type="submit" variant="primary" data-color="danger" data-size="sm">
                        {t("staff-tools:staff.remove")}
                        <span className="visually-hidden">{t("staff-tools:staff.forName", { name: s.name })}</span>
                      </Button>
                    </Form>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <h2>{t("staff-tools:staff.inviteHeading")}</h2>
      <ErrorSummary
        formErrors={form.errors}
        fields={fields}
        labels={{ name: t("staff-tools:staff.name"), email: t("staff-tools:staff.email"), role: t("staff-tools:staff.role") }}
      />
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <TextField field={fields.name} label={t("staff-tools:staff.name")} autoComplete="off" />
        <TextField field={fields.email} type="email" label={t("staff-tools:staff.email")} autoComplete="off" />
        <SelectField
          field={fields.role}
          label={t("staff-tools:staff.role")}
          help={t("staff-tools:staff.roleHelp")}
          options={ROLES.map((r) => [r, t(roleKey(r))])}
          defaultValue="ORGANISER"
        />
        <p>
          <Button type="submit" variant="primary">
            {t("staff-tools:staff.sendInvitation")}
          </Button>
        </p>
      </Form>
    </>
  );
}
