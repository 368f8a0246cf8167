// The settings service against a real database of its own: the cache, the audit entry, the image
// route's headers and the administrator-only page.
import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createStaffSession } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { useOwnDatabase } from "../../../test/own-database";
import { action as settingsAction, loader as settingsLoader } from "../../routes/admin.settings";
import { loader as logoLoader } from "../../routes/org.logo";
import { loader as rootLoader } from "../../root";
import { translator } from "~/i18n";
import { settingsSchema } from "./settings.schema";
import { loadOrgSettings, orgImage, orgSettings, REFRESH_MS, resetOrgSettingsCache, saveOrgSettings } from "./settings.server";

useOwnDatabase("settings");

const actor = { id: null, email: "admin@eksempelby.test" };
const input = (o: Record<string, unknown> = {}) => settingsSchema.parse({ orgNameNb: "Eksempelby kommune", districts: "Sentrum\nNord", ...o });
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00315a"/></svg>`;

describe("the settings service", () => {
  it("saves, refreshes this node's cache at once and audits the changed fields only", async () => {
    resetOrgSettingsCache();
    const changed = await saveOrgSettings(input(), actor);
    expect(changed.sort()).toEqual(["districts", "orgNameNb"]);
    expect(orgSettings().orgName.nb).toBe("Eksempelby kommune");
    expect(orgSettings().districts).toEqual(["Sentrum", "Nord"]);
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "settings.update" }, orderBy: { at: "desc" } });
    expect(JSON.parse(entry.details)).toEqual({ fields: expect.arrayContaining(["orgNameNb", "districts"]) });
    expect(entry.actorEmail).toBe("admin@eksempelby.test");

    const again = await saveOrgSettings(input({ districts: "Sentrum\nSør" }), actor);
    expect(again).toEqual(["districts"]);
    expect(await saveOrgSettings(input({ districts: "Sentrum\nSør" }), actor)).toEqual([]);
    expect(await db().auditLog.count({ where: { action: "settings.update" } })).toBe(2);
  });

  it("sees another node's change within 30 seconds, never blocking a read", async () => {
    await saveOrgSettings(input({ orgNameNb: "Før" }), actor);
    // Another node writes the row directly.
    await db().orgSettings.update({ where: { id: "org" }, data: { orgNameNb: "Etter" } });
    expect(orgSettings().orgName.nb).toBe("Før");
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + REFRESH_MS + 1;
      expect(orgSettings().orgName.nb).toBe("Før"); // the reload runs in the background
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      Date.now = realNow;
    }
    expect(orgSettings().orgName.nb).toBe("Etter");
  });
});

describe("privacy texts name the data controller from the settings", () => {
  it("uses the data controller field, else the organisation and unit, in every language", async () => {
    resetOrgSettingsCache();
    await saveOrgSettings(input({ orgNameNb: "Eksempelby kommune", orgNameEn: "Eksempelby municipality", unitNameNb: "Demokratikontoret", unitNameEn: "the democracy office", dataController: "" }), actor);
    expect(translator("nb")("live:ask.namePrivacy")).toContain("Eksempelby kommune ved Demokratikontoret er behandlingsansvarlig.");
    expect(translator("en")("live:ask.namePrivacy")).toContain("the democracy office, Eksempelby municipality is the data controller.");
    await saveOrgSettings(input({ orgNameNb: "Eksempelby kommune", dataController: "Eksempelby kommune, rådmannen" }), actor);
    expect(translator("nn")("live:ask.namePrivacy")).toContain("Eksempelby kommune, rådmannen er behandlingsansvarleg.");
    expect(translator("nb")("a11y.privacy")).toContain("Eksempelby kommune, rådmannen er behandlingsansvarlig.");
  });
});

describe("the default share image", () => {
  it("is every page's og:image, as an absolute address, once it is set", async () => {
    resetOrgSettingsCache();
    await saveOrgSettings(input(), actor, { shareImage: null });
    const args = { request: new Request("http://eksempelby.test/"), params: {}, context: {} as AppLoadContext };
    expect((await rootLoader(args)).shareImageUrl).toBeNull();
    const png = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
    await saveOrgSettings(input(), actor, { shareImage: { bytes: png, type: "image/png" } });
    expect((await rootLoader(args)).shareImageUrl).toMatch(/^http:\/\/eksempelby\.test\/org\/share-image\?v=/);
  });
});

describe("/org/logo", () => {
  it("serves an SVG sandboxed, not sniffed, with an ETag and a long cache; 304 on a matching ETag", async () => {
    await saveOrgSettings(input(), actor, { logo: { bytes: new TextEncoder().encode(SVG), type: "image/svg+xml" } });
    const etag = orgImage("logo")!.etag;
    const res = await logoLoader({ request: new Request("https://samhandling.test/org/logo"), params: {}, context: {} as AppLoadContext });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toContain("max-age=31536000");
    expect(res.headers.get("etag")).toBe(etag);
    expect(await res.text()).toBe(SVG);
    const cached = await logoLoader({
      request: new Request("https://samhandling.test/org/logo", { headers: { "If-None-Match": etag } }),
      params: {},
      context: {} as AppLoadContext,
    });
    expect(cached.status).toBe(304);
  });

  it("answers 404 when there is no logo", async () => {
    await saveOrgSettings(input(), actor, { logo: null });
    const res = await logoLoader({ request: new Request("https://samhandling.test/org/logo"), params: {}, context: {} as AppLoadContext });
    expect(res.status).toBe(404);
  });
});

describe("/admin/settings", () => {
  async function cookieFor(role: string) {
    const staff = await db().staffUser.create({ data: { email: `s-${randomBytes(4).toString("hex")}@eksempelby.test`, name: "Sara Stab", role } });
    return (await createStaffSession(staff.id, null)).split(";")[0]!;
  }
  const post = (cookie: string, form: FormData) =>
    settingsAction({
      request: new Request("https://samhandling.test/admin/settings", { method: "POST", headers: { Cookie: cookie }, body: form }),
      params: {},
      context: {} as AppLoadContext,
    });
  const statusOf = async (p: Promise<unknown>) => {
    try {
      const r = await p;
      return r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200);
    } catch (thrown) {
      return (thrown as Response).status;
    }
  };

  it("is for administrators only: 403 for an organiser in the loader and the action", async () => {
    const cookie = await cookieFor("ORGANISER");
    const req = new Request("https://samhandling.test/admin/settings", { headers: { Cookie: cookie } });
    expect(await statusOf(settingsLoader({ request: req, params: {}, context: {} as AppLoadContext }))).toBe(403);
    const form = new FormData();
    form.set("orgNameNb", "Kapret kommune");
    expect(await statusOf(post(cookie, form))).toBe(403);
    expect(orgSettings().orgName.nb).not.toBe("Kapret kommune");
  });

  it("saves a multipart form with a PNG logo for an administrator, and refuses a PNG that is not one", async () => {
    const cookie = await cookieFor("ADMIN");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const form = new FormData();
    form.set("orgNameNb", "Eksempelby kommune");
    form.set("districts", "Sentrum");
    form.set("logo", new File([png], "logo.png", { type: "image/png" }));
    const saved = await post(cookie, form);
    expect(JSON.stringify(saved)).toContain(`"saved":"saved"`);
    await loadOrgSettings();
    expect(orgSettings().logo?.type).toBe("image/png");

    const fake = new FormData();
    fake.set("orgNameNb", "Eksempelby kommune");
    fake.set("logo", new File(["<html>"], "logo.png", { type: "image/png" }));
    const res = await post(cookie, fake);
    expect(await statusOf(Promise.resolve(res))).toBe(400);
    expect(JSON.stringify((res as { data: unknown }).data)).toContain("settings:error.imageContent");
  });
});
