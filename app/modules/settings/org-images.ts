// Where the organisation's logo and share image are served. The ETag in the query makes the URL
// change with the image, so the route can answer with a year-long cache.
import type { OrgImage } from "./org-settings";

export const ORG_IMAGE_PATHS = { logo: "/org/logo", shareImage: "/org/share-image" } as const;

export function orgImageUrl(kind: keyof typeof ORG_IMAGE_PATHS, image: OrgImage | null): string | null {
  return image ? `${ORG_IMAGE_PATHS[kind]}?v=${encodeURIComponent(image.etag.replace(/"/g, ""))}` : null;
}
