/**
 * The report periods of the mini app (mini-app/src/pages/report-kit/period.ts): "this month",
 * "last month" and "this quarter" in Vietnam time whatever the phone's zone, across month, year
 * and leap-year boundaries, and the labels the screens show.
 */
import { describe, expect, it } from "vitest";
import {
  monthPeriod,
  periodLabel,
  presetPeriod,
  quarterPeriod,
  recentMonths,
  thisMonth,
  validPeriod,
} from "../mini-app/src/pages/report-kit/period";

describe("report periods", () => {
  it("uses the Vietnam date: 31 Dec 18:00 UTC is already 1 January in Vietnam", () => {
    const now = new Date("2026-12-31T18:00:00Z");
    expect(thisMonth(now)).toBe("2027-01");
    expect(presetPeriod("this_month", now)).toEqual({ from: "2027-01-01", to: "2027-01-31" });
    expect(presetPeriod("last_month", now)).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetPeriod("this_quarter", now)).toEqual({ from: "2027-01-01", to: "2027-03-31" });
  });

  it("ends February on the 29th in a leap year, the 28th otherwise", () => {
    expect(monthPeriod(2028, 2)).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetPeriod("last_month", new Date("2027-03-10T03:00:00Z"))).toEqual({
      from: "2027-02-01",
      to: "2027-02-28",
    });
  });

  it("covers whole quarters", () => {
    expect(quarterPeriod(2026, 4)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(presetPeriod("this_quarter", new Date("2026-05-15T00:00:00Z"))).toEqual({
      from: "2026-04-01",
      to: "2026-06-30",
    });
  });

  it("lists recent months newest first across a year boundary", () => {
    expect(recentMonths("2026-02", 4)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
  });

  it("names months, quarters and ranges as the screens say them", () => {
    expect(periodLabel(monthPeriod(2026, 11))).toBe("Tháng 11/2026");
    expect(periodLabel(quarterPeriod(2026, 3))).toBe("Quý III/2026");
    expect(periodLabel({ from: "2026-11-01", to: "2026-11-15" })).toBe("01/11/2026 – 15/11/2026");
    // Two whole months are a range, not a quarter.
    expect(periodLabel({ from: "2026-02-01", to: "2026-03-31" })).toBe("01/02/2026 – 31/03/2026");
  });

  it("accepts a custom range only when both dates are there and in order", () => {
    expect(validPeriod({ from: "2026-11-01", to: "2026-11-01" })).toBe(true);
    expect(validPeriod({ from: "2026-11-02", to: "2026-11-01" })).toBe(false);
    expect(validPeriod({ from: "2026-11-01", to: "" })).toBe(false);
    expect(validPeriod({ from: "1/11/2026", to: "2026-11-30" })).toBe(false);
  });
});
