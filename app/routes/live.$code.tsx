// The audience in a live room (/live/ABC234), made for a phone in one hand: ask a question,
// upvote others', answer the open poll. The loader renders the current room without JavaScript;
// the socket then keeps it live.
import { Alert } from "@digdir/designsystemet-react";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { AskForm, AudienceQuestions } from "~/modules/live/audience-questions";
import { ConnectionLine, LiveErrorBoundary } from "~/modules/live/live-error";
import { canModerate, loadLivePage } from "~/modules/live/live-page.server";
import stylesUrl from "~/modules/live/live.css?url";
import { PollCard } from "~/modules/live/poll-answer";
import { useLiveRoom } from "~/modules/live/use-live-room";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Samhandling" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot, headers } = await loadLivePage(request, params.code, "audience");
  const t = translator(await getLocale(request));
  const moderator = await canModerate(request);
  return data({ snapshot, moderator, title: `${t("live:meta.audience", { room: snapshot.room.title })} – ${t("site.name")}` }, { headers });
}

export default function AudiencePage() {
  const { snapshot, moderator } = useLoaderData<typeof loader>();
  return <AudienceRoom key={snapshot.room.code} initial={snapshot} moderator={moderator} />;
}

function AudienceRoom({ initial, moderator }: { initial: ReturnType<typeof useLoaderData<typeof loader>>["snapshot"]; moderator: boolean }) {
  const { state, status, announcement, actions } = useLiveRoom(initial, { as: "audience" });
  const t = useT();
  const { room } = state;
  const polls = state.polls.filter((p) => p.status === "OPEN" || (p.status === "CLOSED" && p.results));
  const openPolls = polls.filter((p) => p.status === "OPEN");
  const closedPolls = polls.filter((p) => p.status === "CLOSED").slice(-1);
  return (
    <div className="live-page">
      <p className="small">
        {room.eventTitle} · {t("live:room.code")} <span className="live-join-code">{room.code}</span>
        {moderator ? (
          <>
            {" · "}
            {/* Signed-in staff: one click to the moderator view of this room. */}
            <Link to={`/live/${room.code}/moderate`}>{t("live:moderateShortcut")}</Link>
          </>
        ) : null}
      </p>
      <h1>{room.title}</h1>
      {/* ---- evening: the programme item on now (one code for the whole event) */}
      {room.currentItem ? (
        <p className="live-now-item" id="live-now">
          {t("live:evening.now", { item: room.currentItem.title })}
        </p>
      ) : null}
      <ConnectionLine status={status} />
      <div aria-live="polite" aria-atomic="true" className="visually-hidden" id="live-announcer">
        {announcement}
      </div>
      <noscript>
        <Alert data-color="info">{t("live:room.noscript")}</Alert>
      </noscript>
      {room.status === "CLOSED" ? <Alert data-color="info">{t("live:room.closed")}</Alert> : null}
      {[...openPolls, ...closedPolls].map((p) => (
        <PollCard key={p.id} poll={p} actions={actions} roomClosed={room.status === "CLOSED"} />
      ))}
      <AskForm room={room} actions={actions} disabled={status !== "online"} />
      <AudienceQuestions state={state} actions={actions} />
    </div>
  );
}

export const ErrorBoundary = LiveErrorBoundary;
