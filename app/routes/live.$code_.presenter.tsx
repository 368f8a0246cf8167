// The presenter view (/live/ABC234/presenter): for the speaker's laptop or tablet, opened with
// the speaker's secret link (?key=...) or by staff with the moderator role, like the moderator
// page. Shows what the hall sees, the next questions, the poll and the time left; the only
// action offered is "answered" (app/modules/live/presenter.tsx).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { ConnectionLine, LiveErrorBoundary } from "~/modules/live/live-error";
import { loadLivePage } from "~/modules/live/live-page.server";
import stylesUrl from "~/modules/live/live.css?url";
import { PresenterView, type Timing } from "~/modules/live/presenter";
import { roomTiming } from "~/modules/live/presenter.server";
import type { RoomState } from "~/modules/live/protocol";
import { useLiveRoom } from "~/modules/live/use-live-room";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesUrl }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Samhandling" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { snapshot, speakerKey, headers } = await loadLivePage(request, params.code, "moderator");
  // The speaker sees questions as the hall does: published and answered ones, no names.
  const visible: RoomState = {
    ...snapshot,
    questions: snapshot.questions.filter((q) => q.status === "APPROVED" || q.status === "ANSWERED").map((q) => ({ ...q, displayName: null })),
  };
  const timing = await roomTiming(snapshot.room.id);
  const t = translator(await getLocale(request));
  const title = `${t("live:meta.presenter", { room: snapshot.room.title })} – ${t("site.name")}`;
  return data({ snapshot: visible, speakerKey, timing, title }, { headers: { ...headers, "Referrer-Policy": "no-referrer" } });
}

export default function PresenterPage() {
  const { snapshot, speakerKey, timing } = useLoaderData<typeof loader>();
  return <Presenter key={snapshot.room.code} initial={snapshot} speakerKey={speakerKey} timing={timing} />;
}

function Presenter({ initial, speakerKey, timing }: { initial: RoomState; speakerKey: string | null; timing: Timing }) {
  const { state, status, announcement, actions } = useLiveRoom(initial, { as: "moderator", speakerKey: speakerKey ?? undefined });
  const t = useT();
  // The moderator's connection also hears of pending and hidden questions: the speaker sees the hall's.
  const hall: RoomState = { ...state, questions: state.questions.filter((q) => q.status === "APPROVED" || q.status === "ANSWERED") };
  return (
    <div className="live-page live-presenter">
      <h1>{t("live:presenter.heading", { room: state.room.title })}</h1>
      <p className="small">{t("live:presenter.intro")}</p>
      <ConnectionLine status={status} />
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      {/* ---- evening: the time left of the item on now (it moves during the evening), else the room's own span */}
      <PresenterView state={hall} actions={actions} timing={state.room.currentItem ?? timing} />
    </div>
  );
}

export const ErrorBoundary = LiveErrorBoundary;
