// The response for /org/logo and /org/share-image: the bytes from the settings cache with a
// strong ETag and a long cache (the URL carries the ETag, see org-images.ts). An SVG is a document
// that could carry script: it is sent sandboxed, with no sniffing, and pages show it only via <img>.
import { orgImage } from "./settings.server";

export function orgImageResponse(kind: "logo" | "shareImage", request: Request): Response {
  const image = orgImage(kind);
  if (!image) return new Response("Ikke funnet", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const headers = new Headers({
    "Content-Type": image.type,
    ETag: image.etag,
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  const asked = request.headers.get("If-None-Match");
  if (asked && asked.split(",").some((t) => t.trim().replace(/^W\//, "") === image.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(image.bytes.byteLength));
  return new Response(image.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
