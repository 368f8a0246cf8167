// Which caching a page may have when its parts disagree. Remix builds a document's headers from
// the routes' `headers` exports only, so a loader's "no-store" (the live room, a personal link) is
// lost unless every route remembers to pass it on. entry.server.tsx applies this rule to every
// response instead: the strictest Cache-Control of the route headers and of every loader's and
// action's headers wins (decision 008).

const rank = (value: string): number => {
  const v = value.toLowerCase();
  if (v.includes("no-store")) return 3;
  if (v.includes("private")) return 2;
  if (v.includes("no-cache") || /max-age=0\b/.test(v)) return 1;
  return 0;
};

/** The strictest of the given Cache-Control values (the first among equals), or null if none. */
export function strictestCacheControl(values: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const value of values) {
    if (!value) continue;
    if (best === null || rank(value) > rank(best)) best = value;
  }
  return best;
}
