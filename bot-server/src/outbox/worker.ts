/**
 * The outbox worker: sends the rows of `outbox_messages` through `POST /v3.0/oa/message/cs`
 * (SPEC §4.1 Outbound, §7 Nothing lost; conventions-and-performance.md §B7).
 *
 * - Zalo's send API has no idempotency key, so a row is marked `in_flight` (committed) before
 *   the call. A row still in flight when the process starts again becomes `uncertain` (most
 *   likely delivered), shown to staff and never sent again. A send that timed out is treated
 *   the same way: Zalo may have delivered it.
 * - Network errors, 5xx and unknown Zalo codes are retried with exponential backoff and jitter;
 *   a rate limit (`-32`) pauses sending until the next minute. After `maxAttempts` failed tries
 *   the row is `failed` with `retries_exhausted: <last reason>`.
 * - `-216` / `-220`: the token is refreshed once (single-flight, oa-tokens.ts) and the row goes
 *   again at once; a refresh that fails backs off like any retry, and nothing more is sent with
 *   the refused token: the other messages wait, untouched, until a refresh works or the OA is
 *   re-authorized (`needsReauthorization()` tells staff).
 * - Permanent errors (not a follower, outside the 7-day window, blocked, bad payload…) make the
 *   row `failed` with the reason and Zalo's code, at the first answer.
 * - Pacing: never more than `ratePerMinute` calls in any rolling minute (a sliding window).
 *
 * One loop per process (a setTimeout chain, no overlapping runs), woken early by `notify()`.
 * Logs carry the row id, purpose, outcome and attempt: never the text, tokens or follower ids.
 */
import { and, asc, eq, lte } from "drizzle-orm";
import type { Db } from "../db/client";
import { outboxMessages } from "../db/schema";
import type { Config } from "../env";
import type { Logger } from "../lib/logger";
import type { OaClient, SendOutcome } from "../zalo/oa-client";
import {
  currentAccessToken,
  ensureTokens,
  refreshIfExpiring,
  refreshTokens,
  type TokenDeps,
} from "./oa-tokens";

export const RETRY_BASE_MS = 2000;
export const RETRY_CAP_MS = 10 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_BATCH_SIZE = 50;
const DEFAULT_IDLE_MS = 500;
/** Another process holds the token-refresh lease: look again this much later. */
const REFRESH_BUSY_DELAY_MS = 2000;
const MINUTE_MS = 60_000;

/** The `lastError` of a row that was in flight when the process stopped. */
export const CRASHED_WHILE_SENDING = "crashed_while_sending";
/** The `lastError` of a row whose send timed out: Zalo may have delivered it. */
export const TIMED_OUT_MAYBE_DELIVERED = "timed_out_maybe_delivered";

export interface OutboxWorkerOptions {
  db: Db;
  oa: Pick<OaClient, "sendCs" | "refreshAccessToken">;
  config: Config;
  logger: Logger;
  now: () => Date;
  /** Default `config.zaloRateLimitPerMinute` (ZALO_RATE_LIMIT_PER_MINUTE, 4,000). */
  ratePerMinute?: number;
  /** Rows read per run (default 50). */
  batchSize?: number;
  /** Failed tries before a row is given up as `failed` (default 8). */
  maxAttempts?: number;
  /** Pause of the loop when nothing is due (default 500 ms). */
  idleMs?: number;
  /** For jitter; Math.random by default. */
  random?: () => number;
}

export interface OutboxWorker {
  /** Recovers crashed sends (once), then runs the loop until `stop()`. */
  start(): void;
  /** Ends the loop after the message being sent, if any; resolves when it has. */
  stop(): Promise<void>;
  /** Something was enqueued: run now instead of at the end of the idle pause. */
  notify(): void;
  /** Tries to send what is due now; returns how many rows it tried (whatever the outcome). */
  runOnce(): Promise<number>;
  /** Every `in_flight` row becomes `uncertain` (never re-sent); returns how many. */
  recoverAfterCrash(): number;
}

/** `min(base·2^(attempt−1), cap)` ± 20 % jitter, for the `attempt`-th failed try (1-based). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const raw = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1), RETRY_CAP_MS);
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/** Sliding window over the last minute of calls: never more than `rate` in any 60 s. */
export function createPacer(ratePerMinute: number) {
  const rate = Math.max(1, Math.floor(ratePerMinute));
  const sends: number[] = [];
  let pausedUntil = 0;
  const prune = (now: number) => {
    while (sends.length > 0 && (sends[0] as number) <= now - MINUTE_MS) sends.shift();
  };
  return {
    /** Whether a call may go now. */
    canSend(now: number): boolean {
      prune(now);
      return now >= pausedUntil && sends.length < rate;
    },
    record(now: number): void {
      sends.push(now);
    },
    /** No call before `until` (Zalo said we are over its limit). */
    pauseUntil(until: number): void {
      pausedUntil = Math.max(pausedUntil, until);
    },
    /** Milliseconds until a call may go (0: now). */
    waitMs(now: number): number {
      prune(now);
      const windowWait = sends.length >= rate ? (sends[0] as number) + MINUTE_MS - now : 0;
      return Math.max(0, pausedUntil - now, windowWait);
    },
  };
}

type Row = typeof outboxMessages.$inferSelect;

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker & {
  pacer: ReturnType<typeof createPacer>;
} {
  const { db, oa, config, logger, now } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const random = options.random ?? Math.random;
  const pacer = createPacer(options.ratePerMinute ?? config.zaloRateLimitPerMinute);
  const tokenDeps: TokenDeps = { db, oa, logger, now };

  let tokensReady = false;
  let recovered = false;
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wake = false;
  /** An access token Zalo refused and that could not be replaced: nothing is sent with it. */
  let deadToken: string | null = null;

  function ensureReady() {
    if (tokensReady && currentAccessToken(db) !== null) return;
    const result = ensureTokens(db, config, now(), logger);
    if (result !== "kept") logger.info({ result }, "OA token pair stored");
    tokensReady = true;
  }

  function recoverAfterCrash(): number {
    recovered = true;
    const at = now();
    const result = db
      .update(outboxMessages)
      .set({ status: "uncertain", lastError: CRASHED_WHILE_SENDING, updatedAt: at })
      .where(eq(outboxMessages.status, "in_flight"))
      .run();
    if (result.changes > 0) {
      logger.warn(
        { count: result.changes },
        "outbox messages were being sent when the server stopped: marked uncertain, not re-sent",
      );
    }
    return result.changes;
  }

  /** Marks the row in flight, committed, before Zalo is called; null if someone else has it. */
  function claim(id: number, at: Date): Row | undefined {
    return db
      .update(outboxMessages)
      .set({ status: "in_flight", updatedAt: at })
      .where(
        and(
          eq(outboxMessages.id, id),
          eq(outboxMessages.status, "pending"),
          lte(outboxMessages.nextAttemptAt, at),
        ),
      )
      .returning()
      .get();
  }

  function finish(row: Row, values: Partial<typeof outboxMessages.$inferInsert>) {
    db.update(outboxMessages)
      .set({ ...values, updatedAt: now() })
      .where(and(eq(outboxMessages.id, row.id), eq(outboxMessages.status, "in_flight")))
      .run();
  }

  function logOutcome(row: Row, outcome: string, attempt: number, extra: Record<string, unknown> = {}) {
    const fields = { outboxId: row.id, purpose: row.purpose, outcome, attempt, ...extra };
    if (outcome === "sent") logger.debug(fields, "outbox message sent");
    else if (outcome === "retry") logger.info(fields, "outbox message will be retried");
    else logger.warn(fields, "outbox message not delivered");
  }

  /** A failed try: back to pending after `delayMs`, or `failed` once the tries are used up. */
  function retryLater(row: Row, reason: string, code: number | undefined, delayMs: number) {
    const attempts = row.attempts + 1;
    if (attempts >= maxAttempts) {
      finish(row, {
        status: "failed",
        attempts,
        lastError: `retries_exhausted: ${reason}`,
        errorCode: code ?? null,
      });
      logOutcome(row, "failed", attempts, { reason: `retries_exhausted: ${reason}` });
      return;
    }
    finish(row, {
      status: "pending",
      attempts,
      nextAttemptAt: new Date(now().getTime() + delayMs),
      lastError: reason,
      errorCode: code ?? null,
    });
    logOutcome(row, "retry", attempts, { reason, delayMs });
  }

  /** Records the outcome; false when the rest of the batch should wait (no usable token). */
  async function settle(row: Row, outcome: SendOutcome, tokenUsed: string): Promise<boolean> {
    const attempt = row.attempts + 1;
    switch (outcome.kind) {
      case "sent":
        finish(row, {
          status: "sent",
          zaloMessageId: outcome.messageId,
          sentAt: now(),
          lastError: null,
          errorCode: null,
        });
        logOutcome(row, "sent", attempt);
        return true;
      case "permanent":
        finish(row, {
          status: "failed",
          attempts: attempt,
          lastError: outcome.reason,
          errorCode: outcome.code,
        });
        logOutcome(row, "failed", attempt, { reason: outcome.reason, code: outcome.code });
        return true;
      case "retry": {
        if (/^network: (TimeoutError|AbortError)/.test(outcome.reason)) {
          // The request left; Zalo may have delivered it. At most once: do not send it again.
          finish(row, { status: "uncertain", attempts: attempt, lastError: TIMED_OUT_MAYBE_DELIVERED });
          logOutcome(row, "uncertain", attempt, { reason: outcome.reason });
          return true;
        }
        if (outcome.rateLimited) {
          const nextMinute = (Math.floor(now().getTime() / MINUTE_MS) + 1) * MINUTE_MS;
          pacer.pauseUntil(nextMinute);
          const delay = nextMinute - now().getTime() + Math.round(random() * 1000);
          retryLater(row, outcome.reason, outcome.code, delay);
          return true;
        }
        retryLater(row, outcome.reason, outcome.code, retryDelayMs(attempt, random));
        return true;
      }
      case "token": {
        // Off in_flight first (as a failed try): a crash during the refresh must not leave it
        // "uncertain" when Zalo certainly did not deliver it.
        retryLater(row, outcome.reason, outcome.code, retryDelayMs(attempt, random));
        const refreshed = await refreshTokens({ ...tokenDeps, rejectedToken: tokenUsed });
        if (refreshed.kind === "failed") {
          deadToken = tokenUsed;
          db.update(outboxMessages)
            .set({ lastError: `oa_token: ${refreshed.reason}`, updatedAt: now() })
            .where(and(eq(outboxMessages.id, row.id), eq(outboxMessages.status, "pending")))
            .run();
          return false;
        }
        // A new token (or another process's refresh in progress): go again soon, no backoff.
        const delay = refreshed.kind === "busy" ? REFRESH_BUSY_DELAY_MS : 0;
        db.update(outboxMessages)
          .set({ nextAttemptAt: new Date(now().getTime() + delay), updatedAt: now() })
          .where(and(eq(outboxMessages.id, row.id), eq(outboxMessages.status, "pending")))
          .run();
        return refreshed.kind !== "busy";
      }
    }
  }

  async function runOnce(): Promise<number> {
    ensureReady();
    await refreshIfExpiring(tokenDeps);
    if (deadToken !== null && currentAccessToken(db) === deadToken) {
      // Messages wait, untouched, until a refresh works (or the OA is re-authorized); the token
      // store paces the refresh attempts and never presents a refused refresh token again.
      const refreshed = await refreshTokens({ ...tokenDeps, rejectedToken: deadToken });
      if (refreshed.kind === "failed" || refreshed.kind === "busy") return 0;
    }
    deadToken = null;
    const due = db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, "pending"), lte(outboxMessages.nextAttemptAt, now())))
      .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.id))
      .limit(batchSize)
      .all();
    let tried = 0;
    for (const { id } of due) {
      if (stopping) break;
      const at = now();
      if (!pacer.canSend(at.getTime())) break;
      const row = claim(id, at);
      if (!row) continue;
      pacer.record(at.getTime());
      tried += 1;
      const token = currentAccessToken(db) ?? "";
      let outcome: SendOutcome;
      try {
        outcome = await oa.sendCs(token, {
          recipient: { user_id: row.recipientFollowerId },
          message: row.message,
        });
      } catch (error) {
        // We cannot know whether it left: record it as uncertain rather than risk a second send.
        finish(row, {
          status: "uncertain",
          attempts: row.attempts + 1,
          lastError: "send_error_maybe_delivered",
        });
        logger.error({ err: error, outboxId: row.id, purpose: row.purpose }, "outbox send threw");
        continue;
      }
      try {
        // Without a usable token the rest of the batch waits, untouched, for the next run.
        if (!(await settle(row, outcome, token))) break;
      } catch (error) {
        // The row stays in flight and is recovered as uncertain at the next start.
        logger.error({ err: error, outboxId: row.id, purpose: row.purpose }, "outbox bookkeeping failed");
      }
    }
    return tried;
  }

  function schedule(ms: number) {
    if (stopping) return;
    timer = setTimeout(tick, ms);
    timer.unref?.();
  }

  function tick() {
    timer = undefined;
    wake = false;
    let tried = 0;
    running = runOnce()
      .then((n) => {
        tried = n;
      })
      .catch((error) => {
        logger.error({ err: error }, "outbox run failed");
      })
      .finally(() => {
        running = undefined;
        if (stopping) return;
        const wait = pacer.waitMs(now().getTime());
        if (wait > 0) schedule(Math.min(wait, MINUTE_MS));
        else if (wake || tried >= batchSize) schedule(0);
        else schedule(idleMs);
      });
  }

  return {
    pacer,
    recoverAfterCrash,
    runOnce,
    start() {
      if (started) return;
      started = true;
      stopping = false;
      wake = false;
      ensureReady();
      if (!recovered) recoverAfterCrash();
      schedule(0);
    },
    async stop() {
      stopping = true;
      started = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    notify() {
      if (stopping || !started) return;
      if (running) {
        wake = true;
        return;
      }
      if (timer) clearTimeout(timer);
      schedule(0);
    },
  };
}
