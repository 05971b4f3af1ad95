/**
 * Writing to the outbox: the only way the product sends anything to a Zalo user. Called inside
 * the transaction of the change that causes the message, so the message exists if and only if
 * the change does. A repeated idempotency key is ignored (the first message stands).
 */
import type { Db, Tx } from "../db/client";
import { outboxMessages } from "../db/schema";

/** A button that sends its payload back to us as a `user_send_text` (Zalo `oa.query.hide`). */
export interface ReplyButton {
  title: string;
  payload: string;
}

/** A link button (`oa.open.url`), e.g. to open the mini app. */
export interface LinkButton {
  title: string;
  url: string;
}

export interface OutgoingMessage {
  text: string;
  buttons?: (ReplyButton | LinkButton)[];
}

export interface EnqueueInput {
  idempotencyKey: string;
  recipientFollowerId: string;
  personId?: number | null;
  purpose: string;
  requestId?: number | null;
  announcementId?: number | null;
  message: OutgoingMessage;
  now: Date;
}

/** Zalo refuses more than 2,000 characters of text and more than 5 buttons. */
export const TEXT_LIMIT = 2000;
export const BUTTON_LIMIT = 5;
const TITLE_LIMIT = 35;

/** The `message` object of `POST /v3.0/oa/message/cs` (zalo-platform.md §2.2). */
export function toZaloMessage(message: OutgoingMessage): Record<string, unknown> {
  const text =
    [...message.text].length > TEXT_LIMIT
      ? `${[...message.text].slice(0, TEXT_LIMIT - 1).join("")}…`
      : message.text;
  const buttons = (message.buttons ?? []).slice(0, BUTTON_LIMIT).map((b) => {
    const title =
      [...b.title].length > TITLE_LIMIT ? `${[...b.title].slice(0, TITLE_LIMIT - 1).join("")}…` : b.title;
    return "url" in b
      ? { title, type: "oa.open.url", payload: { url: b.url } }
      : { title, type: "oa.query.hide", payload: b.payload };
  });
  if (buttons.length === 0) return { text };
  return { text, attachment: { type: "template", payload: { buttons } } };
}

export function enqueueMessage(tx: Tx | Db, input: EnqueueInput): void {
  tx.insert(outboxMessages)
    .values({
      idempotencyKey: input.idempotencyKey,
      recipientFollowerId: input.recipientFollowerId,
      personId: input.personId ?? null,
      purpose: input.purpose,
      requestId: input.requestId ?? null,
      announcementId: input.announcementId ?? null,
      message: toZaloMessage(input.message),
      status: "pending",
      nextAttemptAt: input.now,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
    .run();
}
