// The QR code in the confirmation and promotion mails, delivered over real SMTP and decoded
// back from the PNG as a scanner at the door would.
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelRegistration, registerAttendee } from "~/modules/registration/registration.server";
import { deliverDueMail } from "~/modules/mail/outbox.server";
import { createMailTransport } from "~/modules/mail/transport.server";
import { db } from "~/utils/db.server";
import { useOwnDatabase } from "../../../test/own-database";
import { attendee, createEvent } from "../../../test/factories";
import { startSmtpSink, type SmtpSink } from "../../../test/smtp-sink";
import { checkInQrDataUrl } from "./check-in-code.server";

useOwnDatabase("checkin-mail");

// Own database: deliverDueMail sends everything due, and only this file's mail should be there.
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.stop();
});

function decodePng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

async function deliveredTo(address: string, kind: string) {
  await deliverDueMail(createMailTransport({ smtpUrl: `smtp://127.0.0.1:${sink.port}`, mailDir: "unused" }));
  const mail = sink.messages.find(
    (m) => m.headers.get("x-samhandling-kind") === kind && JSON.stringify(m.to).includes(address),
  );
  if (!mail) throw new Error(`No ${kind} mail to ${address}`);
  return mail;
}

describe("the QR code in mail", () => {
  it("a confirmation carries the code as an inline PNG the HTML shows with alt text, and as text", async () => {
    const event = await createEvent();
    const person = attendee("qr", { name: "Kari Nordmann" });
    const { token } = (await registerAttendee(event.id, person, "nb")) as { token: string };
    const { checkInCode } = await db().registration.findUniqueOrThrow({ where: { token } });

    const mail = await deliveredTo(person.email, "CONFIRMATION");
    const qr = mail.attachments.find((a) => a.contentType === "image/png");
    expect(qr, "PNG attachment").toBeTruthy();
    expect(qr!.contentId).toBe("<checkin-qr@samhandling>");
    expect(qr!.related).toBe(true); // inline, not a loose attachment
    expect(decodePng(qr!.content)).toBe(checkInCode);
    // The HTML refers to the inline part by its Content-ID (mailparser resolves it to a data URL).
    const stored = await db().outboxMessage.findFirstOrThrow({ where: { toAddress: person.email, kind: "CONFIRMATION" } });
    expect(stored.html).toContain('<img src="cid:checkin-qr@samhandling" alt="QR-kode for innsjekking"');
    expect(mail.html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="QR-kode for innsjekking"/);
    expect(mail.text).toContain(`Innsjekkingskode: ${checkInCode}`);
    expect(mail.text).toContain("Vis QR-koden under ved inngangen");
    // The calendar invitation is still there.
    expect(mail.attachments.some((a) => a.filename === "invitasjon.ics")).toBe(true);
  });

  it("a promotion from the waiting list carries the code too, in the attendee's language", async () => {
    const event = await createEvent({ capacity: 1 });
    const first = attendee("seat");
    const waiting = attendee("promoted", { name: "Ingrid Venter" });
    const a = (await registerAttendee(event.id, first, "nb")) as { token: string };
    const b = (await registerAttendee(event.id, waiting, "en")) as { outcome: string; token: string };
    expect(b.outcome).toBe("waiting");
    await cancelRegistration(a.token);

    const reg = await db().registration.findUniqueOrThrow({ where: { token: b.token } });
    expect(reg.status).toBe("CONFIRMED");
    const mail = await deliveredTo(waiting.email, "PROMOTED");
    const qr = mail.attachments.find((a) => a.contentType === "image/png")!;
    expect(decodePng(qr.content)).toBe(reg.checkInCode);
    expect(mail.html).toContain('alt="QR code for check-in"');
    expect(mail.text).toContain(`Check-in code: ${reg.checkInCode}`);
  });

  it("waiting-list and cancellation mails have no code", async () => {
    const event = await createEvent({ capacity: 0 });
    const person = attendee("noqr");
    const { token } = (await registerAttendee(event.id, person, "nb")) as { token: string };
    const waitMail = await deliveredTo(person.email, "WAITLISTED");
    await cancelRegistration(token);
    const cancelMail = await deliveredTo(person.email, "CANCELLED");
    for (const mail of [waitMail, cancelMail]) {
      expect(mail.attachments.some((a) => a.contentType === "image/png")).toBe(false);
      expect(mail.html).not.toContain("<img");
    }
  });

  it("the personal page's data URL holds the same code", async () => {
    const url = await checkInQrDataUrl("abcdefghijklmnopqrstuv");
    expect(url.startsWith("data:image/png;base64,")).toBe(true);
    expect(decodePng(Buffer.from(url.split(",")[1], "base64"))).toBe("abcdefghijklmnopqrstuv");
  });
});
