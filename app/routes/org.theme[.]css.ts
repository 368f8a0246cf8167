// The brand colour as Designsystemet's accent scale. The URL carries the colour (root.tsx), and the
// answer is made from that colour alone, so it never changes and browsers keep it for a year.
// Without a valid colour in the URL it follows the settings and is kept for a day.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { orgSettings } from "~/modules/settings/settings.server";
import { brandThemeCss } from "~/utils/brand-colour";

export function loader({ request }: LoaderFunctionArgs) {
  const c = new URL(request.url).searchParams.get("c") ?? "";
  const fromUrl = /^[0-9a-f]{6}$/i.test(c) ? `#${c.toLowerCase()}` : null;
  return new Response(brandThemeCss(fromUrl ?? (orgSettings().brandColor || null)), {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": fromUrl ? "public, max-age=31536000, immutable" : "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
