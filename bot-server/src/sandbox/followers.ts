/**
 * Tells the in-process Zalo stand-in who follows the OA: in live mode Zalo knows its followers,
 * in sandbox mode the stand-in starts empty, so every person with both Zalo ids is added to it.
 */
import { and, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { persons } from "../db/schema";
import type { OaStandinHandle } from "../zalo-standin";

/**
 * Adds (or updates) every person with an OA follower id and an app user id, following and last
 * interacting as the database says (a follower with no recorded interaction: now); returns how
 * many were added. A person whose ids the stand-in refuses (not numeric, as Zalo's are) is
 * skipped rather than stopping the server.
 */
export function registerDemoFollowers(
  standin: Pick<OaStandinHandle, "addUser">,
  db: Db,
  now: () => number = Date.now,
): number {
  const rows = db
    .select({
      followerId: persons.oaFollowerId,
      appUserId: persons.zaloAppUserId,
      name: persons.displayName,
      following: persons.oaFollowing,
      lastInteractionAt: persons.oaLastInteractionAt,
    })
    .from(persons)
    .where(and(isNotNull(persons.oaFollowerId), isNotNull(persons.zaloAppUserId)))
    .all();
  let added = 0;
  for (const row of rows) {
    try {
      standin.addUser({
        followerId: row.followerId as string,
        appUserId: row.appUserId as string,
        // The stand-in takes 1–100 characters, as Zalo display names are.
        name: row.name.trim().slice(0, 100) || "Người dùng Zalo",
        following: row.following,
        // Zalo's view agrees with ours: the 7-day window runs from the last recorded interaction.
        lastInteractionAt: row.lastInteractionAt?.getTime() ?? (row.following ? now() : null),
      });
      added += 1;
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  }
  return added;
}
