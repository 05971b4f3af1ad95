/**
 * The inbox: every webhook event that passed the signature check is stored here before Zalo
 * gets its 200. A retried or replayed event has the same dedupe key and is stored once.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { webhookEvents } from "../db/schema";

/** `msg:<message.msg_id>` when the event carries one, else a hash of the exact bytes. */
export function dedupeKeyOf(rawBody: string, parsed: unknown): string {
  const message = (parsed as { message?: { msg_id?: unknown } } | null)?.message;
  if (typeof message?.msg_id === "string" && message.msg_id !== "") {
    const name = (parsed as { event_name?: unknown }).event_name;
    return `msg:${typeof name === "string" ? name : "?"}:${message.msg_id}`;
  }
  return `sha256:${createHash("sha256").update(rawBody).digest("hex")}`;
}

function prepareInsert(db: Db) {
  return db
    .insert(webhookEvents)
    .values({
      dedupeKey: sql.placeholder("dedupeKey"),
      eventName: sql.placeholder("eventName"),
      rawBody: sql.placeholder("rawBody"),
      receivedAt: sql.placeholder("receivedAt"),
    })
    .onConflictDoNothing({ target: webhookEvents.dedupeKey })
    .prepare();
}

/**
 * The insert, prepared once per database handle: building it with drizzle and having SQLite
 * compile it again for every event was a large share of the webhook's CPU per event
 * (tests/bench/webhook.ts).
 */
const inserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>();

/** Stores the event; false when it was already there (a retry or replay). */
export function storeEvent(db: Db, rawBody: string, parsed: unknown, now: Date): boolean {
  const name = (parsed as { event_name?: unknown } | null)?.event_name;
  let insert = inserts.get(db);
  if (!insert) {
    insert = prepareInsert(db);
    inserts.set(db, insert);
  }
  const result = insert.run({
    dedupeKey: dedupeKeyOf(rawBody, parsed),
    eventName: typeof name === "string" ? name.slice(0, 100) : "unknown",
    rawBody,
    receivedAt: now,
  });
  return result.changes === 1;
}
