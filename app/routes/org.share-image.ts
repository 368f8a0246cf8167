import type { LoaderFunctionArgs } from "@remix-run/node";
import { orgImageResponse } from "~/modules/settings/org-image-response.server";

export function loader({ request }: LoaderFunctionArgs) {
  return orgImageResponse("shareImage", request);
}
