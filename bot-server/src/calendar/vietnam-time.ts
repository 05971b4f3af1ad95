/**
 * Vietnam time, the one clock of the product: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight
 * saving), so a date `YYYY-MM-DD` is a fixed 24-hour span of epoch milliseconds. Deadlines,
 * reports, KPIs, surveys and the demo data all read dates through these helpers.
 */

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The Vietnam calendar date (`YYYY-MM-DD`) of an instant. */
export function vietnamDate(at: Date | number): string {
  return new Date(Number(at) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 in Vietnam of a `YYYY-MM-DD` date, as an instant. */
export function startOfVietnamDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_OFFSET_MS);
}
