// The error view of the live pages: an unknown code says so plainly and offers to try another.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { isMessageKey, useT } from "~/i18n";

export function LiveErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  // Loaders throw catalog keys (live:join.notFound); anything else is unexpected.
  const message =
    isRouteErrorResponse(error) && typeof error.data === "string" && isMessageKey(error.data) ? t(error.data) : t("live:errorPage.text");
  return (
    <div className="container narrow">
      <h1>{isRouteErrorResponse(error) && error.status === 404 ? t("live:errorPage.notFound") : t("live:errorPage.title")}</h1>
      <p>{message}</p>
      <p>
        <Link to="/live">{t("live:join.otherCode")}</Link>
      </p>
    </div>
  );
}

const STATUS_TEXT = {
  online: "live:status.online",
  connecting: "live:status.connecting",
  ended: "live:status.ended",
  offline: "live:status.offline",
} as const;

export function ConnectionLine({ status }: { status: keyof typeof STATUS_TEXT }) {
  const t = useT();
  return (
    <p className="live-status small" data-status={status} role="status">
      {t(STATUS_TEXT[status])}
    </p>
  );
}
