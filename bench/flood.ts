// What one flooding client costs everybody else: the whole server (server/app.ts, with /healthz
// and the live channel's budgets from the environment's defaults) in a child process; N honest
// phones in a quiet room; then, in the same run, an attacker that fires 5,000 `poll:answer`
// without waiting (reconnecting whenever it is thrown out) and guesses join codes.
//   npx tsx bench/flood.ts [N]        (default 300; BENCH_DB=postgres for PostgreSQL)
// Prints /healthz p50/p99 and the quiet room's question fan-out p50/p99 with and without the
// flood, as ratios, and what the flood got through. The attacker and the phones come from
// different addresses (X-Forwarded-For, TRUST_PROXY=true), as on the internet; the attacker runs
// in a third process.
import { fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createBenchRoom } from "./bench-event.js";

const SESSION_SECRET = "flood-bench-secret-flood-bench-secret-0123";
const PHASE_MS = 5000;
const QUESTIONS = 8;
type Ready = { port: number; floodCode: string; pollId: string; optionIds: string[]; quietCode: string };

// ---------------------------------------------------------------- the server (child process)
async function serve(databaseUrl: string) {
  const { parseEnv } = await import("../app/utils/env.server.js");
  const { startServer } = await import("../server/app.js");
  const { db } = await import("../app/utils/db.server.js");
  const { createPoll, setPollStatus } = await import("../app/modules/live/polls.server.js");
  const env = parseEnv({
    DATABASE_URL: databaseUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    SEED_DEMO: "false",
    TRUST_PROXY: "true",
    SESSION_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), "flood-")),
  });
  const quiet = { info: () => {}, warn: () => {}, error: (m: string) => console.error(m) };
  const server = await startServer(env, quiet);
  const room = (title: string) => createBenchRoom(title, "flood");
  const flooded = await room("angrepet");
  const quietRoom = await room("stille");
  const poll = await createPoll(flooded.id, { title: "Ja eller nei?", kind: "SINGLE", options: ["Ja", "Nei"] });
  await setPollStatus(flooded.id, poll.id, "OPEN");
  process.on("message", async () => process.send!({ answers: await db().pollAnswer.count({ where: { pollId: poll.id } }) }));
  const port = (server.httpServer.address() as { port: number }).port;
  process.send!({ port, floodCode: flooded.code, pollId: poll.id, optionIds: poll.options.map((o) => o.id), quietCode: quietRoom.code } satisfies Ready);
}

// ---------------------------------------------------------------- the clients (this process)
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function run(n: number, databaseUrl: string) {
  const { io } = await import("socket.io-client");
  const { setConfig } = await import("../app/utils/config.server.js");
  const { newParticipantId, participantSetCookie } = await import("../app/modules/live/participant.server.js");
  setConfig({ baseUrl: "http://localhost", mailFrom: "bench@samhandling.invalid", onMailQueued: () => {}, cookieSecret: SESSION_SECRET });
  const cookie = async () => (await participantSetCookie(newParticipantId())).split(";")[0]!;

  const child = fork(fileURLToPath(import.meta.url), ["--serve", databaseUrl], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = await new Promise<Ready>((ok, fail) => {
    child.once("message", (m) => ok(m as Ready));
    child.once("exit", (code) => fail(new Error(`server exited (${code})`)));
  });
  const url = `http://127.0.0.1:${ready.port}`;
  type Sock = ReturnType<typeof io>;
  const connect = async (address: string, withCookie = true): Promise<Sock> => {
    const socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: { "x-forwarded-for": address, ...(withCookie ? { cookie: await cookie() } : {}) },
    });
    await new Promise<void>((ok, fail) => {
      socket.once("connect", () => ok());
      socket.once("connect_error", fail);
    });
    return socket;
  };

  try {
    // The honest hall: N phones in the quiet room, behind a few addresses.
    const phones: Sock[] = [];
    for (let i = 0; i < n; i++) {
      const s = await connect(`10.1.0.${i % 50}`);
      const a = await s.timeout(10_000).emitWithAck("room:join", { code: ready.quietCode });
      if (!a.ok) throw new Error(`join refused: ${a.message}`);
      phones.push(s);
    }

    async function measure(label: string) {
      const health: number[] = [];
      const fanout: number[] = [];
      let stop = false;
      const healthLoop = (async () => {
        while (!stop) {
          const t = performance.now();
          const r = await fetch(`${url}/healthz`);
          await r.text();
          health.push(performance.now() - t);
          await sleep(20);
        }
      })();
      const started = Date.now();
      for (let q = 0; q < QUESTIONS && Date.now() - started < PHASE_MS * 2; q++) {
        const asker = await connect(`10.2.${q}.1`);
        await asker.emitWithAck("room:join", { code: ready.quietCode });
        const text = `${label} ${q}: når kommer den nye bussruten?`;
        let received = 0;
        const sent = performance.now();
        const listener = (v: { text: string }) => {
          if (v.text !== text) return;
          received++;
          fanout.push(performance.now() - sent);
        };
        for (const p of phones) p.on("question:changed", listener);
        const a = await asker.timeout(10_000).emitWithAck("question:ask", { text });
        if (!a.ok) throw new Error(`ask refused: ${a.message}`);
        const deadline = Date.now() + 10_000;
        while (received < n && Date.now() < deadline) await sleep(5);
        for (const p of phones) p.off("question:changed", listener);
        asker.disconnect();
      }
      while (Date.now() - started < PHASE_MS) await sleep(50);
      stop = true;
      await healthLoop;
      return { health, fanout };
    }

    await measure("oppvarming"); // JIT and connection warm-up, not counted
    const baseline = await measure("før");

    // The attacker runs in its own process, so its CPU does not slow this process's measurements.
    const attacker = fork(fileURLToPath(import.meta.url), ["--attack", JSON.stringify(ready)], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    await new Promise((ok) => attacker.once("message", ok)); // started
    await sleep(300);
    const flood = await measure("under");
    const attack = await new Promise<string>((ok) => {
      attacker.once("message", (m) => ok(m as string));
      attacker.send("stop");
    });
    attacker.kill();
    const stored = await new Promise<number>((ok) => {
      child.once("message", (m) => ok((m as { answers: number }).answers));
      child.send({});
    });
    for (const p of phones) p.disconnect();

    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const rows: Array<[string, number, number]> = [
      ["/healthz p50", percentile(baseline.health, 50), percentile(flood.health, 50)],
      ["/healthz p99", percentile(baseline.health, 99), percentile(flood.health, 99)],
      ["other room's fan-out p50", percentile(baseline.fanout, 50), percentile(flood.fanout, 50)],
      ["other room's fan-out p99", percentile(baseline.fanout, 99), percentile(flood.fanout, 99)],
    ];
    console.log(`\nN = ${n} phones in a quiet room, ${process.env.BENCH_DB === "postgres" ? "PostgreSQL" : "SQLite"}; ${PHASE_MS / 1000} s per phase`);
    console.log(`${"".padEnd(28)}${"no flood".padEnd(14)}${"flood".padEnd(14)}flood / no flood`);
    for (const [name, a, b] of rows) console.log(`${name.padEnd(28)}${ms(a).padEnd(14)}${ms(b).padEnd(14)}${(b / a).toFixed(2)}×`);
    console.log(`${attack}; stored poll answers: ${stored}`);
  } finally {
    child.kill();
  }
}

/** The attacker (child process): floods poll answers and guesses codes until told to stop. */
async function attack(ready: Ready) {
  const { io } = await import("socket.io-client");
  const { setConfig } = await import("../app/utils/config.server.js");
  const { newParticipantId, participantSetCookie } = await import("../app/modules/live/participant.server.js");
  setConfig({ baseUrl: "http://localhost", mailFrom: "bench@samhandling.invalid", onMailQueued: () => {}, cookieSecret: SESSION_SECRET });
  const url = `http://127.0.0.1:${ready.port}`;
  const connect = async (address: string, withCookie: boolean) => {
    const cookie = withCookie ? (await participantSetCookie(newParticipantId())).split(";")[0]! : "";
    const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { "x-forwarded-for": address, ...(cookie ? { cookie } : {}) } });
    await new Promise<void>((ok, fail) => {
      socket.once("connect", () => ok());
      socket.once("connect_error", fail);
    });
    return socket;
  };
  let flooding = true;
  const acks = new Map<string, number>();
  let sentAnswers = 0;
  let floodConnections = 0;
  let guesses = 0;
  const guessAnswers = new Map<string, number>();
  const count = (map: Map<string, number>) => (a: { ok: boolean; code?: string }) => map.set(a.ok ? "ok" : a.code!, (map.get(a.ok ? "ok" : a.code!) ?? 0) + 1);
  const floodLoop = (async () => {
    while (flooding) {
      const s = await connect("203.0.113.66", true).catch(() => null);
      if (!s) continue;
      floodConnections++;
      await s.timeout(5000).emitWithAck("room:join", { code: ready.floodCode }).catch(() => {});
      for (let i = 0; i < 5000 && s.connected; i++) {
        sentAnswers++;
        s.emit("poll:answer", { pollId: ready.pollId, optionIds: [ready.optionIds[i % 2]!] }, count(acks));
      }
      await new Promise<void>((ok) => {
        if (!s.connected) return ok();
        s.once("disconnect", () => ok());
        setTimeout(ok, 1000);
      });
      s.disconnect();
    }
  })();
  const guessLoop = (async () => {
    const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    while (flooding) {
      const s = await connect("203.0.113.67", false).catch(() => null);
      if (!s) continue;
      for (let i = 0; i < 500 && s.connected; i++) {
        guesses++;
        const code = Array.from({ length: 6 }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join("");
        s.emit("room:join", { code }, count(guessAnswers));
      }
      await sleep(300);
      s.disconnect();
    }
  })();
  process.on("message", async () => {
    flooding = false;
    await Promise.all([floodLoop, guessLoop]);
    process.send!(
      `flood: ${sentAnswers} poll:answer sent on ${floodConnections} connections, answered ${JSON.stringify(Object.fromEntries(acks))}\n` +
        `guessing: ${guesses} room:join sent, answered ${JSON.stringify(Object.fromEntries(guessAnswers))}`,
    );
  });
  process.send!("started");
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--serve") return serve(args[1]!);
  if (args[0] === "--attack") return attack(JSON.parse(args[1]!) as Ready);
  const n = Number(args[0] ?? 300);
  const { createTestDatabase } = await import("../test/databases.js");
  const database = await createTestDatabase(process.env.BENCH_DB === "postgres" ? "postgres" : "sqlite", "flood");
  try {
    await run(n, database.url);
  } finally {
    await database.drop();
  }
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
