/**
 * Who wrote to the OA. The OA follower id (`sender.id`) and the app-scoped id
 * (`user_id_by_app`, the Mini App user id) are the same person: whichever we saw first, the
 * other is linked to it, so a resident who opened the mini app and then chats is one person.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { persons } from "../db/schema";

export type PersonRow = typeof persons.$inferSelect;

export function ensurePerson(tx: Tx, followerId: string, appUserId: string | undefined): PersonRow {
  const byFollower = tx.select().from(persons).where(eq(persons.oaFollowerId, followerId)).get();
  if (byFollower) {
    if (appUserId && byFollower.zaloAppUserId === null) {
      const owner = tx
        .select({ id: persons.id })
        .from(persons)
        .where(eq(persons.zaloAppUserId, appUserId))
        .get();
      // Link only when no other person already holds that app id.
      if (!owner)
        tx.update(persons).set({ zaloAppUserId: appUserId }).where(eq(persons.id, byFollower.id)).run();
    }
    return tx.select().from(persons).where(eq(persons.id, byFollower.id)).get() as PersonRow;
  }
  if (appUserId) {
    const byApp = tx.select().from(persons).where(eq(persons.zaloAppUserId, appUserId)).get();
    if (byApp && byApp.oaFollowerId === null) {
      tx.update(persons).set({ oaFollowerId: followerId }).where(eq(persons.id, byApp.id)).run();
      return { ...byApp, oaFollowerId: followerId };
    }
  }
  return tx
    .insert(persons)
    .values({ oaFollowerId: followerId, zaloAppUserId: appUserId ?? null, displayName: "Người dùng Zalo" })
    .returning()
    .get();
}

/** Follow state and the last interaction, which opens Zalo's 7-day window for replies. */
export function touchPerson(
  tx: Tx,
  personId: number,
  changes: { following?: boolean; interactedAt?: Date },
): void {
  const set: Partial<typeof persons.$inferInsert> = {};
  if (changes.following !== undefined) set.oaFollowing = changes.following;
  if (changes.interactedAt) set.oaLastInteractionAt = changes.interactedAt;
  if (Object.keys(set).length > 0) tx.update(persons).set(set).where(eq(persons.id, personId)).run();
}
