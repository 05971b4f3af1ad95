/**
 * The crash test (SPEC §7 "Nothing lost"): spawn the real server (`node --import tsx
 * bot-server/src/index.ts`, sandbox mode), send it signed webhook events as Zalo would, SIGKILL
 * it mid-stream, restart it on the same database, and check that every acknowledged event was
 * processed exactly once and that no message reached Zalo twice.
 *
 * Zalo is played by a stand-in in THIS process (the child is pointed at it with
 * ZALO_OPENAPI_URL / ZALO_OAUTH_URL / ZALO_GRAPH_URL), so it survives the kills and its
 * `sentMessages()` is the ground truth of what Zalo received. Its answers to sends are delayed a
 * few milliseconds, so a kill often lands while a message is in flight.
 *
 * Unacknowledged events (the POST died with the server) are delivered again after the restart,
 * as Zalo's retries would, and some acknowledged ones are replayed too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { count, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../bot-server/src/db/client";
import { outboxMessages, persons, webhookEvents } from "../bot-server/src/db/schema";
import { DEMO_PERSONAS } from "../bot-server/src/demo/seed";
import { SANDBOX_ZALO } from "../bot-server/src/env";
import { CRASHED_WHILE_SENDING } from "../bot-server/src/outbox/worker";
import { registerDemoFollowers } from "../bot-server/src/sandbox/followers";
import { dedupeKeyOf } from "../bot-server/src/webhook/inbox";
import { signatureHeader } from "../bot-server/src/webhook/signature";
import { createZaloStandin, type SentMessage } from "../bot-server/src/zalo-standin";
import { tempDir } from "./helpers/db";
import { freePort, listen } from "./helpers/server";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const KILLS = 3;
/** Events per lane and round at most; the lanes are also stopped by the kill. */
const MAX_EVENTS_PER_LANE = 45;
const START_TIMEOUT_MS = 20_000;
const DRAIN_TIMEOUT_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Posted {
  rawBody: string;
  signature: string;
  dedupeKey: string;
  /** A signed event of an unknown type: stored, then `ignored`. */
  junk: boolean;
  /** The webhook answered 200 (at first delivery or at a redelivery). */
  acked: boolean;
  /** The round it was first sent in. */
  round: number;
}

// Everything the test starts, released in afterAll even when an assertion fails.
const dir = tempDir("cau-noi-crash-");
let child: ChildProcess | undefined;
let childOutput = "";
let db: DatabaseHandle | undefined;
let zaloServer: { url: string; close: () => Promise<void> } | undefined;

async function stopChild(signal: NodeJS.Signals = "SIGKILL") {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
  running.kill(signal);
  await Promise.race([exited, sleep(5000)]);
}

afterAll(async () => {
  await stopChild();
  db?.close();
  await zaloServer?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("crash test: SIGKILL mid-stream, restart on the same database", () => {
  it("processes every acknowledged event exactly once and sends no message twice", async () => {
    const started = Date.now();
    const dbPath = join(dir, "cau-noi.db");
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;

    // Zalo, in this process: it outlives every kill of the server.
    const zalo = createZaloStandin({ appSecret: SANDBOX_ZALO.appSecret });
    zaloServer = await listen(async (request) => {
      const response = await zalo.app.fetch(request);
      // The message is recorded; the answer takes a moment: a kill now leaves it in flight.
      if (new URL(request.url).pathname.endsWith("/message/cs")) await sleep(Math.random() * 12);
      return response;
    });

    const env: Record<string, string | undefined> = {
      // biome-ignore lint/style/noProcessEnv: the child needs PATH and friends to start
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: dbPath,
      UPLOAD_DIR: join(dir, "uploads"),
      LOG_LEVEL: "warn",
      DEMO_DATA: "true",
      ZALO_OPENAPI_URL: `${zaloServer.url}/openapi`,
      ZALO_OAUTH_URL: `${zaloServer.url}/oauth`,
      ZALO_GRAPH_URL: `${zaloServer.url}/graph`,
    };
    // Sandbox mode: no Zalo credentials, whatever the surrounding environment has.
    for (const name of [
      "ZALO_APP_ID",
      "ZALO_APP_SECRET",
      "ZALO_OA_ID",
      "ZALO_OA_SECRET_KEY",
      "ZALO_OA_ACCESS_TOKEN",
      "ZALO_OA_REFRESH_TOKEN",
    ]) {
      delete env[name];
    }

    async function startServer() {
      const proc = spawn(process.execPath, ["--import", "tsx", "bot-server/src/index.ts"], {
        cwd: ROOT,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = proc;
      // Should the test process itself die, the server must not outlive it.
      process.once("exit", () => proc.kill("SIGKILL"));
      const keep = (chunk: Buffer) => {
        childOutput = (childOutput + chunk.toString()).slice(-20_000);
      };
      proc.stdout?.on("data", keep);
      proc.stderr?.on("data", keep);
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (Date.now() < deadline) {
        if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${childOutput}`);
        try {
          const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
          if (response.status === 200) return;
        } catch {
          // not listening yet
        }
        await sleep(50);
      }
      throw new Error(`server did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${childOutput}`);
    }

    await startServer();
    db = openDatabase(dbPath, { migrate: false });
    const handle = db.db;
    // The followers Zalo knows: the demo people the server just created.
    expect(registerDemoFollowers(zalo, handle)).toBeGreaterThan(10);
    zalo.setWebhookUrl(`${base}/webhooks/zalo`);

    const followerOf = (key: string) => {
      const persona = DEMO_PERSONAS.find((p) => p.key === key);
      const row = handle
        .select()
        .from(persons)
        .where(eq(persons.zaloAppUserId, persona?.zaloAppUserId ?? "-"))
        .get();
      if (!row?.oaFollowerId) throw new Error(`no follower for ${key}`);
      return row.oaFollowerId;
    };

    // What each lane says, in a loop: replies without long flows, and now and then a help
    // request (which also notifies the village team).
    const lanes = [
      {
        who: followerOf("citizen-camthanh"),
        script: ["cam on", "can giup cai vneid cho me toi", "#meet home_visit", "menu"],
      },
      { who: followerOf("citizen-campho"), script: ["menu", "thong bao", "cam on", "#cancel"] },
      { who: followerOf("member-camthanh-t1"), script: ["thong bao", "cam on", "#mine", "menu"] },
      { who: followerOf("leader-camthanh-t1"), script: ["cam on", "menu", "#contacts", "thong bao"] },
      { who: followerOf("admin-camthanh"), script: ["menu", "cam on", "thong bao"] },
    ];

    const posted: Posted[] = [];
    /** Posts the exact signed bytes; status null when nothing answered (the server died). */
    async function deliver(event: Posted): Promise<{ status: number | null; duplicate?: boolean }> {
      try {
        const response = await fetch(`${base}/webhooks/zalo`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-zevent-signature": event.signature },
          body: event.rawBody,
          signal: AbortSignal.timeout(5000),
        });
        const body = (await response.json().catch(() => ({}))) as { duplicate?: boolean };
        return { status: response.status, duplicate: body.duplicate };
      } catch {
        return { status: null };
      }
    }

    /** A signed event Zalo documents but we do not handle: acknowledged, then ignored. */
    function junkEvent(who: string, round: number): Posted {
      const timestamp = String(Date.now());
      const rawBody = JSON.stringify({
        app_id: SANDBOX_ZALO.appId,
        sender: { id: who },
        recipient: { id: SANDBOX_ZALO.oaId },
        event_name: "user_send_business_card",
        message: { msg_id: randomBytes(12).toString("hex"), text: "danh thiếp" },
        timestamp,
      });
      const signature = signatureHeader(SANDBOX_ZALO.appId, rawBody, timestamp, SANDBOX_ZALO.oaSecretKey);
      return {
        rawBody,
        signature,
        dedupeKey: dedupeKeyOf(rawBody, JSON.parse(rawBody)),
        junk: true,
        acked: false,
        round,
      };
    }

    async function runLane(
      lane: (typeof lanes)[number],
      index: number,
      round: number,
      stop: { now: boolean },
    ) {
      for (let i = 0; i < MAX_EVENTS_PER_LANE && !stop.now; i++) {
        if (index === 0 && i % 10 === 5) {
          const junk = junkEvent(lane.who, round);
          posted.push(junk);
          junk.acked = (await deliver(junk)).status === 200;
          continue;
        }
        const text = lane.script[(round + i) % lane.script.length] as string;
        const sent = await zalo.userSends(lane.who, { text });
        posted.push({
          rawBody: sent.rawBody,
          signature: sent.signature,
          dedupeKey: dedupeKeyOf(sent.rawBody, sent.event),
          junk: false,
          acked: sent.status === 200,
          round,
        });
        await sleep(5 + Math.random() * 20);
      }
    }

    /** Zalo's retries: whatever was not acknowledged goes again, plus a few acknowledged ones. */
    async function redeliver() {
      const unacked = posted.filter((e) => !e.acked);
      let storedBeforeTheCrash = 0;
      for (const event of unacked) {
        for (let attempt = 0; attempt < 5 && !event.acked; attempt++) {
          const answer = await deliver(event);
          event.acked = answer.status === 200;
          if (answer.duplicate) storedBeforeTheCrash += 1;
          if (!event.acked) await sleep(100);
        }
        expect(event.acked, "a redelivered event is acknowledged").toBe(true);
      }
      const replays = posted.filter((e) => e.acked).slice(-5);
      for (const event of replays) expect(await deliver(event)).toEqual({ status: 200, duplicate: true });
      return { redelivered: unacked.length, storedBeforeTheCrash };
    }

    const rounds: Array<{
      killAfterMs: number;
      events: number;
      unacked: number;
      storedBeforeTheCrash: number;
    }> = [];
    for (let round = 0; round < KILLS; round++) {
      const stop = { now: false };
      const killAfterMs = Math.round(200 + Math.random() * 1300);
      const traffic = Promise.all(lanes.map((lane, index) => runLane(lane, index, round, stop)));
      // Mid-stream: while lanes are posting, or (late kills) while the outbox works the backlog.
      await sleep(killAfterMs);
      await stopChild("SIGKILL");
      stop.now = true;
      await traffic;
      const thisRound = posted.filter((e) => e.round === round);
      const unacked = thisRound.filter((e) => !e.acked).length;
      await startServer();
      const { redelivered, storedBeforeTheCrash } = await redeliver();
      expect(redelivered).toBe(unacked);
      rounds.push({ killAfterMs, events: thisRound.length, unacked, storedBeforeTheCrash });
    }

    // Let the last process work everything off.
    const pendingCounts = () => ({
      events:
        handle.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.status, "pending")).get()
          ?.n ?? 0,
      outbox:
        handle
          .select({ n: count() })
          .from(outboxMessages)
          .where(inArray(outboxMessages.status, ["pending", "in_flight"]))
          .get()?.n ?? 0,
    });
    const drainDeadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (Date.now() < drainDeadline) {
      const pending = pendingCounts();
      if (pending.events === 0 && pending.outbox === 0) break;
      await sleep(100);
    }
    expect(pendingCounts()).toEqual({ events: 0, outbox: 0 });

    // ---------------------------------------------------------------- the inbox: none lost
    const events = handle.select().from(webhookEvents).all();
    const byKey = new Map(events.map((e) => [e.dedupeKey, e]));
    expect(posted.every((e) => e.acked)).toBe(true);
    const distinctKeys = new Set(posted.map((e) => e.dedupeKey));
    expect(distinctKeys.size).toBe(posted.length);
    // One row per event ever acknowledged, and nothing else.
    expect(events).toHaveLength(posted.length);
    for (const event of posted) {
      const row = byKey.get(event.dedupeKey);
      expect(row?.rawBody, event.dedupeKey).toBe(event.rawBody);
      expect(row?.status, event.dedupeKey).toBe(event.junk ? "ignored" : "processed");
      expect(row?.attempts, event.dedupeKey).toBe(1);
    }

    // ---------------------------------------------------------------- the outbox: once per event
    const rows = handle.select().from(outboxMessages).all();
    /** The webhook event a reply or staff alert belongs to (`evt:<id>:<n>`, `evt:<id>:staff:<person>`). */
    const causedBy = (key: string) => /^evt:(\d+):/.exec(key)?.[1];
    const repliesByEvent = new Map<number, number[]>();
    for (const row of rows) {
      const m = /^evt:(\d+):(\d+)$/.exec(row.idempotencyKey);
      if (!m) continue;
      const list = repliesByEvent.get(Number(m[1])) ?? [];
      list.push(Number(m[2]));
      repliesByEvent.set(Number(m[1]), list);
    }
    for (const event of posted) {
      const row = byKey.get(event.dedupeKey);
      const numbers = (repliesByEvent.get(row?.id as number) ?? []).sort((a, b) => a - b);
      if (event.junk) {
        expect(numbers, event.dedupeKey).toEqual([]);
        continue;
      }
      // Every text gets its replies, numbered 1..n: all of them, once.
      expect(numbers.length, event.dedupeKey).toBeGreaterThan(0);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    const eventIds = new Set(events.map((e) => String(e.id)));
    for (const row of rows) {
      const cause = causedBy(row.idempotencyKey);
      if (cause) expect(eventIds.has(cause), row.idempotencyKey).toBe(true);
    }

    // ---------------------------------------------------------------- Zalo's view: never twice
    const fingerprint = (followerId: string, text: unknown, buttons: unknown[]) =>
      JSON.stringify([followerId, text ?? null, buttons]);
    const rowButtons = (message: Record<string, unknown>) =>
      (
        (message.attachment as { payload?: { buttons?: { title: string; payload: unknown }[] } } | undefined)
          ?.payload?.buttons ?? []
      ).map((b) => [b.title, b.payload]);
    const rowPrint = (row: (typeof rows)[number]) =>
      fingerprint(row.recipientFollowerId, row.message.text, rowButtons(row.message));
    const zaloPrint = (m: SentMessage) =>
      fingerprint(
        m.followerId,
        m.text,
        m.buttons.map((b) => [b.title, b.payload]),
      );

    const received = zalo.sentMessages();
    const receivedById = new Map(received.map((m) => [m.messageId, m]));
    expect(receivedById.size).toBe(received.length);
    const sent = rows.filter((r) => r.status === "sent");
    const uncertain = rows.filter((r) => r.status === "uncertain");
    const failed = rows.filter((r) => r.status === "failed");
    expect(sent.length + uncertain.length + failed.length).toBe(rows.length);

    // Each row marked sent is one message Zalo has, with the same recipient and content.
    const matched = new Set<string>();
    for (const row of sent) {
      const message = receivedById.get(row.zaloMessageId ?? "");
      expect(message, row.idempotencyKey).toBeDefined();
      expect(matched.has(row.zaloMessageId as string)).toBe(false);
      matched.add(row.zaloMessageId as string);
      expect(zaloPrint(message as SentMessage)).toBe(rowPrint(row));
    }
    // Whatever else Zalo got can only be uncertain rows that did arrive, each at most once.
    const uncertainLeft = new Map<string, number>();
    for (const row of uncertain)
      uncertainLeft.set(rowPrint(row), (uncertainLeft.get(rowPrint(row)) ?? 0) + 1);
    const extra = received.filter((m) => !matched.has(m.messageId));
    for (const message of extra) {
      const left = uncertainLeft.get(zaloPrint(message)) ?? 0;
      expect(left, `Zalo got a message no uncertain row explains: ${zaloPrint(message)}`).toBeGreaterThan(0);
      uncertainLeft.set(zaloPrint(message), left - 1);
    }
    expect(received.length).toBe(sent.length + extra.length);
    expect(extra.length).toBeLessThanOrEqual(uncertain.length);
    // Per recipient and content: never more messages at Zalo than rows that may have gone.
    const tally = (prints: string[]) => {
      const counts = new Map<string, number>();
      for (const p of prints) counts.set(p, (counts.get(p) ?? 0) + 1);
      return counts;
    };
    const zaloCounts = tally(received.map(zaloPrint));
    const mayHaveGone = tally([...sent, ...uncertain].map(rowPrint));
    const surelyGone = tally(sent.map(rowPrint));
    for (const [print, n] of zaloCounts) {
      expect(n, print).toBeLessThanOrEqual(mayHaveGone.get(print) ?? 0);
      expect(n, print).toBeGreaterThanOrEqual(surelyGone.get(print) ?? 0);
    }

    // Uncertain rows: only from a kill while sending (one message in flight at a time), never retried.
    expect(uncertain.length).toBeLessThanOrEqual(KILLS);
    for (const row of uncertain) {
      expect(row.lastError).toBe(CRASHED_WHILE_SENDING);
      expect(row.zaloMessageId).toBeNull();
    }
    // Failures carry their reason (e.g. a member outside Zalo's 7-day window).
    for (const row of failed) expect(row.lastError, row.idempotencyKey).toBeTruthy();

    const summary = {
      seconds: Math.round((Date.now() - started) / 100) / 10,
      rounds,
      events: posted.length,
      junk: posted.filter((e) => e.junk).length,
      outbox: rows.length,
      sent: sent.length,
      uncertain: uncertain.length,
      uncertainDelivered: extra.length,
      failed: failed.length,
      failedReasons: [...new Set(failed.map((r) => r.lastError))],
      zaloReceived: received.length,
      /** Team notifications (`req:<request>:evt:<request event>:…`) and anything else. */
      notReplies: rows.filter((r) => !causedBy(r.idempotencyKey)).length,
    };
    // What a run looked like (events, kills, rows), for whoever reads the test output.
    console.warn(`crash test: ${JSON.stringify(summary)}`);
    // Still alive after all that.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 90_000);
});
