/**
 * Dashboard charts: requests over time (per day, or per week beyond two months), by child
 * unit and current status, by category, time to claim and to resolve, ratings, activities per
 * month. Same scope and aggregation rules as the report.
 */
import {
  type DashboardCharts,
  periodDays,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  type RequestStatus,
} from "@cau-noi/shared";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type ReportInput, requireScope } from "./build-report";
import { durationHistogram } from "./durations";
import { datesOf, mondayOf, monthsOf, type Period, toPeriod, vietnamDateSql, withinSql } from "./period";
import { loadRequestFacts, ratingSummary, requestsSection, requestUnitKeySql } from "./requests-stats";
import { childRowUnits, type ReportScope, reportUnit, rowMapper, teamScopeSql } from "./scope";
import { withTouchedRequests } from "./touched";

const DAILY_UP_TO_DAYS = 62;

export function buildCharts(
  db: Db,
  input: ReportInput,
  audience: DashboardCharts["audience"] = "full",
): DashboardCharts {
  const scope = requireScope(db, input.unitId);
  const period = toPeriod(input.from, input.to);
  return withTouchedRequests(db, scope, period, () => assemble(db, scope, period, audience));
}

function assemble(
  db: Db,
  scope: ReportScope,
  period: Period,
  audience: DashboardCharts["audience"],
): DashboardCharts {
  const facts = loadRequestFacts(db, scope, period);
  const bucket = periodDays(period.from, period.to) <= DAILY_UP_TO_DAYS ? "day" : "week";
  return {
    unit: reportUnit(scope.unit),
    period: { from: period.from, to: period.to },
    audience,
    bucket,
    requestsOverTime: overTime(db, period, bucket),
    byUnitStatus: byUnitStatus(db, scope, period),
    byCategory: requestsSection(facts).byCategory,
    timeToClaim: durationHistogram(facts.claimMinutes),
    timeToResolve: durationHistogram(facts.resolveMinutes),
    ratings: ratingSummary(facts.ratings),
    activitiesPerMonth: activitiesPerMonth(db, scope, period),
  };
}

function overTime(db: Db, period: Period, bucket: "day" | "week") {
  const perDay = (column: "created_at" | "resolved_at") =>
    new Map(
      db
        .all<{ day: string; n: number }>(sql`
          select ${vietnamDateSql(sql.raw(`r.${column}`))} as day, count(*) as n
          from report_requests r where ${withinSql(sql.raw(`r.${column}`), period)}
          group by 1`)
        .map((r) => [r.day, r.n]),
    );
  const created = perDay("created_at");
  const resolved = perDay("resolved_at");
  const series = new Map<string, { start: string; created: number; resolved: number }>();
  for (const day of datesOf(period)) {
    // Weeks start on Monday; the first one starts with the period.
    const monday = mondayOf(day);
    const start = bucket === "day" ? day : monday < period.from ? period.from : monday;
    const point = series.get(start) ?? { start, created: 0, resolved: 0 };
    point.created += created.get(day) ?? 0;
    point.resolved += resolved.get(day) ?? 0;
    series.set(start, point);
  }
  return [...series.values()];
}

function byUnitStatus(db: Db, scope: ReportScope, period: Period) {
  const rows = scope.unit.level === "village" ? [scope.unit] : childRowUnits(scope);
  const rowOf = rowMapper(scope, rows);
  const counts = db.all<{ unitKey: number; status: RequestStatus; n: number }>(sql`
    select ${requestUnitKeySql(scope)} as unitKey, r.status, count(*) as n
    from report_requests r where ${withinSql(sql`r.created_at`, period)}
    group by 1, 2`);
  return rows.map((row) => {
    const mine = counts.filter((c) => rowOf(c.unitKey) === row.id);
    return {
      unit: reportUnit(row),
      total: mine.reduce((n, c) => n + c.n, 0),
      byStatus: REQUEST_STATUSES.map((status) => ({
        status,
        label: REQUEST_STATUS_LABELS[status],
        count: mine.filter((c) => c.status === status).reduce((n, c) => n + c.n, 0),
      })),
    };
  });
}

function activitiesPerMonth(db: Db, scope: ReportScope, period: Period) {
  const rows = db.all<{ month: string; n: number; reached: number; leaflets: number }>(sql`
    select substr(a.activity_date, 1, 7) as month, count(*) as n,
           sum(a.residents_reached) as reached, sum(a.leaflets) as leaflets
    from team_activities a join teams t on t.id = a.team_id
    where ${teamScopeSql(scope)} and a.activity_date between ${period.from} and ${period.to}
    group by 1`);
  return monthsOf(period).map((month) => {
    const row = rows.find((r) => r.month === month);
    return { month, count: row?.n ?? 0, residentsReached: row?.reached ?? 0, leaflets: row?.leaflets ?? 0 };
  });
}
