// The error page of a staff route: what went wrong in plain words, and the way back.
// `notFound` and `fallback` are texts the route has already translated.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { isMessageKey, useT } from "~/i18n";

export function StaffRouteError({ notFound, fallback }: { notFound: string; fallback: string }) {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const data = isRouteErrorResponse(error) && typeof error.data === "string" && error.data ? error.data : null;
  return (
    <>
      <h1>{status === 404 ? notFound : status === 403 ? t("staff-events:error.forbidden") : t("staff-events:error.title")}</h1>
      <p>{data ? (isMessageKey(data) ? t(data) : data) : fallback}</p>
      <p>
        <Link to="/admin">{t("staff-events:error.back")}</Link>
      </p>
    </>
  );
}
