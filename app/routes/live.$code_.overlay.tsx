// The stream overlay (/live/ABC234/overlay?pos=bottom&scale=1): a transparent lower third for
// OBS or vMix browser sources, following what the projector shows (app/modules/live/overlay.tsx).
// Like the projector: no names, no personal data, no site chrome.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getLocale, translator } from "~/i18n/i18n.server";
import type { BareHandle } from "~/root";
import { LiveErrorBoundary } from "~/modules/live/live-error";
import { loadLivePage } from "~/modules/live/live-page.server";
import stylesUrl from "~/modules/live/live.css?url";
import overlayStylesUrl from "~/modules/live/overlay.css?url";
import { parseOverlayOptions, StreamOverlay, type OverlayOptions } from "~/modules/live/overlay";
import type { RoomState } from "~/modules/live/protocol";
import { useLiveRoom } from "~/modules/live/use-live-room";

export const handle: BareHandle = { bare: true };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "stylesheet", href: overlayStylesUrl },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Samhandling" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot, headers } = await loadLivePage(request, params.code, "screen");
  const anonymous: RoomState = { ...snapshot, questions: snapshot.questions.map((q) => ({ ...q, displayName: null })) };
  const options = parseOverlayOptions(new URL(request.url).searchParams);
  const t = translator(await getLocale(request));
  const heading = t("live:meta.overlay", { room: snapshot.room.title });
  return data({ snapshot: anonymous, options, heading, title: `${heading} – ${t("site.name")}` }, { headers });
}

export default function OverlayPage() {
  const { snapshot, options, heading } = useLoaderData<typeof loader>();
  return <Overlay key={snapshot.room.code} initial={snapshot} options={options} heading={heading} />;
}

function Overlay({ initial, options, heading }: { initial: RoomState; options: OverlayOptions; heading: string }) {
  const { state } = useLiveRoom(initial, { as: "screen" });
  return <StreamOverlay state={state} options={options} title={heading} />;
}

export const ErrorBoundary = LiveErrorBoundary;
