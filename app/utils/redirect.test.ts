import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setConfig, config } from "./config.server";
import { safeRedirect } from "./redirect.server";

describe("safeRedirect", () => {
  it.each([
    ["a plain path", "/events/samhandling-2022", "/events/samhandling-2022"],
    ["a path with search and hash", "/admin/events?side=2#programme", "/admin/events?side=2#programme"],
    ["non-ASCII is percent-encoded", "/events/møte?q=æøå#ø", "/events/m%C3%B8te?q=%C3%A6%C3%B8%C3%A5#%C3%B8"],
    ["dot segments are resolved", "/admin/../events", "/events"],
  ])("keeps %s", (_label, input, expected) => {
    expect(safeRedirect(input, "/fallback")).toBe(expected);
  });

  it.each([
    ["a tab before a second slash", "/\t/evil.example"],
    ["a leading tab", "\t//evil.example"],
    ["a tab inside", "/ad\tmin"],
    ["an encoded tab", "/%09/evil.example"],
    ["an encoded slash", "/%2F/evil.example"],
    ["a double-encoded slash", "/%252F/evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["a backslash", "\\\\evil.example"],
    ["slash backslash", "/\\evil.example"],
    ["protocol-relative", "//evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["our own origin spelt out", "https://samhandling.test/admin"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "admin"],
    ["dot segments to a double slash", "/.//evil.example"],
    ["a line separator", "/\u2028/evil.example"],
    ["NUL", "/admin\u0000"],
    ["CRLF header injection", "/admin\r\nSet-Cookie: staff=x"],
    ["an encoded CRLF", "/admin%0d%0aSet-Cookie:%20x"],
    ["a bidi override", "/admin/\u202Eexe"],
    ["a malformed escape", "/admin/%E0%A4%A"],
    ["very long", `/${"a".repeat(3000)}`],
    ["empty", ""],
  ])("refuses %s", (_label, input) => {
    expect(safeRedirect(input, "/fallback")).toBe("/fallback");
  });

  it.each([undefined, null, 42, ["/admin"], { toString: () => "/admin" }])("refuses the non-string %s", (input) => {
    expect(safeRedirect(input, "/fallback")).toBe("/fallback");
  });

  it("follows BASE_URL with a path and port", () => {
    const before = config();
    setConfig({ ...before, baseUrl: "http://127.0.0.1:3410" });
    try {
      expect(safeRedirect("/admin", "/")).toBe("/admin");
      expect(safeRedirect("http://127.0.0.1:3411/admin", "/")).toBe("/");
    } finally {
      setConfig(before);
    }
  });

  it("always answers with a same-origin ASCII path a Location header accepts", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), fc.webUrl(), fc.webPath()), (input) => {
        const out = safeRedirect(input, "/fallback");
        expect(out).toMatch(/^\/(?![/\\])[\x21-\x7E]*$/);
        expect(new URL(out, "https://samhandling.test").origin).toBe("https://samhandling.test");
        expect(() => new Headers({ Location: out })).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
