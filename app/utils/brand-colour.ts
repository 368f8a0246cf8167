// The brand colour turned into Designsystemet's accent scale (light scheme), computed here in sRGB so
// the result is plain hex that every browser and axe read, and the contrast can be checked before saving.

export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, "0")).join("")}`;
}

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2.1 contrast ratio, 1–21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** `amount` of `b` mixed into `a` (0–1). */
function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return a.map((v, i) => v + (b[i] - v) * amount) as Rgb;
}

/** White text on the brand colour needs this much contrast (WCAG 1.4.3: buttons, the header). */
export const MIN_CONTRAST = 4.5;

/** Contrast of white text on the colour, e.g. 4.54; null for a colour that is not #rgb or #rrggbb. */
export function brandContrastOnWhite(hex: string): number | null {
  const rgb = parseHex(hex);
  return rgb ? contrast(rgb, WHITE) : null;
}

/** Designsystemet's accent variables for a brand colour, or null for an unusable colour. */
export function accentVariables(hex: string): Record<string, string> | null {
  const brand = parseHex(hex);
  if (!brand || contrast(brand, WHITE) < MIN_CONTRAST) return null;
  const tint = (a: number) => toHex(mix(WHITE, brand, a));
  const shade = (a: number) => toHex(mix(brand, BLACK, a));
  return {
    "--ds-color-accent-background-default": tint(0.03),
    "--ds-color-accent-background-tinted": tint(0.07),
    "--ds-color-accent-surface-default": tint(0.1),
    "--ds-color-accent-surface-tinted": tint(0.14),
    "--ds-color-accent-surface-hover": tint(0.2),
    "--ds-color-accent-surface-active": tint(0.28),
    "--ds-color-accent-border-subtle": tint(0.45),
    "--ds-color-accent-border-default": toHex(brand),
    "--ds-color-accent-border-strong": shade(0.3),
    "--ds-color-accent-text-subtle": toHex(brand),
    "--ds-color-accent-text-default": shade(0.45),
    "--ds-color-accent-base-default": toHex(brand),
    "--ds-color-accent-base-hover": shade(0.15),
    "--ds-color-accent-base-active": shade(0.28),
    "--ds-color-accent-base-contrast-subtle": tint(0.12),
    "--ds-color-accent-base-contrast-default": "#ffffff",
    "--brand": toHex(brand),
    "--brand-dark": shade(0.3),
  };
}

export function brandThemeCss(hex: string | null | undefined): string {
  const vars = hex ? accentVariables(hex) : null;
  if (!vars) return "/* No brand colour set: Designsystemet's default accent. */\n";
  const body = Object.entries(vars)
    .map(([k, v]) => `  ${k}: ${v};`)
    .join("\n");
  return `:root, [data-color-scheme="light"], [data-color="accent"] {\n${body}\n}\n`;
}
