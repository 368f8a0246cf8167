// The moderator's view of a live room (/live/ABC234/moderate): staff with the moderator role,
// or a speaker with the secret link (?key=...). Not under /admin: speakers have no account.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { ConnectionLine, LiveErrorBoundary } from "~/modules/live/live-error";
import { loadLivePage } from "~/modules/live/live-page.server";
import stylesUrl from "~/modules/live/live.css?url";
import { BlockedParticipants, HeldAnswers, ModeratorPolls, ModeratorQuestions, RoomSettings } from "~/modules/live/moderator-panels";
import { ProgrammePanel } from "~/modules/live/programme-panel";
import { ScreenPanel } from "~/modules/live/screen-panel";
import { useLiveRoom } from "~/modules/live/use-live-room";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Samhandling" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot, speakerKey, headers } = await loadLivePage(request, params.code, "moderator");
  const t = translator(await getLocale(request));
  const title = `${t("live:meta.moderate", { room: snapshot.room.title })} – ${t("site.name")}`;
  return data({ snapshot, speakerKey, title }, { headers: { ...headers, "Referrer-Policy": "no-referrer" } });
}

export default function ModeratePage() {
  const { snapshot, speakerKey } = useLoaderData<typeof loader>();
  return <ModeratorRoom key={snapshot.room.code} initial={snapshot} speakerKey={speakerKey} />;
}

function ModeratorRoom({ initial, speakerKey }: { initial: ReturnType<typeof useLoaderData<typeof loader>>["snapshot"]; speakerKey: string | null }) {
  const { state, status, announcement, actions } = useLiveRoom(initial, { as: "moderator", speakerKey: speakerKey ?? undefined });
  const { room } = state;
  const t = useT();
  return (
    <div className="live-page live-mod">
      <p className="small">
        {room.eventTitle} · {t("live:room.code")} <span className="live-join-code">{room.code}</span> ·{" "}
        <Link to={`/live/${room.code}/screen`} target="_blank">
          {t("live:mod.openScreen")}
        </Link>{" "}
        · <Link to={`/live/${room.code}`}>{t("live:mod.audienceView")}</Link>
      </p>
      <h1>{t("live:mod.heading", { room: room.title })}</h1>
      <ConnectionLine status={status} />
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      {/* ---- evening: the programme item on now, for the event's one code */}
      <ProgrammePanel room={room} actions={actions} />
      <div className="live-mod-grid">
        <div>
          <HeldAnswers state={state} actions={actions} />
          <ModeratorQuestions state={state} actions={actions} />
        </div>
        <div>
          <ScreenPanel state={state} actions={actions} speakerKey={speakerKey} />
          <RoomSettings room={room} actions={actions} />
          <BlockedParticipants state={state} actions={actions} />
          <ModeratorPolls state={state} actions={actions} />
        </div>
      </div>
    </div>
  );
}

export const ErrorBoundary = LiveErrorBoundary;
