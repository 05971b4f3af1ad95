/**
 * Report periods as the server takes them: inclusive `YYYY-MM-DD` dates in Vietnam time.
 * "This month", "last month", "this quarter", a chosen month or quarter, or a custom range.
 */

export interface Period {
  from: string;
  to: string;
}

export type PeriodPreset = "this_month" | "last_month" | "this_quarter" | "custom";

const pad = (n: number) => String(n).padStart(2, "0");

/** Today's year, month (1–12) and day in Asia/Ho_Chi_Minh, whatever the phone's zone. */
export function todayInVietnam(now = new Date()): { y: number; m: number; d: number } {
  const shifted = new Date(now.getTime() + 7 * 3_600_000);
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function monthPeriod(y: number, m: number): Period {
  return { from: isoDate(y, m, 1), to: isoDate(y, m, lastDay(y, m)) };
}

export function quarterPeriod(y: number, q: number): Period {
  const first = (q - 1) * 3 + 1;
  return { from: isoDate(y, first, 1), to: isoDate(y, first + 2, lastDay(y, first + 2)) };
}

export function presetPeriod(preset: Exclude<PeriodPreset, "custom">, now = new Date()): Period {
  const { y, m } = todayInVietnam(now);
  if (preset === "this_month") return monthPeriod(y, m);
  if (preset === "last_month") return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1);
  return quarterPeriod(y, Math.ceil(m / 3));
}

/** `YYYY-MM` of this month in Vietnam. */
export function thisMonth(now = new Date()): string {
  const { y, m } = todayInVietnam(now);
  return `${y}-${pad(m)}`;
}

/** The `count` months before and including `month` (`YYYY-MM`), newest first. */
export function recentMonths(month: string, count: number): string[] {
  const [y = 2000, m = 1] = month.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  });
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A custom range is usable when both dates are valid and in order. */
export function validPeriod(p: Partial<Period>): p is Period {
  return !!p.from && !!p.to && DATE_RE.test(p.from) && DATE_RE.test(p.to) && p.from <= p.to;
}

/** "01/11/2026" */
export function viDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/** "Tháng 11/2026", "Quý IV/2026", or "01/11/2026 – 15/11/2026". */
export function periodLabel(p: Period): string {
  const [fy = 0, fm = 1, fd] = p.from.split("-").map(Number);
  const [ty = 0, tm = 1, td] = p.to.split("-").map(Number);
  if (fy === ty && fd === 1 && td === lastDay(ty, tm)) {
    if (fm === tm) return `Tháng ${fm}/${fy}`;
    if (tm === fm + 2 && fm % 3 === 1) return `Quý ${["I", "II", "III", "IV"][(fm - 1) / 3]}/${fy}`;
  }
  return `${viDate(p.from)} – ${viDate(p.to)}`;
}

/** "Tháng 11/2026" from `2026-11`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-");
  return `Tháng ${Number(m)}/${y}`;
}
