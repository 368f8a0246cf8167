// The error page of a staff route: what went wrong in plain bokmål, and the way back.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

export function StaffRouteError({ notFound, fallback }: { notFound: string; fallback: string }) {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <>
      <h1>{status === 404 ? notFound : status === 403 ? "Ingen tilgang" : "Noe gikk galt"}</h1>
      <p>{isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : fallback}</p>
      <p>
        <Link to="/admin">Tilbake til oversikten</Link>
      </p>
    </>
  );
}
