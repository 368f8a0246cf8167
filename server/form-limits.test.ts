// The form limit is keyed on the route Remix runs: every spelling of a path that reaches a
// limited route's action is found, and every public action is either limited or listed with a
// reason (a new public form cannot slip past the limit unnoticed). Decision 008.
import { resolve } from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { LIMITED_FORM_ROUTES, UNLIMITED_FORM_ROUTES } from "./form-limits";
import { actionRouteId } from "./route-match";

let build: ServerBuild;
beforeAll(async () => {
  build = (await import(resolve("build/server/index.js"))) as ServerBuild;
});

const idOf = (path: string) => actionRouteId(build, new URL(path, "http://localhost"));

describe("actionRouteId", () => {
  it("finds the registration route however the path is spelled", () => {
    for (const path of [
      "/events/x/register",
      "/Events/x/REGISTER",
      "/events/x/register/",
      "/events/x/register.data",
      "/events/x/regist%65r",
      "/events/x/register?index",
    ]) {
      expect(idOf(path), path).toBe("routes/events.$slug.register");
    }
  });

  it("finds index routes with and without ?index, and the single-fetch root", () => {
    expect(idOf("/foresporsel")).toBe("routes/foresporsel._index");
    expect(idOf("/Foresporsel/?index")).toBe("routes/foresporsel._index");
    expect(idOf("/tilgjengelighet.data")).toBe("routes/tilgjengelighet");
    expect(idOf("/_root.data")).toBe("root");
    expect(idOf("/finnes/ikke/i/det/hele/tatt")).toBe("routes/$"); // the 404 route, which has no action
  });
});

describe("the public form list", () => {
  it("names every public action, limited or with a reason", () => {
    const publicActions = Object.values(build.routes)
      .filter((r) => r && typeof r.module.action === "function" && !/^routes\/admin\./.test(r.id))
      .map((r) => r!.id);
    for (const id of publicActions) {
      expect(LIMITED_FORM_ROUTES.has(id) || id in UNLIMITED_FORM_ROUTES, `${id}: limit it or say why not`).toBe(true);
    }
    for (const id of [...LIMITED_FORM_ROUTES, ...Object.keys(UNLIMITED_FORM_ROUTES)]) expect(build.routes[id], id).toBeTruthy();
  });
});
