import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ROLE_NAMES, ROLES, staffHandle } from "~/modules/auth/roles";
import { actorOf, requireStaff } from "~/modules/auth/session.server";
import { inviteSchema, staffActionSchema } from "~/modules/auth/staff.schema";
import { inviteStaff, listStaff, removeStaff, setStaffRole } from "~/modules/auth/staff.server";
import { formatDateTime } from "~/utils/format";

export const handle = staffHandle("ADMIN");
export const meta: MetaFunction = () => [{ title: "Ansatte – Samhandling" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireStaff(request, "ADMIN");
  const staff = await listStaff();
  return {
    meId: me.id,
    staff: staff.map(({ passwordHash, oidcSubject, ...s }) => ({
      ...s,
      signIn: [passwordHash ? "passord" : null, oidcSubject ? "kommunens konto" : null].filter(Boolean).join(" og "),
    })),
  };
}

const ERRORS = {
  exists: "Denne personen har allerede tilgang.",
  "last-admin": "Det må alltid være minst én administrator.",
  self: "Du kan ikke fjerne din egen tilgang.",
  "not-found": "Fant ikke denne personen.",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireStaff(request, "ADMIN");
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ result: null, message: null, error: "Vi kunne ikke lese skjemaet." }, { status: 400 });
  const submission = parseWithZod(formData, { schema: staffActionSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), message: null, error: "Skjemaet har feil." }, { status: 400 });
  }
  const v = submission.value;
  const actor = actorOf(me);
  if (v.intent === "invite") {
    const r = await inviteStaff(actor, v);
    if (!r.ok) return data({ result: submission.reply(), message: null, error: ERRORS[r.error] }, { status: 409 });
    return data({ result: submission.reply({ resetForm: true }), message: `Invitasjon sendt til ${v.email}.`, error: null });
  }
  const err = v.intent === "role" ? await setStaffRole(actor, v.userId, v.role) : await removeStaff(actor, v.userId);
  if (err) return data({ result: null, message: null, error: ERRORS[err] }, { status: 409 });
  return data({ result: null, message: v.intent === "role" ? "Rollen er endret." : "Tilgangen er fjernet.", error: null });
}

export default function StaffPage() {
  const { staff, meId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.result,
    constraint: getZodConstraint(inviteSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  return (
    <>
      <h1>Ansatte</h1>
      {actionData?.message ? (
        <p className="notice notice-ok" role="status">
          {actionData.message}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="notice notice-warn" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <table className="data">
        <caption className="visually-hidden">Ansatte med tilgang</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">E-post</th>
            <th scope="col">Rolle</th>
            <th scope="col">Innlogging</th>
            <th scope="col">Sist innlogget</th>
            <th scope="col">Tilgang</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{s.email}</td>
              <td>
                {s.active ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="role" />
                    <input type="hidden" name="userId" value={s.id} />
                    <label className="visually-hidden" htmlFor={`role-${s.id}`}>
                      Rolle for {s.name}
                    </label>
                    <select id={`role-${s.id}`} name="role" defaultValue={s.role}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_NAMES[r]}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="small primary">
                      Lagre rolle<span className="visually-hidden"> for {s.name}</span>
                    </button>
                  </Form>
                ) : (
                  "—"
                )}
              </td>
              <td>{s.signIn || (s.inviteExpiresAt ? "invitert" : "—")}</td>
              <td>{s.lastSignInAt ? formatDateTime(new Date(s.lastSignInAt)) : "aldri"}</td>
              <td>
                {!s.active ? (
                  "fjernet"
                ) : s.id === meId ? (
                  "deg"
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={s.id} />
                    <button type="submit" className="small danger">
                      Fjern tilgang<span className="visually-hidden"> for {s.name}</span>
                    </button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Inviter en ansatt</h2>
      <Form method="post" className="stacked" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <div className="field">
          <label htmlFor={fields.name.id}>Navn</label>
          <input {...getInputProps(fields.name, { type: "text" })} autoComplete="off" />
          {fields.name.errors ? <p className="error" id={fields.name.errorId}>{fields.name.errors[0]}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={fields.email.id}>E-postadresse</label>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="off" />
          {fields.email.errors ? <p className="error" id={fields.email.errorId}>{fields.email.errors[0]}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={fields.role.id}>Rolle</label>
          <select {...getSelectProps(fields.role)} defaultValue="ORGANISER">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
          <p className="help">Moderator: ordstyrer for spørsmål. Arrangør: arrangementer, påmeldinger og meldinger. Administrator: alt, også ansatte.</p>
        </div>
        <p>
          <button type="submit" className="primary">
            Send invitasjon
          </button>
        </p>
      </Form>
    </>
  );
}
