/**
 * II.1 Requests, aggregated in SQL (GROUP BY over the scope's requests; nothing row by row).
 *
 * - created: filed inside the period;
 * - resolved: `resolved_at` inside the period. A reopened request has its `resolved_at` cleared
 *   and set again when it is resolved again, so it counts once, at its last resolution, and a
 *   request filed before the period but resolved inside it counts here (and in
 *   `resolvedFiledBefore`), not in `created`;
 * - on time: resolved by `resolve_due_at` (working-time deadline, reset when reopened);
 * - time to claim: filing to the first claim or assignment in the history (the row's
 *   `claimed_at` is reset by releases and reopening), falling back to `claimed_at`;
 * - rejected: closed with a reject reason inside the period.
 */
import {
  CATEGORY_LABELS,
  OPEN_STATUSES,
  OUTCOME_LABELS,
  REJECT_REASON_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_KINDS,
  type RejectReason,
  type RequestKind,
} from "@cau-noi/shared";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { MinuteHistogram } from "./durations";
import { durationStats } from "./durations";
import { round } from "./organisation";
import { type Period, withinSql } from "./period";
import type { ReportScope } from "./scope";

const OPEN_SQL = sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(",")})`);

/** The unit a request row is counted under in per-unit breakdowns. */
export function requestUnitKeySql(scope: ReportScope): SQL {
  return scope.unit.level === "commune" || scope.unit.level === "village"
    ? sql`r.village_id`
    : sql`r.commune_id`;
}

export interface CreatedRow {
  unitKey: number;
  kind: RequestKind;
  category: string;
  open: number;
  n: number;
}
export interface ResolvedRow {
  unitKey: number;
  outcome: string | null;
  filedBefore: number;
  onTime: number;
  n: number;
}
export interface RatingRow {
  unitKey: number;
  rating: number;
  n: number;
}

export interface RequestFacts {
  created: CreatedRow[];
  resolved: ResolvedRow[];
  rejected: Array<{ reason: string; n: number }>;
  reopened: { requests: number; times: number };
  ratings: RatingRow[];
  claimMinutes: MinuteHistogram;
  resolveMinutes: MinuteHistogram;
}

/** Run inside `withTouchedRequests` (touched.ts): the figures read its `report_requests` table. */
export function loadRequestFacts(db: Db, scope: ReportScope, period: Period): RequestFacts {
  const key = requestUnitKeySql(scope);
  const created = sql`${withinSql(sql`r.created_at`, period)}`;
  const resolved = sql`${withinSql(sql`r.resolved_at`, period)}`;
  return {
    created: db.all<CreatedRow>(sql`
      select ${key} as unitKey, r.kind, r.category, (r.status in ${OPEN_SQL}) as open, count(*) as n
      from report_requests r where ${created}
      group by 1, 2, 3, 4`),
    resolved: db.all<ResolvedRow>(sql`
      select ${key} as unitKey, r.outcome_code as outcome, (r.created_at < ${period.startMs}) as filedBefore,
             (r.resolved_at <= r.resolve_due_at) as onTime, count(*) as n
      from report_requests r where ${resolved}
      group by 1, 2, 3, 4`),
    rejected: db.all<{ reason: string; n: number }>(sql`
      select r.reject_reason as reason, count(*) as n
      from report_requests r where r.reject_reason is not null and ${withinSql(sql`r.closed_at`, period)}
      group by 1`),
    reopened: db.get<{ requests: number; times: number }>(sql`
      select count(*) as requests, coalesce(sum(r.reopen_count), 0) as times
      from report_requests r where r.reopen_count > 0 and (${created} or ${resolved})`) ?? {
      requests: 0,
      times: 0,
    },
    ratings: db.all<RatingRow>(sql`
      select ${key} as unitKey, r.rating, count(*) as n
      from report_requests r where r.rating is not null and ${withinSql(sql`r.rated_at`, period)}
      group by 1, 2`),
    claimMinutes: claimHistogram(db, period),
    resolveMinutes: db.all<{ minutes: number; n: number }>(sql`
      select (r.resolved_at - r.created_at) / 60000 as minutes, count(*) as n
      from report_requests r where ${resolved}
      group by 1`),
  };
}

/** Minutes from filing to the first claim, for requests filed in the period. */
export function claimHistogram(db: Db, period: Period): MinuteHistogram {
  return db.all<{ minutes: number; n: number }>(sql`
    select (c.first_claim - c.created_at) / 60000 as minutes, count(*) as n
    from (
      select r.created_at,
             coalesce((select min(e.created_at) from request_events e
                       where e.request_id = r.id and e.action in ('claimed', 'assigned')), r.claimed_at) as first_claim
      from report_requests r where ${withinSql(sql`r.created_at`, period)}
    ) c
    where c.first_claim is not null
    group by 1`);
}

const sum = <T>(rows: readonly T[], n: (row: T) => number) => rows.reduce((total, row) => total + n(row), 0);

function labelled(counts: Map<string, number>, labels: Record<string, string>) {
  return [...counts.entries()]
    .map(([code, count]) => ({ code, label: labels[code] ?? code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

function tally<T>(rows: readonly T[], key: (row: T) => string, n: (row: T) => number) {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + n(row));
  return counts;
}

export function ratingSummary(rows: ReadonlyArray<{ rating: number; n: number }>) {
  const count = sum(rows, (r) => r.n);
  const total = sum(rows, (r) => r.rating * r.n);
  return {
    count,
    average: count === 0 ? null : round(total / count, 2),
    distribution: [1, 2, 3, 4, 5].map((rating) => ({
      rating,
      count: sum(
        rows.filter((r) => r.rating === rating),
        (r) => r.n,
      ),
    })),
  };
}

export function onTimeSummary(rows: readonly ResolvedRow[]) {
  const resolved = sum(rows, (r) => r.n);
  const onTime = sum(
    rows.filter((r) => r.onTime === 1),
    (r) => r.n,
  );
  return { resolved, onTime, share: resolved === 0 ? null : round(onTime / resolved, 4) };
}

/** The report's requests section from the grouped rows. */
export function requestsSection(facts: RequestFacts) {
  const byCategory = [
    ...tally(
      facts.created,
      (r) => `${r.kind}\u0000${r.category}`,
      (r) => r.n,
    ).entries(),
  ]
    .map(([k, count]) => {
      const [kind, code] = k.split("\u0000") as [RequestKind, string];
      return { kind, code, label: CATEGORY_LABELS[code] ?? code, count };
    })
    .sort((a, b) => REQUEST_KINDS.indexOf(a.kind) - REQUEST_KINDS.indexOf(b.kind) || b.count - a.count);
  return {
    created: sum(facts.created, (r) => r.n),
    byKind: REQUEST_KINDS.map((code) => ({
      code,
      label: REQUEST_KIND_LABELS[code],
      count: sum(
        facts.created.filter((r) => r.kind === code),
        (r) => r.n,
      ),
    })),
    byCategory,
    stillOpen: sum(
      facts.created.filter((r) => r.open === 1),
      (r) => r.n,
    ),
    resolved: sum(facts.resolved, (r) => r.n),
    resolvedFiledBefore: sum(
      facts.resolved.filter((r) => r.filedBefore === 1),
      (r) => r.n,
    ),
    byOutcome: labelled(
      tally(
        facts.resolved,
        (r) => r.outcome ?? "other",
        (r) => r.n,
      ),
      OUTCOME_LABELS,
    ),
    rejected: sum(facts.rejected, (r) => r.n),
    byRejectReason: labelled(
      tally(
        facts.rejected,
        (r) => r.reason,
        (r) => r.n,
      ),
      REJECT_REASON_LABELS as Record<RejectReason, string>,
    ),
    reopened: facts.reopened,
    timeToClaim: durationStats(facts.claimMinutes),
    timeToResolve: durationStats(facts.resolveMinutes),
    onTime: onTimeSummary(facts.resolved),
    ratings: ratingSummary(facts.ratings),
  };
}
