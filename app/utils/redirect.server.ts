import { config } from "./config.server";

// The one check for every address we send a browser on to after an action (`redirectTo` on the
// language switch, sign-in, OpenID Connect, the staff guard). A string check on the raw value is
// not enough: browsers strip tab, CR and LF from URLs, so "/\t/evil.example" reads as
// "//evil.example" (another host), and CR, LF, NUL or non-Latin-1 characters in a Location header
// make Node refuse the response (a 500). So the value is parsed as a URL against BASE_URL, must
// keep that origin, and is re-serialised by the URL parser (percent-encoded, always ASCII).
// Anything doubtful gives the fallback, never an error.

const MAX_LENGTH = 2048;
// Control characters (C0, DEL, C1), any whitespace (also U+2028/U+2029 and no-break spaces),
// bidirectional controls and zero-width characters: none belongs in a path we produce.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHAR = /[\u0000-\u0020\u007F-\u00A0\u00AD\u061C\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u2069\u3000\uFEFF]/;

function looksOffSite(path: string): boolean {
  return path.includes("\\") || UNSAFE_CHAR.test(path) || /^\/[/\\]/.test(path) || !path.startsWith("/");
}

/** Same-origin path, search and hash for `value`, or `fallback` when it is anything else. */
export function safeRedirect(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (looksOffSite(value)) return fallback;
  // Encoded variants ("/%2F/evil", "/%09/evil", "/%5Cevil"): decode a few rounds and check again.
  let decoded = value;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    decoded = next;
    if (looksOffSite(decoded)) return fallback;
  }
  let base: URL;
  let url: URL;
  try {
    base = new URL(config().baseUrl);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can leave a path that starts with "//" ("/.//evil" parses to "//evil").
  if (looksOffSite(path) || path.length > MAX_LENGTH || !/^[\x21-\x7E]+$/.test(path)) return fallback;
  return path;
}
