/**
 * Working-time arithmetic for deadlines, in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight
 * saving). Working time is the time of working days: Monday to Friday, except public holidays.
 * "24 working hours" is therefore one working day, and a request filed on Friday evening or
 * during Tết is not overdue before the team is back at work.
 */
import { VIETNAM_HOLIDAYS } from "./vietnam-holidays";
import { DAY_MS, VIETNAM_OFFSET_MS, vietnamDate } from "./vietnam-time";

const HOUR = 3_600_000;

export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;

  constructor(extraHolidays: readonly string[] = []) {
    this.holidays = new Set([...VIETNAM_HOLIDAYS, ...extraHolidays]);
  }

  /** The local (Vietnam) calendar date of an instant, as YYYY-MM-DD. */
  static localDate(at: Date): string {
    return vietnamDate(at);
  }

  isWorkingDay(at: Date): boolean {
    const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
    const weekday = local.getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !this.holidays.has(local.toISOString().slice(0, 10));
  }

  /** The instant `hours` of working time after `start`. */
  addWorkingHours(start: Date, hours: number): Date {
    let remaining = hours * HOUR;
    let t = start.getTime();
    // Bounded: even a long run of holidays ends within a few weeks.
    for (let guard = 0; guard < 3660; guard++) {
      const nextMidnight = startOfLocalDay(t) + DAY_MS;
      if (this.isWorkingDay(new Date(t))) {
        const available = nextMidnight - t;
        if (remaining <= available) return new Date(t + remaining);
        remaining -= available;
      }
      t = nextMidnight;
    }
    throw new Error("addWorkingHours: no working day found within ten years");
  }

  /** Working time between two instants, in hours (0 when `to` is before `from`). */
  workingHoursBetween(from: Date, to: Date): number {
    let total = 0;
    let t = from.getTime();
    const end = to.getTime();
    while (t < end) {
      const next = Math.min(startOfLocalDay(t) + DAY_MS, end);
      if (this.isWorkingDay(new Date(t))) total += next - t;
      t = next;
    }
    return total / HOUR;
  }
}

function startOfLocalDay(t: number): number {
  return Math.floor((t + VIETNAM_OFFSET_MS) / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS;
}
