/**
 * I. Organisation: teams and members. Memberships of a province are a few thousand rows, so
 * they are read once and counted here (requests never are: see requests-stats.ts).
 *
 * A member is active in the period when their membership overlaps it: it started before the
 * period ended and had not ended when it began (`active_to` is the first instant they are no
 * longer a member, as everywhere else in the app).
 */
import { CIVIC_ROLE_LABELS, CIVIC_ROLES, type CivicRole } from "@cau-noi/shared";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Period } from "./period";
import { type ReportScope, teamScopeSql } from "./scope";

export interface TeamFact {
  id: number;
  unitId: number;
  kind: "village" | "commune_pool";
  name: string;
  active: boolean;
}

export interface MembershipFact {
  teamId: number;
  teamUnitId: number;
  personId: number;
  civicRole: CivicRole;
  isLeader: boolean;
  activeFrom: number;
  activeTo: number | null;
}

export interface OrgFacts {
  teams: TeamFact[];
  /** Memberships of the scope's teams overlapping the period. */
  memberships: MembershipFact[];
}

export function loadOrgFacts(db: Db, scope: ReportScope, period: Period): OrgFacts {
  const teams = db
    .all<{ id: number; unitId: number; kind: TeamFact["kind"]; name: string; active: number }>(
      sql`select t.id, t.unit_id as unitId, t.kind, t.name, t.active from teams t where ${teamScopeSql(scope)}`,
    )
    .map((t) => ({ ...t, active: t.active === 1 }));
  const memberships = db
    .all<Omit<MembershipFact, "isLeader"> & { isLeader: number }>(
      sql`select m.team_id as teamId, t.unit_id as teamUnitId, m.person_id as personId,
                 m.civic_role as civicRole, m.is_leader as isLeader,
                 m.active_from as activeFrom, m.active_to as activeTo
          from memberships m join teams t on t.id = m.team_id
          where ${teamScopeSql(scope)}
            and m.active_from < ${period.endMs}
            and (m.active_to is null or m.active_to > ${period.startMs})`,
    )
    .map((m) => ({ ...m, isLeader: m.isLeader === 1 }));
  return { teams, memberships };
}

export interface MemberCounts {
  activeInPeriod: number;
  atPeriodEnd: number;
  joined: number;
  left: number;
  leaders: number;
  byCivicRole: Record<CivicRole, number>;
}

const stillMemberAtEnd = (m: MembershipFact, period: Period) =>
  m.activeTo === null || m.activeTo >= period.endMs;

/**
 * Counts over a set of memberships: people once each (someone in the village team and the
 * commune pool is one member), with the civic role of their latest membership.
 */
export function countMembers(memberships: readonly MembershipFact[], period: Period): MemberCounts {
  const latest = new Map<number, MembershipFact>();
  const atEnd = new Set<number>();
  const leaders = new Set<number>();
  let joined = 0;
  let left = 0;
  for (const m of memberships) {
    const seen = latest.get(m.personId);
    if (!seen || m.activeFrom > seen.activeFrom) latest.set(m.personId, m);
    if (m.activeFrom >= period.startMs) joined += 1;
    if (m.activeTo !== null && m.activeTo < period.endMs) left += 1;
    if (stillMemberAtEnd(m, period)) {
      atEnd.add(m.personId);
      if (m.isLeader) leaders.add(m.personId);
    }
  }
  const byCivicRole = Object.fromEntries(CIVIC_ROLES.map((r) => [r, 0])) as Record<CivicRole, number>;
  for (const m of latest.values()) byCivicRole[m.civicRole] += 1;
  return {
    activeInPeriod: latest.size,
    atPeriodEnd: atEnd.size,
    joined,
    left,
    leaders: leaders.size,
    byCivicRole,
  };
}

/** Members at the end of the period by civic role (Phụ lục I counts the roster as it stands). */
export function countMembersAtEnd(memberships: readonly MembershipFact[], period: Period): MemberCounts {
  return countMembers(
    memberships.filter((m) => stillMemberAtEnd(m, period)),
    period,
  );
}

export interface TeamCounts {
  villages: number;
  teams: number;
  villagesWithTeam: number;
  poolTeams: number;
}

/** Active village teams, villages that have one, and commune pools among the given units. */
export function countTeams(teams: readonly TeamFact[], villageIds: readonly number[]): TeamCounts {
  const villages = new Set(villageIds);
  const active = teams.filter((t) => t.active);
  const villageTeams = active.filter((t) => t.kind === "village" && villages.has(t.unitId));
  return {
    villages: villages.size,
    teams: villageTeams.length,
    villagesWithTeam: new Set(villageTeams.map((t) => t.unitId)).size,
    poolTeams: active.filter((t) => t.kind === "commune_pool").length,
  };
}

export function civicRoleRows(byRole: Record<CivicRole, number>, total: number) {
  return CIVIC_ROLES.map((code) => ({
    code,
    label: CIVIC_ROLE_LABELS[code],
    count: byRole[code],
    share: total === 0 ? 0 : round(byRole[code] / total, 4),
  }));
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
