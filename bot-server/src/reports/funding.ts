/**
 * Funding evidence for the 500,000 VND/team/month support (000_*.txt, Phụ lục III): for each
 * village team and each month of the period, the members active that month, the activities
 * held, the residents reached and the requests the team resolved. A team-month with no active
 * member gets no support.
 */
import { type FundingEvidence, TEAM_MONTHLY_SUPPORT_VND } from "@cau-noi/shared";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type ReportInput, requireScope } from "./build-report";
import { loadOrgFacts } from "./organisation";
import { monthsOf, monthWithin, toPeriod, vietnamMonthSql, withinSql } from "./period";
import { reportUnit, teamScopeSql } from "./scope";
import { withTouchedRequests } from "./touched";

export function buildFundingEvidence(db: Db, input: ReportInput): FundingEvidence {
  const scope = requireScope(db, input.unitId);
  const period = toPeriod(input.from, input.to);
  const org = loadOrgFacts(db, scope, period);
  const activities = db.all<{ teamId: number; month: string; n: number; reached: number }>(sql`
    select a.team_id as teamId, substr(a.activity_date, 1, 7) as month, count(*) as n,
           sum(a.residents_reached) as reached
    from team_activities a join teams t on t.id = a.team_id
    where ${teamScopeSql(scope)} and a.activity_date between ${period.from} and ${period.to}
    group by 1, 2`);
  const handled = withTouchedRequests(db, scope, period, () =>
    db.all<{ teamId: number; month: string; n: number }>(sql`
      select r.team_id as teamId, ${vietnamMonthSql(sql`r.resolved_at`)} as month, count(*) as n
      from report_requests r
      where r.team_id is not null and ${withinSql(sql`r.resolved_at`, period)}
      group by 1, 2`),
  );
  const key = (teamId: number, month: string) => `${teamId}/${month}`;
  const activityBy = new Map(activities.map((a) => [key(a.teamId, a.month), a]));
  const handledBy = new Map(handled.map((h) => [key(h.teamId, h.month), h.n]));
  const membershipsOf = new Map<number, typeof org.memberships>();
  for (const m of org.memberships) membershipsOf.set(m.teamId, [...(membershipsOf.get(m.teamId) ?? []), m]);
  const months = monthsOf(period).map((month) => ({ month, range: monthWithin(month, period) }));
  const teams = org.teams
    .filter((t) => t.kind === "village")
    .map((t) => {
      const village = scope.units.get(t.unitId);
      const commune = village?.parentId == null ? undefined : scope.units.get(village.parentId);
      return {
        team: t,
        village: village?.name ?? "",
        commune: commune?.name ?? scope.parents[0]?.name ?? "",
      };
    })
    .sort((a, b) => a.commune.localeCompare(b.commune, "vi") || a.village.localeCompare(b.village, "vi"));
  const rows = teams.flatMap(({ team, village, commune }) =>
    months.map(({ month, range }) => {
      const activeMembers = new Set(
        (membershipsOf.get(team.id) ?? [])
          .filter((m) => m.activeFrom < range.endMs && (m.activeTo === null || m.activeTo > range.startMs))
          .map((m) => m.personId),
      ).size;
      const activity = activityBy.get(key(team.id, month));
      return {
        teamId: team.id,
        teamName: team.name,
        village,
        commune,
        month,
        activeMembers,
        activities: activity?.n ?? 0,
        residentsReached: activity?.reached ?? 0,
        requestsHandled: handledBy.get(key(team.id, month)) ?? 0,
        supportVnd: activeMembers > 0 ? TEAM_MONTHLY_SUPPORT_VND : 0,
      };
    }),
  );
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    unit: reportUnit(scope.unit),
    period: { from: period.from, to: period.to },
    monthlySupportVnd: TEAM_MONTHLY_SUPPORT_VND,
    rows,
    totals: {
      teamMonths: rows.filter((r) => r.supportVnd > 0).length,
      activities: sum((r) => r.activities),
      residentsReached: sum((r) => r.residentsReached),
      requestsHandled: sum((r) => r.requestsHandled),
      supportVnd: sum((r) => r.supportVnd),
    },
  };
}
