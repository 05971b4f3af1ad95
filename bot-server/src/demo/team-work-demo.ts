/**
 * Demo team work for Cẩm Thanh (and one Cẩm Phô team): logged activities, including a
 * "Ngày thứ 7 – Ngày hội công dân số" help day still inside its edit window; this month's and
 * last month's KPIs; two targets for Thôn 1's team; about twenty answers to the one-stop desk's
 * satisfaction survey. Runs inside the demo loader's transaction, after teams and people exist.
 */
import type { ActivityForm, KpiIndicator, SurveyField, TargetMetric } from "@cau-noi/shared";
import { and, asc, eq, isNull } from "drizzle-orm";
import { DAY_MS, VIETNAM_OFFSET_MS } from "../calendar/vietnam-time";
import { WorkingCalendar } from "../calendar/working-time";
import type { Tx } from "../db/client";
import {
  kpiValues,
  memberships,
  surveyResponses,
  teamActivities,
  teamActivityRevisions,
  teams,
  teamTargets,
} from "../db/schema";

const HOUR = 3_600_000;

/** What the demo loader knows once units and people are in (a subset of its context). */
export interface TeamWorkSeedContext {
  tx: Tx;
  now: Date;
  unitIds: Map<string, number>;
  personByKey: Map<string, number>;
}

interface DemoActivity {
  villageCode: string;
  /** Days before today (Vietnam date); `saturday` means the most recent Saturday before today. */
  day: number | "saturday";
  form: ActivityForm;
  topic: string;
  place: string;
  /** How many of the team's members took part (leader first), the author always among them. */
  memberCount: number;
  author: "leader" | "member";
  residentsReached: number;
  leaflets: number;
  note?: string;
}

const DEMO_ACTIVITIES: readonly DemoActivity[] = [
  {
    villageCode: "CAMTHANH-T1",
    day: "saturday",
    form: "help_day",
    topic:
      "Ngày thứ 7 – Ngày hội công dân số: kích hoạt VNeID mức 2, cài VssID, thanh toán không dùng tiền mặt",
    place: "Nhà văn hóa Thôn 1",
    memberCount: 4,
    author: "member",
    residentsReached: 46,
    leaflets: 80,
    note: "Nhiều người cao tuổi cần hỗ trợ đặt lại mật khẩu VNeID; hẹn hỗ trợ tiếp tại nhà.",
  },
  {
    villageCode: "CAMTHANH-T1",
    day: 12,
    form: "door_to_door",
    topic: "Ra quân hỗ trợ đến từng hộ: cài ứng dụng Cầu Nối trên Zalo, hướng dẫn gửi phản ánh",
    place: "Các hộ xóm Bàu Ốc",
    memberCount: 3,
    author: "leader",
    residentsReached: 23,
    leaflets: 30,
  },
  {
    villageCode: "CAMTHANH-T1",
    day: 20,
    form: "propaganda_session",
    topic: "Tuyên truyền phòng, chống lừa đảo trên không gian mạng tại buổi họp thôn",
    place: "Hội trường Thôn 1",
    memberCount: 2,
    author: "leader",
    residentsReached: 65,
    leaflets: 120,
  },
  {
    villageCode: "CAMTHANH-T2",
    day: 5,
    form: "one_stop_duty",
    topic: "Trực hỗ trợ người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa",
    place: "UBND xã Cẩm Thanh",
    memberCount: 2,
    author: "member",
    residentsReached: 18,
    leaflets: 0,
  },
  {
    villageCode: "CAMPHO-KP2",
    day: 9,
    form: "training",
    topic: "Tập huấn kỹ năng hướng dẫn dịch vụ công trực tuyến cho thành viên tổ",
    place: "Nhà văn hóa Khối phố 2",
    memberCount: 5,
    author: "leader",
    residentsReached: 0,
    leaflets: 0,
  },
];

/** This month's and last month's figures, as copied from the provincial systems. */
const DEMO_KPIS: ReadonlyArray<{
  indicator: KpiIndicator;
  thisMonth: [number, number];
  lastMonth: [number, number];
}> = [
  { indicator: "online_dossier_rate", thisMonth: [148, 186], lastMonth: [131, 180] },
  { indicator: "online_payment_rate", thisMonth: [97, 148], lastMonth: [82, 131] },
  { indicator: "vneid_level2_rate", thisMonth: [5120, 6410], lastMonth: [4985, 6402] },
  { indicator: "e_health_record_rate", thisMonth: [3870, 6410], lastMonth: [3602, 6402] },
];
const KPI_SOURCE = "Cổng Dịch vụ công tỉnh Quảng Nam; Công an xã (VNeID)";

const DEMO_TARGETS: ReadonlyArray<{ metric: TargetMetric; target: number }> = [
  { metric: "requests_resolved", target: 15 },
  { metric: "vneid_level2_activated", target: 10 },
];

/** [field, stars, days ago, comment?]: about twenty answers over the last six weeks. */
const DEMO_SURVEY: ReadonlyArray<[SurveyField, number, number, string?]> = [
  ["civil_status", 5, 1, "Cán bộ hướng dẫn tận tình, làm giấy khai sinh rất nhanh."],
  ["civil_status", 5, 2],
  ["civil_status", 4, 4],
  ["civil_status", 5, 8],
  ["civil_status", 3, 15, "Phải chờ hơi lâu vì đông người."],
  ["certification", 5, 1],
  ["certification", 4, 3],
  ["certification", 5, 9],
  ["certification", 4, 22],
  ["land", 3, 2, "Mong xã niêm yết rõ thời gian trả kết quả hồ sơ đất đai."],
  ["land", 4, 11],
  ["land", 2, 26, "Hồ sơ phải bổ sung hai lần."],
  ["social_affairs", 5, 5],
  ["social_affairs", 5, 17],
  ["residence", 4, 6],
  ["residence", 5, 12, "Được hướng dẫn nộp trực tuyến trên VNeID, không phải đi lại."],
  ["residence", 5, 30],
  ["business", 4, 19],
  ["construction", 3, 33],
  ["other", 5, 40],
];
const SURVEY_RESPONDENTS = [
  "citizen-camthanh",
  "citizen-camthanh-t2",
  "citizen-camthanh-t3",
  "citizen-camthanh-t4",
];

function lookup(map: Map<string, number>, key: string, what: string): number {
  const value = map.get(key);
  if (value === undefined) throw new Error(`team work demo: unknown ${what} ${key}`);
  return value;
}

/** The local date `days` days before `now`, and an instant at a local hour on that date. */
function localDay(now: Date, days: number): string {
  return WorkingCalendar.localDate(new Date(now.getTime() - days * DAY_MS));
}
function atLocal(date: string, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + hour * HOUR - VIETNAM_OFFSET_MS);
}

function lastSaturdayDaysAgo(now: Date): number {
  const weekday = new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCDay();
  return weekday === 6 ? 7 : (weekday + 1) % 7;
}

/** The village team's active members, leader first. */
function teamOf(ctx: TeamWorkSeedContext, villageCode: string) {
  const team = ctx.tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.unitId, lookup(ctx.unitIds, villageCode, "unit")), eq(teams.kind, "village")))
    .get();
  if (!team) throw new Error(`team work demo: no team in ${villageCode}`);
  const members = ctx.tx
    .select({ personId: memberships.personId, isLeader: memberships.isLeader })
    .from(memberships)
    .where(and(eq(memberships.teamId, team.id), isNull(memberships.activeTo)))
    .orderBy(asc(memberships.id))
    .all();
  const leader = members.find((m) => m.isLeader);
  const others = members.filter((m) => !m.isLeader).map((m) => m.personId);
  if (!leader || others.length === 0)
    throw new Error(`team work demo: ${villageCode} needs a leader and a member`);
  return { teamId: team.id, people: [leader.personId, ...others] };
}

/** The team's member the sandbox offers as a persona (so they can edit their entry), else the first member. */
function personaMemberOf(ctx: TeamWorkSeedContext, people: number[]): number | undefined {
  const personas = new Set(
    [...ctx.personByKey].filter(([key]) => key.startsWith("member-")).map(([, id]) => id),
  );
  return people.slice(1).find((p) => personas.has(p)) ?? people[1];
}

function insertActivities(ctx: TeamWorkSeedContext) {
  for (const a of DEMO_ACTIVITIES) {
    const team = teamOf(ctx, a.villageCode);
    const daysAgo = a.day === "saturday" ? lastSaturdayDaysAgo(ctx.now) : a.day;
    const activityDate = localDay(ctx.now, daysAgo);
    // Logged the same evening, so its edit window runs from then.
    const loggedAt = atLocal(activityDate, 18);
    const author = a.author === "leader" ? team.people[0] : personaMemberOf(ctx, team.people);
    if (author === undefined) throw new Error("team work demo: no author");
    const memberPersonIds = [
      author,
      ...team.people.filter((p) => p !== author).slice(0, Math.max(0, a.memberCount - 1)),
    ];
    const row = ctx.tx
      .insert(teamActivities)
      .values({
        teamId: team.teamId,
        clientId: null,
        activityDate,
        form: a.form,
        topic: a.topic,
        place: a.place,
        memberPersonIds,
        residentsReached: a.residentsReached,
        leaflets: a.leaflets,
        photoIds: [],
        note: a.note ?? null,
        authorPersonId: author,
        createdAt: loggedAt,
        updatedAt: loggedAt,
      })
      .returning()
      .get();
    ctx.tx
      .insert(teamActivityRevisions)
      .values({
        activityId: row.id,
        revision: 1,
        snapshot: {
          activityDate,
          form: a.form,
          topic: a.topic,
          place: a.place,
          memberPersonIds,
          residentsReached: a.residentsReached,
          leaflets: a.leaflets,
          photoIds: [],
          note: a.note ?? null,
        },
        editedByPersonId: author,
        createdAt: loggedAt,
      })
      .run();
  }
}

function insertKpis(ctx: TeamWorkSeedContext, communeId: number, admin: number) {
  const thisMonth = WorkingCalendar.localDate(ctx.now).slice(0, 7);
  const [y = 0, m = 1] = thisMonth.split("-").map(Number);
  const lastMonth = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
  for (const k of DEMO_KPIS) {
    for (const [month, [numerator, denominator]] of [
      [thisMonth, k.thisMonth],
      [lastMonth, k.lastMonth],
    ] as const) {
      ctx.tx
        .insert(kpiValues)
        .values({
          communeId,
          month,
          indicator: k.indicator,
          numerator,
          denominator,
          source: KPI_SOURCE,
          enteredByPersonId: admin,
          updatedAt: ctx.now,
        })
        .run();
    }
  }
}

function insertTargets(ctx: TeamWorkSeedContext, admin: number) {
  const { teamId } = teamOf(ctx, "CAMTHANH-T1");
  const today = WorkingCalendar.localDate(ctx.now);
  const [y = 0, m = 1] = today.split("-").map(Number);
  const periodFrom = `${today.slice(0, 7)}-01`;
  const periodTo = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  for (const t of DEMO_TARGETS) {
    ctx.tx
      .insert(teamTargets)
      .values({ teamId, periodFrom, periodTo, ...t, setByPersonId: admin, updatedAt: ctx.now })
      .run();
  }
}

function insertSurvey(ctx: TeamWorkSeedContext, communeId: number) {
  DEMO_SURVEY.forEach(([field, rating, daysAgo, comment], i) => {
    const respondent = SURVEY_RESPONDENTS[i % SURVEY_RESPONDENTS.length] as string;
    ctx.tx
      .insert(surveyResponses)
      .values({
        communeId,
        field,
        rating,
        comment: comment ?? null,
        personId: lookup(ctx.personByKey, respondent, "person"),
        clientId: `demo-survey-${i + 1}`,
        createdAt: atLocal(localDay(ctx.now, daysAgo), 8 + (i % 8)),
      })
      .run();
  });
}

export function seedTeamWorkDemo(ctx: TeamWorkSeedContext) {
  const camThanh = lookup(ctx.unitIds, "CAMTHANH", "unit");
  const admin = lookup(ctx.personByKey, "admin-camthanh", "person");
  insertActivities(ctx);
  insertKpis(ctx, camThanh, admin);
  insertTargets(ctx, admin);
  insertSurvey(ctx, camThanh);
}
