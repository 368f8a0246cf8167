// Our own thin Express → Remix adapter (after @remix-run/express): the Web Request is built from
// the body already read, capped and cleaned at the door (server/http-guards.ts), never from the
// raw socket, and the host comes from Express (honouring TRUST_PROXY) rather than from whatever
// X-Forwarded-Host a client sends.
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createRequestHandler as createRemixRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type express from "express";
import { ownHost, refuse } from "./http-guards.js";

type Build = ServerBuild | (() => Promise<ServerBuild>);

export function createRemixHandler(options: {
  build: Build;
  mode: string;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext | Promise<AppLoadContext>;
}): express.RequestHandler {
  const handle = createRemixRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    let request: Request;
    try {
      request = remixRequest(req, res);
    } catch {
      refuse(res, 400);
      return;
    }
    try {
      const response = await handle(request, await options.getLoadContext(req, res));
      await sendResponse(res, response);
    } catch (err) {
      next(err);
    }
  };
}

function remixRequest(req: express.Request, res: express.Response): Request {
  const host = ownHost(req);
  const url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  // The host has been decided (and the Origin checked against it) by us.
  headers.delete("x-forwarded-host");
  headers.set("host", host);

  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = res.locals.body as Buffer | FormData | undefined;
    if (body instanceof FormData) {
      // A fresh multipart body with its own boundary: the old Content-Type would not match it.
      headers.delete("content-type");
      headers.delete("content-length");
      init.body = body;
    } else {
      const bytes = new Uint8Array(body ?? Buffer.alloc(0));
      init.body = bytes;
      headers.delete("transfer-encoding");
      headers.set("content-length", String(bytes.byteLength));
    }
  }
  // Abort loaders and actions once the response can no longer be written (close before finish).
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

async function sendResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // A header the route sets replaces the one set before it (helmet's CSP for the sandboxed SVG
  // logo, for instance); only Set-Cookie may repeat.
  for (const [key, value] of response.headers.entries()) {
    if (key.toLowerCase() === "set-cookie") res.append(key, value);
    else res.setHeader(key, value);
  }
  if (response.headers.get("content-type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
