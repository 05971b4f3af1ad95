/**
 * The outbox against the Zalo stand-in over real HTTP (SPEC §4.1 Outbound, §7 Nothing lost):
 * one send per idempotency key, backoff on passing failures, the rate limit, single-flight
 * token refresh with single-use refresh tokens, permanent failures kept with their reason,
 * crash recovery as "uncertain", pacing, and announcements with their delivery report.
 * Time is a fake clock shared by the worker and the stand-in; no assertion depends on real time.
 */
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../bot-server/src/db/client";
import { openDatabase } from "../bot-server/src/db/client";
import { announcements, oaTokens, outboxMessages, persons, requests } from "../bot-server/src/db/schema";
import { parseEnv, SANDBOX_ZALO } from "../bot-server/src/env";
import { createLogger } from "../bot-server/src/lib/logger";
import { deliveryReport, queueAnnouncement } from "../bot-server/src/outbox/broadcast";
import { enqueueMessage } from "../bot-server/src/outbox/enqueue";
import { ensureTokens, readTokens } from "../bot-server/src/outbox/oa-tokens";
import {
  undeliveredCount,
  undeliveredForRequest,
  undeliveredReasonLabel,
} from "../bot-server/src/outbox/status";
import {
  CRASHED_WHILE_SENDING,
  createOutboxWorker,
  createPacer,
  type OutboxWorkerOptions,
  retryDelayMs,
} from "../bot-server/src/outbox/worker";
import { createOaClient } from "../bot-server/src/zalo/oa-client";
import { createZaloStandin, type ZaloStandinOptions } from "../bot-server/src/zalo-standin";
import { fileDatabase, memoryDatabase } from "./helpers/db";
import { buildWorld, T0 } from "./helpers/fixtures";
import { listen } from "./helpers/server";

const DAY = 86_400_000;
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** Live-mode configuration (the stand-in plays Zalo at its URLs), so tokens are never reset. */
function liveConfig(url: string, pair: { access?: string; refresh?: string } = {}) {
  return parseEnv({
    ZALO_APP_ID: SANDBOX_ZALO.appId,
    ZALO_APP_SECRET: SANDBOX_ZALO.appSecret,
    ZALO_OA_ID: SANDBOX_ZALO.oaId,
    ZALO_OA_SECRET_KEY: SANDBOX_ZALO.oaSecretKey,
    ZALO_OA_ACCESS_TOKEN: pair.access ?? SANDBOX_ZALO.oaAccessToken,
    ZALO_OA_REFRESH_TOKEN: pair.refresh ?? SANDBOX_ZALO.oaRefreshToken,
    SESSION_SECRET: "x".repeat(40),
    ZALO_OPENAPI_URL: `${url}/openapi`,
    ZALO_OAUTH_URL: `${url}/oauth`,
  });
}

interface SetupOptions {
  standin?: Partial<ZaloStandinOptions>;
  worker?: Partial<OutboxWorkerOptions>;
  /** Configured refresh token (default: the stand-in's). */
  refreshToken?: string;
  db?: Db;
}

async function setup(options: SetupOptions = {}) {
  const clock = { now: T0.getTime() };
  const standin = createZaloStandin({
    appSecret: SANDBOX_ZALO.appSecret,
    now: () => clock.now,
    ...options.standin,
  });
  const server = await listen(standin.app.fetch);
  closers.push(server.close);
  let db = options.db;
  if (!db) {
    const handle = memoryDatabase();
    closers.push(() => handle.close());
    db = handle.db;
  }
  const world = buildWorld(db);
  const config = liveConfig(server.url, { refresh: options.refreshToken });
  const logs: string[] = [];
  const logger = createLogger("debug", { write: (line: string) => void logs.push(line) });
  const oauthCalls = { count: 0 };
  const oa = createOaClient({
    openApiUrl: `${server.url}/openapi`,
    oauthUrl: `${server.url}/oauth`,
    appId: SANDBOX_ZALO.appId,
    appSecret: SANDBOX_ZALO.appSecret,
    fetch: (input, init) => {
      if (String(input).includes("/oauth/")) oauthCalls.count += 1;
      return fetch(input, init);
    },
  });
  const now = () => new Date(clock.now);
  const makeWorker = (extra: Partial<OutboxWorkerOptions> = {}, onDb: Db = db) =>
    createOutboxWorker({
      db: onDb,
      oa,
      config,
      logger,
      now,
      random: () => 0.5,
      ...options.worker,
      ...extra,
    });
  const worker = makeWorker();
  const dbRef = db;

  function followerId(personId: number): string {
    const row = dbRef.select().from(persons).where(eq(persons.id, personId)).get();
    if (!row?.oaFollowerId) throw new Error("no follower id");
    return row.oaFollowerId;
  }

  /** Makes the person an OA follower in our database and (unless `zalo: false`) at the stand-in. */
  function follow(
    person: { id: number; zaloAppUserId: string; name: string },
    zalo: { blocked?: boolean; lastInteractionAt?: number | null } | false = {},
  ) {
    dbRef.update(persons).set({ oaFollowing: true }).where(eq(persons.id, person.id)).run();
    if (zalo !== false) {
      standin.addUser({
        followerId: followerId(person.id),
        appUserId: person.zaloAppUserId,
        name: person.name,
        ...zalo,
      });
    }
    return followerId(person.id);
  }

  function enqueue(personId: number, key: string, text = `Tin nhắn ${key}`, requestId?: number) {
    enqueueMessage(dbRef, {
      idempotencyKey: key,
      recipientFollowerId: followerId(personId),
      personId,
      purpose: "reply",
      requestId,
      message: { text },
      now: now(),
    });
  }

  const rows = () => dbRef.select().from(outboxMessages).orderBy(outboxMessages.id).all();
  const row = (key: string) => rows().find((r) => r.idempotencyKey === key);

  /** runOnce until nothing is due now; moves nothing in time. */
  async function drain(w = worker) {
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const n = await w.runOnce();
      total += n;
      if (n === 0) return total;
    }
    throw new Error("outbox did not settle");
  }

  /** Every sent row matches exactly one message at Zalo, and nothing reached Zalo twice. */
  function expectNoDuplicates() {
    const sentRows = rows().filter((r) => r.status === "sent");
    const atZalo = standin.sentMessages();
    expect(atZalo.length).toBe(sentRows.length);
    expect(new Set(sentRows.map((r) => r.idempotencyKey)).size).toBe(sentRows.length);
    expect(new Set(sentRows.map((r) => r.zaloMessageId))).toEqual(new Set(atZalo.map((m) => m.messageId)));
    expect(rows().filter((r) => r.status === "in_flight")).toEqual([]);
  }

  return {
    clock,
    standin,
    db: dbRef,
    world,
    config,
    logs,
    oa,
    oauthCalls,
    worker,
    makeWorker,
    follow,
    followerId,
    enqueue,
    rows,
    row,
    drain,
    expectNoDuplicates,
    url: server.url,
  };
}

describe("outbox: sending", () => {
  it("sends a message once, records Zalo's message id, and ignores a repeated idempotency key", async () => {
    const t = await setup();
    const { citizen } = t.world.people;
    t.follow(citizen);
    t.enqueue(citizen.id, "reply:1", "Chào bạn, tổ đã nhận yêu cầu.");
    t.enqueue(citizen.id, "reply:1", "Một lần nữa");
    expect(t.rows()).toHaveLength(1);

    expect(await t.worker.runOnce()).toBe(1);
    expect(await t.worker.runOnce()).toBe(0);
    const sent = t.standin.sentMessages();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toBe("Chào bạn, tổ đã nhận yêu cầu.");
    expect(sent[0]?.followerId).toBe(t.followerId(citizen.id));
    const r = t.row("reply:1");
    expect(r?.status).toBe("sent");
    expect(r?.zaloMessageId).toBe(sent[0]?.messageId);
    expect(r?.sentAt?.getTime()).toBe(t.clock.now);
    expect(r?.attempts).toBe(0);
    t.expectNoDuplicates();
  });

  it("retries a network error and HTTP 500 with growing delays, then sends", async () => {
    const t = await setup();
    const { citizen } = t.world.people;
    t.follow(citizen);
    t.enqueue(citizen.id, "reply:2");
    t.standin.failNext(1, "network");
    t.standin.failNext(2, "http500");

    const delays: number[] = [];
    const errors: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      expect(await t.worker.runOnce()).toBe(1);
      const r = t.row("reply:2");
      expect(r?.status).toBe("pending");
      expect(r?.attempts).toBe(i + 1);
      errors.push(r?.lastError ?? null);
      const delay = (r?.nextAttemptAt.getTime() ?? 0) - t.clock.now;
      delays.push(delay);
      // Not due yet: nothing is tried before the backoff is over.
      expect(await t.worker.runOnce()).toBe(0);
      t.clock.now += delay;
    }
    expect(errors[0]).toMatch(/^network/);
    expect(errors.slice(1)).toEqual(["http_500", "http_500"]);
    expect(delays).toEqual([2000, 4000, 8000]);
    expect(await t.worker.runOnce()).toBe(1);
    expect(t.row("reply:2")?.status).toBe("sent");
    expect(t.standin.sentMessages()).toHaveLength(1);
    t.expectNoDuplicates();
  });

  it("backoff doubles up to a 10-minute cap with ±20 % jitter", () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(2000);
    expect(retryDelayMs(2, () => 0.5)).toBe(4000);
    expect(retryDelayMs(20, () => 0.5)).toBe(600_000);
    expect(retryDelayMs(1, () => 0)).toBe(1600);
    expect(retryDelayMs(1, () => 1)).toBe(2400);
    expect(retryDelayMs(20, () => 1)).toBe(720_000);
    for (let attempt = 1; attempt < 12; attempt++) {
      // Even with the worst jitter, a later try never waits less than an earlier one.
      expect(retryDelayMs(attempt + 1, () => 0)).toBeGreaterThanOrEqual(
        Math.min(
          retryDelayMs(attempt, () => 1),
          480_000,
        ),
      );
    }
  });

  it("on a rate limit (-32) waits for the next minute, without burning the other messages", async () => {
    const t = await setup();
    const { citizen, citizen2 } = t.world.people;
    t.follow(citizen);
    t.follow(citizen2);
    t.enqueue(citizen.id, "a");
    t.enqueue(citizen2.id, "b");
    t.standin.failNext(1, "rate_limit");

    expect(await t.worker.runOnce()).toBe(1);
    const a = t.row("a");
    expect(a?.status).toBe("pending");
    expect(a?.lastError).toBe("rate_limited");
    expect(a?.errorCode).toBe(-32);
    const nextMinute = (Math.floor(t.clock.now / 60_000) + 1) * 60_000;
    expect(a?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(nextMinute);
    // The other message was not tried: the worker pauses until the next minute.
    expect(t.row("b")).toMatchObject({ status: "pending", attempts: 0 });
    expect(t.worker.pacer.waitMs(t.clock.now)).toBe(nextMinute - t.clock.now);
    t.clock.now += 30_000;
    expect(await t.worker.runOnce()).toBe(0);
    t.clock.now = nextMinute + 1000;
    await t.drain();
    expect(t.rows().map((r) => r.status)).toEqual(["sent", "sent"]);
    t.expectNoDuplicates();
  });

  it("a send that times out is recorded as uncertain and never sent again", async () => {
    const t = await setup();
    const { citizen } = t.world.people;
    t.follow(citizen);
    t.enqueue(citizen.id, "slow");
    let first = true;
    const oa = createOaClient({
      openApiUrl: `${t.url}/openapi`,
      oauthUrl: `${t.url}/oauth`,
      appId: SANDBOX_ZALO.appId,
      appSecret: SANDBOX_ZALO.appSecret,
      fetch: async (input, init) => {
        if (first) {
          first = false;
          throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
        }
        return fetch(input, init);
      },
    });
    const worker = t.makeWorker({ oa });
    expect(await worker.runOnce()).toBe(1);
    expect(t.row("slow")).toMatchObject({ status: "uncertain", lastError: "timed_out_maybe_delivered" });
    t.clock.now += DAY;
    expect(await worker.runOnce()).toBe(0);
    expect(undeliveredCount(t.db)).toBe(1);
  });
});

describe("outbox: OA access token", () => {
  it("refreshes exactly once for many messages and concurrent runs, and persists the new pair", async () => {
    const t = await setup({ worker: { batchSize: 5 } });
    const people = [t.world.people.citizen, t.world.people.citizen2, t.world.people.member1];
    for (const p of people) t.follow(p);
    for (let i = 0; i < 24; i++) t.enqueue(people[i % 3]?.id ?? 0, `m:${i}`, `Tin số ${i}`);
    t.standin.expireAccessToken();

    const other = t.makeWorker();
    await Promise.all([t.worker.runOnce(), t.worker.runOnce(), other.runOnce()]);
    await Promise.all([t.drain(), t.drain(other)]);

    expect(t.standin.refreshCount()).toBe(1);
    expect(t.oauthCalls.count).toBe(1);
    expect(t.rows().every((r) => r.status === "sent")).toBe(true);
    // A token failure costs a message at most one try.
    expect(Math.max(...t.rows().map((r) => r.attempts))).toBeLessThanOrEqual(1);
    const tokens = readTokens(t.db);
    expect(tokens?.accessToken).not.toBe(SANDBOX_ZALO.oaAccessToken);
    expect(tokens?.refreshToken).not.toBe(SANDBOX_ZALO.oaRefreshToken);
    expect(tokens?.refreshingUntil).toBeNull();
    expect(tokens?.lastRefreshError).toBeNull();
    expect(tokens?.expiresAt.getTime()).toBe(t.clock.now + 90_000_000);
    // The stored refresh token is the live one; the old one is spent and was never presented again.
    const live = t.standin.liveTokens();
    expect(live.refreshTokens).toEqual([tokens?.refreshToken]);
    expect(live.accessTokens).toEqual([tokens?.accessToken]);
    t.expectNoDuplicates();
    expect(t.standin.sentMessages()).toHaveLength(24);

    // Nothing secret or personal reaches the log.
    const log = t.logs.join("\n");
    for (const secret of [
      SANDBOX_ZALO.oaAccessToken,
      SANDBOX_ZALO.oaRefreshToken,
      tokens?.accessToken ?? "",
      tokens?.refreshToken ?? "",
      "Tin số 1",
      t.followerId(people[0]?.id ?? 0),
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain("OA access token refreshed");
  });

  it("two processes on one database never refresh at once (the row lease)", async () => {
    const file = fileDatabase();
    closers.push(() => file.handle.close());
    const t = await setup({ db: file.handle.db });
    const second = openDatabase(file.path);
    closers.push(() => second.close());
    const people = [t.world.people.citizen, t.world.people.citizen2];
    for (const p of people) t.follow(p);
    for (let i = 0; i < 10; i++) t.enqueue(people[i % 2]?.id ?? 0, `p:${i}`);
    t.standin.expireAccessToken();

    const a = t.worker;
    const b = t.makeWorker({}, second.db);
    await Promise.all([a.runOnce(), b.runOnce()]);
    for (let i = 0; i < 5 && t.rows().some((r) => r.status !== "sent"); i++) {
      await Promise.all([t.drain(a), t.drain(b)]);
      t.clock.now += 2500;
    }
    expect(t.rows().every((r) => r.status === "sent")).toBe(true);
    expect(t.standin.refreshCount()).toBe(1);
    expect(readTokens(t.db)?.lastRefreshError).toBeNull();
    t.expectNoDuplicates();
  });

  it("a rejected refresh keeps the messages pending with a visible error, and nothing is lost", async () => {
    // The configured refresh token is one Zalo does not know (spent elsewhere).
    const t = await setup({ refreshToken: "spent-refresh-token" });
    const { citizen, citizen2 } = t.world.people;
    t.follow(citizen);
    t.follow(citizen2);
    t.enqueue(citizen.id, "x");
    t.enqueue(citizen2.id, "y");
    t.standin.expireAccessToken();

    await t.drain();
    expect(t.standin.refreshCount()).toBe(0);
    expect(t.oauthCalls.count).toBe(1);
    const x = t.row("x");
    expect(x?.status).toBe("pending");
    expect(x?.lastError).toMatch(/^oa_token: rejected: /);
    // The rest of the batch waited, untouched.
    expect(t.row("y")).toMatchObject({ status: "pending", attempts: 0 });
    const tokens = readTokens(t.db);
    expect(tokens?.refreshToken).toBe("spent-refresh-token");
    expect(tokens?.accessToken).toBe(SANDBOX_ZALO.oaAccessToken);
    expect(tokens?.lastRefreshError).toMatch(/^rejected: /);
    const errors = t.logs.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
    expect(errors.some((l) => /re-authorize/.test(l.msg))).toBe(true);
    expect(t.logs.join("\n")).not.toContain("spent-refresh-token");

    // A refused refresh token is not presented again.
    t.clock.now += 60_000;
    await t.drain();
    expect(t.oauthCalls.count).toBe(1);

    // An administrator re-authorizes the OA and configures the new pair: everything goes out.
    const fresh = await t.oa.refreshAccessToken(SANDBOX_ZALO.oaRefreshToken);
    if (fresh.kind !== "refreshed") throw new Error("stand-in refused the refresh");
    const reauthorized = liveConfig(t.url, { access: fresh.accessToken, refresh: fresh.refreshToken });
    expect(ensureTokens(t.db, reauthorized, new Date(t.clock.now))).toBe("replaced");
    t.clock.now += 10 * 60_000;
    await t.drain();
    expect(t.rows().map((r) => r.status)).toEqual(["sent", "sent"]);
    t.expectNoDuplicates();
  });

  it("refreshes ahead of expiry, before any message fails", async () => {
    const t = await setup();
    const { citizen } = t.world.people;
    t.follow(citizen);
    ensureTokens(t.db, t.config, new Date(t.clock.now));
    t.clock.now += 24.5 * 3_600_000;
    t.enqueue(citizen.id, "late");
    expect(await t.worker.runOnce()).toBe(1);
    expect(t.standin.refreshCount()).toBe(1);
    expect(t.row("late")).toMatchObject({ status: "sent", attempts: 0 });
  });

  it("keeps a stored pair over the configuration in live mode and resets it in sandbox mode", () => {
    const { db, close } = memoryDatabase();
    closers.push(close);
    const live = liveConfig("http://127.0.0.1:9");
    expect(ensureTokens(db, live, T0)).toBe("seeded");
    expect(readTokens(db)?.expiresAt.getTime()).toBe(T0.getTime() + 25 * 3_600_000);
    db.update(oaTokens).set({ accessToken: "rotated-a", refreshToken: "rotated-r" }).run();
    expect(ensureTokens(db, live, T0)).toBe("kept");
    expect(readTokens(db)?.refreshToken).toBe("rotated-r");
    expect(ensureTokens(db, parseEnv({}), T0)).toBe("replaced");
    expect(readTokens(db)?.refreshToken).toBe(SANDBOX_ZALO.oaRefreshToken);
  });
});

describe("outbox: permanent failures and crashes", () => {
  it("not a follower, blocked, outside the 7-day window: failed with the reason, never retried", async () => {
    const t = await setup();
    const { citizen, citizen2, member1, leader1 } = t.world.people;
    t.follow(citizen, false); // follows in our records, unknown to Zalo
    t.follow(citizen2, { blocked: true });
    t.follow(member1, { lastInteractionAt: T0.getTime() - 8 * DAY });
    t.follow(leader1);
    const request = t.db
      .insert(requests)
      .values({
        kind: "help",
        category: "vneid",
        text: "Cần giúp cài VNeID",
        villageId: t.world.units.village1,
        communeId: t.world.units.commune,
        routedTo: "team",
        filedByPersonId: citizen.id,
        requesterPersonId: citizen.id,
        status: "new",
        claimDueAt: T0,
        resolveDueAt: T0,
        updatedAt: T0,
      })
      .returning()
      .get();
    t.enqueue(citizen.id, "nf", "a", request.id);
    t.enqueue(citizen2.id, "bl", "b", request.id);
    t.enqueue(member1.id, "win", "c", request.id);
    t.enqueue(leader1.id, "ok", "d", request.id);

    expect(await t.drain()).toBe(4);
    expect(t.row("nf")).toMatchObject({ status: "failed", lastError: "not_a_follower", errorCode: -213 });
    expect(t.row("bl")).toMatchObject({ status: "failed", lastError: "blocked_by_user", errorCode: -244 });
    expect(t.row("win")).toMatchObject({
      status: "failed",
      lastError: "outside_interaction_window",
      errorCode: -230,
    });
    expect(t.row("ok")?.status).toBe("sent");
    const calls = t.standin.callCount();
    t.clock.now += 7 * DAY;
    expect(await t.drain()).toBe(0);
    expect(t.standin.callCount()).toBe(calls);

    const undelivered = undeliveredForRequest(t.db, request.id);
    expect(undelivered.map((u) => u.reason).sort()).toEqual([
      "blocked_by_user",
      "not_a_follower",
      "outside_interaction_window",
    ]);
    expect(undelivered.find((u) => u.reason === "outside_interaction_window")?.label).toContain("7 ngày");
    expect(undeliveredCount(t.db)).toBe(3);
    expect(undeliveredCount(t.db, t.world.units.commune)).toBe(3);
    expect(undeliveredCount(t.db, t.world.units.otherCommune)).toBe(0);
    t.expectNoDuplicates();
  });

  it("gives up after maxAttempts with retries_exhausted and the last reason", async () => {
    const t = await setup({ worker: { maxAttempts: 3 } });
    const { citizen } = t.world.people;
    t.follow(citizen);
    t.enqueue(citizen.id, "doomed");
    t.standin.failNext(5, "http500");
    for (let i = 0; i < 5; i++) {
      await t.worker.runOnce();
      t.clock.now += 60 * 60_000;
    }
    expect(t.row("doomed")).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "retries_exhausted: http_500",
    });
    expect(t.standin.callCount()).toBe(3);
    expect(undeliveredReasonLabel("retries_exhausted: http_500")).toContain("nhiều lần");
    expect(t.standin.sentMessages()).toHaveLength(0);
  });

  it("after a crash, a message left in flight becomes uncertain and is never sent", async () => {
    const t = await setup();
    const { citizen, citizen2 } = t.world.people;
    t.follow(citizen);
    t.follow(citizen2);
    t.enqueue(citizen.id, "inflight");
    t.enqueue(citizen2.id, "fresh");
    // The previous process marked it in flight, called Zalo, and died before recording the answer.
    t.db
      .update(outboxMessages)
      .set({ status: "in_flight" })
      .where(eq(outboxMessages.idempotencyKey, "inflight"))
      .run();

    expect(t.worker.recoverAfterCrash()).toBe(1);
    expect(t.row("inflight")).toMatchObject({ status: "uncertain", lastError: CRASHED_WHILE_SENDING });
    await t.drain();
    t.clock.now += DAY;
    await t.drain();
    expect(t.row("inflight")?.status).toBe("uncertain");
    expect(t.row("fresh")?.status).toBe("sent");
    expect(t.standin.sentMessages().map((m) => m.followerId)).toEqual([t.followerId(citizen2.id)]);
    expect(undeliveredCount(t.db)).toBe(1);
    t.expectNoDuplicates();
  });

  it("start() recovers, sends when notified, and stop() ends the loop", async () => {
    const t = await setup({ worker: { idleMs: 20 } });
    const { citizen, citizen2 } = t.world.people;
    t.follow(citizen);
    t.follow(citizen2);
    t.enqueue(citizen.id, "left");
    t.db.update(outboxMessages).set({ status: "in_flight" }).run();
    t.worker.start();
    expect(t.row("left")?.status).toBe("uncertain");
    t.enqueue(citizen2.id, "new");
    t.worker.notify();
    for (let i = 0; i < 250 && t.row("new")?.status !== "sent"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await t.worker.stop();
    expect(t.row("new")?.status).toBe("sent");
    t.enqueue(citizen2.id, "after-stop");
    t.worker.notify();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.row("after-stop")?.status).toBe("pending");
    t.expectNoDuplicates();
  });
});

describe("outbox: pacing", () => {
  it("never sends more than ratePerMinute in any rolling minute", async () => {
    const t = await setup({ worker: { ratePerMinute: 5 }, standin: { rateLimitPerMinute: 5 } });
    const { citizen, citizen2 } = t.world.people;
    t.follow(citizen);
    t.follow(citizen2);
    for (let i = 0; i < 12; i++) t.enqueue(i % 2 ? citizen.id : citizen2.id, `pace:${i}`);

    const perRun: number[] = [];
    for (let i = 0; i < 30 && t.rows().some((r) => r.status !== "sent"); i++) {
      perRun.push(await t.worker.runOnce());
      t.clock.now += 10_000;
    }
    expect(perRun[0]).toBe(5);
    expect(t.rows().every((r) => r.status === "sent")).toBe(true);
    // Zalo never had to refuse a call.
    expect(t.rows().every((r) => r.attempts === 0)).toBe(true);
    const times = t.standin.sentMessages().map((m) => m.at);
    expect(times).toHaveLength(12);
    for (const start of times) {
      expect(times.filter((at) => at >= start && at < start + 60_000).length).toBeLessThanOrEqual(5);
    }
    t.expectNoDuplicates();
  });

  it("the pacer's sliding window", () => {
    const pacer = createPacer(3);
    for (const at of [0, 10, 20]) {
      expect(pacer.canSend(at)).toBe(true);
      pacer.record(at);
    }
    expect(pacer.canSend(30)).toBe(false);
    expect(pacer.waitMs(30)).toBe(59_970);
    expect(pacer.canSend(60_000)).toBe(true);
    pacer.pauseUntil(120_000);
    expect(pacer.canSend(90_000)).toBe(false);
    expect(pacer.waitMs(90_000)).toBe(30_000);
  });
});

describe("outbox: announcements", () => {
  function announce(db: Db, communeId: number, villageIds: number[] | null) {
    return db
      .insert(announcements)
      .values({
        communeId,
        title: "Lịch tiêm chủng",
        body: "Thứ Bảy này trạm y tế xã tiêm chủng mở rộng cho trẻ em.",
        villageIds,
        publishedAt: T0,
      })
      .returning()
      .get().id;
  }

  it("queues to the followers of the chosen villages only, and reports delivery", async () => {
    const t = await setup();
    const p = t.world.people;
    const u = t.world.units;
    // Village 1: leader1 (delivered after a retry), member1 (blocked), member1b (outside the
    // window), admin (unknown to Zalo), citizen (not following: not queued).
    t.follow(p.leader1);
    t.follow(p.member1, { blocked: true });
    t.follow(p.member1b, { lastInteractionAt: T0.getTime() - 10 * DAY });
    t.follow(p.admin, false);
    // Village 2 and the other commune follow too, but are not chosen.
    for (const person of [p.leader2, p.member2, p.citizen2, p.otherMember]) t.follow(person);

    const id = announce(t.db, u.commune, [u.village1, u.otherVillage]);
    expect(queueAnnouncement(t.db, id, new Date(t.clock.now))).toBe(4);
    expect(queueAnnouncement(t.db, id, new Date(t.clock.now))).toBe(0);
    expect(t.rows()).toHaveLength(4);
    expect(deliveryReport(t.db, id)).toMatchObject({ total: 4, sent: 0, pending: 4, undeliverable: [] });

    t.standin.failNext(1, "http500");
    await t.drain();
    const report = deliveryReport(t.db, id);
    expect(report).toMatchObject({ total: 4, sent: 0, pending: 1, uncertain: 0 });
    expect(report.undeliverable.map((x) => [x.reason, x.count]).sort()).toEqual([
      ["blocked_by_user", 1],
      ["not_a_follower", 1],
      ["outside_interaction_window", 1],
    ]);
    expect(report.undeliverable.every((x) => x.label.length > 0)).toBe(true);
    expect(report.byVillage).toEqual([
      expect.objectContaining({ villageId: u.village1, total: 4, pending: 1 }),
    ]);

    t.clock.now += 60_000;
    await t.drain();
    const done = deliveryReport(t.db, id);
    expect(done).toMatchObject({ total: 4, sent: 1, pending: 0 });
    const sent = t.standin.sentMessages();
    expect(sent.map((m) => m.followerId)).toEqual([t.followerId(p.leader1.id)]);
    expect(sent[0]?.text).toContain("Lịch tiêm chủng");
    expect(sent[0]?.text).toContain("trạm y tế xã");
    t.expectNoDuplicates();
  });

  it("without villageIds reaches every village of the commune; an empty list reaches nobody", async () => {
    const t = await setup();
    const p = t.world.people;
    const u = t.world.units;
    for (const person of [p.leader1, p.leader2, p.formerMember3, p.otherMember]) t.follow(person);
    const all = announce(t.db, u.commune, null);
    expect(queueAnnouncement(t.db, all, new Date(t.clock.now))).toBe(3);
    const keys = t.rows().map((r) => r.idempotencyKey);
    expect(keys).toEqual(
      [p.leader1.id, p.leader2.id, p.formerMember3.id].map((pid) => `announcement:${all}:${pid}`),
    );
    const none = announce(t.db, u.commune, []);
    expect(queueAnnouncement(t.db, none, new Date(t.clock.now))).toBe(0);
    await t.drain();
    const report = deliveryReport(t.db, all);
    expect(report).toMatchObject({ total: 3, sent: 3, pending: 0, uncertain: 0, undeliverable: [] });
    expect(report.byVillage.map((v) => v.villageId)).toEqual([u.village1, u.village2, u.village3]);
    t.expectNoDuplicates();
  });
});
