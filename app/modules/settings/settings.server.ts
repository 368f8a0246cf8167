// The organisation's settings: one row, read synchronously from an in-memory cache. The cache is
// loaded when the server starts, refreshed at once after a save on this node, and otherwise
// reloaded in the background at most every 30 seconds, so that several nodes converge. It lives
// on globalThis so that the server process and the Remix build share it (decision 002).
import { createHash } from "node:crypto";
import { audit, type Actor } from "~/modules/audit/audit.server";
import { setTextVariablesProvider } from "~/i18n/i18n.server";
import { LOCALES } from "~/i18n/locales";
import { db } from "~/utils/db.server";
import { dataControllerName, emptyOrgSettings, orgTextVars, type OrgSettings } from "./org-settings";
import type { SettingsInput } from "./settings.schema";

export { missingSettings, orgTextVars, type OrgSettings, type OrgTextVars } from "./org-settings";

export const SETTINGS_ID = "org";
export const REFRESH_MS = 30_000;

type StoredImage = { bytes: Uint8Array; type: string; etag: string };
type Cache = {
  settings: OrgSettings;
  images: { logo: StoredImage | null; shareImage: StoredImage | null };
  loadedAt: number;
  loading: Promise<void> | null;
};

const KEY = Symbol.for("samhandling.orgSettings");
type Holder = { [KEY]?: Cache };

function cache(): Cache {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { settings: emptyOrgSettings(), images: { logo: null, shareImage: null }, loadedAt: 0, loading: null });
}

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["orgSettings"]["findUnique"]>>>;

const etagOf = (bytes: Uint8Array) => `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"`;

function image(bytes: Uint8Array | null, type: string): StoredImage | null {
  return bytes && bytes.byteLength > 0 && type ? { bytes, type, etag: etagOf(bytes) } : null;
}

function parseDistrictList(json: string): string[] {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.filter((d): d is string => typeof d === "string") : [];
  } catch {
    return [];
  }
}

function fromRow(row: Row | null): Pick<Cache, "settings" | "images"> {
  if (!row) return { settings: emptyOrgSettings(), images: { logo: null, shareImage: null } };
  const logo = image(row.logo, row.logoType);
  const shareImage = image(row.shareImage, row.shareImageType);
  return {
    images: { logo, shareImage },
    settings: {
      orgName: { nb: row.orgNameNb, nn: row.orgNameNn, en: row.orgNameEn },
      unitName: { nb: row.unitNameNb, nn: row.unitNameNn, en: row.unitNameEn },
      contactEmail: row.contactEmail,
      contactPhone: row.contactPhone,
      postalAddress: row.postalAddress,
      dataController: row.dataController,
      privacyEmail: row.privacyEmail,
      mailSenderName: row.mailSenderName,
      mailSignature: { nb: row.mailSignatureNb, nn: row.mailSignatureNn, en: row.mailSignatureEn },
      districts: parseDistrictList(row.districts),
      liveFilterWords: parseDistrictList(row.liveFilterWords),
      defaultVenueCity: row.defaultVenueCity,
      brandColor: row.brandColor,
      logo: logo ? { type: logo.type, etag: logo.etag } : null,
      shareImage: shareImage ? { type: shareImage.type, etag: shareImage.etag } : null,
      a11yLastCheckedOn: row.a11yLastCheckedOn ? row.a11yLastCheckedOn.toISOString().slice(0, 10) : null,
      a11yNonConformities: row.a11yNonConformities,
      a11yStatementUrl: row.a11yStatementUrl,
      a11yComplaintUrl: row.a11yComplaintUrl,
      updatedAt: row.updatedAt.toISOString(),
    },
  };
}

/** Reads the row into the cache (and returns it). Called at start, after a save and by the refresh. */
export async function loadOrgSettings(): Promise<OrgSettings> {
  const row = await db().orgSettings.findUnique({ where: { id: SETTINGS_ID } });
  const c = cache();
  Object.assign(c, fromRow(row), { loadedAt: Date.now() });
  return c.settings;
}

function refreshIfStale(now = Date.now()) {
  const c = cache();
  if (c.loading || now - c.loadedAt < REFRESH_MS) return;
  c.loading = loadOrgSettings()
    .then(() => undefined)
    // A failed refresh keeps what we have and tries again on a later read.
    .catch(() => void (c.loadedAt = now))
    .finally(() => (c.loading = null));
}

/**
 * The current settings, synchronously. Serves the cache; when it is older than 30 s a reload
 * starts in the background and a later call sees its result.
 */
export function orgSettings(): OrgSettings {
  refreshIfStale();
  return cache().settings;
}

// {{org}}, {{unit}}, {{Org}}, {{Unit}} and {{Controller}} (who is responsible for personal data, as the
// privacy texts name it) in every catalog text come from here.
setTextVariablesProvider((locale) => {
  const settings = orgSettings();
  return { ...orgTextVars(settings, locale), Controller: dataControllerName(settings, locale) };
});

/** The logo or share image for /org/logo and /org/share-image, from the same cache. */
export function orgImage(kind: "logo" | "shareImage"): StoredImage | null {
  refreshIfStale();
  return cache().images[kind];
}

/** For tests: forget the cache (the next orgSettings() reloads in the background). */
export function resetOrgSettingsCache() {
  const c = cache();
  Object.assign(c, { settings: emptyOrgSettings(), images: { logo: null, shareImage: null }, loadedAt: 0, loading: null });
}

export type SettingsImages = {
  logo?: { bytes: Uint8Array; type: string } | null;
  shareImage?: { bytes: Uint8Array; type: string } | null;
};

type Data = Omit<Row, "id" | "updatedAt">;

function toData(input: SettingsInput): Omit<Data, "logo" | "logoType" | "shareImage" | "shareImageType"> {
  return {
    orgNameNb: input.orgNameNb,
    orgNameNn: input.orgNameNn,
    orgNameEn: input.orgNameEn,
    unitNameNb: input.unitNameNb,
    unitNameNn: input.unitNameNn,
    unitNameEn: input.unitNameEn,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    postalAddress: input.postalAddress,
    dataController: input.dataController,
    privacyEmail: input.privacyEmail,
    mailSenderName: input.mailSenderName,
    mailSignatureNb: input.mailSignatureNb,
    mailSignatureNn: input.mailSignatureNn,
    mailSignatureEn: input.mailSignatureEn,
    districts: JSON.stringify(input.districts),
    liveFilterWords: JSON.stringify(input.liveFilterWords),
    defaultVenueCity: input.defaultVenueCity,
    brandColor: input.brandColor,
    a11yLastCheckedOn: input.a11yLastCheckedOn ? new Date(`${input.a11yLastCheckedOn}T00:00:00Z`) : null,
    a11yNonConformities: input.a11yNonConformities,
    a11yStatementUrl: input.a11yStatementUrl,
    a11yComplaintUrl: input.a11yComplaintUrl,
  };
}

const sameBytes = (a: Uint8Array | null, b: Uint8Array | null) =>
  (a?.byteLength ?? 0) === (b?.byteLength ?? 0) && (!a || !b || Buffer.from(a).equals(Buffer.from(b)));

/**
 * Saves the settings (text fields from the form; images only when given: an object replaces,
 * null removes, undefined keeps), writes one audit entry naming the changed fields, and refreshes
 * this node's cache. Returns the names of the changed fields.
 */
export async function saveOrgSettings(input: SettingsInput, actor: Actor, images: SettingsImages = {}): Promise<string[]> {
  const changed = await db().$transaction(async (tx) => {
    const before = await tx.orgSettings.findUnique({ where: { id: SETTINGS_ID } });
    const data: Partial<Data> = toData(input);
    if (images.logo !== undefined) {
      data.logo = images.logo ? Buffer.from(images.logo.bytes) : null;
      data.logoType = images.logo?.type ?? "";
    }
    if (images.shareImage !== undefined) {
      data.shareImage = images.shareImage ? Buffer.from(images.shareImage.bytes) : null;
      data.shareImageType = images.shareImage?.type ?? "";
    }
    const fields = (Object.keys(data) as Array<keyof Data>).filter((k) => {
      if (k === "logoType" || k === "shareImageType") return false;
      const old = before ? before[k] : undefined;
      const now = data[k];
      if (k === "logo" || k === "shareImage") return !sameBytes((old as Uint8Array | null) ?? null, (now as Uint8Array | null) ?? null);
      if (k === "a11yLastCheckedOn") return ((old as Date | null)?.getTime() ?? null) !== ((now as Date | null)?.getTime() ?? null);
      if (!before) return now !== "" && now !== "[]" && now !== null && !(k === "a11yComplaintUrl" && now === "https://www.uutilsynet.no/");
      return old !== now;
    });
    await tx.orgSettings.upsert({ where: { id: SETTINGS_ID }, create: { id: SETTINGS_ID, ...data }, update: data });
    if (fields.length > 0) {
      await audit(tx, actor, {
        action: "settings.update",
        targetType: "OrgSettings",
        targetId: SETTINGS_ID,
        summary: `Innstillinger endret: ${fields.join(", ")}`,
        details: { fields },
      });
    }
    return fields as string[];
  });
  await loadOrgSettings();
  return changed;
}

/** The signature under every mail, in the reader's language (borrowed from another when empty). */
export function mailSignature(locale: (typeof LOCALES)[number]): string {
  const s = orgSettings().mailSignature;
  for (const l of [locale, ...LOCALES]) if (s[l].trim()) return s[l].trim();
  return "";
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * Checks an uploaded image by its bytes, not its name or declared type: a PNG must start with
 * the PNG signature, a JPEG with FF D8 FF, an SVG must be an <svg> document without scripts,
 * event handlers or references to other files (it is served sandboxed and shown only through
 * <img> anyway; this keeps the stored file honest). Returns the error key or the bytes.
 */
export async function readImageUpload(
  file: Blob,
  allowed: readonly string[],
): Promise<{ ok: true; bytes: Uint8Array; type: string } | { ok: false; error: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = file.type;
  if (!allowed.includes(type)) return { ok: false, error: "settings:error.imageContent" };
  if (type === "image/png" && !startsWith(bytes, PNG)) return { ok: false, error: "settings:error.imageContent" };
  if (type === "image/jpeg" && !startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: false, error: "settings:error.imageContent" };
  if (type === "image/svg+xml") {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    if (!/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(text)) return { ok: false, error: "settings:error.imageContent" };
    if (/<script|<foreignObject|\son\w+\s*=|javascript:|<!ENTITY|(?:xlink:)?href\s*=\s*["']\s*(?!#)/i.test(text)) {
      return { ok: false, error: "settings:error.svgScript" };
    }
  }
  return { ok: true, bytes, type };
}
