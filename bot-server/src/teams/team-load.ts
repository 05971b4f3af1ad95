/**
 * A team's active members with the open requests each one owns now: what a leader looks at
 * before assigning or reassigning work (issue #4 "sees each member's load").
 */
import { OPEN_STATUSES, type TeamRoster } from "@cau-noi/shared";
import { and, asc, count, desc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { adminUnits, memberships, persons, requests, teams } from "../db/schema";

export interface TeamPlace {
  id: number;
  name: string;
  villageId: number | null;
  villageName: string | null;
  communeId: number;
  communeName: string;
}

/** The team with its village and commune, or undefined when there is no such active team. */
export function findTeamPlace(db: Db, teamId: number): TeamPlace | undefined {
  const team = db
    .select({ id: teams.id, name: teams.name, kind: teams.kind, unitId: teams.unitId })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.active, true)))
    .get();
  if (!team) return undefined;
  const unit = db.select().from(adminUnits).where(eq(adminUnits.id, team.unitId)).get();
  if (!unit) return undefined;
  // A village team sits on its village; a commune pool on the commune itself.
  const communeId = unit.level === "village" ? unit.parentId : unit.id;
  if (communeId === null) return undefined;
  const commune = db.select().from(adminUnits).where(eq(adminUnits.id, communeId)).get();
  if (!commune) return undefined;
  const village = unit.level === "village" ? unit : null;
  return {
    id: team.id,
    name: team.name,
    villageId: village?.id ?? null,
    villageName: village?.name ?? null,
    communeId,
    communeName: commune.name,
  };
}

export function teamRoster(db: Db, place: TeamPlace, now: Date): TeamRoster {
  const members = db
    .select({
      personId: memberships.personId,
      name: persons.displayName,
      civicRole: memberships.civicRole,
      isLeader: memberships.isLeader,
    })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(
      and(eq(memberships.teamId, place.id), or(isNull(memberships.activeTo), gt(memberships.activeTo, now))),
    )
    .orderBy(desc(memberships.isLeader), asc(persons.displayName))
    .all();
  // One grouped count over the team's open requests (teamId + status index), not one per member.
  const loads = new Map(
    db
      .select({ personId: requests.ownerPersonId, n: count() })
      .from(requests)
      .where(and(eq(requests.teamId, place.id), inArray(requests.status, [...OPEN_STATUSES])))
      .groupBy(requests.ownerPersonId)
      .all()
      .map((r) => [r.personId, r.n]),
  );
  // A person may hold two memberships rows over time: list each person once.
  const seen = new Set<number>();
  const items = members
    .filter((m) => !seen.has(m.personId) && seen.add(m.personId))
    .map((m) => ({ ...m, openCount: loads.get(m.personId) ?? 0 }));
  return {
    teamId: place.id,
    teamName: place.name,
    villageId: place.villageId,
    villageName: place.villageName,
    communeId: place.communeId,
    communeName: place.communeName,
    items,
  };
}
