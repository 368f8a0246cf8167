// The projector (/live/ABC234/screen): present mode without site chrome (handle.bare), showing
// what the moderator chose (app/modules/live/present.tsx). No names, no personal data: anyone
// in the hall can read it.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getLocale, translator } from "~/i18n/i18n.server";
import type { BareHandle } from "~/root";
import { LiveErrorBoundary } from "~/modules/live/live-error";
import { loadLivePage, screenLink } from "~/modules/live/live-page.server";
import stylesUrl from "~/modules/live/live.css?url";
import screenStylesUrl from "~/modules/live/screen.css?url";
import { PresentScreen, type ScreenLink } from "~/modules/live/present";
import type { RoomState } from "~/modules/live/protocol";
import { useLiveRoom } from "~/modules/live/use-live-room";

export const handle: BareHandle = { bare: true };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "stylesheet", href: screenStylesUrl },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Samhandling" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot, headers } = await loadLivePage(request, params.code, "screen");
  // Names stay off the projector.
  const anonymous: RoomState = { ...snapshot, questions: snapshot.questions.map((q) => ({ ...q, displayName: null })) };
  const link = await screenLink(snapshot.room.code);
  const t = translator(await getLocale(request));
  const title = `${t("live:meta.screen", { room: snapshot.room.title })} – ${t("site.name")}`;
  return data({ snapshot: anonymous, link, title }, { headers });
}

export default function ScreenPage() {
  const { snapshot, link } = useLoaderData<typeof loader>();
  return <Screen key={snapshot.room.code} initial={snapshot} link={link} />;
}

function Screen({ initial, link }: { initial: RoomState; link: ScreenLink }) {
  const { state, status } = useLiveRoom(initial, { as: "screen" });
  return <PresentScreen state={state} status={status} link={link} />;
}

export const ErrorBoundary = LiveErrorBoundary;
