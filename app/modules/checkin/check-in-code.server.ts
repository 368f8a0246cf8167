// The code at the door: an unguessable value in the QR of every confirmation mail. Scanning
// it finds the registration; it says nothing about the person by itself.
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import type { Tx } from "~/utils/db.server";

/** 128 random bits, URL-safe (22 characters): short enough for a small, robust QR. */
export function newCheckInCode(): string {
  return randomBytes(16).toString("base64url");
}

/** Codes look like newCheckInCode's output; anything else is refused before a query. */
export function isPlausibleCheckInCode(code: string): boolean {
  return /^[A-Za-z0-9_-]{20,64}$/.test(code);
}

/**
 * The registration's code, created if it has none (rows from before codes existed). The
 * conditional update makes two parallel callers agree on one code.
 */
export async function ensureCheckInCode(tx: Tx, registrationId: string): Promise<string> {
  await tx.registration.updateMany({
    where: { id: registrationId, checkInCode: null },
    data: { checkInCode: newCheckInCode() },
  });
  const { checkInCode } = await tx.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { checkInCode: true },
  });
  return checkInCode!;
}

const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 2, width: 240 } as const;

export function checkInQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { ...QR_OPTIONS, type: "png" });
}

export function checkInQrDataUrl(code: string): Promise<string> {
  return QRCode.toDataURL(code, { ...QR_OPTIONS, type: "image/png" });
}
