/**
 * Reads of KPIs and team targets. KPI values are copied from outside systems; a target's
 * progress is measured from our own records over the target's whole period (Vietnam calendar
 * days, both ends included):
 *
 * - requests_resolved: requests of the team resolved in the period (not rejected; a reopened
 *   request counts again only once it is resolved again, since reopening clears `resolved_at`);
 * - vneid_level2_activated, dossier_submitted: those of them resolved with that outcome code;
 * - activities: activities of the team dated in the period; residents_reached: their sum.
 */
import type { KpiValue, Target, TargetMetric } from "@cau-noi/shared";
import {
  type AnyColumn,
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
  sum,
} from "drizzle-orm";
import { DAY_MS, VIETNAM_OFFSET_MS } from "../calendar/vietnam-time";
import type { Db, Tx } from "../db/client";
import { kpiValues, requests, teamActivities, teams, teamTargets } from "../db/schema";

type Reader = Db | Tx;
export type TargetRow = typeof teamTargets.$inferSelect;

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

// ---------------------------------------------------------------------------------------------
// KPIs
// ---------------------------------------------------------------------------------------------

/** A commune's KPI values for months in [from, to] (`YYYY-MM`), by month then indicator order. */
export function listKpiValues(db: Reader, communeId: number, from: string, to: string): KpiValue[] {
  return db
    .select()
    .from(kpiValues)
    .where(and(eq(kpiValues.communeId, communeId), gte(kpiValues.month, from), lte(kpiValues.month, to)))
    .orderBy(asc(kpiValues.month), asc(kpiValues.indicator))
    .all()
    .map((v) => ({
      month: v.month,
      indicator: v.indicator,
      numerator: v.numerator,
      denominator: v.denominator,
      rate: round(v.numerator / v.denominator, 4),
      source: v.source,
      updatedAt: v.updatedAt.toISOString(),
    }));
}

/** `YYYY-MM` of a date `months` months before the month of `month`. */
export function monthsBefore(month: string, months: number): string {
  const [y = 0, m = 1] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 - months, 1));
  return d.toISOString().slice(0, 7);
}

// ---------------------------------------------------------------------------------------------
// Targets and their progress
// ---------------------------------------------------------------------------------------------

const REQUEST_METRICS: readonly TargetMetric[] = [
  "requests_resolved",
  "vneid_level2_activated",
  "dossier_submitted",
];

/** 00:00 in Vietnam of a `YYYY-MM-DD` column, in epoch ms (the unit of timestamp columns). */
const vietnamDayStartMs = (date: SQL | AnyColumn) =>
  sql`(cast(strftime('%s', ${date}) as integer) * 1000 - ${VIETNAM_OFFSET_MS})`;

/**
 * What each target's team achieved over the target's period, for many targets in two grouped
 * reads (activities, requests) rather than one read per target: the admin list shows every
 * period ever set.
 */
function achieved(db: Reader, targetIds: number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (targetIds.length === 0) return out;
  const activityRows = db
    .select({
      id: teamTargets.id,
      metric: teamTargets.metric,
      n: count(teamActivities.id),
      reached: sum(teamActivities.residentsReached),
    })
    .from(teamTargets)
    .innerJoin(
      teamActivities,
      and(
        eq(teamActivities.teamId, teamTargets.teamId),
        gte(teamActivities.activityDate, teamTargets.periodFrom),
        lte(teamActivities.activityDate, teamTargets.periodTo),
      ),
    )
    .where(
      and(
        inArray(teamTargets.id, targetIds),
        inArray(teamTargets.metric, ["activities", "residents_reached"]),
      ),
    )
    .groupBy(teamTargets.id)
    .all();
  for (const r of activityRows) out.set(r.id, r.metric === "activities" ? r.n : Number(r.reached ?? 0));
  const requestRows = db
    .select({ id: teamTargets.id, n: count(requests.id) })
    .from(teamTargets)
    .innerJoin(
      requests,
      and(
        eq(requests.teamId, teamTargets.teamId),
        // Resolved requests stay `resolved` or become `closed`; the status makes the team index usable.
        inArray(requests.status, ["resolved", "closed"]),
        isNotNull(requests.resolvedAt),
        isNull(requests.rejectReason),
        sql`${requests.resolvedAt} >= ${vietnamDayStartMs(teamTargets.periodFrom)}`,
        sql`${requests.resolvedAt} < ${vietnamDayStartMs(teamTargets.periodTo)} + ${DAY_MS}`,
        // Every resolved request counts for requests_resolved; the others count their outcome.
        or(eq(teamTargets.metric, "requests_resolved"), eq(requests.outcomeCode, teamTargets.metric)),
      ),
    )
    .where(and(inArray(teamTargets.id, targetIds), inArray(teamTargets.metric, [...REQUEST_METRICS])))
    .groupBy(teamTargets.id)
    .all();
  for (const r of requestRows) out.set(r.id, r.n);
  return out;
}

function withProgress(row: TargetRow, teamName: string, actual: number): Target {
  return {
    id: row.id,
    teamId: row.teamId,
    teamName,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    metric: row.metric,
    target: row.target,
    actual,
    share: round(actual / row.target, 4),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Targets of the given teams (those covering `on` when given), by team then newest period first. */
export function listTargets(db: Reader, teamIds: number[], on?: string): Target[] {
  if (teamIds.length === 0) return [];
  const rows = db
    .select({ target: teamTargets, teamName: teams.name })
    .from(teamTargets)
    .innerJoin(teams, eq(teams.id, teamTargets.teamId))
    .where(
      and(
        inArray(teamTargets.teamId, teamIds),
        on ? lte(teamTargets.periodFrom, on) : undefined,
        on ? gte(teamTargets.periodTo, on) : undefined,
      ),
    )
    .orderBy(asc(teamTargets.teamId), desc(teamTargets.periodFrom), asc(teamTargets.metric))
    .all();
  const actual = achieved(
    db,
    rows.map((r) => r.target.id),
  );
  return rows.map((r) => withProgress(r.target, r.teamName, actual.get(r.target.id) ?? 0));
}

export function getTarget(db: Reader, id: number): TargetRow | undefined {
  return db.select().from(teamTargets).where(eq(teamTargets.id, id)).get();
}

export function targetWithProgress(db: Reader, row: TargetRow): Target {
  const team = db.select({ name: teams.name }).from(teams).where(eq(teams.id, row.teamId)).get();
  return withProgress(row, team?.name ?? "", achieved(db, [row.id]).get(row.id) ?? 0);
}
