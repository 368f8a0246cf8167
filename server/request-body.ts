// The request body, read once at the door: counted in bytes as it streams (whatever
// Content-Length or Transfer-Encoding says), cut off at the limit, and every form value cleaned
// by the shared text rule (app/utils/text.ts) before Remix sees it. See decision 008.
import type { IncomingMessage } from "node:http";
import { cleanText } from "../app/utils/text.js";

/** Forms here are a few kB; a megabyte is generous. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

export class BodyAborted extends Error {}

/**
 * Reads the whole body into one Buffer, or rejects with BodyTooLarge as soon as one byte more
 * than `limit` has arrived (the rest is never buffered). A declared Content-Length over the limit
 * is refused before a byte is read.
 */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null, body?: Buffer) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      if (err) reject(err);
      else resolve(body!);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        // Stop buffering; the caller answers 413 and then discards (never stores) the rest.
        req.pause();
        finish(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(null, Buffer.concat(chunks, size));
    const onError = (err: Error) => finish(err);
    const onClose = () => finish(new BodyAborted("the client went away before the body was complete"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

const mediaType = (contentType: string | undefined) => (contentType ?? "").split(";")[0]!.trim().toLowerCase();

/**
 * The body with every name and value of a urlencoded form passed through cleanText. Anything
 * else is returned untouched (multipart is cleaned by cleanMultipart, which needs the Web API).
 */
export function cleanUrlEncoded(body: Buffer): Buffer {
  // Invalid UTF-8 (raw or percent-encoded) becomes U+FFFD here, as it would in request.formData().
  const params = new URLSearchParams(body.toString("utf8"));
  const cleaned = new URLSearchParams();
  let changed = false;
  for (const [name, value] of params) {
    const n = cleanText(name);
    const v = cleanText(value);
    if (n !== name || v !== value) changed = true;
    cleaned.append(n, v);
  }
  return changed ? Buffer.from(cleaned.toString(), "utf8") : body;
}

/**
 * A multipart form with its text fields cleaned, as FormData (the Request then writes a fresh
 * boundary), or null when it does not parse; the route then refuses it as it always has.
 */
export async function cleanMultipart(body: Buffer, contentType: string): Promise<FormData | null> {
  let parsed: FormData;
  try {
    parsed = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
  const cleaned = new FormData();
  for (const [name, value] of parsed) {
    if (typeof value === "string") cleaned.append(cleanText(name), cleanText(value));
    else cleaned.append(cleanText(name), value, cleanText(value.name));
  }
  return cleaned;
}

/** What Remix gets as the body of a request that carried one. */
export async function cleanBody(body: Buffer, contentType: string | undefined): Promise<{ body: Buffer | FormData; multipart: boolean }> {
  const type = mediaType(contentType);
  if (type === "application/x-www-form-urlencoded") return { body: cleanUrlEncoded(body), multipart: false };
  if (type === "multipart/form-data" && contentType) {
    const form = await cleanMultipart(body, contentType);
    if (form) return { body: form, multipart: true };
  }
  return { body, multipart: false };
}
