/**
 * KPIs and team targets over real HTTP. KPI entry is validated as a whole (one bad value stores
 * nothing) and rates are numerator / denominator; target progress must equal counts computed
 * here, independently, from crafted request and activity rows, including rows just outside the
 * period, other teams' rows, rejected and reopened requests. Access: no access answers 404.
 */
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kpiValues, requests, teamActivities, teamTargets } from "../bot-server/src/db/schema";
import { addFarViewer, T0 } from "./helpers/fixtures";
import { startTestServer, type TestServer } from "./helpers/server";
import { lazySessions, type Person } from "./helpers/sessions";
import { countStatements } from "./helpers/statements";

let s: TestServer;
let farViewer: Person;
const { as } = lazySessions(
  () => s,
  () => ({ farViewer }),
);

/** An instant given in Vietnam local time. */
const vn = (local: string) => new Date(`${local}:00+07:00`);

interface RequestSpec {
  team: "team1" | "team2";
  status: "new" | "in_progress" | "resolved" | "closed";
  resolvedAt: Date | null;
  outcome?: string;
  rejected?: boolean;
}

// February 2026 in Vietnam: 2026-02-01 00:00 to 2026-02-28 24:00 (+07:00).
const REQUESTS: RequestSpec[] = [
  { team: "team1", status: "resolved", resolvedAt: vn("2026-02-10T10:00"), outcome: "guided" },
  { team: "team1", status: "closed", resolvedAt: vn("2026-02-01T00:00"), outcome: "vneid_level2_activated" },
  { team: "team1", status: "closed", resolvedAt: vn("2026-02-28T23:59"), outcome: "vneid_level2_activated" },
  { team: "team1", status: "resolved", resolvedAt: vn("2026-02-14T08:00"), outcome: "dossier_submitted" },
  { team: "team1", status: "closed", resolvedAt: vn("2026-02-20T15:00"), outcome: "vneid_level2_activated" },
  // Just outside the period, on both sides.
  { team: "team1", status: "closed", resolvedAt: vn("2026-01-31T23:59"), outcome: "vneid_level2_activated" },
  { team: "team1", status: "resolved", resolvedAt: vn("2026-03-01T00:00"), outcome: "dossier_submitted" },
  // Another team's work.
  {
    team: "team2",
    status: "resolved",
    resolvedAt: vn("2026-02-12T09:00"),
    outcome: "vneid_level2_activated",
  },
  // Reopened (resolution cleared) and still open.
  { team: "team1", status: "in_progress", resolvedAt: null },
  { team: "team1", status: "new", resolvedAt: null },
  // Rejected after it had been resolved: the resolution time stays, it must not count.
  { team: "team1", status: "closed", resolvedAt: vn("2026-02-15T09:00"), outcome: "guided", rejected: true },
];

interface ActivitySpec {
  team: "team1" | "team2";
  date: string;
  reached: number;
}

const ACTIVITIES: ActivitySpec[] = [
  { team: "team1", date: "2026-02-01", reached: 30 },
  { team: "team1", date: "2026-02-07", reached: 45 },
  { team: "team1", date: "2026-02-28", reached: 12 },
  { team: "team1", date: "2026-01-31", reached: 100 },
  { team: "team1", date: "2026-03-01", reached: 7 },
  { team: "team2", date: "2026-02-14", reached: 64 },
];

const PERIOD = { from: "2026-02-01", to: "2026-02-28" };

/** The expected figure, computed from the specs alone. */
function expected(metric: string, teamKey: "team1" | "team2"): number {
  const start = vn("2026-02-01T00:00").getTime();
  const end = vn("2026-03-01T00:00").getTime();
  const resolved = REQUESTS.filter(
    (r) =>
      r.team === teamKey &&
      !r.rejected &&
      r.resolvedAt !== null &&
      r.resolvedAt.getTime() >= start &&
      r.resolvedAt.getTime() < end,
  );
  const activities = ACTIVITIES.filter(
    (a) => a.team === teamKey && a.date >= PERIOD.from && a.date <= PERIOD.to,
  );
  switch (metric) {
    case "requests_resolved":
      return resolved.length;
    case "vneid_level2_activated":
    case "dossier_submitted":
      return resolved.filter((r) => r.outcome === metric).length;
    case "activities":
      return activities.length;
    case "residents_reached":
      return activities.reduce((sum, a) => sum + a.reached, 0);
    default:
      throw new Error(metric);
  }
}

function craftRows() {
  const w = s.world;
  for (const r of REQUESTS) {
    const teamId = w.teams[r.team];
    s.db
      .insert(requests)
      .values({
        kind: "help",
        category: "vneid_level2",
        text: "Nhờ tổ giúp kích hoạt định danh điện tử",
        villageId: r.team === "team1" ? w.units.village1 : w.units.village2,
        communeId: w.units.commune,
        teamId,
        routedTo: "team",
        requesterPersonId: w.people.citizen.id,
        filedByPersonId: w.people.citizen.id,
        status: r.status,
        ownerPersonId: r.status === "in_progress" ? w.people.member1.id : null,
        claimDueAt: T0,
        resolveDueAt: T0,
        resolvedAt: r.resolvedAt,
        closedAt: r.status === "closed" ? (r.resolvedAt ?? vn("2026-02-11T08:00")) : null,
        outcomeCode: r.resolvedAt ? (r.outcome ?? null) : null,
        rejectReason: r.rejected ? "spam" : null,
        createdAt: vn("2026-01-20T08:00"),
        updatedAt: T0,
      })
      .run();
  }
  for (const a of ACTIVITIES) {
    const author = a.team === "team1" ? w.people.member1.id : w.people.member2.id;
    s.db
      .insert(teamActivities)
      .values({
        teamId: w.teams[a.team],
        activityDate: a.date,
        form: "door_to_door",
        topic: "Ra quân hỗ trợ từng nhà",
        place: "Các hộ trong thôn",
        memberPersonIds: [author],
        residentsReached: a.reached,
        photoIds: [],
        authorPersonId: author,
        createdAt: T0,
        updatedAt: T0,
      })
      .run();
  }
}

beforeAll(async () => {
  s = await startTestServer();
  craftRows();
  // A viewer of another province: sees nothing of this one.
  farViewer = addFarViewer(s.db);
});
afterAll(async () => {
  await s.close();
});

describe("KPIs", () => {
  const month = "2026-02";
  const good = [
    { indicator: "online_dossier_rate", numerator: 37, denominator: 50, source: "Cổng DVC tỉnh, 02/03" },
    { indicator: "vneid_level2_rate", numerator: 1203, denominator: 1580 },
  ];

  it("stores a month's indicators for the commune admin and answers with rates", async () => {
    const r = await as("admin", "PUT", "/api/admin/kpi", {
      communeId: s.world.units.commune,
      month,
      values: good,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({
      communeId: s.world.units.commune,
      communeName: "Xã Thử Nghiệm",
      from: month,
      to: month,
    });
    expect(r.json.items).toEqual([
      expect.objectContaining({
        month,
        indicator: "online_dossier_rate",
        numerator: 37,
        denominator: 50,
        rate: 0.74,
      }),
      expect.objectContaining({
        month,
        indicator: "vneid_level2_rate",
        rate: Math.round((1203 / 1580) * 1e4) / 1e4,
      }),
    ]);
    expect(r.json.items[0].source).toBe("Cổng DVC tỉnh, 02/03");
  });

  it("replaces a figure entered again for the same month and indicator", async () => {
    const r = await as("admin", "PUT", "/api/admin/kpi", {
      communeId: s.world.units.commune,
      month,
      values: [{ indicator: "online_dossier_rate", numerator: 40, denominator: 50 }],
    });
    expect(r.status).toBe(200);
    expect(
      r.json.items.find((v: { indicator: string }) => v.indicator === "online_dossier_rate"),
    ).toMatchObject({
      numerator: 40,
      rate: 0.8,
      source: null,
    });
    expect(s.db.select().from(kpiValues).all()).toHaveLength(2);
  });

  it.each([
    [
      "a numerator above the denominator",
      [{ indicator: "online_payment_rate", numerator: 51, denominator: 50 }],
      "values.1.numerator",
    ],
    [
      "a zero denominator",
      [{ indicator: "online_payment_rate", numerator: 0, denominator: 0 }],
      "values.1.denominator",
    ],
    [
      "a negative numerator",
      [{ indicator: "online_payment_rate", numerator: -1, denominator: 5 }],
      "values.1.numerator",
    ],
    [
      "an unknown indicator",
      [{ indicator: "happiness_rate", numerator: 1, denominator: 5 }],
      "values.1.indicator",
    ],
    [
      "the same indicator twice",
      [{ indicator: "online_dossier_rate", numerator: 1, denominator: 5 }],
      "values",
    ],
  ])("refuses %s and stores nothing of the batch", async (_name, bad, field) => {
    const before = s.db.select().from(kpiValues).all();
    const r = await as("admin", "PUT", "/api/admin/kpi", {
      communeId: s.world.units.commune,
      month: "2026-03",
      values: [{ indicator: "online_dossier_rate", numerator: 1, denominator: 2 }, ...bad],
    });
    expect(r.status).toBe(400);
    expect(r.json.error.fields[field]).toBeTruthy();
    expect(s.db.select().from(kpiValues).all()).toEqual(before);
  });

  it("refuses a bad month, and answers 404 to anyone but the commune's admin", async () => {
    const bad = await as("admin", "PUT", "/api/admin/kpi", {
      communeId: s.world.units.commune,
      month: "2026-13",
      values: good,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.month).toBeTruthy();
    const before = s.db.select().from(kpiValues).all();
    // Today is 2 March 2026 in Vietnam: April's figures cannot exist yet.
    const future = await as("admin", "PUT", "/api/admin/kpi", {
      communeId: s.world.units.commune,
      month: "2026-04",
      values: good,
    });
    expect(future.status).toBe(400);
    expect(future.json.error.fields.month).toMatch(/chưa đến/);
    for (const who of ["otherAdmin", "leader1", "viewer", "citizen"]) {
      const r = await as(who, "PUT", "/api/admin/kpi", {
        communeId: s.world.units.commune,
        month: "2026-04",
        values: good,
      });
      expect(r.status, who).toBe(404);
    }
    // A village is not a commune.
    const village = await as("admin", "PUT", "/api/admin/kpi", {
      communeId: s.world.units.village1,
      month: "2026-04",
      values: good,
    });
    expect(village.status).toBe(404);
    expect(s.db.select().from(kpiValues).all()).toEqual(before);
  });

  it("is readable by the commune's admins, its team members and viewers above it; 404 for others", async () => {
    const path = `/api/kpi?communeId=${s.world.units.commune}&from=2026-01&to=2026-03`;
    for (const who of ["admin", "member1", "leader2", "poolLeader", "viewer"]) {
      const r = await as(who, "GET", path);
      expect(r.status, who).toBe(200);
      expect(r.json.items.map((v: { indicator: string }) => v.indicator)).toEqual([
        "online_dossier_rate",
        "vneid_level2_rate",
      ]);
    }
    for (const who of ["otherAdmin", "otherMember", "citizen", "farViewer", "formerMember3"]) {
      const r = await as(who, "GET", path);
      expect(r.status, who).toBe(404);
    }
    const empty = await as(
      "admin",
      "GET",
      `/api/kpi?communeId=${s.world.units.commune}&from=2025-01&to=2025-12`,
    );
    expect(empty.json.items).toEqual([]);
    // Default: the twelve months up to this one (T0 is March 2026).
    const byDefault = await as("admin", "GET", `/api/kpi?communeId=${s.world.units.commune}`);
    expect(byDefault.json).toMatchObject({ from: "2025-04", to: "2026-03" });
    expect(byDefault.json.items).toHaveLength(2);
    const backwards = await as(
      "admin",
      "GET",
      `/api/kpi?communeId=${s.world.units.commune}&from=2026-03&to=2026-01`,
    );
    expect(backwards.status).toBe(400);
  });
});

describe("team targets", () => {
  const METRICS = [
    "requests_resolved",
    "vneid_level2_activated",
    "dossier_submitted",
    "activities",
    "residents_reached",
  ];
  const TARGET = {
    requests_resolved: 10,
    vneid_level2_activated: 4,
    dossier_submitted: 2,
    activities: 4,
    residents_reached: 200,
  } as Record<string, number>;

  it("sets targets (201) and measures progress from our records over the whole period", async () => {
    for (const metric of METRICS) {
      const r = await as("admin", "PUT", "/api/admin/targets", {
        teamId: s.world.teams.team1,
        periodFrom: PERIOD.from,
        periodTo: PERIOD.to,
        metric,
        target: TARGET[metric],
      });
      expect(r.status, r.text).toBe(201);
      expect(r.json).toMatchObject({
        metric,
        actual: expected(metric, "team1"),
        teamName: "Tổ CNSCĐ Thôn Một",
      });
    }
    const r = await as("member1", "GET", `/api/teams/${s.world.teams.team1}/targets?on=2026-02-15`);
    expect(r.status).toBe(200);
    expect(r.json.items).toHaveLength(METRICS.length);
    for (const item of r.json.items) {
      const actual = expected(item.metric, "team1");
      expect(item.actual, item.metric).toBe(actual);
      expect(item.share, item.metric).toBeCloseTo(actual / (TARGET[item.metric as string] ?? Number.NaN), 4);
    }
    // The crafted rows give a non-trivial answer for each metric.
    expect(METRICS.map((m) => expected(m, "team1"))).toEqual([5, 3, 1, 3, 87]);
  });

  it("replaces a target set again for the same team, period and metric (200)", async () => {
    const r = await as("admin", "PUT", "/api/admin/targets", {
      teamId: s.world.teams.team1,
      periodFrom: PERIOD.from,
      periodTo: PERIOD.to,
      metric: "activities",
      target: 6,
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ target: 6, actual: 3, share: 0.5 });
    expect(s.db.select().from(teamTargets).all()).toHaveLength(METRICS.length);
  });

  it("shows only the targets whose period covers the date asked (default today)", async () => {
    const march = await as("admin", "PUT", "/api/admin/targets", {
      teamId: s.world.teams.team1,
      periodFrom: "2026-03-01",
      periodTo: "2026-03-31",
      metric: "activities",
      target: 8,
    });
    expect(march.status).toBe(201);
    // Activities dated 2026-03-01 count for March.
    expect(march.json.actual).toBe(
      ACTIVITIES.filter((a) => a.team === "team1" && a.date.startsWith("2026-03")).length,
    );
    const today = await as("leader1", "GET", `/api/teams/${s.world.teams.team1}/targets`);
    expect(today.json.items.map((t: { id: number }) => t.id)).toEqual([march.json.id]);
    const lastDay = await as("leader1", "GET", `/api/teams/${s.world.teams.team1}/targets?on=2026-02-28`);
    expect(lastDay.json.items).toHaveLength(METRICS.length);
    const before = await as("leader1", "GET", `/api/teams/${s.world.teams.team1}/targets?on=2026-01-31`);
    expect(before.json.items).toEqual([]);
  });

  it("lists every team's targets of the commune for its admin", async () => {
    const t2 = await as("admin", "PUT", "/api/admin/targets", {
      teamId: s.world.teams.team2,
      periodFrom: PERIOD.from,
      periodTo: PERIOD.to,
      metric: "residents_reached",
      target: 100,
    });
    expect(t2.json).toMatchObject({ actual: expected("residents_reached", "team2"), share: 0.64 });
    const all = await as("admin", "GET", `/api/admin/targets?communeId=${s.world.units.commune}`);
    expect(all.status).toBe(200);
    expect(all.json.items).toHaveLength(METRICS.length + 2);
    expect(new Set(all.json.items.map((t: { teamId: number }) => t.teamId))).toEqual(
      new Set([s.world.teams.team1, s.world.teams.team2]),
    );
    const onDay = await as(
      "admin",
      "GET",
      `/api/admin/targets?communeId=${s.world.units.commune}&on=2026-03-10`,
    );
    expect(onDay.json.items).toHaveLength(1);
    for (const who of ["otherAdmin", "leader1", "viewer"]) {
      const r = await as(who, "GET", `/api/admin/targets?communeId=${s.world.units.commune}`);
      expect(r.status, who).toBe(404);
    }
  });

  it("measures every listed target, in reads that do not grow with the number of targets", async () => {
    /** SQL statements the server prepares while answering the admin list. */
    const statementsOfList = async () => {
      const { n, result: r } = await countStatements(s.db, async () =>
        as("admin", "GET", `/api/admin/targets?communeId=${s.world.units.commune}`),
      );
      expect(r.status).toBe(200);
      return {
        n,
        items: r.json.items as { teamId: number; metric: string; periodFrom: string; actual: number }[],
      };
    };
    const first = await statementsOfList();
    const current = first.items.filter((t) => t.periodFrom === PERIOD.from);
    // The targets the tests above set for this period: every metric of team 1, one of team 2.
    expect(current).toHaveLength(METRICS.length + 1);
    for (const item of current) {
      const team = item.teamId === s.world.teams.team1 ? "team1" : "team2";
      expect(item.actual, `${team} ${item.metric}`).toBe(expected(item.metric, team));
    }
    // Past periods pile up over the years: each one is one more target in the list.
    const added: number[] = [];
    for (const [i, month] of ["2025-09", "2025-10", "2025-11", "2025-12"].entries()) {
      const r = await as("admin", "PUT", "/api/admin/targets", {
        teamId: s.world.teams.team2,
        periodFrom: `${month}-01`,
        periodTo: `${month}-28`,
        metric: METRICS[i],
        target: 5,
      });
      expect(r.status).toBe(201);
      added.push(r.json.id);
    }
    const more = await statementsOfList();
    expect(more.items).toHaveLength(first.items.length + 4);
    expect(more.n).toBe(first.n);
    s.db.delete(teamTargets).where(inArray(teamTargets.id, added)).run();
  });

  it("answers 404 for another team's members, other communes' admins and viewers", async () => {
    for (const who of ["member2", "otherAdmin", "otherMember", "viewer", "citizen", "farViewer"]) {
      const r = await as(who, "GET", `/api/teams/${s.world.teams.team1}/targets`);
      expect(r.status, who).toBe(404);
    }
    const admin = await as("admin", "GET", `/api/teams/${s.world.teams.team1}/targets`);
    expect(admin.status).toBe(200);
  });

  it("refuses bad targets and other communes' admins, changing nothing", async () => {
    const before = s.db.select().from(teamTargets).all();
    const base = {
      teamId: s.world.teams.team1,
      periodFrom: "2026-04-01",
      periodTo: "2026-04-30",
      metric: "activities",
      target: 5,
    };
    for (const [body, field] of [
      [{ ...base, periodTo: "2026-03-31" }, "periodTo"],
      [{ ...base, target: 0 }, "target"],
      [{ ...base, metric: "smiles" }, "metric"],
      [{ ...base, periodFrom: "2026-04-31" }, "periodFrom"],
    ] as const) {
      const r = await as("admin", "PUT", "/api/admin/targets", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.fields[field]).toBeTruthy();
    }
    for (const who of ["otherAdmin", "leader1"]) {
      const r = await as(who, "PUT", "/api/admin/targets", base);
      expect(r.status, who).toBe(404);
    }
    const otherTeam = await as("admin", "PUT", "/api/admin/targets", {
      ...base,
      teamId: s.world.teams.otherTeam,
    });
    expect(otherTeam.status).toBe(404);
    expect(s.db.select().from(teamTargets).all()).toEqual(before);
  });

  it("deletes a target for the commune admin only", async () => {
    const [target] = s.db.select().from(teamTargets).all();
    if (!target) throw new Error("no target");
    for (const who of ["otherAdmin", "leader1"]) {
      const r = await as(who, "DELETE", `/api/admin/targets/${target.id}`);
      expect(r.status, who).toBe(404);
    }
    const r = await as("admin", "DELETE", `/api/admin/targets/${target.id}`);
    expect(r.status).toBe(204);
    expect(
      s.db
        .select()
        .from(teamTargets)
        .all()
        .map((t) => t.id),
    ).not.toContain(target.id);
    const again = await as("admin", "DELETE", `/api/admin/targets/${target.id}`);
    expect(again.status).toBe(404);
  });
});
