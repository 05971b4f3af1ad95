/**
 * The report's figures against the crafted February (reports-fixtures.ts): each figure is
 * computed again here from the fixture definitions, and the edge cases are also spelled out as
 * literal answers (boundary-crossing, reopened, claimed without history, midnight in Vietnam
 * time, members who left or joined mid-month, one person in two teams).
 */
import { describe, expect, it } from "vitest";
import type { Db } from "../bot-server/src/db/client";
import { buildReport } from "../bot-server/src/reports/build-report";
import { buildCharts } from "../bot-server/src/reports/charts";
import { buildFundingEvidence } from "../bot-server/src/reports/funding";
import { buildProvinceTable } from "../bot-server/src/reports/province-table";
import { memoryDatabase } from "./helpers/db";
import { buildWorld, type World } from "./helpers/fixtures";
import {
  ACTIVITIES,
  CRAFTED,
  type CraftedRequest,
  craftFebruary,
  FEB,
  NOTE_WITH_PHONE,
  vn,
} from "./reports-fixtures";

function setup() {
  const { db } = memoryDatabase();
  const world = buildWorld(db);
  const crafted = craftFebruary(db, world);
  return { db, world, crafted };
}

const START = vn("2026-02-01 00:00").getTime();
const END = vn("2026-03-01 00:00").getTime();
const inFeb = (d: Date | undefined) => d !== undefined && d.getTime() >= START && d.getTime() < END;
const OPEN = ["new", "claimed", "in_progress", "escalated"];
const OURS = (r: CraftedRequest) => r.village !== "otherVillage";
const nearestRank = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
};
const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;

function communeReport(db: Db, world: World) {
  return buildReport(db, { unitId: world.units.commune, ...FEB });
}

describe("report figures", () => {
  it("counts requests as the crafted data says, with the period in Vietnam time", () => {
    const { db, world } = setup();
    const report = communeReport(db, world);
    const ours = CRAFTED.filter(OURS);
    const created = ours.filter((r) => inFeb(r.createdAt));
    const resolved = ours.filter((r) => inFeb(r.resolvedAt));

    expect(report.requests.created).toBe(created.length);
    expect(report.requests.created).toBe(8); // R1 R3 R4 R5 R6 R7 R10 R12 (not R11 at 00:10 on 1 March)
    expect(report.requests.byKind.map((k) => [k.code, k.count])).toEqual([
      ["help", created.filter((r) => r.kind === "help").length],
      ["field_report", created.filter((r) => r.kind === "field_report").length],
      ["question", created.filter((r) => r.kind === "question").length],
    ]);
    for (const category of new Set(created.map((r) => r.category))) {
      const row = report.requests.byCategory.find((c) => c.code === category);
      expect(row?.count, category).toBe(created.filter((r) => r.category === category).length);
    }
    expect(report.requests.byCategory.find((c) => c.code === "vneid_level2")?.label).toBe(
      "Định danh điện tử VNeID mức 2",
    );
    expect(report.requests.stillOpen).toBe(created.filter((r) => OPEN.includes(r.status)).length);
    expect(report.requests.stillOpen).toBe(4);

    // R2 (filed 28 January) counts as resolved in February; R7 (resolved 2 March) does not.
    expect(report.requests.resolved).toBe(resolved.length);
    expect(report.requests.resolved).toBe(3);
    expect(report.requests.resolvedFiledBefore).toBe(resolved.filter((r) => !inFeb(r.createdAt)).length);
    expect(report.requests.resolvedFiledBefore).toBe(1);
    const outcomes = Object.fromEntries(report.requests.byOutcome.map((o) => [o.code, o.count]));
    expect(outcomes).toEqual({ vneid_level2_activated: 1, guided: 1, fixed: 1 });

    const onTime = resolved.filter((r) => r.resolvedAt && r.resolvedAt <= r.resolveDueAt).length;
    expect(report.requests.onTime).toEqual({
      resolved: resolved.length,
      onTime,
      share: Math.round((onTime / resolved.length) * 10_000) / 10_000,
    });
    expect(report.requests.onTime.onTime).toBe(2);

    expect(report.requests.rejected).toBe(1);
    expect(report.requests.byRejectReason).toEqual([{ code: "spam", label: "Tin rác", count: 1 }]);
    // R3 reopened once, counted once.
    expect(report.requests.reopened).toEqual({ requests: 1, times: 1 });
  });

  it("times claims from the first claim in the history and resolutions to the last one", () => {
    const { db, world } = setup();
    const report = communeReport(db, world);
    const ours = CRAFTED.filter(OURS);
    const claimHours = ours
      .filter((r) => inFeb(r.createdAt))
      .flatMap((r) => {
        const first = r.claimEvents?.[0] ?? r.claimedAt;
        return first ? [hours(r.createdAt, first)] : [];
      });
    expect(claimHours.sort((a, b) => a - b)).toEqual([1, 2, 4, 6]); // R5 via claimed_at; R3's first claim
    expect(report.requests.timeToClaim).toEqual({
      count: 4,
      medianHours: nearestRank(claimHours, 0.5),
      p90Hours: nearestRank(claimHours, 0.9),
    });
    expect(report.requests.timeToClaim.medianHours).toBe(2);

    const resolveHours = ours
      .filter((r) => inFeb(r.resolvedAt))
      .map((r) => hours(r.createdAt, r.resolvedAt as Date));
    expect(resolveHours.sort((a, b) => a - b)).toEqual([24, 96, 120]);
    expect(report.requests.timeToResolve).toEqual({ count: 3, medianHours: 96, p90Hours: 120 });
  });

  it("counts ratings given in the period, whenever the request was filed", () => {
    const { db, world } = setup();
    const ratings = buildReport(db, { unitId: world.units.commune, ...FEB }).requests.ratings;
    const rated = CRAFTED.filter((r) => OURS(r) && inFeb(r.ratedAt)).map((r) => r.rating as number);
    expect(rated.sort()).toEqual([3, 4, 5]);
    expect(ratings.count).toBe(3);
    expect(ratings.average).toBe(4);
    expect(ratings.distribution).toEqual(
      [1, 2, 3, 4, 5].map((n) => ({ rating: n, count: rated.filter((r) => r === n).length })),
    );
  });

  it("counts members active in the period, joiners, leavers and civic roles", () => {
    const { db, world } = setup();
    const o = communeReport(db, world).organisation;
    expect(o).toMatchObject({ villages: 3, teams: 3, villagesWithTeam: 3, poolTeams: 1 });
    // leader1 member1 member1b joinedFeb | leader2 member2 leftFeb | formerMember3 | poolLeader (+ member2 again)
    expect(o.members).toEqual({ activeInPeriod: 9, atPeriodEnd: 8, joined: 1, left: 1, leaders: 3 });
    const roles = Object.fromEntries(o.byCivicRole.filter((r) => r.count > 0).map((r) => [r.code, r.count]));
    expect(roles).toEqual({ village_head: 3, youth_union: 4, womens_union: 1, police: 1 });
    expect(o.byCivicRole.find((r) => r.code === "youth_union")?.share).toBe(0.4444);
    expect(o.byCivicRole).toHaveLength(10);
  });

  it("sums activities held in the period by form and by topic (grouped without case and diacritics)", () => {
    const { db, world } = setup();
    const a = communeReport(db, world).activities;
    const ours = ACTIVITIES.filter((x) => x.team !== "otherTeam" && x.date >= FEB.from && x.date <= FEB.to);
    expect(a.count).toBe(ours.length);
    expect(a.count).toBe(4);
    expect(a.residentsReached).toBe(ours.reduce((n, x) => n + x.reached, 0));
    expect(a.leaflets).toBe(ours.reduce((n, x) => n + x.leaflets, 0));
    expect(a.byForm.find((f) => f.code === "help_day")).toMatchObject({
      count: 1,
      residentsReached: 40,
      leaflets: 100,
    });
    expect(a.byForm.find((f) => f.code === "one_stop_duty")).toMatchObject({ count: 0, residentsReached: 0 });
    expect(a.byTopic[0]).toMatchObject({ count: 2, residentsReached: 65, leaflets: 150 });
    expect(a.byTopic[0]?.topic.toLowerCase().replace(/\s+/g, " ")).toBe("hướng dẫn vneid");
    expect(a.byTopic).toHaveLength(3);
  });

  it("reads KPIs of the months in the period, survey answers, undelivered messages and notes", () => {
    const { db, world } = setup();
    const report = communeReport(db, world);
    expect(report.kpis).toEqual([
      {
        indicator: "online_dossier_rate",
        label: "Tỷ lệ hồ sơ trực tuyến",
        month: "2026-02",
        numerator: 80,
        denominator: 100,
        rate: 0.8,
        communes: 1,
      },
    ]);
    expect(report.survey.count).toBe(3);
    expect(report.survey.average).toBe(3.67);
    expect(report.survey.byField.map((f) => [f.code, f.count, f.average])).toEqual([
      ["civil_status", 2, 4.5],
      ["land", 1, 2],
    ]);
    expect(report.notifications.undelivered).toBe(4);
    expect(report.notifications.byReason.map((r) => [r.code, r.count])).toEqual([
      ["retries_exhausted", 2],
      ["crashed_while_sending", 1],
      ["not_a_follower", 1],
    ]);
    expect(report.notes).toEqual({ difficulties: NOTE_WITH_PHONE, proposals: null });
  });

  it("breaks the commune down by village, and a district by commune", () => {
    const { db, world } = setup();
    const rows = communeReport(db, world).rows;
    expect(rows.map((r) => r.unit.name)).toEqual(["Thôn Ba", "Thôn Hai", "Thôn Một"]);
    const byName = Object.fromEntries(rows.map((r) => [r.unit.name, r]));
    expect(byName["Thôn Một"]).toMatchObject({
      teams: 1,
      members: 4,
      requestsCreated: 4,
      requestsResolved: 2,
      onTimeShare: 0.5,
      ratingAverage: 4,
      activities: 2,
      residentsReached: 65,
    });
    expect(byName["Thôn Hai"]).toMatchObject({
      members: 3,
      requestsCreated: 3,
      requestsResolved: 1,
      onTimeShare: 1,
    });
    expect(byName["Thôn Ba"]).toMatchObject({
      members: 1,
      requestsCreated: 1,
      onTimeShare: null,
      ratingAverage: null,
    });

    const district = buildReport(db, { unitId: world.units.district, ...FEB });
    expect(district.rows.map((r) => [r.unit.name, r.requestsCreated, r.requestsResolved])).toEqual([
      ["Xã Bên Cạnh", 1, 1],
      ["Xã Thử Nghiệm", 8, 3],
    ]);
    expect(district.requests.created).toBe(9);
    expect(district.kpis[0]).toMatchObject({ numerator: 130, denominator: 200, rate: 0.65, communes: 2 });
  });

  it("reports a single village: its team, its requests, no commune-level figures", () => {
    const { db, world } = setup();
    const report = buildReport(db, { unitId: world.units.village1, ...FEB });
    expect(report.organisation).toMatchObject({ villages: 1, teams: 1, poolTeams: 0 });
    expect(report.organisation.members.activeInPeriod).toBe(4);
    expect(report.requests.created).toBe(
      CRAFTED.filter((r) => r.village === "village1" && inFeb(r.createdAt)).length,
    );
    expect(report.kpis).toEqual([]);
    expect(report.survey.count).toBe(0);
    expect(report.rows).toEqual([]);
    // R1's failed message and the citizen (home Thôn Một) without a request.
    expect(report.notifications.undelivered).toBe(2);
  });

  it("builds the Phụ lục I table and the funding evidence", () => {
    const { db, world } = setup();
    const table = buildProvinceTable(db, { unitId: world.units.district, ...FEB });
    expect(table.rows.map((r) => [r.unit.name, r.villagesWithTeam, r.villages, r.teams, r.members])).toEqual([
      ["Xã Bên Cạnh", 1, 1, 1, 1],
      ["Xã Thử Nghiệm", 3, 3, 3, 8],
    ]);
    expect(table.totals).toMatchObject({ villages: 4, villagesWithTeam: 4, teams: 4, members: 9 });

    const funding = buildFundingEvidence(db, { unitId: world.units.commune, from: "2026-01-01", to: FEB.to });
    const feb = funding.rows.filter((r) => r.month === "2026-02");
    expect(
      feb.map((r) => [
        r.village,
        r.activeMembers,
        r.activities,
        r.residentsReached,
        r.requestsHandled,
        r.supportVnd,
      ]),
    ).toEqual([
      ["Thôn Ba", 1, 0, 0, 0, 500_000],
      ["Thôn Hai", 3, 1, 12, 1, 500_000],
      ["Thôn Một", 4, 2, 65, 2, 500_000],
    ]);
    // January: Thôn Một had leftJan until 31 January 10:00 and its 31 January training.
    const jan = funding.rows.find((r) => r.month === "2026-01" && r.village === "Thôn Một");
    expect(jan).toMatchObject({ activeMembers: 4, activities: 1, residentsReached: 77, requestsHandled: 1 });
    expect(funding.totals.supportVnd).toBe(6 * 500_000);
  });

  it("gives the dashboard the same figures per day, per village and status", () => {
    const { db, world } = setup();
    const charts = buildCharts(db, { unitId: world.units.commune, ...FEB });
    expect(charts.bucket).toBe("day");
    expect(charts.requestsOverTime).toHaveLength(28);
    const day = (d: string) => charts.requestsOverTime.find((p) => p.start === d);
    expect(day("2026-02-01")).toEqual({ start: "2026-02-01", created: 1, resolved: 0 }); // R12 at 03:00
    expect(day("2026-02-28")).toEqual({ start: "2026-02-28", created: 1, resolved: 0 }); // R10 at 23:30
    expect(day("2026-02-02")?.resolved).toBe(1);
    expect(charts.requestsOverTime.reduce((n, p) => n + p.created, 0)).toBe(8);
    const village1 = charts.byUnitStatus.find((u) => u.unit.id === world.units.village1);
    expect(village1?.total).toBe(4);
    expect(village1?.byStatus.find((s) => s.status === "new")?.count).toBe(1);
    expect(charts.timeToResolve.buckets.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(charts.timeToResolve.buckets.find((b) => b.fromHours === 24)?.count).toBe(1);
    expect(charts.activitiesPerMonth).toEqual([
      { month: "2026-02", count: 4, residentsReached: 107, leaflets: 160 },
    ]);

    const quarter = buildCharts(db, { unitId: world.units.commune, from: "2026-01-01", to: "2026-03-31" });
    expect(quarter.bucket).toBe("week");
    expect(quarter.requestsOverTime[0]?.start).toBe("2026-01-01");
    expect(quarter.requestsOverTime[1]?.start).toBe("2026-01-05"); // a Monday
    expect(quarter.requestsOverTime.reduce((n, p) => n + p.created, 0)).toBe(10); // + R2 and R11
  });
});
