/**
 * Where a follower is in a conversation, persisted per follower so it survives restarts.
 * Every step names what the bot is waiting for and carries the draft built so far.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { conversations } from "../db/schema";

export type ConversationState =
  | { step: "idle" }
  /** Waiting for a village (buttons or free text); `resume` is the message to handle after. */
  | { step: "village"; communeId?: number; resume?: string }
  | { step: "help_text"; category?: string }
  | { step: "help_meet"; category: string; text: string }
  | {
      step: "report_text";
      category?: string;
      photoIds: string[];
      location?: { latitude: number; longitude: number };
    }
  | {
      step: "report_media";
      category: string;
      text: string;
      photoIds: string[];
      location?: { latitude: number; longitude: number };
    }
  | { step: "question_text" }
  | { step: "question_faq"; text: string }
  | { step: "receipt"; requestId: number };

/** A conversation left half-way for this long starts again from the menu. */
export const STATE_TTL_MS = 24 * 3_600_000;

export function loadState(tx: Tx, followerId: string, now: Date): ConversationState {
  const row = tx.select().from(conversations).where(eq(conversations.followerId, followerId)).get();
  if (!row || now.getTime() - row.updatedAt.getTime() > STATE_TTL_MS) return { step: "idle" };
  return row.state as ConversationState;
}

export function saveState(
  tx: Tx,
  followerId: string,
  personId: number,
  state: ConversationState,
  now: Date,
): void {
  tx.insert(conversations)
    .values({ followerId, personId, state, updatedAt: now })
    .onConflictDoUpdate({ target: conversations.followerId, set: { personId, state, updatedAt: now } })
    .run();
}
