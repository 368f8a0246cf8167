// The error view of the live pages: an unknown code says so plainly and offers to try another.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

export function LiveErrorBoundary() {
  const error = useRouteError();
  const message =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.data
      ? error.data
      : "Noe gikk galt. Last siden på nytt, eller prøv igjen om litt.";
  return (
    <div className="container narrow">
      <h1>{isRouteErrorResponse(error) && error.status === 404 ? "Fant ikke rommet" : "Noe gikk galt"}</h1>
      <p>{message}</p>
      <p>
        <Link to="/live">Skriv inn en annen kode</Link>
      </p>
    </div>
  );
}

export function ConnectionLine({ status }: { status: "connecting" | "online" | "offline" | "ended" }) {
  const text =
    status === "online"
      ? "Tilkoblet – oppdateres direkte."
      : status === "connecting"
        ? "Kobler til …"
        : status === "ended"
          ? "Forbindelsen ble avsluttet. Last inn siden på nytt for å fortsette."
          : "Frakoblet – prøver å koble til igjen …";
  return (
    <p className="live-status small" data-status={status} role="status">
      {text}
    </p>
  );
}
