/**
 * Crafted data for the report tests, over the fixture world (tests/helpers/fixtures.ts): the
 * month of February 2026 in commune "Xã Thử Nghiệm" with requests, memberships, activities,
 * KPIs, survey answers, undelivered messages and notes whose report figures are known.
 *
 * Edge cases on purpose: a request filed in January and resolved in February, a request
 * reopened once (first claim 4 h after filing, last resolution 96 h), one claimed only through
 * `claimed_at` (no history), requests a few minutes either side of midnight Vietnam time at both
 * ends of the month, a member who left on 15 February, one who joined on 20 February, one who
 * left before the month, a person in two teams, and data of the neighbouring commune.
 */
import type { CivicRole, RequestKind, RequestStatus } from "@cau-noi/shared";
import type { Db } from "../bot-server/src/db/client";
import {
  kpiValues,
  memberships,
  outboxMessages,
  reportNotes,
  requestEvents,
  requests,
  surveyResponses,
  teamActivities,
} from "../bot-server/src/db/schema";
import { person, type World } from "./helpers/fixtures";

export const FEB = { from: "2026-02-01", to: "2026-02-28" } as const;

/** An instant in Vietnam time: `vn("2026-02-03 08:00")`. */
export const vn = (local: string) => new Date(`${local.replace(" ", "T")}:00+07:00`);
const HOUR = 3_600_000;

export interface CraftedRequest {
  key: string;
  village: "village1" | "village2" | "village3" | "otherVillage";
  team: "team1" | "team2" | "team3" | "pool" | "otherTeam";
  kind: RequestKind;
  category: string;
  status: RequestStatus;
  text: string;
  createdAt: Date;
  /** Claims and assignments in the history (the first one counts). */
  claimEvents?: Date[];
  claimedAt?: Date;
  resolvedAt?: Date;
  resolveDueAt: Date;
  outcomeCode?: string;
  closedAt?: Date;
  rejectReason?: "spam" | "out_of_scope" | "duplicate";
  rating?: number;
  ratedAt?: Date;
  reopenCount?: number;
  owner?: boolean;
}

export const CRAFTED: CraftedRequest[] = [
  {
    key: "R1",
    village: "village1",
    team: "team1",
    kind: "help",
    category: "vneid_level2",
    status: "closed",
    text: "Nhờ giúp kích hoạt VNeID cho bà Tư ở xóm Đông",
    createdAt: vn("2026-02-03 08:00"),
    claimEvents: [vn("2026-02-03 10:00")],
    claimedAt: vn("2026-02-03 10:00"),
    resolvedAt: vn("2026-02-04 08:00"),
    resolveDueAt: vn("2026-02-06 08:00"),
    outcomeCode: "vneid_level2_activated",
    closedAt: vn("2026-02-05 08:00"),
    rating: 5,
    ratedAt: vn("2026-02-05 08:00"),
    owner: true,
  },
  {
    // Filed in January, resolved in February, late.
    key: "R2",
    village: "village1",
    team: "team1",
    kind: "help",
    category: "e_payment",
    status: "resolved",
    text: "Cài ví điện tử giúp ông Năm bán rau",
    createdAt: vn("2026-01-28 08:00"),
    claimEvents: [vn("2026-01-28 09:00")],
    claimedAt: vn("2026-01-28 09:00"),
    resolvedAt: vn("2026-02-02 08:00"),
    resolveDueAt: vn("2026-02-01 17:00"),
    outcomeCode: "guided",
    owner: true,
  },
  {
    // Reopened once: first claim after 4 h, claimed again on reopening, last resolution after 96 h.
    key: "R3",
    village: "village2",
    team: "team2",
    kind: "field_report",
    category: "roads",
    status: "closed",
    text: "Ổ gà lớn trước nhà văn hóa thôn Hai",
    createdAt: vn("2026-02-10 08:00"),
    claimEvents: [vn("2026-02-10 12:00")],
    claimedAt: vn("2026-02-12 08:00"),
    resolvedAt: vn("2026-02-14 08:00"),
    resolveDueAt: vn("2026-02-19 08:00"),
    outcomeCode: "fixed",
    closedAt: vn("2026-02-15 08:00"),
    rating: 4,
    ratedAt: vn("2026-02-15 08:00"),
    reopenCount: 1,
    owner: true,
  },
  {
    key: "R4",
    village: "village2",
    team: "team2",
    kind: "question",
    category: "procedure",
    status: "new",
    text: "Hỏi thủ tục tách thửa đất của nhà ông Sáu",
    createdAt: vn("2026-02-20 08:00"),
    resolveDueAt: vn("2026-02-27 08:00"),
  },
  {
    // Claimed, with no history rows: time to claim falls back to claimed_at (1 h).
    key: "R5",
    village: "village1",
    team: "team1",
    kind: "help",
    category: "vneid_level2",
    status: "in_progress",
    text: "Giúp cô Bảy đăng nhập VNeID",
    createdAt: vn("2026-02-25 08:00"),
    claimedAt: vn("2026-02-25 09:00"),
    resolveDueAt: vn("2026-03-02 08:00"),
    owner: true,
  },
  {
    key: "R6",
    village: "village3",
    team: "pool",
    kind: "help",
    category: "online_dossier",
    status: "closed",
    text: "quảng cáo vay tiền nhanh",
    createdAt: vn("2026-02-05 08:00"),
    closedAt: vn("2026-02-05 10:00"),
    rejectReason: "spam",
    resolveDueAt: vn("2026-02-10 08:00"),
  },
  {
    // Filed in February, resolved in March: created, not resolved, in February.
    key: "R7",
    village: "village1",
    team: "team1",
    kind: "help",
    category: "vneid_level2",
    status: "resolved",
    text: "Giúp anh Tám nộp hồ sơ khai sinh",
    createdAt: vn("2026-02-27 08:00"),
    claimEvents: [vn("2026-02-27 14:00")],
    claimedAt: vn("2026-02-27 14:00"),
    resolvedAt: vn("2026-03-02 08:00"),
    resolveDueAt: vn("2026-03-04 08:00"),
    outcomeCode: "vneid_level2_activated",
    owner: true,
  },
  {
    // December request rated on 1 February: a February rating.
    key: "R8",
    village: "village1",
    team: "team1",
    kind: "help",
    category: "vssid",
    status: "closed",
    text: "Cài VssID cho chú Chín",
    createdAt: vn("2025-12-15 08:00"),
    claimEvents: [vn("2025-12-15 09:00")],
    claimedAt: vn("2025-12-15 09:00"),
    resolvedAt: vn("2026-01-20 08:00"),
    resolveDueAt: vn("2025-12-18 08:00"),
    outcomeCode: "vssid_installed",
    closedAt: vn("2026-02-01 00:30"),
    rating: 3,
    ratedAt: vn("2026-02-01 00:30"),
    owner: true,
  },
  {
    // The neighbouring commune: never in Xã Thử Nghiệm's figures.
    key: "R9",
    village: "otherVillage",
    team: "otherTeam",
    kind: "help",
    category: "vneid_level2",
    status: "resolved",
    text: "Xã bên: giúp bà Mười cài VNeID",
    createdAt: vn("2026-02-10 08:00"),
    claimEvents: [vn("2026-02-10 08:30")],
    claimedAt: vn("2026-02-10 08:30"),
    resolvedAt: vn("2026-02-11 08:00"),
    resolveDueAt: vn("2026-02-13 08:00"),
    outcomeCode: "guided",
    owner: true,
  },
  {
    // 23:30 on the last day, Vietnam time: in February.
    key: "R10",
    village: "village2",
    team: "team2",
    kind: "help",
    category: "vneid_level2",
    status: "new",
    text: "Nhờ xem giúp tài khoản định danh của mẹ",
    createdAt: vn("2026-02-28 23:30"),
    resolveDueAt: vn("2026-03-05 08:00"),
  },
  {
    // 00:10 on 1 March Vietnam time (still 28 February in UTC): not in February.
    key: "R11",
    village: "village2",
    team: "team2",
    kind: "question",
    category: "policy",
    status: "new",
    text: "Nhờ hướng dẫn tra cứu bảo hiểm",
    createdAt: vn("2026-03-01 00:10"),
    resolveDueAt: vn("2026-03-05 08:00"),
  },
  {
    // 03:00 on 1 February Vietnam time (still 31 January in UTC): in February.
    key: "R12",
    village: "village1",
    team: "team1",
    kind: "help",
    category: "vneid_level2",
    status: "new",
    text: "Hỏi cách đổi số điện thoại trên VNeID",
    createdAt: vn("2026-02-01 03:00"),
    resolveDueAt: vn("2026-02-05 08:00"),
  },
];

export interface CraftedActivity {
  team: CraftedRequest["team"];
  date: string;
  form: "propaganda_session" | "training" | "door_to_door" | "one_stop_duty" | "help_day" | "other";
  topic: string;
  reached: number;
  leaflets: number;
}

export const ACTIVITIES: CraftedActivity[] = [
  {
    team: "team1",
    date: "2026-02-07",
    form: "help_day",
    topic: "Hướng dẫn VNeID",
    reached: 40,
    leaflets: 100,
  },
  {
    team: "team1",
    date: "2026-02-14",
    form: "propaganda_session",
    topic: "hướng dẫn  vneid",
    reached: 25,
    leaflets: 50,
  },
  {
    team: "team2",
    date: "2026-02-28",
    form: "door_to_door",
    topic: "Thanh toán không dùng tiền mặt",
    reached: 12,
    leaflets: 0,
  },
  {
    team: "team2",
    date: "2026-03-01",
    form: "door_to_door",
    topic: "Sau kỳ báo cáo",
    reached: 99,
    leaflets: 9,
  },
  {
    team: "team1",
    date: "2026-01-31",
    form: "training",
    topic: "Trước kỳ báo cáo",
    reached: 77,
    leaflets: 7,
  },
  {
    team: "pool",
    date: "2026-02-10",
    form: "training",
    topic: "Tập huấn kỹ năng số",
    reached: 30,
    leaflets: 10,
  },
  { team: "otherTeam", date: "2026-02-10", form: "help_day", topic: "Xã bên", reached: 500, leaflets: 500 },
];

export const NOTE_WITH_PHONE = 'Nhiều hộ chưa có điện thoại thông minh, "khó" liên hệ: 0905 123 457';

export interface Crafted {
  ids: Record<string, number>;
  people: Record<
    "joinedFeb" | "leftFeb" | "leftJan" | "joinsMarch",
    { id: number; name: string; zaloAppUserId: string }
  >;
}

/** Writes the crafted February into a database holding the fixture world. */
export function craftFebruary(db: Db, world: World): Crafted {
  const { units, teams, people } = world;
  const ids: Record<string, number> = {};
  for (const r of CRAFTED) {
    const communeId = r.village === "otherVillage" ? units.otherCommune : units.commune;
    const owner = r.owner
      ? r.team === "team2"
        ? people.leader2.id
        : r.team === "otherTeam"
          ? people.otherMember.id
          : people.member1.id
      : null;
    const row = db
      .insert(requests)
      .values({
        kind: r.kind,
        category: r.category,
        text: r.text,
        villageId: units[r.village],
        communeId,
        teamId: teams[r.team],
        routedTo: r.team === "pool" ? "pool" : "team",
        requesterPersonId: people.citizen.id,
        filedByPersonId: people.citizen.id,
        status: r.status,
        ownerPersonId: owner,
        claimedAt: r.claimedAt ?? null,
        claimDueAt: new Date(r.createdAt.getTime() + 24 * HOUR),
        resolveDueAt: r.resolveDueAt,
        resolvedAt: r.resolvedAt ?? null,
        closedAt: r.closedAt ?? null,
        outcomeCode: r.outcomeCode ?? null,
        rejectReason: r.rejectReason ?? null,
        rating: r.rating ?? null,
        ratedAt: r.ratedAt ?? null,
        reopenCount: r.reopenCount ?? 0,
        createdAt: r.createdAt,
        updatedAt: r.createdAt,
      })
      .returning({ id: requests.id })
      .get();
    ids[r.key] = row.id;
    db.insert(requestEvents)
      .values({
        requestId: row.id,
        actorPersonId: people.citizen.id,
        action: "created",
        toStatus: "new",
        createdAt: r.createdAt,
      })
      .run();
    for (const at of r.claimEvents ?? []) {
      db.insert(requestEvents)
        .values({
          requestId: row.id,
          actorPersonId: owner,
          action: "claimed",
          fromStatus: "new",
          toStatus: "claimed",
          createdAt: at,
        })
        .run();
    }
  }
  // R3's reopening: claimed again on 12 February (after the first claim), which must not count.
  db.insert(requestEvents)
    .values({
      requestId: ids.R3 ?? 0,
      actorPersonId: people.citizen.id,
      action: "reopened",
      fromStatus: "resolved",
      toStatus: "claimed",
      createdAt: vn("2026-02-12 08:00"),
    })
    .run();

  const membership = (
    teamId: number,
    personId: number,
    civicRole: CivicRole,
    from: Date,
    to: Date | null = null,
  ) =>
    db
      .insert(memberships)
      .values({ teamId, personId, civicRole, isLeader: false, activeFrom: from, activeTo: to })
      .run();
  const joinedFeb = person(db, "Phan Thị Mới Vào", units.village1);
  const leftFeb = person(db, "Lý Văn Nghỉ Giữa", units.village2);
  const leftJan = person(db, "Tạ Văn Nghỉ Sớm", units.village1);
  const joinsMarch = person(db, "Kha Thị Tháng Ba", units.village1);
  membership(teams.team1, joinedFeb.id, "womens_union", vn("2026-02-20 08:00"));
  membership(teams.team2, leftFeb.id, "police", vn("2026-01-10 08:00"), vn("2026-02-15 17:00"));
  membership(teams.team1, leftJan.id, "farmers_union", vn("2025-06-01 08:00"), vn("2026-01-31 10:00"));
  membership(teams.team1, joinsMarch.id, "teacher", vn("2026-03-01 00:00"));
  // member2 also joins the commune pool in January: one person, two teams.
  membership(teams.pool, people.member2.id, "youth_union", vn("2026-01-01 08:00"));

  for (const a of ACTIVITIES) {
    db.insert(teamActivities)
      .values({
        teamId: teams[a.team],
        activityDate: a.date,
        form: a.form,
        topic: a.topic,
        place: "Nhà văn hóa",
        memberPersonIds: [people.leader1.id],
        residentsReached: a.reached,
        leaflets: a.leaflets,
        photoIds: [],
        authorPersonId: people.leader1.id,
        updatedAt: vn(`${a.date} 20:00`),
      })
      .run();
  }

  const kpi = (communeId: number, month: string, numerator: number, denominator: number) =>
    db
      .insert(kpiValues)
      .values({
        communeId,
        month,
        indicator: "online_dossier_rate",
        numerator,
        denominator,
        enteredByPersonId: people.admin.id,
        updatedAt: vn("2026-03-01 08:00"),
      })
      .run();
  kpi(units.commune, "2026-02", 80, 100);
  kpi(units.commune, "2026-01", 10, 100);
  kpi(units.otherCommune, "2026-02", 50, 100);

  const survey = (communeId: number, field: "civil_status" | "land", rating: number, at: string) =>
    db
      .insert(surveyResponses)
      .values({ communeId, field, rating, comment: "Cán bộ Hùng nhiệt tình", createdAt: vn(at) })
      .run();
  survey(units.commune, "civil_status", 5, "2026-02-10 09:00");
  survey(units.commune, "civil_status", 4, "2026-02-10 10:00");
  survey(units.commune, "land", 2, "2026-02-11 10:00");
  survey(units.commune, "land", 1, "2026-03-01 10:00");
  survey(units.otherCommune, "land", 1, "2026-02-11 10:00");

  let outboxSeq = 0;
  const outbox = (
    status: "failed" | "uncertain" | "sent",
    lastError: string | null,
    at: string,
    link: { requestId?: number; personId?: number },
  ) => {
    outboxSeq += 1;
    db.insert(outboxMessages)
      .values({
        idempotencyKey: `report-test-${outboxSeq}`,
        recipientFollowerId: "8000000000000000001",
        personId: link.personId ?? people.citizen.id,
        purpose: "notify_new_request",
        requestId: link.requestId ?? null,
        message: { text: "x" },
        status,
        nextAttemptAt: vn(at),
        lastError,
        createdAt: vn(at),
        updatedAt: vn(at),
      })
      .run();
  };
  outbox("failed", "not_a_follower", "2026-02-05 09:00", { requestId: ids.R1 });
  outbox("uncertain", "crashed_while_sending", "2026-02-06 09:00", {});
  outbox("failed", "retries_exhausted: http_500", "2026-02-07 09:00", { requestId: ids.R3 });
  outbox("failed", "retries_exhausted: network", "2026-02-08 09:00", { requestId: ids.R4 });
  outbox("failed", "blocked_by_user", "2026-02-09 09:00", { requestId: ids.R9 });
  outbox("failed", "not_a_follower", "2026-01-09 09:00", { requestId: ids.R1 });
  outbox("sent", null, "2026-02-09 09:00", { requestId: ids.R1 });

  db.insert(reportNotes)
    .values({
      unitId: units.commune,
      periodFrom: FEB.from,
      periodTo: FEB.to,
      section: "difficulties",
      body: NOTE_WITH_PHONE,
      authorPersonId: people.admin.id,
      updatedAt: vn("2026-03-01 08:00"),
    })
    .run();

  return { ids, people: { joinedFeb, leftFeb, leftJan, joinsMarch } };
}
