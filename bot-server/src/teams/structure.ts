/**
 * A commune's structure as its admin manages it: villages (admin_units under the commune), each
 * with its Tổ CNSCĐ, the commune pools, and the active members with their civic role and leader
 * flag. Changes keep history: a village is deactivated, never deleted; a membership ends
 * (activeTo), it is never removed, so past requests and reports still name who did the work.
 */
import {
  CIVIC_ROLE_LABELS,
  type CommuneStructure,
  type CreateVillageInput,
  foldVietnamese,
  OPEN_STATUSES,
  type StructureMember,
  type StructureTeam,
  type StructureVillage,
  type UpdateMembershipInput,
  type UpdateTeamInput,
  type UpdateVillageInput,
} from "@cau-noi/shared";
import { and, asc, eq, gt, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { adminUnits, memberships, persons, requests, teams } from "../db/schema";
import { AppError } from "../lib/errors";

type TeamRow = typeof teams.$inferSelect;
type UnitRow = typeof adminUnits.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;

const invalid = (field: string, message: string) =>
  new AppError("validation_failed", message, { [field]: message });

const activeAt = (now: Date) => or(isNull(memberships.activeTo), gt(memberships.activeTo, now));

export const isActiveMembership = (m: MembershipRow, now: Date) => m.activeTo === null || m.activeTo > now;

/** Active members of the teams. */
function membersOf(db: Db | Tx, teamIds: number[], now: Date): StructureMember[] {
  if (teamIds.length === 0) return [];
  return selectMembers(db, and(inArray(memberships.teamId, teamIds), activeAt(now)));
}

function selectMembers(db: Db | Tx, where: SQL | undefined): StructureMember[] {
  return db
    .select({ m: memberships, name: persons.displayName, avatar: persons.avatarUrl })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(where)
    .orderBy(asc(memberships.teamId), asc(persons.displayName), asc(memberships.id))
    .all()
    .map(({ m, name, avatar }) => ({
      membershipId: m.id,
      personId: m.personId,
      teamId: m.teamId,
      displayName: name,
      avatarUrl: avatar,
      civicRole: m.civicRole,
      civicRoleLabel: CIVIC_ROLE_LABELS[m.civicRole],
      isLeader: m.isLeader,
      activeFrom: m.activeFrom.toISOString(),
      activeTo: m.activeTo?.toISOString() ?? null,
    }));
}

/** One membership, active or ended. */
export function memberView(db: Db | Tx, membershipId: number): StructureMember {
  const [member] = selectMembers(db, eq(memberships.id, membershipId));
  if (!member) throw new AppError("not_found", "Không tìm thấy thành viên này.");
  return member;
}

function teamView(team: TeamRow, members: StructureMember[]): StructureTeam {
  const own = members.filter((m) => m.teamId === team.id);
  return {
    id: team.id,
    kind: team.kind,
    name: team.name,
    decisionNo: team.decisionNo,
    decisionDate: team.decisionDate,
    active: team.active,
    memberCount: own.length,
    leaderCount: own.filter((m) => m.isLeader).length,
    members: own,
  };
}

/** The active village team of a village (the oldest, as routing picks it). */
function villageTeam(teamRows: TeamRow[], villageId: number): TeamRow | undefined {
  return teamRows
    .filter((t) => t.unitId === villageId && t.kind === "village" && t.active)
    .sort((a, b) => a.id - b.id)[0];
}

function villageView(village: UnitRow, teamRows: TeamRow[], members: StructureMember[]): StructureVillage {
  const team = villageTeam(teamRows, village.id);
  return {
    id: village.id,
    code: village.code,
    name: village.name,
    active: village.active,
    team: team ? teamView(team, members) : null,
  };
}

function villagesOf(db: Db | Tx, communeId: number): UnitRow[] {
  return db
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.parentId, communeId), eq(adminUnits.level, "village")))
    .orderBy(asc(adminUnits.id))
    .all();
}

export function communeStructure(db: Db, commune: UnitRow, now: Date): CommuneStructure {
  const villages = villagesOf(db, commune.id);
  const teamRows = db
    .select()
    .from(teams)
    .where(inArray(teams.unitId, [commune.id, ...villages.map((v) => v.id)]))
    .orderBy(asc(teams.id))
    .all();
  const members = membersOf(
    db,
    teamRows.map((t) => t.id),
    now,
  );
  const villageViews = villages.map((v) => villageView(v, teamRows, members));
  const pools = teamRows
    .filter((t) => t.unitId === commune.id && t.kind === "commune_pool")
    .map((t) => teamView(t, members));
  const listed = [...villageViews.flatMap((v) => (v.team ? [v.team] : [])), ...pools];
  return {
    commune: { id: commune.id, code: commune.code, name: commune.name },
    villages: villageViews,
    pools,
    counts: {
      villages: villages.length,
      activeVillages: villages.filter((v) => v.active).length,
      teams: listed.filter((t) => t.active).length,
      activeMembers: new Set(listed.flatMap((t) => t.members.map((m) => m.personId))).size,
      leaders: listed.reduce((n, t) => n + t.leaderCount, 0),
      villagesWithoutMembers: villageViews.filter((v) => v.active && (v.team?.memberCount ?? 0) === 0).length,
    },
  };
}

/** One village with its team, after a change. */
export function villageWithTeam(db: Db | Tx, villageId: number, now: Date): StructureVillage {
  const village = db.select().from(adminUnits).where(eq(adminUnits.id, villageId)).get();
  if (!village) throw new AppError("not_found", "Không tìm thấy thôn, khối phố.");
  const teamRows = db.select().from(teams).where(eq(teams.unitId, villageId)).all();
  return villageView(
    village,
    teamRows,
    membersOf(
      db,
      teamRows.map((t) => t.id),
      now,
    ),
  );
}

export function teamWithMembers(db: Db | Tx, teamId: number, now: Date): StructureTeam {
  const team = db.select().from(teams).where(eq(teams.id, teamId)).get();
  if (!team) throw new AppError("not_found", "Không tìm thấy tổ.");
  return teamView(team, membersOf(db, [team.id], now));
}

/** Another village of the commune already has this name (compared without diacritics). */
function requireUniqueName(tx: Tx, communeId: number, name: string, exceptId?: number) {
  const folded = foldVietnamese(name);
  const clash = villagesOf(tx, communeId).find((v) => v.searchName === folded && v.id !== exceptId);
  if (clash) throw invalid("name", "Xã đã có thôn, khối phố mang tên này.");
}

/** "Thôn Chín" in commune TX → "TX-THON-CHIN" (then -2, -3… if taken). */
function freeCode(tx: Tx, communeCode: string, name: string): string {
  const slug = foldVietnamese(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  const base = `${communeCode}-${slug || "THON"}`;
  for (let n = 1; ; n += 1) {
    const code = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.code, code)).get())
      return code;
  }
}

export function createVillage(
  tx: Tx,
  commune: UnitRow,
  input: Omit<CreateVillageInput, "communeId"> & { decisionNo?: string | null; decisionDate?: string | null },
): number {
  requireUniqueName(tx, commune.id, input.name);
  let code = input.code;
  if (code === undefined) code = freeCode(tx, commune.code, input.name);
  else if (tx.select({ id: adminUnits.id }).from(adminUnits).where(eq(adminUnits.code, code)).get()) {
    throw invalid("code", "Mã thôn này đã được dùng, vui lòng chọn mã khác.");
  }
  const village = tx
    .insert(adminUnits)
    .values({
      parentId: commune.id,
      level: "village",
      code,
      name: input.name,
      searchName: foldVietnamese(input.name),
    })
    .returning()
    .get();
  tx.insert(teams)
    .values({
      unitId: village.id,
      kind: "village",
      name: input.teamName ?? `Tổ CNSCĐ ${input.name}`,
      decisionNo: input.decisionNo ?? null,
      decisionDate: input.decisionDate ?? null,
    })
    .run();
  return village.id;
}

export function updateVillage(tx: Tx, village: UnitRow, input: UpdateVillageInput) {
  const communeId = village.parentId as number;
  if (input.name !== undefined && input.name !== village.name) {
    requireUniqueName(tx, communeId, input.name, village.id);
    tx.update(adminUnits)
      .set({ name: input.name, searchName: foldVietnamese(input.name) })
      .where(eq(adminUnits.id, village.id))
      .run();
    // A team still carrying the default name follows the village's new name.
    tx.update(teams)
      .set({ name: `Tổ CNSCĐ ${input.name}` })
      .where(and(eq(teams.unitId, village.id), eq(teams.name, `Tổ CNSCĐ ${village.name}`)))
      .run();
  }
  if (input.active !== undefined && input.active !== village.active) {
    tx.update(adminUnits).set({ active: input.active }).where(eq(adminUnits.id, village.id)).run();
  }
}

export function updateTeam(tx: Tx, teamId: number, input: UpdateTeamInput & { decisionNo?: string | null }) {
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length > 0) tx.update(teams).set(changes).where(eq(teams.id, teamId)).run();
}

export function updateMembership(tx: Tx, m: MembershipRow, input: UpdateMembershipInput, now: Date) {
  if (!isActiveMembership(m, now)) {
    throw new AppError("invalid_transition", "Thành viên này đã rời tổ, không sửa được.");
  }
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(changes).length > 0)
    tx.update(memberships).set(changes).where(eq(memberships.id, m.id)).run();
}

/** Ends the membership now; answers the team's open requests the person still owns. */
export function endMembership(tx: Tx, m: MembershipRow, now: Date): number[] {
  if (!isActiveMembership(m, now)) throw new AppError("invalid_transition", "Thành viên này đã rời tổ rồi.");
  tx.update(memberships).set({ activeTo: now }).where(eq(memberships.id, m.id)).run();
  return tx
    .select({ id: requests.id })
    .from(requests)
    .where(
      and(
        eq(requests.teamId, m.teamId),
        eq(requests.ownerPersonId, m.personId),
        inArray(requests.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(asc(requests.id))
    .all()
    .map((r) => r.id);
}
