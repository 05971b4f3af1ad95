/**
 * Who can be reached on the OA: people who follow it and have a follower id. Shared by the
 * notifier and the conversation (which calls commune staff on a resident's behalf).
 */
import { and, eq, gt, isNotNull, isNull, or } from "drizzle-orm";
import type { Tx } from "../db/client";
import { memberships, persons, unitRoles } from "../db/schema";

export interface Recipient {
  personId: number;
  followerId: string;
}

const ACTIVE = (activeTo: typeof memberships.activeTo | typeof unitRoles.activeTo, at: Date) =>
  or(isNull(activeTo), gt(activeTo, at));

export function followerOf(tx: Tx, personId: number | null): Recipient | undefined {
  if (personId === null) return undefined;
  const p = tx
    .select({ id: persons.id, followerId: persons.oaFollowerId, following: persons.oaFollowing })
    .from(persons)
    .where(eq(persons.id, personId))
    .get();
  return p?.followerId && p.following ? { personId: p.id, followerId: p.followerId } : undefined;
}

export function teamRecipients(tx: Tx, teamId: number | null, at: Date, leadersOnly = false): Recipient[] {
  if (teamId === null) return [];
  return tx
    .select({ personId: persons.id, followerId: persons.oaFollowerId })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(
      and(
        eq(memberships.teamId, teamId),
        ACTIVE(memberships.activeTo, at),
        leadersOnly ? eq(memberships.isLeader, true) : undefined,
        eq(persons.oaFollowing, true),
        isNotNull(persons.oaFollowerId),
      ),
    )
    .all()
    .flatMap((r) => (r.followerId ? [{ personId: r.personId, followerId: r.followerId }] : []));
}

export function communeAdmins(tx: Tx, communeId: number, at: Date): Recipient[] {
  return tx
    .select({ personId: persons.id, followerId: persons.oaFollowerId })
    .from(unitRoles)
    .innerJoin(persons, eq(persons.id, unitRoles.personId))
    .where(
      and(
        eq(unitRoles.unitId, communeId),
        eq(unitRoles.role, "admin"),
        ACTIVE(unitRoles.activeTo, at),
        eq(persons.oaFollowing, true),
        isNotNull(persons.oaFollowerId),
      ),
    )
    .all()
    .flatMap((r) => (r.followerId ? [{ personId: r.personId, followerId: r.followerId }] : []));
}
