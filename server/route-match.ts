// Which route's action Remix will run for a request, found the way Remix finds it (the same
// matchRoutes, the same single-fetch ".data" suffix, the same choice of target route), so that a
// rule keyed on a route id cannot be dodged by spelling the path differently: case, trailing
// slash, percent-encoding, ".data". See decision 008.
import type { ServerBuild } from "@remix-run/node";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";

type RouteTree = AgnosticRouteObject[];

const trees = new WeakMap<ServerBuild["routes"], RouteTree>();

/** The build's flat route manifest as the nested tree matchRoutes expects (as Remix builds it). */
function routeTree(manifest: ServerBuild["routes"]): RouteTree {
  const cached = trees.get(manifest);
  if (cached) return cached;
  const byParent = new Map<string, ServerBuild["routes"][string][]>();
  for (const route of Object.values(manifest)) {
    if (!route) continue;
    const parent = route.parentId ?? "";
    byParent.set(parent, [...(byParent.get(parent) ?? []), route]);
  }
  const build = (parentId: string): RouteTree =>
    (byParent.get(parentId) ?? []).map((r) =>
      r.index
        ? { id: r.id, path: r.path, index: true, caseSensitive: r.caseSensitive }
        : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: build(r.id) },
    );
  const tree = build("");
  trees.set(manifest, tree);
  return tree;
}

/**
 * The id of the route whose action a POST to this URL runs, or null when no route matches
 * (Remix then answers 404 or 405 itself).
 */
export function actionRouteId(build: Pick<ServerBuild, "routes" | "basename">, url: URL): string | null {
  let pathname = url.pathname;
  // Single fetch: /events/x/register.data is the register route; /_root.data is "/".
  if (pathname.endsWith(".data")) pathname = pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  let matches;
  try {
    matches = matchRoutes(routeTree(build.routes), pathname, build.basename);
  } catch {
    return null;
  }
  if (!matches?.length) return null;
  const last = matches[matches.length - 1]!;
  const nakedIndex = new URLSearchParams(url.search).getAll("index").some((v) => v === "");
  if (last.route.index && nakedIndex) return last.route.id ?? null;
  // Otherwise the deepest match that contributes to the path (not an index or pathless layout).
  const contributing = matches.filter((m, i) => i === 0 || (m.route.path && m.route.path.length > 0));
  return contributing[contributing.length - 1]?.route.id ?? null;
}
