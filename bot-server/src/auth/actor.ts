/**
 * Who is acting, with every role they hold right now. Built once per request from the session's
 * person id; the policy functions in `policy.ts` decide from it alone.
 */
import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { adminUnits, memberships, teams, unitRoles } from "../db/schema";

export interface ActorMembership {
  teamId: number;
  teamUnitId: number;
  isLeader: boolean;
}

export interface Actor {
  personId: number;
  memberships: ActorMembership[];
  /** Commune ids this person administers. */
  adminCommuneIds: number[];
  /** Units (commune, district or province) whose aggregates this person may view. */
  viewerUnitIds: number[];
}

/** The system itself (deadline sweeps, auto-close): acts with no person behind it. */
export const SYSTEM_ACTOR = null;

export function loadActor(db: Db, personId: number, now: Date): Actor {
  const activeAt = (activeTo: typeof memberships.activeTo | typeof unitRoles.activeTo) =>
    or(isNull(activeTo), gt(activeTo, now));
  const teamRows = db
    .select({ teamId: memberships.teamId, teamUnitId: teams.unitId, isLeader: memberships.isLeader })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.personId, personId), activeAt(memberships.activeTo), eq(teams.active, true)))
    .all();
  const roleRows = db
    .select({ unitId: unitRoles.unitId, role: unitRoles.role, level: adminUnits.level })
    .from(unitRoles)
    .innerJoin(adminUnits, eq(adminUnits.id, unitRoles.unitId))
    .where(and(eq(unitRoles.personId, personId), activeAt(unitRoles.activeTo)))
    .all();
  return {
    personId,
    memberships: teamRows,
    adminCommuneIds: roleRows.filter((r) => r.role === "admin" && r.level === "commune").map((r) => r.unitId),
    viewerUnitIds: roleRows.filter((r) => r.role === "viewer").map((r) => r.unitId),
  };
}
