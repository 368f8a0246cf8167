// Invalid or out-of-range dates and times in every staff form that takes one: a field error and
// status 400, never a 500 (the event form used to crash on `endsAt.getTime` in its refinement).
import { randomBytes } from "node:crypto";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { ZodTypeAny } from "zod";
import { createStaffSession } from "~/modules/auth/session.server";
import { acceptSchema } from "~/modules/requests/triage.schema";
import { seriesSchema } from "~/modules/series/series.schema";
import { action as eventAction } from "~/routes/admin.events.$eventId._index";
import { action as newAction } from "~/routes/admin.events.new";
import { action as seriesAction } from "~/routes/admin.series.new";
import { db } from "~/utils/db.server";
import { createEvent } from "../../../test/factories";
import { eventSchema } from "./event.schema";
import { programmeItemSchema } from "./programme.schema";

type Form = Record<string, string | string[]>;

function formData(form: Form): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(form)) for (const value of ([] as string[]).concat(v)) fd.append(k, value);
  return fd;
}

const BAD_DATE_TIMES: [string, string | string[]][] = [
  ["30 February", "2026-02-30T10:00"],
  ["a five-digit year", "99999-01-01T10:00"],
  ["year 0202", "0202-05-01T10:00"],
  ["24:61", "2026-05-01T24:61"],
  ["25:00", "2026-05-01T25:00"],
  ["empty", ""],
  ["words", "i morgen"],
  ["two values", ["2026-05-01T10:00", "2026-05-01T11:00"]],
  ["an ISO instant", "2026-05-01T10:00:00.000Z"],
  ["very long", `2026-05-01T10:00${" ".repeat(10_000)}x`],
];

const validEvent: Form = {
  kind: "CONFERENCE",
  title: "Samhandlingskonferansen",
  summary: "To dager om samhandling.",
  venueName: "Kilden",
  venueAddress: "Sjølystveien 2",
  venuePostcode: "4610",
  venueCity: "Eksempelby",
  startsAt: "2031-10-27T09:00",
  endsAt: "2031-10-28T16:00",
};
const validItem: Form = { title: "Åpning", kind: "TALK", startsAt: "2031-10-27T09:00", durationMinutes: "15" };
const validAccept: Form = {
  intent: "accept",
  eventId: "e1",
  title: "Innlegg",
  organisationName: "Lund vel",
  startsAt: "2031-10-27T09:00",
  durationMinutes: "10",
};
const validSeries: Form = {
  intent: "preview",
  title: "Dialogmøter",
  weekday: "2",
  ordinal: "1",
  startMonth: "2031-01",
  count: "1",
  startTime: "17:00",
  endTime: "19:00",
  venues: "Lund; Lund skole; Skolegata 1; 4631; Eksempelby",
};

const CASES: [string, ZodTypeAny, Form, string[]][] = [
  ["event", eventSchema, validEvent, ["startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt"]],
  ["programme item", programmeItemSchema, validItem, ["startsAt", "endsAt"]],
  ["accepted request", acceptSchema, validAccept, ["startsAt"]],
];

describe("date and time fields", () => {
  it.each(CASES)("the %s form accepts a valid one", (_label, schema, valid) => {
    expect(parseWithZod(formData(valid), { schema }).status).toBe("success");
  });

  for (const [label, schema, valid, fields] of CASES) {
    for (const field of fields) {
      it.each(BAD_DATE_TIMES)(`the ${label} form gives ${field} a field error for %s`, (_what, value) => {
        // An optional field left empty is fine; every other bad value is an error on that field.
        const optional = field !== "startsAt" && !(label === "event" && field === "endsAt");
        const submission = parseWithZod(formData({ ...valid, [field]: value }), { schema });
        if (optional && value === "") {
          expect(submission.status).toBe("success");
          return;
        }
        expect(submission.status).toBe("error");
        const reply = submission.reply();
        expect(reply.error?.[field]?.length ?? 0).toBeGreaterThan(0);
      });
    }
  }

  it.each([
    ["startTime", "24:61"],
    ["startTime", "7:00"],
    ["endTime", ["18:00", "19:00"]],
    ["endTime", ""],
    ["startMonth", "99999-01"],
    ["startMonth", "0202-01"],
    ["startMonth", "2031-13"],
    ["startMonth", ["2031-01", "2031-02"]],
  ] as [string, string | string[]][])("the series form gives %s a field error for %j", (field, value) => {
    const submission = parseWithZod(formData({ ...validSeries, [field]: value }), { schema: seriesSchema });
    expect(submission.status).toBe("error");
    expect(submission.reply().error?.[field]?.length ?? 0).toBeGreaterThan(0);
  });
});

function post(fn: (args: ActionFunctionArgs) => unknown, path: string, cookie: string, form: Form, params: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const value of ([] as string[]).concat(v)) body.append(k, value);
  return fn({
    request: new Request(`https://samhandling.test${path}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    }),
    params,
    context: {} as never,
  }) as Promise<unknown>;
}

const statusOf = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200));
const text = (r: unknown) => JSON.stringify((r as { data?: unknown }).data ?? null);

describe("date and time fields through the staff routes", () => {
  it("answer 400 with the field's message and store nothing", async () => {
    const staff = await db().staffUser.create({
      data: { email: `dato-${randomBytes(4).toString("hex")}@dates.test`, name: "Dato", role: "ORGANISER" },
    });
    const cookie = (await createStaffSession(staff.id, null)).split(";")[0];
    const title = `Datotest ${randomBytes(3).toString("hex")}`;
    for (const endsAt of ["2026-02-30T10:00", "2031-10-28T24:61", "99999-01-01T10:00"]) {
      const r = await post(newAction, "/admin/events/new", cookie, { ...validEvent, title, endsAt });
      expect(statusOf(r)).toBe(400);
      expect(text(r)).toContain("Oppgi dato og klokkeslett for slutten.");
    }
    const bothBad = await post(newAction, "/admin/events/new", cookie, { ...validEvent, title, startsAt: "2026-02-30T10:00", registrationClosesAt: "2026-13-01T10:00" });
    expect(statusOf(bothBad)).toBe(400);
    expect(await db().event.count({ where: { title } })).toBe(0);

    const event = await createEvent();
    const item = await post(eventAction, `/admin/events/${event.id}`, cookie, { intent: "add-item", ...validItem, durationMinutes: "", endsAt: "2031-10-27T09:61" }, { eventId: event.id });
    expect(statusOf(item)).toBe(400);
    expect(text(item)).toContain("Oppgi en gyldig sluttid.");
    expect(await db().programmeItem.count({ where: { eventId: event.id } })).toBe(0);

    const series = await post(seriesAction, "/admin/series/new", cookie, { ...validSeries, title, startTime: "24:61" });
    expect(statusOf(series)).toBe(400);
    expect(text(series)).toContain("Oppgi starttid som tt:mm.");
  });
});
