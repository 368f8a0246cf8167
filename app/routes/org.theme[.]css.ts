// The brand colour from the settings as Designsystemet's accent scale. The URL carries the colour
// (root.tsx), so the answer can be cached for long.
import { orgSettings } from "~/modules/settings/settings.server";
import { brandThemeCss } from "~/utils/brand-colour";

export function loader() {
  return new Response(brandThemeCss(orgSettings().brandColor || null), {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" },
  });
}
