/**
 * The requests a report touches (filed, resolved, rejected or rated in the period, in scope),
 * copied once into a small in-memory temp table `report_requests` (temp_store = MEMORY) with the
 * columns the figures need. Every request figure then aggregates that table: one pass over the
 * big `requests` table per report instead of one per figure. A province quarter touches about
 * an eighth of a million-request table, a few MB.
 *
 * A province report reads nearly every row, so it scans the table in rowid order (sequential
 * pages); going through the commune index would visit the same rows in random page order, many
 * times slower. Smaller units use the index.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type Period, withinSql } from "./period";
import { type ReportScope, requestScopeSql } from "./scope";

/** The connection's temp table currently built, by scope and period (builds are synchronous). */
const built = new WeakMap<Db, string>();

function touchedSql(column: string, period: Period): SQL {
  return withinSql(sql.raw(`r.${column}`), period);
}

export function withTouchedRequests<T>(db: Db, scope: ReportScope, period: Period, run: () => T): T {
  const key = `${scope.unit.id}/${period.from}/${period.to}`;
  if (built.get(db) === key) return run();
  if (built.has(db)) throw new Error("withTouchedRequests: another report is being built on this connection");
  const source = scope.unit.level === "province" ? sql`requests r not indexed` : sql`requests r`;
  db.run(sql`drop table if exists temp.report_requests`);
  db.run(sql`
    create temp table report_requests as
    select r.id, r.village_id, r.commune_id, r.team_id, r.kind, r.category, r.status, r.created_at,
           r.claimed_at, r.resolved_at, r.resolve_due_at, r.closed_at, r.outcome_code, r.reject_reason,
           r.rating, r.rated_at, r.reopen_count
    from ${source}
    where ${requestScopeSql(scope)}
      and (${touchedSql("created_at", period)} or ${touchedSql("resolved_at", period)}
           or ${touchedSql("rated_at", period)}
           or (r.reject_reason is not null and ${touchedSql("closed_at", period)}))`);
  built.set(db, key);
  try {
    return run();
  } finally {
    built.delete(db);
    db.run(sql`drop table if exists temp.report_requests`);
  }
}
