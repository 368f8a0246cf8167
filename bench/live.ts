// Live rooms under load, on this machine over loopback: N simulated audience phones in one room.
//   npx tsx bench/live.ts [N ...]        (default: 1000 5000; BENCH_DB=postgres for PostgreSQL)
// Measures, for our Socket.IO server (server/live.ts + the real database) and for a bare `ws`
// server broadcasting the same payload to the same N clients:
//   - join rate (connect + room:join acknowledged)
//   - question fan-out latency p50/p95/p99: from `question:ask` to receipt by every client
//   - a vote storm: every client answers one poll within STORM_MS; the stored count must be N;
//     ack latency p99; poll:results updates received per second
//   - heap bytes per connected client, in the server process alone (a child process, after GC)
// The clients all run in this process, so latencies include their own event-loop time: compare
// the two servers by the ratio, not by the absolute figures.
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createBenchRoom } from "./bench-event.js";

const STORM_MS = 3000;
const QUESTIONS = 5;
const CONNECT_BATCH = 250;
const WAIT_LIMIT_MS = 60_000;

// Both processes sign participant cookies with the same secret: the phones carry one each, as a
// browser that loaded /live/:code does (without one a socket may watch but not vote or ask).
const BENCH_CONFIG = { baseUrl: "http://localhost", mailFrom: "bench@samhandling.invalid", onMailQueued: () => {}, cookieSecret: "bench-secret-bench-secret-bench-secret" };
const UNLIMITED = {
  connectionEventsPerSecond: 1_000_000,
  addressEventsPerSecond: 1_000_000,
  addressNewParticipantsPerMinute: 1_000_000,
  joinMissesPerMinute: 1_000_000,
};

/** A Cookie header with a fresh signed participant id. */
async function participantCookie(): Promise<string> {
  const { setConfig } = await import("../app/utils/config.server.js");
  const { newParticipantId, participantSetCookie } = await import("../app/modules/live/participant.server.js");
  setConfig(BENCH_CONFIG);
  return (await participantSetCookie(newParticipantId())).split(";")[0]!;
}

type Ready = { port: number; code?: string; pollId?: string; optionIds?: string[] };
type Reply = { heapUsed?: number; answers?: number };

// ---------------------------------------------------------------- server side (child process)
async function serveSocketIo(databaseUrl: string) {
  const { Server } = await import("socket.io");
  const { connectDatabase } = await import("../server/db.js");
  const { databaseFlavour } = await import("../server/db-adapters.js");
  const { setDb, db } = await import("../app/utils/db.server.js");
  const { setConfig } = await import("../app/utils/config.server.js");
  const { createPoll, setPollStatus } = await import("../app/modules/live/polls.server.js");
  const { attachLive } = await import("../server/live.js");

  const client = await connectDatabase(databaseUrl);
  setDb(client, databaseFlavour(databaseUrl));
  setConfig(BENCH_CONFIG);
  const room = await createBenchRoom("Samhandlingskonferansen (last)");
  const poll = await createPoll(room!.id, { title: "Hva er viktigst?", kind: "SINGLE", options: ["Skole", "Vei", "Park", "Kultur"] });
  await setPollStatus(room!.id, poll.id, "OPEN");

  const http = createServer();
  const io = new Server(http, { serveClient: false });
  // Capacity, not the budgets, is measured here: every phone is on 127.0.0.1 (bench/flood.ts measures the budgets).
  attachLive(io, { log: console, questionRateLimit: { count: 1_000_000, windowMs: 1000 }, limits: UNLIMITED });
  await new Promise<void>((ok) => http.listen(0, "127.0.0.1", ok));
  process.on("message", async (m: { type: string }) => {
    if (m.type === "heap") process.send!({ heapUsed: heapAfterGc() });
    if (m.type === "answers") process.send!({ answers: await db().pollAnswer.count({ where: { pollId: poll.id } }) });
  });
  process.send!({
    port: (http.address() as AddressInfo).port,
    code: room!.code,
    pollId: poll.id,
    optionIds: poll.options.map((o) => o.id),
  } satisfies Ready);
}

async function serveWs() {
  const { WebSocketServer } = await import("ws");
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on("connection", (socket) => {
    socket.on("message", (data) => {
      for (const other of wss.clients) other.send(data.toString());
    });
  });
  await new Promise<void>((ok) => http.listen(0, "127.0.0.1", ok));
  process.on("message", (m: { type: string }) => {
    if (m.type === "heap") process.send!({ heapUsed: heapAfterGc() });
  });
  process.send!({ port: (http.address() as AddressInfo).port } satisfies Ready);
}

function heapAfterGc() {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage().heapUsed;
}

// ---------------------------------------------------------------- client side (this process)
function startChild(args: string[]): Promise<{ child: ChildProcess; ready: Ready; ask: (type: string) => Promise<Reply> }> {
  const child = fork(fileURLToPath(import.meta.url), args, {
    execArgv: ["--import", "tsx", "--expose-gc", "--max-old-space-size=4096"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ask = (type: string) =>
    new Promise<Reply>((ok) => {
      child.once("message", (m) => ok(m as Reply));
      child.send({ type });
    });
  return new Promise((ok, fail) => {
    child.once("message", (ready) => ok({ child, ready: ready as Ready, ask }));
    child.once("exit", (code) => fail(new Error(`server under test exited (${code})`)));
  });
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function inBatches<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < n; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, n - start) }, (_, k) => make(start + k));
    out.push(...(await Promise.all(batch)));
  }
  return out;
}

function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  return new Promise((ok, fail) => {
    const check = () => {
      if (condition()) return ok();
      if (Date.now() - started > WAIT_LIMIT_MS) return fail(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 5);
    };
    check();
  });
}

type Figures = {
  joinPerSecond: number;
  fanout: number[];
  heapPerClient: number;
  storm?: {
    stored: number;
    ackP50: number;
    ackP99: number;
    updatesPerSecond: number;
    updatesPerClientPerSecond: number;
    finalTotal: number;
    failed: number;
    disconnects: number;
  };
};

const sampleQuestion = (i: number) => ({
  id: `bench-${i}`,
  text: `Spørsmål nummer ${i}: når kommer den nye bussruten til Vågsbygd, og hvem bestemmer traseen?`,
  displayName: "Ola",
  status: "APPROVED",
  pinned: false,
  upvotes: 0,
  createdAt: new Date().toISOString(),
});

async function benchSocketIo(n: number, databaseUrl: string): Promise<Figures> {
  const { io } = await import("socket.io-client");
  const { child, ready, ask } = await startChild(["--serve", "socketio", databaseUrl]);
  try {
    const url = `http://127.0.0.1:${ready.port}`;
    const heapBefore = (await ask("heap")).heapUsed!;
    const joinStarted = performance.now();
    const clients = await inBatches(n, async () => {
      const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, extraHeaders: { cookie: await participantCookie() } });
      const answer = await socket.timeout(WAIT_LIMIT_MS).emitWithAck("room:join", { code: ready.code! });
      if (!answer.ok) throw new Error(`join refused: ${answer.message}`);
      return socket;
    });
    const joinPerSecond = n / ((performance.now() - joinStarted) / 1000);
    const heapPerClient = ((await ask("heap")).heapUsed! - heapBefore) / n;

    // Fan-out: one client asks; time until each client has it.
    const fanout: number[] = [];
    for (let q = 0; q < QUESTIONS; q++) {
      const text = `Spørsmål ${q} fra salen: når kommer den nye bussruten til Vågsbygd, og hvem bestemmer traseen?`;
      let received = 0;
      const sent = performance.now();
      const listeners = clients.map((c) => {
        const listener = (view: { text: string }) => {
          if (view.text !== text) return;
          fanout.push(performance.now() - sent);
          received++;
        };
        c.on("question:changed", listener);
        return listener;
      });
      const answer = await clients[q % n]!.emitWithAck("question:ask", { text });
      if (!answer.ok) throw new Error(`ask refused: ${answer.message}`);
      await until(() => received >= n, "question fan-out");
      clients.forEach((c, i) => c.off("question:changed", listeners[i]));
    }

    // Vote storm: every client answers once within STORM_MS.
    let updates = 0;
    let finalTotal = 0;
    for (const c of clients) {
      c.on("poll:results", ({ results }) => {
        updates++;
        finalTotal = Math.max(finalTotal, results.total);
      });
    }
    const acks: number[] = [];
    let failed = 0;
    let disconnects = 0;
    for (const c of clients) c.on("disconnect", () => disconnects++);
    const stormStarted = performance.now();
    await Promise.all(
      clients.map(
        (c, i) =>
          new Promise<void>((ok) => {
            setTimeout(async () => {
              const sent = performance.now();
              const optionId = ready.optionIds![i % ready.optionIds!.length]!;
              try {
                const answer = await c.timeout(WAIT_LIMIT_MS).emitWithAck("poll:answer", { pollId: ready.pollId!, optionIds: [optionId] });
                if (answer.ok) acks.push(performance.now() - sent);
                else failed++;
              } catch {
                failed++; // timed out or disconnected: reported, not fatal
              }
              ok();
            }, Math.random() * STORM_MS);
          }),
      ),
    );
    await until(() => finalTotal >= acks.length, "final poll results").catch(() => {});
    const stormSeconds = (performance.now() - stormStarted) / 1000;
    const stored = (await ask("answers")).answers!;
    const dropped = disconnects;
    for (const c of clients) c.disconnect();
    return {
      joinPerSecond,
      fanout,
      heapPerClient,
      storm: {
        stored,
        ackP50: percentile(acks, 50),
        ackP99: percentile(acks, 99),
        updatesPerSecond: updates / stormSeconds,
        updatesPerClientPerSecond: updates / n / stormSeconds,
        finalTotal,
        failed,
        disconnects: dropped,
      },
    };
  } finally {
    child.kill();
  }
}

async function benchWs(n: number): Promise<Figures> {
  const { WebSocket } = await import("ws");
  const { child, ready, ask } = await startChild(["--serve", "ws"]);
  try {
    const url = `ws://127.0.0.1:${ready.port}`;
    const heapBefore = (await ask("heap")).heapUsed!;
    const joinStarted = performance.now();
    const clients = await inBatches(
      n,
      () =>
        new Promise<InstanceType<typeof WebSocket>>((ok, fail) => {
          const socket = new WebSocket(url);
          socket.once("open", () => ok(socket));
          socket.once("error", fail);
        }),
    );
    const joinPerSecond = n / ((performance.now() - joinStarted) / 1000);
    const heapPerClient = ((await ask("heap")).heapUsed! - heapBefore) / n;

    const fanout: number[] = [];
    for (let q = 0; q < QUESTIONS; q++) {
      const payload = JSON.stringify(["question:changed", sampleQuestion(q)]);
      let received = 0;
      const sent = performance.now();
      const listeners = clients.map((c) => {
        const listener = (data: unknown) => {
          const [, view] = JSON.parse(String(data)) as [string, { id: string }];
          if (view.id !== `bench-${q}`) return;
          fanout.push(performance.now() - sent);
          received++;
        };
        c.on("message", listener);
        return listener;
      });
      clients[q % n]!.send(payload);
      await until(() => received >= n, "ws fan-out");
      clients.forEach((c, i) => c.off("message", listeners[i]!));
    }
    for (const c of clients) c.terminate();
    return { joinPerSecond, fanout, heapPerClient };
  } finally {
    child.kill();
  }
}

// ---------------------------------------------------------------- report
const ms = (v: number) => `${v.toFixed(1)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");

function printTable(n: number, ours: Figures, ws: Figures) {
  const rows: Array<[string, string, string, string]> = [
    ["joins per second", ours.joinPerSecond.toFixed(0), ws.joinPerSecond.toFixed(0), ratio(ours.joinPerSecond, ws.joinPerSecond)],
    ...([50, 95, 99] as const).map((p): [string, string, string, string] => [
      `question fan-out p${p}`,
      ms(percentile(ours.fanout, p)),
      ms(percentile(ws.fanout, p)),
      ratio(percentile(ours.fanout, p), percentile(ws.fanout, p)),
    ]),
    ["heap per client", `${(ours.heapPerClient / 1024).toFixed(1)} kB`, `${(ws.heapPerClient / 1024).toFixed(1)} kB`, ratio(ours.heapPerClient, ws.heapPerClient)],
  ];
  const s = ours.storm!;
  rows.push(
    ["vote storm: stored answers", `${s.stored} / ${n} ${s.stored === n ? "✓" : "✗ MISMATCH"}`, "", ""],
    ["vote storm: refused / lost / dropped", `${s.failed} / ${n - s.stored} / ${s.disconnects} connections`, "", ""],
    ["vote storm: last results total", String(s.finalTotal), "", ""],
    ["vote storm: ack p50 / p99", `${ms(s.ackP50)} / ${ms(s.ackP99)}`, "", ""],
    ["vote storm: results received/s", `${s.updatesPerSecond.toFixed(0)} (${s.updatesPerClientPerSecond.toFixed(1)} per client)`, "", ""],
  );
  const widths = [36, 32, 14, 12];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" │ ");
  console.log(`\nN = ${n} clients in one room (${process.env.BENCH_DB === "postgres" ? "PostgreSQL" : "SQLite"})`);
  console.log(line(["", "Socket.IO (ours)", "raw ws", "ours / ws"]));
  console.log(widths.map((w) => "─".repeat(w)).join("─┼─"));
  for (const r of rows) console.log(line(r));
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--serve") {
    if (args[1] === "ws") return serveWs();
    return serveSocketIo(args[2]!);
  }
  const sizes = (args.length > 0 ? args.map(Number) : [1000, 5000]).filter((n) => Number.isInteger(n) && n > 0 && n <= 20_000);
  const { createTestDatabase } = await import("../test/databases.js");
  let failed = false;
  for (const n of sizes) {
    const database = await createTestDatabase(process.env.BENCH_DB === "postgres" ? "postgres" : "sqlite", "bench");
    try {
      const ours = await benchSocketIo(n, database.url);
      const ws = await benchWs(n);
      printTable(n, ours, ws);
      if (ours.storm!.stored !== n) failed = true;
    } finally {
      await database.drop();
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
