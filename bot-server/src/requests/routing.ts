/**
 * Routing: which team receives a new request, and why. The reason is stored in the request's
 * history so that "why did this go to the commune?" always has an answer.
 */
import type { RoutedTo } from "@cau-noi/shared";
import { and, count, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { memberships, teams } from "../db/schema";

export interface RouteDecision {
  teamId: number | null;
  routedTo: RoutedTo;
  reason: "village_team" | "village_team_inactive_to_pool" | "no_team_to_commune";
}

function activeTeamWithMembers(db: Db, unitId: number, kind: "village" | "commune_pool", now: Date) {
  return db
    .select({ id: teams.id, members: count(memberships.id) })
    .from(teams)
    .innerJoin(memberships, eq(memberships.teamId, teams.id))
    .where(
      and(
        eq(teams.unitId, unitId),
        eq(teams.kind, kind),
        eq(teams.active, true),
        or(isNull(memberships.activeTo), gt(memberships.activeTo, now)),
      ),
    )
    .groupBy(teams.id)
    .orderBy(teams.id)
    .get();
}

/** Village team → commune pool → commune admins. */
export function routeRequest(db: Db, villageId: number, communeId: number, now: Date): RouteDecision {
  const villageTeam = activeTeamWithMembers(db, villageId, "village", now);
  if (villageTeam) return { teamId: villageTeam.id, routedTo: "team", reason: "village_team" };
  const pool = activeTeamWithMembers(db, communeId, "commune_pool", now);
  if (pool) return { teamId: pool.id, routedTo: "pool", reason: "village_team_inactive_to_pool" };
  return { teamId: null, routedTo: "commune", reason: "no_team_to_commune" };
}
