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
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, sum } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { kpiValues, requests, teamActivities, teams, teamTargets } from "../db/schema";

type Reader = Db | Tx;
export type TargetRow = typeof teamTargets.$inferSelect;

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY = 86_400_000;

/** 00:00 in Vietnam of a `YYYY-MM-DD` date, as an instant. */
export function startOfVietnamDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}

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

const OUTCOME_OF: Partial<Record<TargetMetric, string>> = {
  vneid_level2_activated: "vneid_level2_activated",
  dossier_submitted: "dossier_submitted",
};

/** What the team achieved for a metric over [from, to] (dates, inclusive). */
export function measure(db: Reader, teamId: number, metric: TargetMetric, from: string, to: string): number {
  if (metric === "activities" || metric === "residents_reached") {
    const row = db
      .select({ n: count(), reached: sum(teamActivities.residentsReached) })
      .from(teamActivities)
      .where(
        and(
          eq(teamActivities.teamId, teamId),
          gte(teamActivities.activityDate, from),
          lte(teamActivities.activityDate, to),
        ),
      )
      .get();
    return metric === "activities" ? (row?.n ?? 0) : Number(row?.reached ?? 0);
  }
  const outcome = OUTCOME_OF[metric];
  const start = startOfVietnamDay(from);
  const end = new Date(startOfVietnamDay(to).getTime() + DAY);
  const row = db
    .select({ n: count() })
    .from(requests)
    .where(
      and(
        eq(requests.teamId, teamId),
        // Resolved requests stay `resolved` or become `closed`; the status makes the team index usable.
        inArray(requests.status, ["resolved", "closed"]),
        isNotNull(requests.resolvedAt),
        isNull(requests.rejectReason),
        gte(requests.resolvedAt, start),
        lt(requests.resolvedAt, end),
        outcome ? eq(requests.outcomeCode, outcome) : undefined,
      ),
    )
    .get();
  return row?.n ?? 0;
}

function withProgress(db: Reader, row: TargetRow, teamName: string): Target {
  const actual = measure(db, row.teamId, row.metric, row.periodFrom, row.periodTo);
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
  return rows.map((r) => withProgress(db, r.target, r.teamName));
}

export function getTarget(db: Reader, id: number): TargetRow | undefined {
  return db.select().from(teamTargets).where(eq(teamTargets.id, id)).get();
}

export function targetWithProgress(db: Reader, row: TargetRow): Target {
  const team = db.select({ name: teams.name }).from(teams).where(eq(teams.id, row.teamId)).get();
  return withProgress(db, row, team?.name ?? "");
}
