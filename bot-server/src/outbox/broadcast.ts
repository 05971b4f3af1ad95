/**
 * Announcements delivered in chat: one outbox message per follower whose home village is among
 * the announcement's villages, and a delivery report for the staff who published it (sent,
 * undeliverable with Zalo's reason, pending). Followers outside Zalo's 7-day window are queued
 * like the others: Zalo decides, and the report shows them as undeliverable with the reason.
 */
import { and, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { adminUnits, announcements, outboxMessages, persons } from "../db/schema";
import { enqueueMessage } from "./enqueue";
import { undeliveredReasonLabel } from "./status";

export const ANNOUNCEMENT_PURPOSE = "announcement";

export function announcementKey(announcementId: number, personId: number): string {
  return `announcement:${announcementId}:${personId}`;
}

/** The chat text of an announcement; enqueueMessage trims it to Zalo's 2,000 characters. */
export function announcementText(announcement: { title: string; body: string }): string {
  return `📢 Thông báo: ${announcement.title.trim()}\n\n${announcement.body.trim()}`;
}

/** The villages an announcement reaches: its `villageIds` within its commune, or all of them. */
function targetVillages(db: Db | Tx, communeId: number, villageIds: number[] | null): number[] {
  if (villageIds !== null && villageIds.length === 0) return [];
  const inCommune = and(eq(adminUnits.parentId, communeId), eq(adminUnits.level, "village"));
  return db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(villageIds === null ? inCommune : and(inCommune, inArray(adminUnits.id, villageIds)))
    .all()
    .map((v) => v.id);
}

/**
 * Queues the announcement to every follower of the OA whose home village it targets, in one
 * transaction. Safe to repeat: a follower already queued is not queued again. Returns how many
 * messages this call queued. Throws if the announcement does not exist.
 */
export function queueAnnouncement(db: Db, announcementId: number, now: Date): number {
  return db.transaction((tx) => {
    const announcement = tx.select().from(announcements).where(eq(announcements.id, announcementId)).get();
    if (!announcement) throw new Error(`announcement ${announcementId} not found`);
    const villages = targetVillages(tx, announcement.communeId, announcement.villageIds);
    if (villages.length === 0) return 0;
    const countQueued = () =>
      tx
        .select({ n: count() })
        .from(outboxMessages)
        .where(eq(outboxMessages.announcementId, announcementId))
        .get()?.n ?? 0;
    const before = countQueued();
    const followers = tx
      .select({ id: persons.id, followerId: persons.oaFollowerId })
      .from(persons)
      .where(
        and(
          eq(persons.oaFollowing, true),
          isNotNull(persons.oaFollowerId),
          inArray(persons.homeVillageId, villages),
        ),
      )
      .orderBy(persons.id)
      .all();
    const text = announcementText(announcement);
    for (const follower of followers) {
      if (!follower.followerId) continue;
      enqueueMessage(tx, {
        idempotencyKey: announcementKey(announcementId, follower.id),
        recipientFollowerId: follower.followerId,
        personId: follower.id,
        purpose: ANNOUNCEMENT_PURPOSE,
        announcementId,
        message: { text },
        now,
      });
    }
    return countQueued() - before;
  });
}

export interface DeliveryCounts {
  total: number;
  sent: number;
  /** Waiting or being sent (`pending` and `in_flight`). */
  pending: number;
  /** Probably delivered, not certain (the server stopped while sending); never re-sent. */
  uncertain: number;
  /** `failed`, grouped by reason, most frequent first. */
  undeliverable: { reason: string; label: string; count: number }[];
}

export interface DeliveryReport extends DeliveryCounts {
  announcementId: number;
  /** The same counts per home village of the recipients (null: no home village any more). */
  byVillage: ({ villageId: number | null } & DeliveryCounts)[];
}

function emptyCounts(): DeliveryCounts {
  return { total: 0, sent: 0, pending: 0, uncertain: 0, undeliverable: [] };
}

function add(counts: DeliveryCounts, status: string, reason: string | null, n: number) {
  counts.total += n;
  if (status === "sent") counts.sent += n;
  else if (status === "pending" || status === "in_flight") counts.pending += n;
  else if (status === "uncertain") counts.uncertain += n;
  else {
    const key = reason ?? "unknown";
    const entry = counts.undeliverable.find((u) => u.reason === key);
    if (entry) entry.count += n;
    else counts.undeliverable.push({ reason: key, label: undeliveredReasonLabel(key), count: n });
  }
}

export function deliveryReport(db: Db, announcementId: number): DeliveryReport {
  const groups = db
    .select({
      status: outboxMessages.status,
      reason: outboxMessages.lastError,
      villageId: persons.homeVillageId,
      n: count(),
    })
    .from(outboxMessages)
    .leftJoin(persons, eq(persons.id, outboxMessages.personId))
    .where(eq(outboxMessages.announcementId, announcementId))
    .groupBy(outboxMessages.status, outboxMessages.lastError, persons.homeVillageId)
    .all();
  const total = emptyCounts();
  const villages = new Map<number | null, DeliveryCounts>();
  for (const g of groups) {
    add(total, g.status, g.reason, g.n);
    let v = villages.get(g.villageId);
    if (!v) {
      v = emptyCounts();
      villages.set(g.villageId, v);
    }
    add(v, g.status, g.reason, g.n);
  }
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  total.undeliverable.sort(byCount);
  for (const v of villages.values()) v.undeliverable.sort(byCount);
  return {
    announcementId,
    ...total,
    byVillage: [...villages.entries()]
      .map(([villageId, counts]) => ({ villageId, ...counts }))
      .sort((a, b) => (a.villageId ?? Number.MAX_SAFE_INTEGER) - (b.villageId ?? Number.MAX_SAFE_INTEGER)),
  };
}
