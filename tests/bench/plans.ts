/**
 * EXPLAIN QUERY PLAN for exactly the statements an endpoint runs: one call goes through the app
 * while drizzle's query logger records every statement with its parameters, then each distinct
 * statement is explained through drizzle (`db.all(sql...)`).
 *
 * `openDatabase` builds drizzle without a logger, so the recorder is swapped into the session
 * for the duration of the call (drizzle's prepared queries read `session.logger` when they run).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../bot-server/src/db/client";

interface QueryLogger {
  logQuery(query: string, params: unknown[]): void;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface PlanLine {
  depth: number;
  detail: string;
  flag: "problem" | "note" | null;
}

export interface ExplainedStatement {
  sql: string;
  /** How many times the endpoint ran it (N+1 lookups show here). */
  times: number;
  plan: PlanLine[];
}

function sessionOf(db: Db): { logger: QueryLogger } {
  const session = (db as unknown as { session?: { logger?: QueryLogger } }).session;
  if (!session || typeof session.logger?.logQuery !== "function") {
    throw new Error("drizzle session logger not found: cannot record statements for EXPLAIN");
  }
  return session as { logger: QueryLogger };
}

/** Runs `fn` and returns every statement it sent to the database, in order. */
export async function recordStatements(db: Db, fn: () => Promise<unknown>): Promise<Statement[]> {
  const session = sessionOf(db);
  const previous = session.logger;
  const statements: Statement[] = [];
  session.logger = { logQuery: (query, params) => void statements.push({ sql: query, params }) };
  try {
    await fn();
  } finally {
    session.logger = previous;
  }
  return statements;
}

/** `EXPLAIN QUERY PLAN <statement>` with the recorded values bound to its placeholders. */
function explainSql(statement: Statement): SQL {
  const parts = statement.sql.split("?");
  if (parts.length - 1 !== statement.params.length) {
    throw new Error(`cannot bind ${statement.params.length} values into: ${statement.sql}`);
  }
  const chunks: SQL[] = [sql.raw(`EXPLAIN QUERY PLAN ${parts[0] ?? ""}`)];
  statement.params.forEach((value, i) => {
    chunks.push(sql`${value}`, sql.raw(parts[i + 1] ?? ""));
  });
  return sql.join(chunks);
}

/** A full scan of `requests` (table or whole index) grows with the table: a problem. */
export function flagOf(detail: string): PlanLine["flag"] {
  if (/^SCAN "?requests"?\b/.test(detail)) return "problem";
  if (/^SCAN /.test(detail) || /USE TEMP B-TREE/.test(detail)) return "note";
  return null;
}

export function explain(db: Db, statements: readonly Statement[]): ExplainedStatement[] {
  const distinct = new Map<string, { statement: Statement; times: number }>();
  for (const s of statements) {
    const seen = distinct.get(s.sql);
    if (seen) seen.times += 1;
    else distinct.set(s.sql, { statement: s, times: 1 });
  }
  return [...distinct.values()].map(({ statement, times }) => {
    const rows = db.all<{ id: number; parent: number; detail: string }>(explainSql(statement));
    const depth = new Map<number, number>([[0, -1]]);
    const plan = rows.map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return { depth: d, detail: r.detail, flag: flagOf(r.detail) };
    });
    return { sql: statement.sql, times, plan };
  });
}

/** The statement with its long select list folded, for printing. */
export function shortSql(text: string, max = 600): string {
  const folded = text.replace(/^select [\s\S]*? from "/, 'select … from "').replace(/\s+/g, " ");
  return folded.length > max ? `${folded.slice(0, max - 1)}…` : folded;
}
