// The sender's personal page for a request: status, history, the answer and, once accepted,
// the slot in the programme. Reached only through the link in the mails.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "@digdir/designsystemet-react";
import { useLocale, useT } from "~/i18n";
import { getLocale, translator } from "~/i18n/i18n.server";
import { requestStatusText, type RequestStatusName } from "~/modules/requests/request-texts";
import { getRequestByToken } from "~/modules/requests/requests.server";
import { formatDate, formatDateTime, formatDateTimeRange } from "~/utils/format";

type Status = RequestStatusName;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const found = await getRequestByToken(params.token);
  if (!found) throw new Response(translator(locale)("public:request.notFound"), { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const { programmeItem, ...rest } = found;
  return {
    title: `${translator(locale)("public:request.statusTitle")} – ${translator(locale)("site.name")}`,
    request: rest,
    // Only a published (or cancelled) event has a public page to link to.
    slot: programmeItem
      ? { ...programmeItem, eventPublic: programmeItem.event.status === "PUBLISHED" || programmeItem.event.status === "CANCELLED" }
      : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...(data ? [{ title: data.title }] : []),
  { name: "robots", content: "noindex, nofollow" },
];

// Personal: never cached, and the token never leaks to other sites through the referrer.
export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex" });

export default function RequestStatus() {
  const { request, slot } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const t = useT();
  const [params] = useSearchParams();
  const status = request.status as Status;
  return (
    <div className="container narrow">
      <h1>{t("public:request.statusTitle")}</h1>
      {params.get("sendt") === "1" ? (
        <Alert data-color="success" role="status">
          {t("public:request.sent")}
        </Alert>
      ) : null}
      <p>{t("public:request.statusIntro")}</p>
      <div className={`notice${status === "ACCEPTED" || status === "ANSWERED" ? " notice-ok" : status === "DECLINED" ? " notice-warn" : ""}`}>
        <p>
          <strong>
            {t("public:request.statusLabel")}: {requestStatusText(t, request.status)}
          </strong>
        </p>
        <p>{t(`public:request.statusExplained.${status}`)}</p>
        {request.response ? (
          <p>
            <strong>{status === "DECLINED" ? t("public:request.reason") : t("public:request.reply")}:</strong> {request.response}
          </p>
        ) : null}
      </div>
      {slot ? (
        <>
          <h2>{t("public:request.slotHeading")}</h2>
          <dl className="facts">
            <dt>{t("public:request.slotEvent")}</dt>
            <dd>
              {slot.event.title}, {formatDate(new Date(slot.event.startsAt), locale)}
            </dd>
            <dt>{t("public:request.slotTime")}</dt>
            <dd>{formatDateTimeRange(new Date(slot.startsAt), new Date(slot.endsAt), locale)}</dd>
            <dt>{t("public:request.mailPlace")}</dt>
            <dd>{[slot.event.venueName, slot.room].filter(Boolean).join(", ")}</dd>
          </dl>
          {slot.eventPublic ? (
            <p>
              <Link to={`/events/${slot.event.slug}`}>{t("public:request.seeEvent")}</Link>
            </p>
          ) : null}
        </>
      ) : null}
      <h2>{t("public:request.yourRequest")}</h2>
      <dl className="facts">
        <dt>{t("public:request.kindLabel")}</dt>
        <dd>
          {request.kind === "SLOT" ? t("public:request.kindSlot") : t("public:request.kindMeeting")}
          {request.event ? ` – ${request.event.title}, ${formatDate(new Date(request.event.startsAt), locale)}` : ""}
          {request.district ? ` – ${request.district}` : ""}
        </dd>
        <dt>{t("public:request.organisationName")}</dt>
        <dd>{request.organisationName}</dd>
        <dt>{t("public:request.topic")}</dt>
        <dd>{request.topic}</dd>
        {request.preferredTime ? (
          <>
            <dt>{t("public:request.preferredTime")}</dt>
            <dd>{request.preferredTime}</dd>
          </>
        ) : null}
      </dl>
      <p className="feedback-message">{request.description}</p>
      <h2>{t("public:request.history")}</h2>
      <ol>
        {request.updates.map((u) => (
          <li key={u.id}>
            <time dateTime={new Date(u.at).toISOString()}>{formatDateTime(new Date(u.at), locale)}</time>:{" "}
            {requestStatusText(t, u.status)}
            {u.message ? ` – ${u.message}` : ""}
          </li>
        ))}
      </ol>
    </div>
  );
}
