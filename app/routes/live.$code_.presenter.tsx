// The presenter view (/live/ABC234/presenter): for the speaker's laptop or tablet, opened with
// the speaker's secret link (?key=...) or by staff with the moderator role, like the moderator
// page. Shows what the hall sees, the next questions, the poll and the time left; the only
// action offered is "answered" (app/modules/live/presenter.tsx). Its socket joins as
// "presenter": the server sends it only what the hall sees of questions, every poll's results,
// and refuses everything but marking a question answered (docs/realtime-protocol.md).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { ConnectionLine, LiveErrorBoundary } from "~/modules/live/live-error";
import { loadLivePage } from "~/modules/live/live-page.server";
import stylesUrl from "~/modules/live/live.css?url";
import { PresenterView } from "~/modules/live/presenter";
import type { RoomState } from "~/modules/live/protocol";
import { useLiveRoom } from "~/modules/live/use-live-room";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Samhandling" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot, speakerKey, headers } = await loadLivePage(request, params.code, "presenter");
  const t = translator(await getLocale(request));
  const title = `${t("live:meta.presenter", { room: snapshot.room.title })} – ${t("site.name")}`;
  return data({ snapshot, speakerKey, title }, { headers: { ...headers, "Referrer-Policy": "no-referrer" } });
}

export default function PresenterPage() {
  const { snapshot, speakerKey } = useLoaderData<typeof loader>();
  return <Presenter key={snapshot.room.code} initial={snapshot} speakerKey={speakerKey} />;
}

function Presenter({ initial, speakerKey }: { initial: RoomState; speakerKey: string | null }) {
  const { state, status, announcement, actions } = useLiveRoom(initial, { as: "presenter", speakerKey: speakerKey ?? undefined });
  const t = useT();
  return (
    <div className="live-page live-presenter">
      <h1>{t("live:presenter.heading", { room: state.room.title })}</h1>
      <p className="small">{t("live:presenter.intro")}</p>
      <ConnectionLine status={status} />
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      <PresenterView state={state} actions={actions} />
    </div>
  );
}

export const ErrorBoundary = LiveErrorBoundary;
