import { describe, expect, it } from "vitest";
import { VIETNAM_HOLIDAYS } from "../bot-server/src/calendar/vietnam-holidays";
import { WorkingCalendar } from "../bot-server/src/calendar/working-time";

/** An instant in Vietnam time, e.g. at("2026-02-13T10:00") = 10:00 in Hội An. */
const at = (local: string): Date => new Date(`${local}:00+07:00`);
const HOUR = 3_600_000;

describe("WorkingCalendar.addWorkingHours", () => {
  const calendar = new WorkingCalendar();

  it("stays within the day when the hours fit", () => {
    // Tuesday 10/3/2026
    expect(calendar.addWorkingHours(at("2026-03-10T09:00"), 3)).toEqual(at("2026-03-10T12:00"));
    expect(calendar.addWorkingHours(at("2026-03-10T09:00"), 14.5)).toEqual(at("2026-03-10T23:30"));
  });

  it("moves into the next working day on a weekday", () => {
    expect(calendar.addWorkingHours(at("2026-03-10T09:00"), 24)).toEqual(at("2026-03-11T09:00"));
  });

  it("skips the weekend: Friday 16:00 + 24 h is Monday 16:00", () => {
    expect(calendar.addWorkingHours(at("2026-03-13T16:00"), 24)).toEqual(at("2026-03-16T16:00"));
    expect(calendar.addWorkingHours(at("2026-03-13T16:00"), 48)).toEqual(at("2026-03-17T16:00"));
  });

  it("ends exactly at midnight when the hours use up the rest of a working day", () => {
    expect(calendar.addWorkingHours(at("2026-03-13T16:00"), 8)).toEqual(at("2026-03-14T00:00"));
  });

  it("starts counting on Monday 00:00 local when the request arrives on Saturday or Sunday", () => {
    expect(calendar.addWorkingHours(at("2026-03-14T10:00"), 2)).toEqual(at("2026-03-16T02:00"));
    expect(calendar.addWorkingHours(at("2026-03-15T23:59"), 24)).toEqual(at("2026-03-17T00:00"));
    expect(calendar.addWorkingHours(at("2026-03-14T00:00"), 30)).toEqual(at("2026-03-17T06:00"));
  });

  it("draws day boundaries in Vietnam time, not UTC", () => {
    // Friday 23:30 in Vietnam is Friday 16:30 UTC: still half an hour of Friday left.
    const fridayLate = at("2026-03-13T23:30");
    expect(fridayLate).toEqual(new Date("2026-03-13T16:30:00Z"));
    expect(calendar.addWorkingHours(fridayLate, 1)).toEqual(at("2026-03-16T00:30"));
    // Saturday 00:30 in Vietnam is still Friday in UTC, but it is weekend time.
    const saturdayEarly = new Date("2026-03-13T17:30:00Z");
    expect(calendar.addWorkingHours(saturdayEarly, 1)).toEqual(at("2026-03-16T01:00"));
    // Monday 06:00 in Vietnam is Sunday 23:00 UTC, and it is working time.
    const mondayEarly = new Date("2026-03-15T23:00:00Z");
    expect(calendar.addWorkingHours(mondayEarly, 1)).toEqual(at("2026-03-16T07:00"));
  });

  it("skips Tết 2026 (14/2–22/2)", () => {
    const friday = at("2026-02-13T10:00");
    expect(calendar.addWorkingHours(friday, 24)).toEqual(at("2026-02-23T10:00"));
    expect(calendar.addWorkingHours(friday, 72)).toEqual(at("2026-02-25T10:00"));
    // Filed in the middle of Tết: counting starts when work resumes on Monday 23/2.
    expect(calendar.addWorkingHours(at("2026-02-17T09:00"), 24)).toEqual(at("2026-02-24T00:00"));
  });

  it("skips 30/4 and 1/5", () => {
    // 2026: 30/4 is a Thursday and 1/5 a Friday.
    expect(calendar.addWorkingHours(at("2026-04-29T10:00"), 24)).toEqual(at("2026-05-04T10:00"));
    // 2025: 30/4, 1/5 and the swapped 2/5 are off (Wednesday to Friday).
    expect(calendar.addWorkingHours(at("2025-04-29T10:00"), 24)).toEqual(at("2025-05-05T10:00"));
  });

  it("honours extra holidays passed to the constructor", () => {
    const start = at("2026-03-13T16:00");
    const withDayOff = new WorkingCalendar(["2026-03-16"]);
    expect(withDayOff.addWorkingHours(start, 24)).toEqual(at("2026-03-17T16:00"));
    expect(withDayOff.isWorkingDay(at("2026-03-16T12:00"))).toBe(false);
    // Other calendars are not affected.
    expect(calendar.addWorkingHours(start, 24)).toEqual(at("2026-03-16T16:00"));
    expect(calendar.isWorkingDay(at("2026-03-16T12:00"))).toBe(true);
  });

  it("returns the start itself for zero hours on a working day", () => {
    const start = at("2026-03-10T09:15");
    expect(calendar.addWorkingHours(start, 0)).toEqual(start);
  });

  it("returns the start of the next working day for zero hours outside working time", () => {
    expect(calendar.addWorkingHours(at("2026-03-14T09:15"), 0)).toEqual(at("2026-03-16T00:00"));
    expect(calendar.addWorkingHours(at("2026-02-20T09:15"), 0)).toEqual(at("2026-02-23T00:00"));
  });
});

describe("WorkingCalendar.workingHoursBetween", () => {
  const calendar = new WorkingCalendar();

  it("counts only working days", () => {
    expect(calendar.workingHoursBetween(at("2026-03-10T09:00"), at("2026-03-10T12:30"))).toBe(3.5);
    expect(calendar.workingHoursBetween(at("2026-03-13T16:00"), at("2026-03-16T16:00"))).toBe(24);
    expect(calendar.workingHoursBetween(at("2026-03-14T00:00"), at("2026-03-16T00:00"))).toBe(0);
    expect(calendar.workingHoursBetween(at("2026-02-13T10:00"), at("2026-02-23T10:00"))).toBe(24);
  });

  it("is zero when the end is not after the start", () => {
    const t = at("2026-03-10T09:00");
    expect(calendar.workingHoursBetween(t, t)).toBe(0);
    expect(calendar.workingHoursBetween(t, at("2026-03-09T09:00"))).toBe(0);
  });

  it("is the inverse of addWorkingHours for many start instants and hour counts", () => {
    const calendars = [calendar, new WorkingCalendar(["2026-03-16", "2026-03-17", "2026-05-04"])];
    const hourCounts = [0, 0.25, 1, 7.5, 8, 16, 23.75, 24, 25, 40, 72, 120, 500];
    // Every 7 h 13 min from late January to mid-May 2026: all times of day, weekends, Tết, 30/4–1/5.
    const first = at("2026-01-28T00:00").getTime();
    const last = at("2026-05-15T00:00").getTime();
    const step = 7 * HOUR + 13 * 60_000;
    let checked = 0;
    for (const cal of calendars) {
      for (let t = first; t < last; t += step) {
        const start = new Date(t);
        for (const hours of hourCounts) {
          const end = cal.addWorkingHours(start, hours);
          expect(end.getTime()).toBeGreaterThanOrEqual(t);
          expect(cal.workingHoursBetween(start, end), `${start.toISOString()} + ${hours} h`).toBe(hours);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(8000);
  });

  it("never lands a positive deadline on non-working time", () => {
    const first = at("2026-02-01T00:00").getTime();
    for (let t = first; t < first + 60 * 24 * HOUR; t += 5 * HOUR + 11 * 60_000) {
      for (const hours of [0.5, 8, 24, 36]) {
        const end = calendar.addWorkingHours(new Date(t), hours);
        // The deadline is inside a working day, or exactly at the midnight that ends one.
        const justBefore = new Date(end.getTime() - 1);
        expect(calendar.isWorkingDay(justBefore)).toBe(true);
      }
    }
  });
});

describe("WorkingCalendar.isWorkingDay and localDate", () => {
  const calendar = new WorkingCalendar();

  it("treats Monday to Friday as working days and the weekend as off", () => {
    expect(calendar.isWorkingDay(at("2026-03-09T08:00"))).toBe(true); // Monday
    expect(calendar.isWorkingDay(at("2026-03-13T23:59"))).toBe(true); // Friday
    expect(calendar.isWorkingDay(at("2026-03-14T00:00"))).toBe(false); // Saturday
    expect(calendar.isWorkingDay(at("2026-03-15T12:00"))).toBe(false); // Sunday
  });

  it("treats public holidays as off", () => {
    expect(calendar.isWorkingDay(at("2026-01-01T10:00"))).toBe(false);
    expect(calendar.isWorkingDay(at("2026-02-16T10:00"))).toBe(false); // Monday during Tết
    expect(calendar.isWorkingDay(at("2026-02-23T00:00"))).toBe(true);
    expect(calendar.isWorkingDay(at("2026-04-27T10:00"))).toBe(false); // Giỗ Tổ Hùng Vương (compensatory)
    expect(calendar.isWorkingDay(at("2026-04-30T10:00"))).toBe(false);
    expect(calendar.isWorkingDay(at("2026-05-01T10:00"))).toBe(false);
    expect(calendar.isWorkingDay(at("2026-09-02T10:00"))).toBe(false);
  });

  it("uses the Vietnam date, not the UTC date", () => {
    // Friday 23:30 in Vietnam = Friday 16:30 UTC.
    expect(WorkingCalendar.localDate(new Date("2026-03-13T16:30:00Z"))).toBe("2026-03-13");
    // Saturday 00:30 in Vietnam = Friday 17:30 UTC.
    expect(WorkingCalendar.localDate(new Date("2026-03-13T17:30:00Z"))).toBe("2026-03-14");
    expect(calendar.isWorkingDay(new Date("2026-03-13T17:30:00Z"))).toBe(false);
    // Tết starts at midnight in Vietnam, i.e. 17:00 UTC on 13/2.
    expect(calendar.isWorkingDay(new Date("2026-02-13T16:59:59Z"))).toBe(true);
    expect(calendar.isWorkingDay(new Date("2026-02-13T17:00:00Z"))).toBe(false);
    expect(WorkingCalendar.localDate(at("2026-02-14T00:00"))).toBe("2026-02-14");
  });
});

describe("VIETNAM_HOLIDAYS", () => {
  it("holds valid, unique, sorted YYYY-MM-DD dates", () => {
    for (const day of VIETNAM_HOLIDAYS) {
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
    }
    expect(new Set(VIETNAM_HOLIDAYS).size).toBe(VIETNAM_HOLIDAYS.length);
    expect([...VIETNAM_HOLIDAYS].sort()).toEqual(VIETNAM_HOLIDAYS);
  });

  it("covers Tết Bính Ngọ 2026 as nine consecutive days", () => {
    const tet = VIETNAM_HOLIDAYS.filter((d) => d >= "2026-02-01" && d <= "2026-02-28");
    expect(tet).toEqual([
      "2026-02-14",
      "2026-02-15",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-21",
      "2026-02-22",
    ]);
  });

  it("has New Year, 30/4, 1/5 (or its substitute) and National Day every year", () => {
    for (const day of [
      "2025-01-01",
      "2025-04-30",
      "2025-05-01",
      "2025-09-02",
      "2026-01-01",
      "2026-04-30",
      "2026-05-01",
      "2026-09-02",
      "2027-01-01",
      "2027-04-30",
      "2027-05-03", // 1/5/2027 is a Saturday
      "2027-09-02",
    ]) {
      expect(VIETNAM_HOLIDAYS).toContain(day);
    }
  });

  it("puts the compensatory days on weekdays", () => {
    for (const day of ["2026-04-27", "2027-05-03"]) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      expect(weekday).toBeGreaterThanOrEqual(1);
      expect(weekday).toBeLessThanOrEqual(5);
    }
  });
});
