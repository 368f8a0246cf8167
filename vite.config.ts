import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [process.env.VITEST ? null : remix(remixConfig), tsconfigPaths()],
  server: { hmr: process.env.NODE_ENV !== "production" },
  build: {
    rollupOptions: {
      // Designsystemet's React package declares no "sideEffects", so Rollup keeps every component
      // (combobox, suggestion, chip…) in the browser bundle. Its modules only define components;
      // the web components they rely on (@digdir/designsystemet-web) stay side-effectful and are
      // kept whenever a component that imports them is used. Decision 009.
      treeshake: {
        moduleSideEffects: (id) => !/[\\/]@digdir[\\/]designsystemet-react[\\/]/.test(id),
      },
    },
  },
  test: {
    include: ["app/**/*.test.ts", "server/**/*.test.ts", "prisma/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/setup-db.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
