// Messages to attendees against a real database (its own, so that the outbox holds only the
// mail these tests queue) and a real SMTP server: segments, one outbox row per recipient,
// double submits, progress as the outbox delivers, and the route's answers to bad input.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { deliverDueMail } from "~/modules/mail/outbox.server";
import { createMailTransport } from "~/modules/mail/transport.server";
import { db } from "~/utils/db.server";
import { useOwnDatabase } from "../../../test/own-database";
import { createEvent } from "../../../test/factories";
import { startSmtpSink, type SmtpSink } from "../../../test/smtp-sink";
import { action, loader } from "../../routes/admin.events.$eventId.messages";
import type { MessageKey } from "~/i18n";
import { translator } from "~/i18n/i18n.server";
import { messageSchema } from "./messages.schema";
import {
  listMessages,
  messageProgress,
  newSendKey,
  PREVIEW_TOKEN,
  previewMessage,
  segmentCounts,
  sendMessage,
} from "./messages.server";

const nb = translator("nb");

useOwnDatabase("messages");

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
});

const actor = { id: null, email: "arrangor@kristiansand.kommune.no" };

async function addPerson(
  eventId: string,
  name: string,
  status: "CONFIRMED" | "WAITING" | "CANCELLED",
  extra: { checkedIn?: boolean; locale?: string } = {},
) {
  const tag = randomBytes(4).toString("hex");
  return db().registration.create({
    data: {
      eventId,
      token: `tok-${tag}-${randomBytes(8).toString("hex")}`,
      status,
      name,
      email: `${name.toLowerCase().replace(/\W+/g, "-")}-${tag}@example.no`,
      emailNormalized: `${name.toLowerCase().replace(/\W+/g, "-")}-${tag}@example.no`,
      privacyConsentAt: new Date(),
      locale: extra.locale ?? "nb",
      waitingSince: status === "WAITING" ? new Date() : null,
      cancelledAt: status === "CANCELLED" ? new Date() : null,
      checkedInAt: extra.checkedIn ? new Date() : null,
    },
  });
}

/** An event with two confirmed (one checked in, one in nynorsk), one waiting, one cancelled (checked in). */
async function eventWithPeople() {
  const event = await createEvent({ title: "Dialogmøte med formannskapet – Vågsbygd" });
  const people = {
    kari: await addPerson(event.id, "Kari Nordmann", "CONFIRMED"),
    ola: await addPerson(event.id, "Ola Nordmann", "CONFIRMED", { checkedIn: true, locale: "nn" }),
    venter: await addPerson(event.id, "Vera Venter", "WAITING"),
    borte: await addPerson(event.id, "Bjørn Borte", "CANCELLED", { checkedIn: true }),
  };
  // Someone at another event never gets this event's messages.
  const other = await createEvent();
  await addPerson(other.id, "Annen Person", "CONFIRMED");
  return { event, people };
}

const input = { subject: "Endret inngang", body: "Bruk inngangen fra skolegården.\n\nVelkommen!" };

describe("segments", () => {
  it("count and reach the right registrations", async () => {
    const { event, people } = await eventWithPeople();
    expect(await segmentCounts(event.id)).toEqual({ ALL: 3, CONFIRMED: 2, WAITING: 1, CHECKED_IN: 1 });

    const recipients = async (segment: "ALL" | "CONFIRMED" | "WAITING" | "CHECKED_IN") => {
      const outcome = await sendMessage(event, actor, { ...input, segment, sendKey: newSendKey() });
      if (outcome.outcome !== "sent") throw new Error(outcome.outcome);
      const rows = await db().outboxMessage.findMany({ where: { messageId: outcome.messageId }, select: { toAddress: true } });
      return rows.map((r) => r.toAddress).sort();
    };
    const { kari, ola, venter } = people;
    expect(await recipients("ALL")).toEqual([kari.email, ola.email, venter.email].sort());
    expect(await recipients("CONFIRMED")).toEqual([kari.email, ola.email].sort());
    expect(await recipients("WAITING")).toEqual([venter.email]);
    expect(await recipients("CHECKED_IN")).toEqual([ola.email]);
  });
});

describe("sending a message", () => {
  it("stores the message, one MESSAGE mail per recipient with messageId, and an audit entry, in each one's language", async () => {
    const { event, people } = await eventWithPeople();
    const outcome = await sendMessage(event, actor, { ...input, segment: "CONFIRMED", sendKey: newSendKey() });
    expect(outcome).toMatchObject({ outcome: "sent", recipientCount: 2 });
    if (outcome.outcome !== "sent") return;

    const message = await db().attendeeMessage.findUniqueOrThrow({ where: { id: outcome.messageId } });
    expect(message).toMatchObject({ eventId: event.id, segment: "CONFIRMED", subject: "Endret inngang", recipientCount: 2, authorEmail: actor.email });
    const rows = await db().outboxMessage.findMany({ where: { messageId: outcome.messageId } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.kind === "MESSAGE" && r.status === "PENDING" && r.subject === "Endret inngang")).toBe(true);

    const kari = rows.find((r) => r.toAddress === people.kari.email)!;
    expect(kari.text).toContain("Hei Kari Nordmann,");
    expect(kari.text).toContain("Bruk inngangen fra skolegården.\n\nVelkommen!");
    expect(kari.text).toContain("Arrangement: Dialogmøte med formannskapet – Vågsbygd");
    expect(kari.text).toContain(`https://samhandling.test/registrations/${people.kari.token}`);
    expect(kari.html).toContain('<html lang="nb">');
    expect(kari.html).toContain(`href="https://samhandling.test/registrations/${people.kari.token}"`);
    const ola = rows.find((r) => r.toAddress === people.ola.email)!;
    expect(ola.html).toContain('<html lang="nn">');
    expect(ola.text).toContain(`https://samhandling.test/registrations/${people.ola.token}`);
    expect(ola.text).not.toContain(people.kari.token);

    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "message.send", targetId: event.id } });
    expect(entry.summary).toContain("Endret inngang");
    expect(JSON.parse(entry.details)).toMatchObject({ messageId: outcome.messageId, recipientCount: 2, segment: "CONFIRMED" });
    expect(entry.details).not.toContain("skolegården"); // the body (maybe personal) stays out of the log
  });

  it("sends once however often the same preview is submitted, one after another or at once", async () => {
    const { event } = await eventWithPeople();
    const sendKey = newSendKey();
    const first = await sendMessage(event, actor, { ...input, segment: "ALL", sendKey });
    const again = await sendMessage(event, actor, { ...input, segment: "ALL", sendKey });
    expect(first.outcome).toBe("sent");
    expect(again).toMatchObject({ outcome: "already-sent", recipientCount: 3 });

    const concurrentKey = newSendKey();
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => sendMessage(event, actor, { ...input, segment: "ALL", sendKey: concurrentKey })),
    );
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["already-sent", "already-sent", "sent"]);

    expect(await db().attendeeMessage.count({ where: { eventId: event.id } })).toBe(2);
    expect(await db().outboxMessage.count({ where: { messageId: { in: [sendKey, concurrentKey] } } })).toBe(6);
    expect(await db().auditLog.count({ where: { action: "message.send", targetId: event.id } })).toBe(2);
  });

  it("stores nothing when the segment is empty", async () => {
    const event = await createEvent();
    await addPerson(event.id, "Kun Bekreftet", "CONFIRMED");
    expect(await sendMessage(event, actor, { ...input, segment: "WAITING", sendKey: newSendKey() })).toEqual({ outcome: "no-recipients" });
    expect(await db().attendeeMessage.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses another event's send key instead of reporting it as sent", async () => {
    const a = await eventWithPeople();
    const b = await eventWithPeople();
    const sendKey = newSendKey();
    await sendMessage(a.event, actor, { ...input, segment: "ALL", sendKey });
    await expect(sendMessage(b.event, actor, { ...input, segment: "ALL", sendKey })).rejects.toMatchObject({ code: "P2002" });
    expect(await db().attendeeMessage.count({ where: { eventId: b.event.id } })).toBe(0);
  });
});

describe("the preview", () => {
  it("shows what the first recipient gets, with a stand-in for the secret link, and stores nothing", async () => {
    const { event, people } = await eventWithPeople();
    const before = await db().outboxMessage.count();
    const preview = await previewMessage(event, { ...input, segment: "ALL" });
    expect(preview.recipientCount).toBe(3);
    expect(preview.locales).toEqual({ nb: 2, nn: 1 });
    expect(preview.sampleName).toBe("Kari Nordmann");
    expect(preview.mail.subject).toBe("Endret inngang");
    expect(preview.mail.text).toContain("Hei Kari Nordmann,");
    expect(preview.mail.text).toContain(`https://samhandling.test/registrations/${PREVIEW_TOKEN}`);
    expect(preview.mail.text).not.toContain(people.kari.token);
    expect(preview.sendKey).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(await db().outboxMessage.count()).toBe(before);
    expect(await db().attendeeMessage.count({ where: { eventId: event.id } })).toBe(0);
  });
});

describe("progress", () => {
  it("is counted from the outbox and follows delivery", async () => {
    const { event, people } = await eventWithPeople();
    await db().outboxMessage.updateMany({ where: { status: "PENDING" }, data: { status: "SENT" } }); // earlier tests' mail
    const outcome = await sendMessage(event, actor, { ...input, segment: "ALL", sendKey: newSendKey() });
    if (outcome.outcome !== "sent") throw new Error(outcome.outcome);
    expect(await messageProgress([outcome.messageId])).toEqual({ [outcome.messageId]: { sent: 0, pending: 3, failed: 0 } });

    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${sink.port}`, mailDir: "unused" });
    expect(await deliverDueMail(transport, new Date(), 2)).toMatchObject({ sent: 2 });
    expect((await messageProgress([outcome.messageId]))[outcome.messageId]).toEqual({ sent: 2, pending: 1, failed: 0 });

    // A mail the outbox gave up on counts as failed.
    const last = await db().outboxMessage.findFirstOrThrow({ where: { messageId: outcome.messageId, status: "PENDING" } });
    await db().outboxMessage.update({ where: { id: last.id }, data: { status: "FAILED" } });
    const [listed] = (await listMessages(event.id)).filter((m) => m.id === outcome.messageId);
    expect(listed.progress).toEqual({ sent: 2, pending: 0, failed: 1 });

    const delivered = sink.messages.filter((m) => m.headers.get("x-samhandling-kind") === "MESSAGE");
    expect(delivered).toHaveLength(2);
    const tokens = [people.kari.token, people.ola.token, people.venter.token];
    const whose = delivered.map((m) => tokens.findIndex((t) => m.text?.includes(t)));
    expect(whose).not.toContain(-1);
    expect(new Set(whose).size).toBe(2);
    expect(delivered.every((m) => m.subject === "Endret inngang")).toBe(true);
  });
});

describe("the form's schema", () => {
  const valid = { intent: "preview", segment: "CONFIRMED", subject: "Emne", body: "Tekst" };
  const errors = (v: Record<string, string | undefined>) => {
    const r = messageSchema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${nb(i.message as MessageKey)}`);
  };
  it("accepts plain text and normalises line breaks", () => {
    const r = messageSchema.parse({ ...valid, body: "  Linje 1\r\nLinje 2\r\n\r\nAvsnitt  " });
    expect(r.body).toBe("Linje 1\nLinje 2\n\nAvsnitt");
  });
  it("refuses missing, too long and control-character input, and sending without a preview", () => {
    expect(errors({ ...valid, subject: "" })).toEqual(["subject: Skriv et emne."]);
    expect(errors({ ...valid, subject: "x".repeat(151) })).toEqual(["subject: Emnet kan ha høyst 150 tegn."]);
    expect(errors({ ...valid, subject: "To\nlinjer" })).toEqual(["subject: Emnet kan bare ha vanlig tekst på én linje."]);
    expect(errors({ ...valid, body: "   " })).toEqual(["body: Skriv selve meldingen."]);
    expect(errors({ ...valid, body: "x".repeat(5001) })).toEqual(["body: Meldingen kan ha høyst 5000 tegn."]);
    expect(errors({ ...valid, body: "Pip\u0007" })).toEqual(["body: Meldingen kan bare ha vanlig tekst."]);
    expect(errors({ ...valid, segment: "VIP" })).toEqual(["segment: Velg hvem meldingen skal til."]);
    expect(errors({ ...valid, intent: "send" })).toEqual(["sendKey: Forhåndsvis meldingen før du sender den."]);
    expect(errors({ ...valid, intent: "send", sendKey: "kort" })[0]).toMatch(/^sendKey:/);
  });
});

describe("the route", () => {
  async function organiserCookie(role = "ORGANISER") {
    const staff = await db().staffUser.create({
      data: { email: `arr-${randomBytes(4).toString("hex")}@kristiansand.kommune.no`, name: "Arne Arrangør", role },
    });
    const setCookie = await createStaffSession(staff.id, null);
    return setCookie.split(";")[0];
  }
  const post = (eventId: string, cookie: string, form: Record<string, string>) =>
    action({
      request: new Request(`https://samhandling.test/admin/events/${eventId}/messages`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
      }),
      params: { eventId },
      context: {} as AppLoadContext,
    });
  const statusOf = (r: unknown) => (r instanceof Response ? r.status : (r as { init?: { status?: number } }).init?.status ?? 200);

  it("answers bad input with 400 and stores nothing; preview then send; a resubmit is not sent twice", async () => {
    const { event } = await eventWithPeople();
    const cookie = await organiserCookie();
    const messagesBefore = await db().attendeeMessage.count();
    const outboxBefore = await db().outboxMessage.count();

    const bad = await post(event.id, cookie, { intent: "send", segment: "CONFIRMED", subject: "", body: "Hei" });
    expect(statusOf(bad)).toBe(400);
    expect(JSON.stringify((bad as { data: unknown }).data)).toContain("staff-tools:messages.error.subjectRequired");
    const forged = await post(event.id, cookie, { intent: "send", segment: "CONFIRMED", subject: "Emne", body: "Hei", sendKey: "<script>" });
    expect(statusOf(forged)).toBe(400);
    expect(await db().attendeeMessage.count()).toBe(messagesBefore);
    expect(await db().outboxMessage.count()).toBe(outboxBefore);

    const preview = (await post(event.id, cookie, { intent: "preview", segment: "CONFIRMED", subject: "Emne", body: "Hei" })) as {
      data: { preview: { recipientCount: number; sendKey: string } };
    };
    expect(statusOf(preview)).toBe(200);
    expect(preview.data.preview.recipientCount).toBe(2);
    expect(await db().attendeeMessage.count()).toBe(messagesBefore);

    const form = { intent: "send", segment: "CONFIRMED", subject: "Emne", body: "Hei", sendKey: preview.data.preview.sendKey };
    const sent = (await post(event.id, cookie, form)) as Response;
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe(`/admin/events/${event.id}/messages?sendt=${preview.data.preview.sendKey}`);
    const resent = (await post(event.id, cookie, form)) as Response;
    expect(resent.headers.get("Location")).toBe(`/admin/events/${event.id}/messages?sendt=${preview.data.preview.sendKey}&igjen=1`);
    expect(await db().outboxMessage.count({ where: { messageId: preview.data.preview.sendKey } })).toBe(2);

    const page = await loader({
      request: new Request(`https://samhandling.test/admin/events/${event.id}/messages?sendt=${preview.data.preview.sendKey}`, {
        headers: { Cookie: cookie },
      }),
      params: { eventId: event.id },
      context: {} as AppLoadContext,
    });
    expect(page.sent).toMatchObject({ subject: "Emne", recipientCount: 2, again: false });
    expect(page.messages[0].progress).toEqual({ sent: 0, pending: 2, failed: 0 });
    expect(page.reminder).toMatchObject({ state: "scheduled" });
  });

  it("sends anonymous visitors to sign in and refuses moderators, for the page and the action", async () => {
    const { event } = await eventWithPeople();
    const get = (cookie?: string) =>
      loader({
        request: new Request(`https://samhandling.test/admin/events/${event.id}/messages`, { headers: cookie ? { Cookie: cookie } : {} }),
        params: { eventId: event.id },
        context: {} as AppLoadContext,
      });
    const anonymous = await get().catch((r: Response) => r);
    expect(anonymous).toBeInstanceOf(Response);
    expect((anonymous as Response).status).toBe(302);
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/admin\/login\?redirectTo=/);
    const moderator = await organiserCookie("MODERATOR");
    await expect(get(moderator)).rejects.toMatchObject({ status: 403 });
    await expect(post(event.id, moderator, { intent: "preview", segment: "ALL", subject: "x", body: "y" })).rejects.toMatchObject({ status: 403 });
    await expect(post(event.id, "", { intent: "preview", segment: "ALL", subject: "x", body: "y" })).rejects.toMatchObject({ status: 302 });
  });

  it("answers 404 for an unknown event", async () => {
    const cookie = await organiserCookie();
    await expect(post("finnes-ikke", cookie, { intent: "preview" })).rejects.toMatchObject({ status: 404 });
  });
});
