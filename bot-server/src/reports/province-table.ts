/**
 * The province table (Phụ lục I of 000_*.txt): for each unit directly below the chosen one
 * (districts of a province, communes of a district, villages of a commune), villages with a
 * team out of all villages, teams and members at the end of the period, members by civic role,
 * with totals.
 */
import { CIVIC_ROLE_LABELS, CIVIC_ROLES, type ProvinceTable } from "@cau-noi/shared";
import type { Db } from "../db/client";
import { type ReportInput, requireScope } from "./build-report";
import { countMembersAtEnd, countTeams, loadOrgFacts } from "./organisation";
import { toPeriod } from "./period";
import { directChildUnits, reportUnit, rowMapper } from "./scope";

export function buildProvinceTable(db: Db, input: ReportInput): ProvinceTable {
  const scope = requireScope(db, input.unitId);
  const period = toPeriod(input.from, input.to);
  const org = loadOrgFacts(db, scope, period);
  const rows = directChildUnits(scope);
  const rowOf = rowMapper(scope, rows);
  const tableRows = rows.map((row) => {
    const teams = countTeams(
      org.teams.filter((t) => rowOf(t.unitId) === row.id),
      scope.villageIds.filter((id) => rowOf(id) === row.id),
    );
    const members = countMembersAtEnd(
      org.memberships.filter((m) => rowOf(m.teamUnitId) === row.id),
      period,
    );
    return {
      unit: reportUnit(row),
      villages: teams.villages,
      villagesWithTeam: teams.villagesWithTeam,
      teams: teams.teams,
      members: members.atPeriodEnd,
      byCivicRole: CIVIC_ROLES.map((code) => ({ code, count: members.byCivicRole[code] })),
    };
  });
  const sum = (pick: (r: (typeof tableRows)[number]) => number) => tableRows.reduce((n, r) => n + pick(r), 0);
  return {
    unit: reportUnit(scope.unit),
    asOf: period.to,
    rows: tableRows,
    totals: {
      villages: sum((r) => r.villages),
      villagesWithTeam: sum((r) => r.villagesWithTeam),
      teams: sum((r) => r.teams),
      members: sum((r) => r.members),
      byCivicRole: CIVIC_ROLES.map((code, i) => ({
        code,
        label: CIVIC_ROLE_LABELS[code],
        count: sum((r) => r.byCivicRole[i]?.count ?? 0),
      })),
    },
  };
}
