// Refusals at the door, before Remix: unsupported methods, over-long URLs, broken paths, foreign
// origins, over-large bodies, and what Node's parser itself refuses. Each answers a 4xx with a
// short page in bokmål and English that never repeats what was sent. See decision 008.
import type { Server } from "node:http";
import type { Socket } from "node:net";
import type express from "express";
import { BodyAborted, BodyTooLarge, BODY_LIMIT_BYTES, cleanBody, readBody } from "./request-body.js";

export const URL_LIMIT_BYTES = 8 * 1024;
/** Everything the site answers; Remix routes use GET and POST (fetchers may use the others). */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

type Text = { nb: string; en: string };

export const REFUSALS = {
  400: { nb: "Forespørselen kunne ikke leses.", en: "The request could not be read." },
  403: {
    nb: "Skjemaet ble sendt fra et annet nettsted, så vi tok ikke imot det. Åpne siden på nytt og prøv igjen.",
    en: "The form was sent from another website, so we did not accept it. Open the page again and try once more.",
  },
  405: { nb: "Denne metoden støttes ikke.", en: "This method is not supported." },
  408: { nb: "Forespørselen tok for lang tid.", en: "The request took too long." },
  413: { nb: "Skjemaet er for stort.", en: "The form is too large." },
  414: { nb: "Adressen er for lang.", en: "The address is too long." },
  431: { nb: "Forespørselen har for mange eller for store felt i hodet.", en: "The request headers are too many or too large." },
  500: { nb: "Noe gikk galt hos oss. Prøv igjen om litt.", en: "Something went wrong on our side. Please try again shortly." },
} satisfies Record<number, Text>;

export type RefusalStatus = keyof typeof REFUSALS;

export function refusalPage(status: RefusalStatus): string {
  const t = REFUSALS[status];
  return (
    `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${t.nb} – Samhandling</title></head><body><main><h1>${t.nb}</h1><p lang="en">${t.en}</p>` +
    `<p><a href="/">Til forsiden / Home</a></p></main></body></html>`
  );
}

export function refuse(res: express.Response, status: RefusalStatus, headers: Record<string, string> = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader("Cache-Control", "no-store");
  res.type("text/html; charset=utf-8").send(refusalPage(status));
}

/** TRACE, CONNECT, WebDAV and the like: 405 before anything else looks at the request. */
export const refuseUnsupportedMethods: express.RequestHandler = (req, res, next) => {
  if ((ALLOWED_METHODS as readonly string[]).includes(req.method)) return next();
  refuse(res, 405, { Allow: ALLOWED_METHODS.join(", "), Connection: "close" });
};

/** Over-long URLs (414) and paths whose percent-encoding does not decode (400). */
export const refuseBadUrls: express.RequestHandler = (req, res, next) => {
  if (Buffer.byteLength(req.originalUrl) > URL_LIMIT_BYTES) return refuse(res, 414);
  try {
    decodeURIComponent(req.path);
    new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  } catch {
    return refuse(res, 400);
  }
  next();
};

/**
 * A state-changing request must come from our own pages: an Origin header, when a browser sends
 * one, must name this host (as Express resolves it, honouring TRUST_PROXY). Remix makes the same
 * check, but answers 500 and trusts X-Forwarded-Host whatever TRUST_PROXY says.
 */
export const refuseForeignOrigins: express.RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const origin = req.get("origin");
  // "null" is what browsers send from privacy-sensitive contexts; Remix lets it through too.
  if (origin === undefined || origin === "null") return next();
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return refuse(res, 400);
  }
  if (host !== ownHost(req)) return refuse(res, 403);
  next();
};

/** host[:port] of this request as Express sees it (X-Forwarded-Host only behind a trusted proxy). */
export function ownHost(req: express.Request): string {
  const hostHeader = req.app.get("trust proxy fn")(req.socket.remoteAddress, 0) ? req.get("x-forwarded-host") : undefined;
  const raw = (hostHeader?.split(",")[0]?.trim() || req.get("host") || "").toLowerCase();
  return raw;
}

/**
 * Reads the body of every request that may carry one, counting bytes as they arrive: over the
 * limit the client gets 413 at once and the rest of the body is discarded unread into memory.
 * The cleaned body is left in res.locals.body for the Remix handler.
 */
export function readRequestBodies(limit = BODY_LIMIT_BYTES): express.RequestHandler {
  return async (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    try {
      const raw = await readBody(req, limit);
      const cleaned = await cleanBody(raw, req.get("content-type"));
      res.locals.body = cleaned.body;
      res.locals.multipart = cleaned.multipart;
      next();
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        discardRest(req, res);
        refuse(res, 413);
        return;
      }
      if (err instanceof BodyAborted) {
        res.destroy();
        return;
      }
      next(err);
    }
  };
}

/**
 * After a 413: keep reading (and dropping) what is still on the wire for a moment, so that the
 * client reads our answer instead of a connection reset, then hang up.
 */
function discardRest(req: express.Request, res: express.Response) {
  req.removeAllListeners("data");
  req.resume();
  const hangUp = setTimeout(() => req.socket.destroy(), 2_000);
  hangUp.unref();
  req.on("end", () => clearTimeout(hangUp));
  res.on("finish", () => {
    if (req.complete) clearTimeout(hangUp);
  });
}

/** Last in the chain: errors from Express itself (e.g. static files) as readable pages. */
export const answerErrors: express.ErrorRequestHandler = (err, _req, res, _next) => {
  const status = Number((err as { status?: number }).status ?? (err as { statusCode?: number }).statusCode);
  if (status >= 400 && status < 500) {
    refuse(res, status in REFUSALS ? (status as RefusalStatus) : 400);
    return;
  }
  console.error(err);
  refuse(res, 500);
};

/**
 * Limits Node enforces while parsing, before Express sees anything: header size and count,
 * and time limits against clients that send their headers or body slowly.
 */
export const SERVER_LIMITS = {
  maxHeaderSize: 16 * 1024,
  maxHeadersCount: 100,
  headersTimeout: 20_000,
  requestTimeout: 60_000,
};

export function applyServerLimits(server: Server) {
  server.maxHeadersCount = SERVER_LIMITS.maxHeadersCount;
  server.headersTimeout = SERVER_LIMITS.headersTimeout;
  server.requestTimeout = SERVER_LIMITS.requestTimeout;
  // CONNECT never reaches Express: Node hands it to a "connect" listener or drops the socket.
  server.on("connect", (_req, socket: Socket) => socket.end(rawResponse(405, `Allow: ${ALLOWED_METHODS.join(", ")}\r\n`)));
  // What Node's parser refuses (bad request line, too many header bytes, a timeout) gets a short
  // readable answer instead of a bare status line.
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const status: RefusalStatus =
      err.code === "HPE_HEADER_OVERFLOW" ? 431 : err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : err.code === "HPE_INVALID_METHOD" ? 405 : 400;
    socket.end(rawResponse(status));
  });
}

function rawResponse(status: RefusalStatus, extraHeaders = ""): string {
  const body = refusalPage(status);
  return (
    `HTTP/1.1 ${status} ${statusText[status]}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Cache-Control: no-store\r\nConnection: close\r\n${extraHeaders}\r\n${body}`
  );
}

const statusText: Record<RefusalStatus, string> = {
  400: "Bad Request",
  403: "Forbidden",
  405: "Method Not Allowed",
  408: "Request Timeout",
  413: "Content Too Large",
  414: "URI Too Long",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
};
