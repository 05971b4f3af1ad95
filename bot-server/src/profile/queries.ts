/** The signed-in person's profile with every role they hold. */
import type { Profile } from "@cau-noi/shared";
import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { adminUnits, memberships, persons, teams, unitRoles } from "../db/schema";
import { getVillage } from "../units/queries";

export function getProfile(db: Db, personId: number, now: Date): Profile | undefined {
  const person = db.select().from(persons).where(eq(persons.id, personId)).get();
  if (!person) return undefined;
  const active = (column: typeof memberships.activeTo | typeof unitRoles.activeTo) =>
    or(isNull(column), gt(column, now));
  const teamRows = db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      unitId: teams.unitId,
      isLeader: memberships.isLeader,
      civicRole: memberships.civicRole,
    })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.personId, personId), active(memberships.activeTo), eq(teams.active, true)))
    .all();
  const roles = db
    .select({ unitId: unitRoles.unitId, role: unitRoles.role, unitName: adminUnits.name })
    .from(unitRoles)
    .innerJoin(adminUnits, eq(adminUnits.id, unitRoles.unitId))
    .where(
      and(
        eq(unitRoles.personId, personId),
        active(unitRoles.activeTo),
        inArray(unitRoles.role, ["admin", "viewer"]),
      ),
    )
    .all();
  return {
    id: person.id,
    displayName: person.displayName,
    avatarUrl: person.avatarUrl,
    hasPhone: person.phone !== null,
    homeVillage: person.homeVillageId === null ? null : (getVillage(db, person.homeVillageId) ?? null),
    roles: {
      memberships: teamRows,
      adminOf: roles.filter((r) => r.role === "admin").map(({ unitId, unitName }) => ({ unitId, unitName })),
      viewerOf: roles
        .filter((r) => r.role === "viewer")
        .map(({ unitId, unitName }) => ({ unitId, unitName })),
    },
  };
}
