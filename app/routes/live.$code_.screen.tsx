// The projector (/live/ABC234/screen): the join code in large letters with a QR code, the
// question the moderator put on screen and the current poll's results. No names, no personal
// data: anyone in the hall can read it.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { ConnectionLine, LiveErrorBoundary } from "~/modules/live/live-error";
import { loadLivePage, roomLink } from "~/modules/live/live-page.server";
import stylesUrl from "~/modules/live/live.css?url";
import { PollResultsView } from "~/modules/live/poll-results";
import type { RoomState } from "~/modules/live/protocol";
import { sortQuestions, useLiveRoom } from "~/modules/live/use-live-room";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Samhandling" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot, headers } = await loadLivePage(request, params.code, "screen");
  // Names stay off the projector.
  const anonymous: RoomState = { ...snapshot, questions: snapshot.questions.map((q) => ({ ...q, displayName: null })) };
  const link = await roomLink(snapshot.room.code);
  const t = translator(await getLocale(request));
  const title = `${t("live:meta.screen", { room: snapshot.room.title })} – ${t("site.name")}`;
  return data({ snapshot: anonymous, link, title }, { headers });
}

function currentPoll(polls: RoomState["polls"]) {
  const open = polls.filter((p) => p.status === "OPEN");
  if (open.length > 0) return open[open.length - 1];
  const closed = polls.filter((p) => p.status === "CLOSED");
  return closed.length > 0 ? closed[closed.length - 1] : null;
}

export default function ScreenPage() {
  const { snapshot, link } = useLoaderData<typeof loader>();
  return <Screen key={snapshot.room.code} initial={snapshot} link={link} />;
}

function Screen({ initial, link }: { initial: RoomState; link: { url: string; qr: string } }) {
  const { state, status } = useLiveRoom(initial, { as: "screen" });
  const { room } = state;
  const onScreen = state.questions.find((q) => q.id === room.onScreenQuestionId && (q.status === "APPROVED" || q.status === "ANSWERED"));
  const top = sortQuestions(state.questions.filter((q) => q.status === "APPROVED"), "popular").slice(0, 3);
  const poll = currentPoll(state.polls);
  const t = useT();
  return (
    <div className="live-screen">
      <div className="live-screen-grid">
        <div>
          <h1>{room.title}</h1>
          <ConnectionLine status={status} />
          {onScreen ? (
            <section aria-labelledby="screen-question-heading">
              <h2 id="screen-question-heading" className="visually-hidden">
                {t("live:screen.onScreen")}
              </h2>
              <blockquote className="live-screen-question" id="screen-question">
                <p>{onScreen.text}</p>
              </blockquote>
              <p className="live-meta">{t("live:votes", { count: onScreen.upvotes })}</p>
            </section>
          ) : top.length > 0 ? (
            <section aria-labelledby="top-heading">
              <h2 id="top-heading">{t("live:screen.top")}</h2>
              <ol>
                {top.map((q) => (
                  <li key={q.id}>
                    {q.text} <span className="live-meta">({t("live:votes", { count: q.upvotes })})</span>
                  </li>
                ))}
              </ol>
            </section>
          ) : (
            <p>{t("live:screen.askHint")}</p>
          )}
          {poll ? (
            <section aria-labelledby="screen-poll-heading" id="screen-poll">
              <h2 id="screen-poll-heading">{poll.title}</h2>
              {poll.results ? <PollResultsView poll={poll} results={poll.results} /> : <p>{t("live:poll.resultsLater")}</p>}
            </section>
          ) : null}
        </div>
        <aside className="live-screen-join" aria-labelledby="join-heading">
          <h2 id="join-heading">{t("live:screen.join")}</h2>
          <img src={link.qr} alt={t("live:qrAlt", { url: link.url })} />
          <p>{t("live:screen.code")}</p>
          <p className="live-screen-code" id="screen-code">
            {room.code}
          </p>
          <p className="live-screen-url">{link.url}</p>
        </aside>
      </div>
    </div>
  );
}

export const ErrorBoundary = LiveErrorBoundary;
