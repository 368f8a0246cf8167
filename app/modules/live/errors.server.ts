// Refusals from the live domain. The socket layer turns them into `{ ok: false, code, key,
// values, message }` (see protocol.ts); anything else thrown is unexpected and becomes "server".
import type { MessageKey } from "~/i18n";
import type { LiveValues } from "./messages";
import type { ErrorCode } from "./protocol";

export class LiveError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** A key of the `live` catalog, shown in the reader's language. */
    readonly key: MessageKey,
    readonly values?: LiveValues,
  ) {
    super(key);
    this.name = "LiveError";
  }
}

export const notFound = (what: "room" | "question" | "poll" | "event" | "answer" | "block" | "item") => new LiveError("not-found", `live:error.notFound.${what}`);
export const roomClosed = () => new LiveError("closed", "live:error.roomClosed");
