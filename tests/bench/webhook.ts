/**
 * `npm run bench:webhook` (also the second half of `npm run bench`): validly signed Zalo
 * `user_send_text` events at a fixed rate against the REAL server, then the same load against a
 * bare route, in the same run. Goal: p99 acknowledgement latency < 50 ms, no acknowledged event
 * lost, and at least a quarter of the bare route's throughput.
 *
 * Processes (2 cores, shared):
 * - the real server, `node --import tsx bot-server/src/index.ts`, in sandbox mode with demo
 *   data and a temporary database: the inbox worker (which runs the whole conversation for each
 *   event) and the outbox worker run in its one event loop, competing with the 200s as in
 *   production;
 * - the bare route, `tests/bench/bare-server.ts`, started only after the real server has
 *   stopped, so each target has the machine to itself;
 * - this process: the load generator (node:http with keep-alive) and the Zalo stand-in the
 *   outbox sends its replies to (ZALO_OPENAPI_URL etc. point at it; it accepts every follower the
 *   bench writes as, so replies are sent, not refused). Zalo's side of the conversation costs
 *   the server nothing, as in production. The generator has its own core; its own lag (actual
 *   send − scheduled send) is printed so an overloaded generator shows. A worker thread samples
 *   the inbox backlog and the WAL size once a second on its own read-only connection, so a
 *   database lock can never stall the generator.
 *
 * Each phase starts with its keep-alive connections already open (as Zalo's would be) and
 * reports the CPU time the target process spent per acknowledged event, read from /proc (for
 * the real server that includes the inbox and outbox work done meanwhile), and where in time the
 * slow acknowledgements fell (p99 per 5 s).
 *
 * Open loop: event i is due at start + i / rate whatever happened to earlier ones, and its
 * latency is counted from that due time to the last byte of the answer, so queueing anywhere
 * (generator, sockets, server) is in the numbers (no coordinated omission). After the fixed-rate
 * phase every acknowledged msg_id is looked up in webhook_events (a missing one is a bug: exit
 * 1), the inbox is given up to --drain seconds to finish, and a short closed-loop phase
 * (--saturate seconds, --saturate-connections requests always in flight) measures each target's
 * capacity, for insight.
 *
 *   npx tsx tests/bench/webhook.ts [--rate 1000] [--seconds 60] [--followers 2000]
 *     [--connections 64] [--timeout-ms 10000] [--drain 120] [--saturate 10]
 *     [--saturate-connections 32] [--seed 1] [--cpu-prof]
 *
 * Exit code 0 whether or not the goal is met (a measurement, not a test); 1 when the bench broke
 * or an acknowledged event is missing from the database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { count, eq } from "drizzle-orm";
import { type DatabaseHandle, openDatabase } from "../../bot-server/src/db/client";
import { outboxMessages, webhookEvents } from "../../bot-server/src/db/schema";
import { SANDBOX_ZALO } from "../../bot-server/src/env";
import { dedupeKeyOf } from "../../bot-server/src/webhook/inbox";
import { signatureHeader } from "../../bot-server/src/webhook/signature";
import { createZaloStandin } from "../../bot-server/src/zalo-standin";
import { buildEvent } from "../../bot-server/src/zalo-standin/oa-events";
import { listen } from "../helpers/server";
import { BenchError, percentile } from "./measure";
import { createRandom, pick } from "./world";

const GOAL_P99_MS = 50;
const GOAL_RATIO = 0.25;
/** Zalo wants the 200 within 2 s, else it counts the delivery as failed. */
const ZALO_BUDGET_MS = 2000;
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEBHOOK_PATH = "/webhooks/zalo";

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

interface Options {
  rate: number;
  seconds: number;
  followers: number;
  connections: number;
  timeoutMs: number;
  drain: number;
  saturate: number;
  saturateConnections: number;
  seed: number;
  cpuProf: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      rate: { type: "string", default: "1000" },
      seconds: { type: "string", default: "60" },
      followers: { type: "string", default: "2000" },
      connections: { type: "string", default: "64" },
      "timeout-ms": { type: "string", default: "10000" },
      drain: { type: "string", default: "120" },
      saturate: { type: "string", default: "10" },
      "saturate-connections": { type: "string", default: "32" },
      seed: { type: "string", default: "1" },
      "cpu-prof": { type: "boolean", default: false },
    },
    strict: true,
  });
  const int = (name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const n = Number(value.replaceAll("_", ""));
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new BenchError(`--${name} must be an integer from ${min} to ${max}`);
    }
    return n;
  };
  return {
    rate: int("rate", values.rate, 1, 100_000),
    seconds: int("seconds", values.seconds, 1, 3600),
    followers: int("followers", values.followers, 1, 1_000_000),
    connections: int("connections", values.connections, 1, 10_000),
    timeoutMs: int("timeout-ms", values["timeout-ms"], 100, 600_000),
    drain: int("drain", values.drain, 0, 3600),
    saturate: int("saturate", values.saturate, 0, 600),
    saturateConnections: int("saturate-connections", values["saturate-connections"], 1, 10_000),
    seed: int("seed", values.seed, 0),
    cpuProf: values["cpu-prof"],
  };
}

const fmtInt = (n: number) => Math.round(n).toLocaleString("en-US");
const fmtMs = (n: number) =>
  Number.isNaN(n) ? "–" : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
const fmtRate = (n: number) => (n >= 100 ? fmtInt(n) : n.toFixed(1));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Events: Zalo's shape (zalo-platform.md §1.5, via the stand-in's builder), signed as Zalo does
// ---------------------------------------------------------------------------------------------

interface Follower {
  followerId: string;
  appUserId: string;
}

interface SignedEvent {
  msgId: string;
  raw: string;
  signature: string;
}

const TEXTS = [
  "Xin chào",
  "Tôi cần giúp cài ứng dụng VNeID",
  "Cho tôi hỏi cách nộp hồ sơ trực tuyến",
  "Điện thoại của tôi không nhận được mã OTP",
  "Thôn 3",
  "Cảm ơn anh chị nhiều",
  "Làm sao để thanh toán tiền điện qua điện thoại?",
  "Giúp tôi với",
];

/** A 19-digit id, as Zalo's user ids are (no leading zero). */
function zaloId(random: () => number): string {
  let id = String(1 + Math.floor(random() * 9));
  while (id.length < 19) id += String(Math.floor(random() * 10));
  return id;
}

function makeFollowers(n: number, random: () => number): Follower[] {
  const seen = new Set<string>();
  const list: Follower[] = [];
  for (let guard = 0; list.length < n && guard < n * 10; guard++) {
    const follower = { followerId: zaloId(random), appUserId: zaloId(random) };
    if (seen.has(follower.followerId) || seen.has(follower.appUserId)) continue;
    seen.add(follower.followerId);
    seen.add(follower.appUserId);
    list.push(follower);
  }
  if (list.length < n) throw new BenchError("could not draw distinct follower ids");
  return list;
}

/** Builds event `i` of a phase: unique msg_id (32 hex digits), random sender and text. */
function eventSource(followers: Follower[], seed: number, runTag: string, phase: number) {
  const random = createRandom(seed * 1000 + phase);
  return (i: number): SignedEvent => {
    const follower = pick(random, followers);
    const msgId = `${runTag}${phase.toString(16)}${i.toString(16).padStart(15, "0")}`;
    const timestamp = String(Date.now());
    const raw = JSON.stringify(
      buildEvent(
        {
          appId: SANDBOX_ZALO.appId,
          oaId: SANDBOX_ZALO.oaId,
          followerId: follower.followerId,
          userIdByApp: follower.appUserId,
          timestamp,
          msgId,
        },
        { text: pick(random, TEXTS) },
      ),
    );
    return {
      msgId,
      raw,
      signature: signatureHeader(SANDBOX_ZALO.appId, raw, timestamp, SANDBOX_ZALO.oaSecretKey),
    };
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP: one POST over a keep-alive agent
// ---------------------------------------------------------------------------------------------

interface Answer {
  status: number;
  body: string;
}

/** POSTs the event; resolves with the answer, or rejects (network error, destroyed, timeout). */
function post(agent: Agent, port: number, event: SignedEvent, idleTimeoutMs: number) {
  let req: ReturnType<typeof request> | undefined;
  const done = new Promise<Answer>((resolve, reject) => {
    req = request(
      {
        agent,
        host: "127.0.0.1",
        port,
        method: "POST",
        path: WEBHOOK_PATH,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(event.raw),
          "x-zevent-signature": event.signature,
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(idleTimeoutMs, () => req?.destroy(new Error("timeout")));
    req.end(event.raw);
  });
  return { done, destroy: (reason: string) => req?.destroy(new Error(reason)) };
}

// ---------------------------------------------------------------------------------------------
// Load: open loop at a fixed rate, and a short closed loop for capacity
// ---------------------------------------------------------------------------------------------

interface Phase {
  label: string;
  /** Offered events per second (open loop), or null for the closed loop. */
  offered: number | null;
  sent: number;
  acked: number;
  /** Answers other than 200, by status. */
  non200: Map<number, number>;
  timeouts: number;
  networkErrors: number;
  firstError: string | null;
  /** 200s whose body said duplicate (a msg_id collision: should never happen). */
  duplicates: number;
  /** Latency of every 200, ms (open loop: from the due time; closed loop: from the send). */
  latencies: number[];
  /** Due time of each of those 200s, ms after the phase began (open loop; send time otherwise). */
  dueAt: number[];
  overBudget: number;
  /** First due time to last answer. */
  seconds: number;
  ackRate: number;
  /** Generator lag (actual send − due time), ms: large values mean the generator fell behind. */
  lagP99: number;
  lagMax: number;
  ackedMsgIds: string[];
  /** CPU time (user + system) the target process used during the phase, ms; NaN if unknown. */
  serverCpuMs: number;
}

function emptyPhase(label: string, offered: number | null): Phase {
  return {
    label,
    offered,
    sent: 0,
    acked: 0,
    non200: new Map(),
    timeouts: 0,
    networkErrors: 0,
    firstError: null,
    duplicates: 0,
    latencies: [],
    dueAt: [],
    overBudget: 0,
    seconds: 0,
    ackRate: 0,
    lagP99: Number.NaN,
    lagMax: Number.NaN,
    ackedMsgIds: [],
    serverCpuMs: Number.NaN,
  };
}

/** CPU time (user + system) a process has used, ms, from /proc (Linux); NaN elsewhere. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    // Fields after the parenthesised command name: state is the 3rd field, utime the 14th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

function record(phase: Phase, event: SignedEvent, ms: number, outcome: Answer | Error, dueAt: number) {
  if (outcome instanceof Error) {
    if (outcome.message === "timeout") phase.timeouts += 1;
    else phase.networkErrors += 1;
    phase.firstError ??= outcome.message;
    return;
  }
  if (outcome.status !== 200) {
    phase.non200.set(outcome.status, (phase.non200.get(outcome.status) ?? 0) + 1);
    phase.firstError ??= `HTTP ${outcome.status}: ${outcome.body.slice(0, 200)}`;
    return;
  }
  phase.acked += 1;
  phase.ackedMsgIds.push(event.msgId);
  phase.latencies.push(ms);
  phase.dueAt.push(dueAt);
  if (ms > ZALO_BUDGET_MS) phase.overBudget += 1;
  if (outcome.body.includes('"duplicate":true')) phase.duplicates += 1;
}

const errorCount = (p: Phase) =>
  p.timeouts + p.networkErrors + [...p.non200.values()].reduce((a, b) => a + b, 0);

interface OpenLoopOptions {
  label: string;
  port: number;
  rate: number;
  seconds: number;
  connections: number;
  timeoutMs: number;
  next: (i: number) => SignedEvent;
  /** The target process, whose CPU time is recorded. */
  pid?: number;
  /** Connections to use (and leave open); a new agent, closed afterwards, by default. */
  agent?: Agent;
  /** Called about once a second during the phase with the seconds elapsed and the counts so far. */
  everySecond?: (elapsed: number, phase: Phase) => void;
}

/** Keep-alive connections, at most `connections`, one agent per target for all its phases. */
function keepAliveAgent(connections: number) {
  return new Agent({
    keepAlive: true,
    maxSockets: connections,
    maxFreeSockets: connections,
    scheduling: "fifo",
  });
}

/**
 * Opens `connections` keep-alive connections (concurrent GET /healthz, any answer) right before a
 * phase, so it starts with them open, as Zalo's would be. Without this, the agent opens them one
 * by one during the first second while events queue behind them, and a busy server accepts
 * them slowly: up to a second of latency, a cold start rather than the steady state under study.
 */
async function preconnect(agent: Agent, port: number, connections: number) {
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const req = request({ agent, host: "127.0.0.1", port, method: "GET", path: "/healthz" }, (res) => {
        res.resume();
        res.on("end", () => resolve());
      });
      req.on("error", reject);
      req.setTimeout(10_000, () => req.destroy(new Error("preconnect timeout")));
      req.end();
    });
  await Promise.all(Array.from({ length: connections }, one));
}

async function openLoop(o: OpenLoopOptions): Promise<Phase> {
  const phase = emptyPhase(o.label, o.rate);
  const total = Math.round(o.rate * o.seconds);
  const interval = 1000 / o.rate;
  const agent = o.agent ?? keepAliveAgent(o.connections);
  const lags = new Float64Array(total);
  const inFlight = new Map<number, { due: number; destroy: (reason: string) => void }>();
  let completed = 0;
  let lastAnswer = 0;
  const start = performance.now() + 50;
  const cpuBefore = processCpuMs(o.pid);
  let next = 0;
  let finish: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const fire = (i: number, due: number) => {
    const event = o.next(i);
    const sentAt = performance.now();
    lags[i] = sentAt - due;
    phase.sent += 1;
    const call = post(agent, o.port, event, o.timeoutMs);
    inFlight.set(i, { due, destroy: call.destroy });
    call.done.then(
      (answer) => settle(i, event, due, answer),
      (error: Error) => settle(i, event, due, error),
    );
  };
  const settle = (i: number, event: SignedEvent, due: number, outcome: Answer | Error) => {
    if (!inFlight.delete(i)) return;
    lastAnswer = performance.now();
    record(phase, event, lastAnswer - due, outcome, due - start);
    completed += 1;
    if (completed === total) finish();
  };
  const pump = () => {
    const now = performance.now();
    while (next < total && start + next * interval <= now) {
      fire(next, start + next * interval);
      next += 1;
    }
    if (next < total) setTimeout(pump, Math.max(0, start + next * interval - performance.now()));
  };
  // Queued in the agent or stuck on a socket: either way, late by more than the timeout.
  const sweeper = setInterval(() => {
    const now = performance.now();
    for (const [, call] of inFlight) if (now - call.due > o.timeoutMs) call.destroy("timeout");
  }, 100);
  const ticker = o.everySecond
    ? setInterval(() => o.everySecond?.(Math.round((performance.now() - start) / 1000), phase), 1000)
    : undefined;
  const watchdog = setTimeout(
    () => {
      for (const [, call] of inFlight) call.destroy("bench watchdog");
    },
    o.seconds * 1000 + o.timeoutMs + 30_000,
  );
  setTimeout(pump, 50);
  try {
    await allDone;
  } finally {
    clearInterval(sweeper);
    clearInterval(ticker);
    clearTimeout(watchdog);
    if (!o.agent) agent.destroy();
  }
  phase.serverCpuMs = processCpuMs(o.pid) - cpuBefore;
  phase.seconds = (lastAnswer - start) / 1000;
  phase.ackRate = phase.acked / Math.max(phase.seconds, o.seconds);
  const sortedLags = Array.from(lags).sort((a, b) => a - b);
  phase.lagP99 = percentile(sortedLags, 99);
  phase.lagMax = sortedLags[sortedLags.length - 1] ?? Number.NaN;
  return phase;
}

interface ClosedLoopOptions {
  label: string;
  port: number;
  seconds: number;
  connections: number;
  timeoutMs: number;
  next: (i: number) => SignedEvent;
  /** The target process, whose CPU time is recorded. */
  pid?: number;
}

/** `connections` requests always in flight for `seconds`: the target's capacity. */
async function closedLoop(o: ClosedLoopOptions): Promise<Phase> {
  const phase = emptyPhase(o.label, null);
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
  const start = performance.now();
  const cpuBefore = processCpuMs(o.pid);
  const deadline = start + o.seconds * 1000;
  let i = 0;
  let lastAnswer = start;
  const worker = async () => {
    while (performance.now() < deadline) {
      const event = o.next(i++);
      const sentAt = performance.now();
      phase.sent += 1;
      const outcome = await post(agent, o.port, event, o.timeoutMs).done.catch((error: Error) => error);
      lastAnswer = performance.now();
      record(phase, event, lastAnswer - sentAt, outcome, sentAt - start);
    }
  };
  try {
    await Promise.all(Array.from({ length: o.connections }, worker));
  } finally {
    agent.destroy();
  }
  phase.serverCpuMs = processCpuMs(o.pid) - cpuBefore;
  phase.seconds = (lastAnswer - start) / 1000;
  phase.ackRate = phase.acked / phase.seconds;
  return phase;
}

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

const children = new Set<ChildProcess>();

function killChildren() {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}
process.on("exit", killChildren);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killChildren();
    process.exit(130);
  });
}

interface Child {
  process: ChildProcess;
  /** The last lines it wrote (stdout and stderr), for diagnostics. */
  tail: string[];
  /** Lines that are pino log records (JSON), and the last few of them. */
  logLines: number;
  logTail: string[];
  exited: Promise<number | null>;
}

function startChild(args: string[], env: Record<string, string | undefined>): Child {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  const handle: Child = {
    process: child,
    tail: [],
    logLines: 0,
    logTail: [],
    exited: new Promise((resolve) => {
      child.on("exit", (code) => {
        children.delete(child);
        resolve(code);
      });
    }),
  };
  // Always read the pipes: a full pipe would block the child's writes.
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      handle.tail.push(line.slice(0, 500));
      if (handle.tail.length > 20) handle.tail.shift();
      if (line.startsWith("{")) {
        handle.logLines += 1;
        handle.logTail.push(line.slice(0, 500));
        if (handle.logTail.length > 5) handle.logTail.shift();
      }
    }
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  return handle;
}

async function stopChild(child: Child, graceMs = 15_000) {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill("SIGTERM");
  const code = await Promise.race([child.exited, sleep(graceMs).then(() => "late" as const)]);
  if (code === "late") {
    child.process.kill("SIGKILL");
    await child.exited;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200 (bounded); fails early if the child exits. */
async function waitReady(child: Child, url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.text();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new BenchError(`${url} did not come up; last output:\n${child.tail.join("\n")}`);
}

/** The environment of a child: ours without Zalo credentials (so sandbox mode), plus `extra`. */
function childEnv(extra: Record<string, string>): Record<string, string | undefined> {
  // biome-ignore lint/style/noProcessEnv: the children need PATH and friends to start
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith("ZALO_") || key === "SESSION_SECRET" || key === "HOLIDAYS" || key === "NODE_OPTIONS") {
      delete env[key];
    }
  }
  return { ...env, ...extra };
}

// ---------------------------------------------------------------------------------------------
// The database, read from this process (a second connection, as the CLI opens it)
// ---------------------------------------------------------------------------------------------

function statusCounts(handle: DatabaseHandle) {
  const rows = handle.db
    .select({ status: webhookEvents.status, n: count() })
    .from(webhookEvents)
    .groupBy(webhookEvents.status)
    .all();
  const counts = { pending: 0, processed: 0, ignored: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

function pendingCount(handle: DatabaseHandle): number {
  return (
    handle.db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.status, "pending")).get()
      ?.n ?? 0
  );
}

/** What the sampler thread saw, about once a second, while the load ran. */
interface Sample {
  /** ms after the phase began. */
  at: number;
  /** Ids from the oldest pending event to the newest: the inbox's backlog (it works in id order). */
  backlog: number;
  walBytes: number;
  /** How long the two reads took: long when the database was locked. */
  queryMs: number;
}

/**
 * The sampler runs in a worker thread with its own read-only connection, so that a read that
 * waits for a lock never delays the generator (which would show up as webhook latency). Two
 * index lookups and a stat() a second: negligible next to the server's work.
 */
const SAMPLER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { statSync } = require("node:fs");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
const newest = db.prepare("SELECT max(id) AS id FROM webhook_events");
const oldestPending = db.prepare("SELECT min(id) AS id FROM webhook_events WHERE status = 'pending'");
setInterval(() => {
  const started = performance.now();
  const n = newest.get().id ?? 0;
  const p = oldestPending.get().id;
  const queryMs = performance.now() - started;
  let walBytes = 0;
  try { walBytes = statSync(workerData.path + "-wal").size; } catch {}
  parentPort.postMessage({ backlog: p === null || p === undefined ? 0 : n - p + 1, walBytes, queryMs });
}, workerData.everyMs);
`;

function startSampler(dbPath: string, everyMs = 1000) {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { driver, path: dbPath, everyMs } });
  const samples: Sample[] = [];
  let origin = performance.now();
  let failure: string | null = null;
  worker.on("message", (m: Omit<Sample, "at">) => samples.push({ ...m, at: performance.now() - origin }));
  worker.on("error", (error) => {
    failure = String(error);
  });
  return {
    samples,
    /** Times samples from now on (call when the phase begins). */
    resetOrigin: () => {
      origin = performance.now();
      samples.length = 0;
    },
    latest: (): Sample | undefined => samples[samples.length - 1],
    failure: () => failure,
    stop: () => worker.terminate(),
  };
}

/** How many acknowledged msg_ids have no row in webhook_events. */
function missingEvents(handle: DatabaseHandle, ackedMsgIds: readonly string[]): number {
  const stored = new Set(
    handle.db
      .select({ key: webhookEvents.dedupeKey })
      .from(webhookEvents)
      .where(eq(webhookEvents.eventName, "user_send_text"))
      .all()
      .map((r) => r.key),
  );
  let missing = 0;
  for (const msgId of ackedMsgIds) {
    const key = dedupeKeyOf("", { event_name: "user_send_text", message: { msg_id: msgId } });
    if (!stored.has(key)) missing += 1;
  }
  return missing;
}

function outboxCounts(handle: DatabaseHandle): string {
  const rows = handle.db
    .select({ status: outboxMessages.status, n: count() })
    .from(outboxMessages)
    .groupBy(outboxMessages.status)
    .all();
  return rows.length === 0 ? "empty" : rows.map((r) => `${r.status} ${fmtInt(r.n)}`).join(", ");
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

interface Summary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function summarizeLatency(ms: readonly number[]): Summary {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

function errorText(p: Phase): string {
  const parts = [
    ...[...p.non200].map(([status, n]) => `${fmtInt(n)}× HTTP ${status}`),
    p.timeouts > 0 ? `${fmtInt(p.timeouts)} timeouts` : "",
    p.networkErrors > 0 ? `${fmtInt(p.networkErrors)} network errors` : "",
    p.duplicates > 0 ? `${fmtInt(p.duplicates)} answered duplicate` : "",
  ].filter(Boolean);
  return parts.length === 0 ? "" : `${parts.join(", ")}; first: ${p.firstError ?? "?"}`;
}

/**
 * When the slow acknowledgements happened: p99 per 5-second window of due times, then the worst
 * seconds with what the sampler saw around them (backlog, WAL size, how long its reads took).
 */
function printTimeline(phase: Phase, samples: readonly Sample[]) {
  const buckets = (width: number) => {
    const map = new Map<number, number[]>();
    for (const [i, ms] of phase.latencies.entries()) {
      const key = Math.floor((phase.dueAt[i] ?? 0) / width);
      let list = map.get(key);
      if (!list) {
        list = [];
        map.set(key, list);
      }
      list.push(ms);
    }
    return [...map]
      .sort((a, b) => a[0] - b[0])
      .map(([key, ms]) => ({ key, n: ms.length, ...summarizeLatency(ms) }));
  };
  console.log(
    `
${phase.label}: p99 (ms) per 5 s of due time: ${buckets(5000)
      .map((b) => fmtMs(b.p99))
      .join(" · ")}`,
  );
  const worst = buckets(1000)
    .sort((a, b) => b.p99 - a.p99)
    .slice(0, 3);
  for (const w of worst) {
    const near = samples.filter((x) => x.at >= w.key * 1000 - 1000 && x.at <= w.key * 1000 + 3000);
    const seen =
      near.length === 0
        ? ""
        : `; sampler: backlog ≈ ${fmtInt(Math.max(...near.map((x) => x.backlog)))},` +
          ` WAL ≤ ${(Math.max(...near.map((x) => x.walBytes)) / 1_048_576).toFixed(0)} MB,` +
          ` its reads ≤ ${fmtMs(Math.max(...near.map((x) => x.queryMs)))} ms`;
    console.log(
      `  second ${w.key}: p99 ${fmtMs(w.p99)} ms, max ${fmtMs(w.max)} ms over ${fmtInt(w.n)} acks${seen}`,
    );
  }
  if (samples.length > 0) {
    console.log(
      `  sampler over the phase: WAL up to ${(Math.max(...samples.map((x) => x.walBytes)) / 1_048_576).toFixed(0)} MB,` +
        ` its reads took up to ${fmtMs(Math.max(...samples.map((x) => x.queryMs)))} ms (${samples.length} samples)`,
    );
  }
}

/** CPU time of the target process per acknowledged event, ms (NaN when unknown or none acked). */
const cpuPerAck = (p: Phase) => (p.acked > 0 ? p.serverCpuMs / p.acked : Number.NaN);

function printTable(title: string, rows: Phase[], ratio: { throughput: number; p99: number } | null) {
  console.log(`\n${title}`);
  const head =
    `${"target".padEnd(24)} | ${"offered/s".padStart(9)} ${"acked/s".padStart(8)} | ${"p50".padStart(6)} ${"p90".padStart(6)}` +
    ` ${"p99".padStart(6)} ${"max".padStart(6)} | ${"errors".padStart(6)} ${"> 2 s".padStart(6)}` +
    ` | ${"cpu ms/ack".padStart(10)} | ${"gen lag p99/max".padStart(15)}`;
  console.log(head);
  console.log("-".repeat(head.length));
  for (const p of rows) {
    const s = summarizeLatency(p.latencies);
    console.log(
      `${p.label.padEnd(24)} | ${(p.offered === null ? "max" : fmtInt(p.offered)).padStart(9)} ${fmtRate(p.ackRate).padStart(8)}` +
        ` | ${fmtMs(s.p50).padStart(6)} ${fmtMs(s.p90).padStart(6)} ${fmtMs(s.p99).padStart(6)} ${fmtMs(s.max).padStart(6)}` +
        ` | ${fmtInt(errorCount(p)).padStart(6)} ${fmtInt(p.overBudget).padStart(6)}` +
        ` | ${fmtMs(cpuPerAck(p)).padStart(10)}` +
        ` | ${(p.offered === null ? "" : `${fmtMs(p.lagP99)} / ${fmtMs(p.lagMax)}`).padStart(15)}`,
    );
  }
  if (ratio) {
    console.log(
      `${"ratio webhook / bare".padEnd(24)} | ${"".padStart(9)} ${ratio.throughput.toFixed(2).padStart(8)}` +
        ` | ${"".padStart(6)} ${"".padStart(6)} ${`${ratio.p99.toFixed(1)}×`.padStart(6)} ${"".padStart(6)}` +
        ` | ${"".padStart(6)} ${"".padStart(6)} | ${`${(cpuPerAck(rows[0] as Phase) / cpuPerAck(rows[1] as Phase)).toFixed(1)}×`.padStart(10)} |`,
    );
  }
  console.log(
    "  (cpu ms/ack: CPU time of the target's process during the phase ÷ events acknowledged; for the real" +
      " server it includes the inbox and outbox work done meanwhile)",
  );
  for (const p of rows) {
    const errors = errorText(p);
    if (errors) console.log(`  ${p.label}: ${errors}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

interface InboxReport {
  stored: number;
  finishedDuringLoad: number;
  backlogPeak: number;
  backlogPeakAt: number;
  pendingAtLoadEnd: number;
  drainedAfter: number | null;
  finished: { pending: number; processed: number; ignored: number; failed: number };
  overallRate: number;
  outbox: string;
}

async function main(options: Options): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), "cau-noi-webhook-bench-"));
  const dbPath = join(scratch, "bench.db");
  const profileDir = join(scratch, "cpu-prof");
  const runTag = randomBytes(8).toString("hex");
  const followers = makeFollowers(options.followers, createRandom(options.seed));
  const standinHandle = createZaloStandin({ appSecret: SANDBOX_ZALO.appSecret });
  for (const [n, f] of followers.entries()) {
    standinHandle.addUser({ followerId: f.followerId, appUserId: f.appUserId, name: `Người thử ${n + 1}` });
  }
  const standin = await listen(standinHandle.app.fetch);
  let reader: DatabaseHandle | undefined;
  const agents: Agent[] = [];
  let exitCode = 0;
  try {
    console.log(
      `Cầu Nối webhook bench: ${fmtInt(options.rate)} signed user_send_text events/s for ${options.seconds} s` +
        ` (open loop, latency from each event's due time), from ${fmtInt(options.followers)} followers unknown to` +
        ` the bot (it creates persons and asks for their village), over ≤ ${options.connections} keep-alive connections;` +
        ` then the same load against a bare route. Timeout ${fmtInt(options.timeoutMs)} ms.` +
        `\n  real server: node --import tsx bot-server/src/index.ts, sandbox mode, demo data, LOG_LEVEL=warn,` +
        ` database ${dbPath}; its outbox sends to the Zalo stand-in in this process (${standin.url}).`,
    );

    // ------------------------------------------------------------------ the real server
    const port = await freePort();
    if (options.cpuProf) mkdirSync(profileDir, { recursive: true });
    const server = startChild(
      [
        ...(options.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
        "--import",
        "tsx",
        "bot-server/src/index.ts",
      ],
      childEnv({
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_PATH: dbPath,
        UPLOAD_DIR: join(scratch, "uploads"),
        LOG_LEVEL: "warn",
        DEMO_DATA: "true",
        ZALO_OPENAPI_URL: `${standin.url}/openapi`,
        ZALO_OAUTH_URL: `${standin.url}/oauth`,
        ZALO_GRAPH_URL: `${standin.url}/graph`,
      }),
    );
    await waitReady(server, `http://127.0.0.1:${port}/healthz`, 120_000);
    reader = openDatabase(dbPath, { migrate: false });
    console.log(`\nReal server up on port ${port}. Warming up (${Math.min(1000, options.rate)} events)…`);
    const webhookAgent = keepAliveAgent(options.connections);
    agents.push(webhookAgent);
    await preconnect(webhookAgent, port, options.connections);
    const warm = await openLoop({
      label: "warm-up",
      port,
      rate: Math.min(1000, options.rate),
      seconds: 1,
      connections: options.connections,
      timeoutMs: options.timeoutMs,
      next: eventSource(followers, options.seed, runTag, 0),
      agent: webhookAgent,
    });
    // Let the inbox finish the warm-up events so the measured phase starts from an empty backlog.
    for (let i = 0; i < 600 && pendingCount(reader) > 0; i++) await sleep(100);
    const before = statusCounts(reader);
    const eventsBefore = before.pending + before.processed + before.ignored + before.failed;

    console.log(`Sending ${fmtInt(options.rate * options.seconds)} events to the real webhook…`);
    await preconnect(webhookAgent, port, options.connections);
    const sampler = startSampler(dbPath);
    sampler.resetOrigin();
    const webhook = await openLoop({
      label: "webhook (real server)",
      port,
      pid: server.process.pid,
      rate: options.rate,
      seconds: options.seconds,
      connections: options.connections,
      timeoutMs: options.timeoutMs,
      next: eventSource(followers, options.seed, runTag, 1),
      agent: webhookAgent,
      everySecond: (elapsed, live) => {
        const last = sampler.latest();
        if (elapsed % 10 === 0 && last) {
          console.log(
            `  ${elapsed.toFixed(0).padStart(3)} s: ${fmtInt(live.acked)} acked, backlog ≈ ${fmtInt(last.backlog)},` +
              ` WAL ${(last.walBytes / 1_048_576).toFixed(0)} MB`,
          );
        }
      },
    });
    await sampler.stop();
    const samples = [...sampler.samples];
    if (sampler.failure()) console.log(`  (the sampler failed: ${sampler.failure()})`);
    const peak = samples.reduce<Sample | null>((a, b) => (a === null || b.backlog > a.backlog ? b : a), null);
    const loadEnd = performance.now();
    const loadStart = loadEnd - webhook.seconds * 1000;

    // ------------------------------------------------------------------ nothing lost
    const missing = missingEvents(reader, [...warm.ackedMsgIds, ...webhook.ackedMsgIds]);
    const afterLoad = statusCounts(reader);
    const pendingAtLoadEnd = afterLoad.pending;
    const storedTotal =
      afterLoad.pending + afterLoad.processed + afterLoad.ignored + afterLoad.failed - eventsBefore;
    console.log(
      `\nEvents lost: ${fmtInt(webhook.acked + warm.acked)} acknowledged with 200 (warm-up included),` +
        ` ${fmtInt(missing)} of them missing from webhook_events.`,
    );
    if (missing > 0) exitCode = 1;

    // ------------------------------------------------------------------ the inbox drains
    console.log(
      `Waiting for the inbox to drain (≤ ${options.drain} s; ${fmtInt(pendingAtLoadEnd)} pending)…`,
    );
    let drainedAfter: number | null = pendingAtLoadEnd === 0 ? 0 : null;
    const drainDeadline = performance.now() + options.drain * 1000;
    while (drainedAfter === null && performance.now() < drainDeadline) {
      await sleep(250);
      if (pendingCount(reader) === 0) drainedAfter = (performance.now() - loadEnd) / 1000;
    }
    const finished = statusCounts(reader);
    const finishedSinceStart =
      finished.processed +
      finished.ignored +
      finished.failed -
      (before.processed + before.ignored + before.failed);
    const drainEnd = drainedAfter === null ? performance.now() : loadEnd + drainedAfter * 1000;
    const inbox: InboxReport = {
      stored: storedTotal,
      finishedDuringLoad: storedTotal - pendingAtLoadEnd,
      backlogPeak: peak?.backlog ?? 0,
      backlogPeakAt: (peak?.at ?? 0) / 1000,
      pendingAtLoadEnd,
      drainedAfter,
      finished,
      overallRate: finishedSinceStart / ((drainEnd - loadStart) / 1000),
      outbox: outboxCounts(reader),
    };

    // ------------------------------------------------------------------ capacity (closed loop)
    let webhookMax: Phase | null = null;
    if (options.saturate > 0) {
      console.log(
        `Capacity: ${options.saturateConnections} requests always in flight for ${options.saturate} s against the real webhook…`,
      );
      webhookMax = await closedLoop({
        label: "webhook, closed loop",
        port,
        pid: server.process.pid,
        seconds: options.saturate,
        connections: options.saturateConnections,
        timeoutMs: options.timeoutMs,
        next: eventSource(followers, options.seed, runTag, 2),
      });
      const missingMax = missingEvents(reader, webhookMax.ackedMsgIds);
      console.log(
        `  events lost in the capacity phase: ${fmtInt(missingMax)} of ${fmtInt(webhookMax.acked)} acknowledged`,
      );
      if (missingMax > 0) exitCode = 1;
    }
    reader.close();
    reader = undefined;
    webhookAgent.destroy();
    await stopChild(server);
    console.log(
      `\nThe real server logged ${fmtInt(server.logLines)} records at warn or above${server.logLines > 0 ? "; the last:" : "."}`,
    );
    for (const line of server.logTail) console.log(`  ${line}`);

    // ------------------------------------------------------------------ the bare route
    const bare = startChild(
      ["--import", "tsx", "tests/bench/bare-server.ts", "--port", String(await freePort())],
      {
        ...childEnv({ NODE_ENV: "production" }),
      },
    );
    const barePort = await waitForListening(bare);
    console.log(`\nBare route up on port ${barePort}. Warming up, then the same load…`);
    const bareAgent = keepAliveAgent(options.connections);
    agents.push(bareAgent);
    await preconnect(bareAgent, barePort, options.connections);
    await openLoop({
      label: "warm-up",
      port: barePort,
      rate: Math.min(1000, options.rate),
      seconds: 1,
      connections: options.connections,
      timeoutMs: options.timeoutMs,
      next: eventSource(followers, options.seed, runTag, 3),
      agent: bareAgent,
    });
    await preconnect(bareAgent, barePort, options.connections);
    const bareRun = await openLoop({
      label: "bare route",
      port: barePort,
      pid: bare.process.pid,
      rate: options.rate,
      seconds: options.seconds,
      connections: options.connections,
      timeoutMs: options.timeoutMs,
      next: eventSource(followers, options.seed, runTag, 4),
      agent: bareAgent,
    });
    let bareMax: Phase | null = null;
    if (options.saturate > 0) {
      console.log(
        `Capacity of the bare route (${options.saturateConnections} in flight, ${options.saturate} s)…`,
      );
      bareMax = await closedLoop({
        label: "bare route, closed loop",
        port: barePort,
        pid: bare.process.pid,
        seconds: options.saturate,
        connections: options.saturateConnections,
        timeoutMs: options.timeoutMs,
        next: eventSource(followers, options.seed, runTag, 5),
      });
    }
    bareAgent.destroy();
    await stopChild(bare);

    // ------------------------------------------------------------------ report
    const w = summarizeLatency(webhook.latencies);
    const b = summarizeLatency(bareRun.latencies);
    const ratio = { throughput: webhook.ackRate / bareRun.ackRate, p99: w.p99 / b.p99 };
    printTable(
      `Results at a fixed ${fmtInt(options.rate)} events/s for ${options.seconds} s (ms, from each event's due time to the answer):`,
      [webhook, bareRun],
      ratio,
    );
    printTimeline(webhook, samples);
    printTimeline(bareRun, []);
    if (webhookMax && bareMax) {
      printTable(
        `Capacity, ${options.saturateConnections} requests always in flight for ${options.saturate} s (ms from send; for insight):`,
        [webhookMax, bareMax],
        {
          throughput: webhookMax.ackRate / bareMax.ackRate,
          p99: summarizeLatency(webhookMax.latencies).p99 / summarizeLatency(bareMax.latencies).p99,
        },
      );
      console.log(
        "  (the generator shares the machine: when it tops out first, the bare route's capacity is understated)",
      );
    }
    console.log(
      `\nInbox worker (same process as the webhook): ${fmtInt(inbox.stored)} events stored in the measured phase;` +
        ` ${fmtInt(inbox.finishedDuringLoad)} finished while the load ran (${fmtRate(inbox.finishedDuringLoad / options.seconds)}/s),` +
        ` backlog peak ≈ ${fmtInt(inbox.backlogPeak)} at ${inbox.backlogPeakAt.toFixed(0)} s,` +
        ` ${fmtInt(inbox.pendingAtLoadEnd)} pending when it ended;` +
        (inbox.drainedAfter === null
          ? ` NOT drained ${options.drain} s after the load (${fmtInt(inbox.finished.pending)} still pending);`
          : ` drained ${inbox.drainedAfter.toFixed(1)} s after the load;`) +
        ` ${fmtRate(inbox.overallRate)} events/s processed from the start of the load to the drain.` +
        `\n  webhook_events now: processed ${fmtInt(inbox.finished.processed)}, ignored ${fmtInt(inbox.finished.ignored)},` +
        ` failed ${fmtInt(inbox.finished.failed)}, pending ${fmtInt(inbox.finished.pending)} (warm-up included)` +
        `\n  outbox_messages when the capacity phase began: ${inbox.outbox} (the outbox paces itself to Zalo's` +
        " 4,000 calls a minute, so most replies are still queued by design)",
    );

    const lost = missing;
    console.log(
      `\nVerdict (goal: p99 < ${GOAL_P99_MS} ms at ${fmtInt(options.rate)} events/s, no event lost, ≥ ${GOAL_RATIO} of the bare route's throughput)`,
    );
    console.log(
      `  p99 ${fmtMs(w.p99)} ms — goal < ${GOAL_P99_MS} ms: ${w.p99 < GOAL_P99_MS ? "met" : "NOT met"}`,
    );
    console.log(
      `  throughput ratio ${ratio.throughput.toFixed(2)} — goal ≥ ${GOAL_RATIO}: ${ratio.throughput >= GOAL_RATIO ? "met" : "NOT met"}` +
        ` (${fmtRate(webhook.ackRate)} vs ${fmtRate(bareRun.ackRate)} acked/s)`,
    );
    if (webhookMax && bareMax) {
      const capacity = webhookMax.ackRate / bareMax.ackRate;
      console.log(
        `  capacity ratio ${capacity.toFixed(2)} — goal ≥ ${GOAL_RATIO}: ${capacity >= GOAL_RATIO ? "met" : "NOT met"}` +
          "  (closed loop, for insight)",
      );
    }
    console.log(`  events lost ${fmtInt(lost)} — goal 0: ${lost === 0 ? "met" : "NOT met"}`);
    const unanswered = errorCount(webhook);
    if (unanswered > 0) {
      console.log(
        `  (${fmtInt(unanswered)} events got no 200: not lost, Zalo would deliver them again, but counted as errors)`,
      );
    }
    if (options.cpuProf) console.log(`\nCPU profile of the real server in ${profileDir} (kept)`);
    return exitCode;
  } finally {
    reader?.close();
    for (const agent of agents) agent.destroy();
    killChildren();
    await standin.close();
    if (options.cpuProf) {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
    } else {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}

/** Reads the bare server's `listening <port>` line (bounded). */
async function waitForListening(child: Child): Promise<number> {
  for (let i = 0; i < 600; i++) {
    const line = child.tail.find((l) => l.startsWith("listening "));
    if (line) return Number(line.slice("listening ".length));
    if (child.process.exitCode !== null) break;
    await sleep(100);
  }
  throw new BenchError(`the bare server did not start; last output:\n${child.tail.join("\n")}`);
}

try {
  process.exitCode = await main(parseOptions(process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof BenchError ? `bench failed: ${error.message}` : error);
  killChildren();
  process.exitCode = 1;
}
