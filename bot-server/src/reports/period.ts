/**
 * Report periods: dates `YYYY-MM-DD`, both ends inclusive, in Vietnam time (UTC+7 all year).
 * Timestamps in the database are epoch milliseconds, so a period becomes the half-open range
 * [start of `from`, start of the day after `to`) in UTC+7.
 */
import { type SQL, sql } from "drizzle-orm";
import { DAY_MS, startOfVietnamDay, VIETNAM_OFFSET_MS } from "../calendar/vietnam-time";

export { vietnamDate } from "../calendar/vietnam-time";

export interface Period {
  from: string;
  to: string;
  /** Epoch ms of 00:00 on `from`, Vietnam time. */
  startMs: number;
  /** Epoch ms of 00:00 on the day after `to`, Vietnam time (exclusive). */
  endMs: number;
}

/** Epoch ms of 00:00 Vietnam time on a `YYYY-MM-DD` date. */
export function dayStartMs(date: string): number {
  return startOfVietnamDay(date).getTime();
}

export function toPeriod(from: string, to: string): Period {
  return { from, to, startMs: dayStartMs(from), endMs: dayStartMs(to) + DAY_MS };
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every date of the period, in order. */
export function datesOf(period: Pick<Period, "from" | "to">): string[] {
  const dates: string[] = [];
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** The Monday on or before a date (weeks start on Monday, as Vietnamese offices count them). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** Every month `YYYY-MM` the period touches. */
export function monthsOf(period: Pick<Period, "from" | "to">): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split("-").map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const m = `${year}-${String(month).padStart(2, "0")}`;
    months.push(m);
    if (m >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The part of a month `YYYY-MM` inside the period. */
export function monthWithin(month: string, period: Period): Period {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const from = `${month}-01` < period.from ? period.from : `${month}-01`;
  const monthEnd = `${month}-${String(lastDay).padStart(2, "0")}`;
  return toPeriod(from, monthEnd > period.to ? period.to : monthEnd);
}

/** SQL: the Vietnam date `YYYY-MM-DD` of an epoch-ms column. */
export function vietnamDateSql(column: SQL): SQL<string> {
  return sql<string>`strftime('%Y-%m-%d', (${column} + ${VIETNAM_OFFSET_MS}) / 1000, 'unixepoch')`;
}

/** SQL: the Vietnam month `YYYY-MM` of an epoch-ms column. */
export function vietnamMonthSql(column: SQL): SQL<string> {
  return sql<string>`strftime('%Y-%m', (${column} + ${VIETNAM_OFFSET_MS}) / 1000, 'unixepoch')`;
}

/** SQL: an epoch-ms column inside the period. */
export function withinSql(column: SQL, period: Period): SQL {
  return sql`(${column} >= ${period.startMs} and ${column} < ${period.endMs})`;
}
