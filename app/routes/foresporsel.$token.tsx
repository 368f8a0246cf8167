// The sender's personal page for a request: status, history, the answer and, once accepted,
// the slot in the programme. Reached only through the link in the mails.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLocale } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { requestTexts } from "~/modules/requests/requests.i18n";
import { fillOrgDeep } from "~/modules/settings/org-settings";
import { useOrgVars } from "~/modules/settings/use-org-vars";
import { getRequestByToken } from "~/modules/requests/requests.server";
import { formatDate, formatDateTime, formatDateTimeRange } from "~/utils/format";

type Status = keyof (typeof requestTexts)["nb"]["statuses"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const found = await getRequestByToken(params.token);
  if (!found) throw new Response(requestTexts[locale].notFound, { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const { programmeItem, ...rest } = found;
  return {
    title: `${requestTexts[locale].statusTitle} – Samhandling`,
    request: rest,
    // Only a published (or cancelled) event has a public page to link to.
    slot: programmeItem
      ? { ...programmeItem, eventPublic: programmeItem.event.status === "PUBLISHED" || programmeItem.event.status === "CANCELLED" }
      : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Forespørsel – Samhandling" },
  { name: "robots", content: "noindex, nofollow" },
];

// Personal: never cached, and the token never leaks to other sites through the referrer.
export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex" });

export default function RequestStatus() {
  const { request, slot } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const t = fillOrgDeep(requestTexts[locale], useOrgVars());
  const [params] = useSearchParams();
  const status = request.status as Status;
  return (
    <div className="container narrow">
      <h1>{t.statusTitle}</h1>
      {params.get("sendt") === "1" ? (
        <p className="notice notice-ok" role="status">
          {t.sent}
        </p>
      ) : null}
      <p>{t.statusIntro}</p>
      <div className={`notice${status === "ACCEPTED" || status === "ANSWERED" ? " notice-ok" : status === "DECLINED" ? " notice-warn" : ""}`}>
        <p>
          <strong>
            {t.statusLabel}: {t.statuses[status] ?? request.status}
          </strong>
        </p>
        <p>{t.statusExplained[status]}</p>
        {request.response ? (
          <p>
            <strong>{status === "DECLINED" ? t.reason : t.reply}:</strong> {request.response}
          </p>
        ) : null}
      </div>
      {slot ? (
        <>
          <h2>{t.slotHeading}</h2>
          <dl className="facts">
            <dt>{t.slotEvent}</dt>
            <dd>
              {slot.event.title}, {formatDate(new Date(slot.event.startsAt), locale)}
            </dd>
            <dt>{t.slotTime}</dt>
            <dd>{formatDateTimeRange(new Date(slot.startsAt), new Date(slot.endsAt), locale)}</dd>
            <dt>{t.mailPlace}</dt>
            <dd>{[slot.event.venueName, slot.room].filter(Boolean).join(", ")}</dd>
          </dl>
          {slot.eventPublic ? (
            <p>
              <Link to={`/events/${slot.event.slug}`}>{t.seeEvent}</Link>
            </p>
          ) : null}
        </>
      ) : null}
      <h2>{t.yourRequest}</h2>
      <dl className="facts">
        <dt>{t.kindLabel}</dt>
        <dd>
          {request.kind === "SLOT" ? t.kindSlot : t.kindMeeting}
          {request.event ? ` – ${request.event.title}, ${formatDate(new Date(request.event.startsAt), locale)}` : ""}
          {request.district ? ` – ${request.district}` : ""}
        </dd>
        <dt>{t.organisationName}</dt>
        <dd>{request.organisationName}</dd>
        <dt>{t.topic}</dt>
        <dd>{request.topic}</dd>
        {request.preferredTime ? (
          <>
            <dt>{t.preferredTime}</dt>
            <dd>{request.preferredTime}</dd>
          </>
        ) : null}
      </dl>
      <p className="feedback-message">{request.description}</p>
      <h2>{t.history}</h2>
      <ol>
        {request.updates.map((u) => (
          <li key={u.id}>
            <time dateTime={new Date(u.at).toISOString()}>{formatDateTime(new Date(u.at), locale)}</time>:{" "}
            {t.statuses[u.status as Status] ?? u.status}
            {u.message ? ` – ${u.message}` : ""}
          </li>
        ))}
      </ol>
    </div>
  );
}
