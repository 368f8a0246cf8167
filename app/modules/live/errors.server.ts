// Refusals from the live domain. The socket layer turns them into `{ ok: false, code, message }`;
// anything else thrown is unexpected and becomes "server".
import type { ErrorCode } from "./protocol";

export class LiveError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LiveError";
  }
}

export const notFound = (what: string) => new LiveError("not-found", `Fant ikke ${what} i dette rommet.`);
export const roomClosed = () => new LiveError("closed", "Rommet er stengt. Du kan ikke lenger stille spørsmål eller stemme.");
