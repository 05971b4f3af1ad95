/**
 * The inbox worker: processes stored webhook events in order, each in ONE transaction with
 * everything it causes (requests, conversation state, outbox messages) and the flip to
 * `processed`. A crash before the commit leaves the event pending, so it is processed after the
 * restart; a crash after it leaves it processed. Either way: exactly once.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { webhookEvents } from "../db/schema";
import type { Logger } from "../lib/logger";
import { type ZaloEvent, zaloEventSchema } from "./events";

type EventRow = typeof webhookEvents.$inferSelect;

/** Events processed per turn of the event loop in the background loop. */
const SLICE = 1;

export interface InboxWorkerDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  handle: (tx: Tx, eventId: number, event: ZaloEvent) => void;
  /** Called after a batch committed something (the outbox worker may have work). */
  afterBatch?: () => void;
  maxAttempts?: number;
  idleMs?: number;
}

export function createInboxWorker(deps: InboxWorkerDeps) {
  const maxAttempts = deps.maxAttempts ?? 5;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let stopped = true;
  let loop: Promise<void> = Promise.resolve();

  function markUnprocessable(row: EventRow, status: "ignored" | "failed", error: string) {
    deps.db
      .update(webhookEvents)
      .set({ status, error, attempts: row.attempts + 1, processedAt: deps.now() })
      .where(and(eq(webhookEvents.id, row.id), eq(webhookEvents.status, "pending")))
      .run();
  }

  /** True when the event left `pending` (processed, ignored or failed for good). */
  function processOne(row: EventRow): boolean {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.rawBody);
    } catch {
      markUnprocessable(row, "ignored", "not JSON");
      return true;
    }
    const event = zaloEventSchema.safeParse(parsed);
    if (!event.success) {
      const issue = event.error.issues[0];
      deps.logger.warn(
        { eventId: row.id, eventName: row.eventName },
        "webhook event ignored: unknown or malformed",
      );
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      markUnprocessable(row, "ignored", `unknown or malformed ${row.eventName}: ${where}${issue?.message}`);
      return true;
    }
    try {
      deps.db.transaction(
        (tx) => {
          deps.handle(tx, row.id, event.data);
          const done = tx
            .update(webhookEvents)
            .set({
              status: "processed",
              processedAt: deps.now(),
              attempts: sql`${webhookEvents.attempts} + 1`,
            })
            .where(and(eq(webhookEvents.id, row.id), eq(webhookEvents.status, "pending")))
            .run();
          if (done.changes !== 1) throw new Error("event already processed");
        },
        { behavior: "immediate" },
      );
      return true;
    } catch (error) {
      const attempts = row.attempts + 1;
      deps.logger.error({ err: error, eventId: row.id, attempts }, "webhook event failed");
      if (attempts >= maxAttempts) {
        markUnprocessable(row, "failed", String((error as Error).message ?? error).slice(0, 500));
        return true;
      }
      deps.db
        .update(webhookEvents)
        .set({ attempts, error: String(error).slice(0, 500) })
        .where(eq(webhookEvents.id, row.id))
        .run();
      return false;
    }
  }

  /** Processes what is pending now; returns how many events were completed (processed or not). */
  function runOnce(limit = 100): number {
    const batch = deps.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.status, "pending"))
      .orderBy(asc(webhookEvents.id))
      .limit(limit)
      .all();
    let completed = 0;
    for (const row of batch) if (processOne(row)) completed += 1;
    if (batch.length > 0) deps.afterBatch?.();
    return completed;
  }

  let immediate: NodeJS.Immediate | undefined;

  function schedule(delay: number) {
    if (stopped) return;
    clearTimeout(timer);
    clearImmediate(immediate);
    // setImmediate lets pending I/O (webhook acknowledgements) run between two events.
    if (delay === 0) immediate = setImmediate(tick);
    else timer = setTimeout(tick, delay);
  }

  /** Consecutive runs that completed nothing while events were pending: back off from retries. */
  let failedRuns = 0;

  function tick() {
    if (running || stopped) return;
    running = true;
    loop = (async () => {
      let completed = 0;
      try {
        // One event per turn of the event loop: processing runs synchronously on SQLite, and the
        // webhook must keep answering Zalo within milliseconds while a backlog drains.
        completed = runOnce(SLICE);
      } catch (error) {
        deps.logger.error({ err: error }, "inbox worker failed");
      } finally {
        running = false;
      }
      const pending = deps.db
        .select({ id: webhookEvents.id })
        .from(webhookEvents)
        .where(eq(webhookEvents.status, "pending"))
        .limit(1)
        .get();
      failedRuns = completed === 0 && pending ? failedRuns + 1 : 0;
      // Keep going while a backlog drains; a failing event is retried after 1 s, 2 s, 4 s… (≤ 30 s)
      // so a passing fault (a locked database) does not burn its attempts in a few milliseconds.
      const idle = deps.idleMs ?? 1000;
      schedule(
        pending && failedRuns === 0 ? 0 : pending ? Math.min(idle * 2 ** (failedRuns - 1), 30_000) : idle,
      );
    })();
  }

  return {
    runOnce,
    start() {
      stopped = false;
      schedule(0);
    },
    /** A new event was stored: process it now rather than at the next idle tick. */
    notify() {
      if (!running) schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearImmediate(immediate);
      await loop;
    },
  };
}

export type InboxWorker = ReturnType<typeof createInboxWorker>;
