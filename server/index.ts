// Entry point: validate the environment, start, and shut down gracefully on SIGTERM/SIGINT.
import { parseEnv } from "../app/utils/env.server.js";
import { startServer } from "./app.js";

let env;
try {
  env = parseEnv();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const server = await startServer(env);
console.info(`Samhandling is running at ${env.BASE_URL} (listening on ${env.HOST}:${env.PORT})`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal} received: finishing requests in flight and shutting down…`);
    const force = setTimeout(() => {
      console.error("Shutdown took longer than 10 s; exiting anyway.");
      process.exit(1);
    }, 10_000);
    force.unref();
    await server.close();
    process.exit(0);
  });
}
