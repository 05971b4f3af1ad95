/**
 * What staff see of the messages that did not reach their recipient: `failed` (with Zalo's
 * reason) and `uncertain` (in flight when the server stopped, or timed out: most likely
 * delivered, never re-sent). Reasons are the outbox's codes; labels are the Vietnamese text the
 * mini app and the dashboard show.
 */
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { adminUnits, announcements, outboxMessages, persons, requests } from "../db/schema";

export const UNDELIVERED_STATUSES = ["failed", "uncertain"] as const;

const OA_CONFIGURATION = "Lỗi cấu hình Official Account, cần quản trị viên kiểm tra";
const MAYBE_DELIVERED = "Không chắc đã gửi được (có thể người nhận đã nhận), hệ thống không gửi lại";

const LABELS: Record<string, string> = {
  not_a_follower: "Người nhận chưa quan tâm Official Account",
  outside_interaction_window: "Người nhận không tương tác với Official Account trong 7 ngày qua",
  blocked_by_user: "Người nhận đã chặn tin nhắn từ Official Account",
  invalid_payload: "Nội dung tin nhắn không hợp lệ",
  out_of_quota: "Official Account đã hết hạn mức gửi tin",
  oa_disabled: OA_CONFIGURATION,
  oa_not_found: OA_CONFIGURATION,
  api_not_supported: OA_CONFIGURATION,
  api_not_registered: OA_CONFIGURATION,
  oa_not_authorized: OA_CONFIGURATION,
  oa_tier_too_low: OA_CONFIGURATION,
  api_retired: OA_CONFIGURATION,
  invalid_appsecret_proof: OA_CONFIGURATION,
  crashed_while_sending: MAYBE_DELIVERED,
  timed_out_maybe_delivered: MAYBE_DELIVERED,
  send_error_maybe_delivered: MAYBE_DELIVERED,
  retries_exhausted: "Đã thử gửi nhiều lần nhưng không thành công",
};

/** The Vietnamese label of an outbox reason (`not_a_follower`, `retries_exhausted: http_500`…). */
export function undeliveredReasonLabel(reason: string | null): string {
  const key = (reason ?? "").split(":")[0]?.trim() ?? "";
  return LABELS[key] ?? "Không gửi được tin nhắn";
}

export interface UndeliveredMessage {
  id: number;
  personId: number | null;
  purpose: string;
  status: (typeof UNDELIVERED_STATUSES)[number];
  /** The outbox reason code, e.g. `outside_interaction_window`. */
  reason: string;
  /** What staff read. */
  label: string;
  /** Zalo's error code when Zalo gave one. */
  errorCode: number | null;
  at: Date;
}

/** The messages about one request that did not (or may not) reach their recipient, newest first. */
export function undeliveredForRequest(db: Db, requestId: number): UndeliveredMessage[] {
  return db
    .select({
      id: outboxMessages.id,
      personId: outboxMessages.personId,
      purpose: outboxMessages.purpose,
      status: outboxMessages.status,
      lastError: outboxMessages.lastError,
      errorCode: outboxMessages.errorCode,
      updatedAt: outboxMessages.updatedAt,
    })
    .from(outboxMessages)
    .where(
      and(eq(outboxMessages.requestId, requestId), inArray(outboxMessages.status, [...UNDELIVERED_STATUSES])),
    )
    .orderBy(desc(outboxMessages.id))
    .all()
    .map((row) => ({
      id: row.id,
      personId: row.personId,
      purpose: row.purpose,
      status: row.status as UndeliveredMessage["status"],
      reason: row.lastError ?? "unknown",
      label: undeliveredReasonLabel(row.lastError),
      errorCode: row.errorCode,
      at: row.updatedAt,
    }));
}

/**
 * How many messages are failed or uncertain, everywhere or in one commune. A message belongs to
 * the commune of its request, else of its announcement, else of its recipient's home village.
 */
export function undeliveredCount(db: Db, communeId?: number): number {
  const undelivered = inArray(outboxMessages.status, [...UNDELIVERED_STATUSES]);
  if (communeId === undefined) {
    return db.select({ n: count() }).from(outboxMessages).where(undelivered).get()?.n ?? 0;
  }
  return (
    db
      .select({ n: count() })
      .from(outboxMessages)
      .leftJoin(requests, eq(requests.id, outboxMessages.requestId))
      .leftJoin(announcements, eq(announcements.id, outboxMessages.announcementId))
      .leftJoin(persons, eq(persons.id, outboxMessages.personId))
      .leftJoin(adminUnits, eq(adminUnits.id, persons.homeVillageId))
      .where(
        and(
          undelivered,
          sql`coalesce(${requests.communeId}, ${announcements.communeId}, ${adminUnits.parentId}) = ${communeId}`,
        ),
      )
      .get()?.n ?? 0
  );
}
