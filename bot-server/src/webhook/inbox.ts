/**
 * The inbox: every webhook event that passed the signature check is stored here before Zalo
 * gets its 200. A retried or replayed event has the same dedupe key and is stored once.
 */
import { createHash } from "node:crypto";
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

/** Stores the event; false when it was already there (a retry or replay). */
export function storeEvent(db: Db, rawBody: string, parsed: unknown, now: Date): boolean {
  const name = (parsed as { event_name?: unknown } | null)?.event_name;
  const result = db
    .insert(webhookEvents)
    .values({
      dedupeKey: dedupeKeyOf(rawBody, parsed),
      eventName: typeof name === "string" ? name.slice(0, 100) : "unknown",
      rawBody,
      receivedAt: now,
    })
    .onConflictDoNothing({ target: webhookEvents.dedupeKey })
    .run();
  return result.changes === 1;
}
