/**
 * Fills a migrated database with the planned province and N requests over two years, through
 * drizzle: multi-row inserts in large transactions, each statement kept under SQLite's
 * 32,766 bound-parameter limit.
 *
 * The request model (stated again in the bench output):
 * - village load: Zipf–Mandelbrot (see world.ts); kinds 60% help / 30% field report / 10% question;
 * - created times spread evenly over the two years before `now`, ids in creation order;
 * - open share by age: 55% under 14 days, 8% under 90 days, 3% older (stale, mostly escalated);
 *   the rest resolved (not yet closed, last 7 days) or closed, 3% of them rejected;
 * - deadlines approximate the working-hour ones: claim +1.5 days, resolve +4.2 days (help) or
 *   +7 days (field reports, questions);
 * - field reports are public, 40% of the finished ones carry a public answer; 30% of finished
 *   questions are answered publicly;
 * - request events only for every `eventEvery`-th request, one photo on every `photoEvery`-th
 *   field report.
 */
import {
  CATEGORIES_BY_KIND,
  foldVietnamese,
  MEETING_MODES,
  OUTCOME_CODES,
  REJECT_REASONS,
  type RequestKind,
  type RequestStatus,
} from "@cau-noi/shared";
import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { SQLiteInsertValue, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../bot-server/src/db/client";
import {
  adminUnits,
  memberships,
  persons,
  photos,
  requestEvents,
  requestPhotos,
  requests,
  teams,
  unitRoles,
} from "../../bot-server/src/db/schema";
import {
  createRandom,
  type PlannedVillage,
  personName,
  pick,
  type Random,
  type WorldPlan,
  weightedSampler,
} from "./world";

type NewRequest = typeof requests.$inferInsert;
type NewEvent = typeof requestEvents.$inferInsert;

/** SQLITE_MAX_VARIABLE_NUMBER of the bundled SQLite (3.32+). */
const SQLITE_MAX_PARAMS = 32_766;
/** Rows per transaction: large enough that commits do not matter, small enough for memory. */
const ROWS_PER_TRANSACTION = 20_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SPAN = 730 * DAY;

/**
 * Multi-row INSERT for one table, through drizzle: `insert(table).values([...])` with a
 * placeholder per value, prepared once per batch size and run with each batch's values. Each
 * statement binds at most SQLite's 32,766 parameters. Building the query once instead of per
 * batch is what makes a million rows take seconds instead of minutes (drizzle's query
 * building costs ~0.2 ms per 47-column row; running a prepared statement does not).
 *
 * Values are encoded here with the column's own `mapToDriverValue` (Date → epoch ms, boolean →
 * 0/1), as drizzle would do for a plain insert; `undefined` takes the column's default or null.
 */
export function bulkInserter<T extends SQLiteTable>(
  db: Db,
  table: T,
): (rows: SQLiteInsertValue<T>[]) => void {
  const columns = Object.entries(getTableColumns(table));
  const width = columns.length;
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / width));
  const encoders = columns.map(([, column]) => {
    const fallback =
      column.default === undefined || is(column.default, SQL)
        ? null
        : column.mapToDriverValue(column.default);
    return (value: unknown) =>
      value === undefined ? fallback : value === null ? null : column.mapToDriverValue(value);
  });
  // Placeholder names are array indexes ("0", "1", …): the values of a batch are then a plain
  // array, which drizzle reads by name (`values[name]`) far faster than a 30,000-key object.
  const statements = new Map<number, { run(values: Record<string, unknown>): unknown }>();
  const statementFor = (count: number) => {
    let statement = statements.get(count);
    if (!statement) {
      const template = Array.from({ length: count }, (_, r) =>
        Object.fromEntries(columns.map(([key], c) => [key, sql`${sql.placeholder(String(r * width + c))}`])),
      ) as SQLiteInsertValue<T>[];
      statement = db.insert(table).values(template).prepare();
      statements.set(count, statement);
    }
    return statement;
  };
  // A batch is cut into statements of a few fixed sizes, so a handful of statements get
  // prepared per table however the batch sizes vary.
  const sizes = [perStatement, ...[1024, 256, 64, 16, 4, 1].filter((n) => n < perStatement)];
  return (rows) => {
    let first = 0;
    while (first < rows.length) {
      const left = rows.length - first;
      const count = sizes.find((n) => n <= left) ?? 1;
      const values: unknown[] = new Array(count * width);
      for (let r = 0; r < count; r++) {
        const record = rows[first + r] as Record<string, unknown>;
        for (let c = 0; c < width; c++) {
          values[r * width + c] = encoders[c]?.(record[columns[c]?.[0] ?? ""]);
        }
      }
      statementFor(count).run(values as unknown as Record<string, unknown>);
      first += count;
    }
  };
}

export interface FillOptions {
  requests: number;
  seed: number;
  now: Date;
  eventEvery: number;
  photoEvery: number;
  /** Called every ~10% of the requests. */
  progress?: (done: number, total: number) => void;
}

export interface FillStats {
  seconds: number;
  requestSeconds: number;
  analyzeSeconds: number;
  requestsPerSecond: number;
  rows: { units: number; teams: number; persons: number; memberships: number; requests: number };
  events: number;
  eventRequests: number;
  photos: number;
  byStatus: Record<RequestStatus, number>;
  byKind: Record<RequestKind, number>;
  open: number;
  busiestVillage: { id: number; teamId: number; communeId: number; requests: number; open: number };
  busiestCommune: { id: number; requests: number };
  heaviestCitizen: { id: number; requests: number };
  medianVillageRequests: number;
  top20Share: number;
}

const TEXTS: Record<RequestKind, readonly string[]> = {
  help: [
    "Nhờ tổ hướng dẫn kích hoạt tài khoản định danh điện tử mức 2 cho mẹ tôi, mẹ đã lớn tuổi.",
    "Tôi cần nộp hồ sơ đăng ký khai sinh trực tuyến nhưng không biết cách đăng nhập.",
    "Nhờ cài giúp ứng dụng VssID và kiểm tra quá trình đóng bảo hiểm xã hội.",
    "Điện thoại không nhận được mã OTP khi đăng ký tài khoản dịch vụ công.",
    "Nhờ hướng dẫn thanh toán tiền điện, tiền nước qua ví điện tử.",
    "Tôi muốn mở gian hàng bán nông sản trên mạng, nhờ tổ hỗ trợ chụp ảnh và đăng bài.",
  ],
  field_report: [
    "Đèn đường đoạn gần nhà văn hóa thôn bị hỏng mấy hôm nay, buổi tối đi lại rất tối.",
    "Rác thải đổ bừa bãi ven đường vào thôn, bốc mùi hôi, đề nghị xử lý.",
    "Mặt đường bê tông bị sụt lún sau mưa, xe máy đi lại nguy hiểm.",
    "Cống thoát nước bị tắc, mưa xuống nước tràn vào nhà dân. Liên hệ 0905 123 456.",
    "Cây đổ chắn ngang đường sau cơn mưa lớn, cần dọn gấp.",
    "Có nhóm thanh niên tụ tập gây ồn ào sau 23 giờ đêm.",
  ],
  question: [
    "Thủ tục cấp lại giấy chứng nhận quyền sử dụng đất cần những giấy tờ gì?",
    "Người trên 75 tuổi có được hưởng trợ cấp xã hội hằng tháng không?",
    "Xã có kế hoạch làm đường bê tông vào xóm trong năm nay không?",
    "Làm căn cước cho trẻ em dưới 14 tuổi ở đâu, có mất phí không?",
  ],
};

const PUBLIC_ANSWERS = [
  "UBND xã đã cử cán bộ kiểm tra và khắc phục, cảm ơn bà con đã phản ánh.",
  "Đã chuyển Công ty Môi trường đô thị xử lý trong tuần.",
  "Nội dung này thuộc thẩm quyền của huyện, xã đã chuyển và sẽ thông báo kết quả.",
];

const exp = (random: Random, mean: number) => -Math.log(1 - random()) * mean;

function openStatus(random: Random, age: number): RequestStatus {
  const r = random();
  if (age < 1.5 * DAY) return r < 0.5 ? "new" : r < 0.8 ? "claimed" : "in_progress";
  if (age < 14 * DAY) return r < 0.2 ? "claimed" : r < 0.65 ? "in_progress" : "escalated";
  return r < 0.05 ? "claimed" : r < 0.3 ? "in_progress" : "escalated";
}

interface Counters {
  perVillage: Int32Array;
  openPerVillage: Int32Array;
  perPerson: Int32Array;
  byStatus: Record<RequestStatus, number>;
  byKind: Record<RequestKind, number>;
}

/** One request, consistent with the lifecycle and the owner CHECK constraint. */
function makeRequest(
  id: number,
  createdMs: number,
  village: PlannedVillage,
  plan: WorldPlan,
  random: Random,
  nowMs: number,
): NewRequest {
  const k = random();
  const kind: RequestKind = k < 0.6 ? "help" : k < 0.9 ? "field_report" : "question";
  const age = nowMs - createdMs;
  const citizens = village.citizenIds.length > 0 ? village.citizenIds : plan.citizenIds;
  const citizen = pick(random, citizens);

  // Who filed it: mostly the citizen; help requests also by a team member or a relative.
  let requesterPersonId: number | null = citizen;
  let filedByPersonId = citizen;
  let onBehalfName: string | null = null;
  if (kind === "help") {
    const f = random();
    if (f < 0.1) {
      requesterPersonId = null;
      filedByPersonId = pick(random, village.memberIds);
      onBehalfName = personName(random);
    } else if (f < 0.2) {
      filedByPersonId = pick(random, citizens);
    }
  }

  const claimDueMs = createdMs + 1.5 * DAY;
  const resolveDueMs = createdMs + (kind === "help" ? 4.2 : 7) * DAY;
  const pOpen = age < 14 * DAY ? 0.55 : age < 90 * DAY ? 0.08 : 0.03;
  const member = () => (random() < 0.4 ? village.memberIds[0] : pick(random, village.memberIds)) ?? null;

  let status: RequestStatus;
  let ownerPersonId: number | null = null;
  let claimedMs: number | null = null;
  let startedMs: number | null = null;
  let startDueMs: number | null = null;
  let resolvedMs: number | null = null;
  let closedMs: number | null = null;
  let escalationLevel = 0;
  let rejectReason: string | null = null;
  let outcomeCode: string | null = null;
  let rating: number | null = null;
  let ratedMs: number | null = null;

  if (random() < pOpen) {
    status = openStatus(random, age);
    const owned =
      status === "claimed" || status === "in_progress" || (status === "escalated" && random() < 0.4);
    if (owned) {
      ownerPersonId = member();
      claimedMs = createdMs + Math.min(age * 0.5, exp(random, 6 * HOUR));
      if (status === "claimed") startDueMs = claimedMs + 1.5 * DAY;
      else startedMs = claimedMs + Math.min((nowMs - claimedMs) * 0.5, exp(random, 4 * HOUR));
    }
    if (status === "escalated") escalationLevel = nowMs >= resolveDueMs ? 2 : 1;
  } else if (random() < 0.03) {
    status = "closed";
    rejectReason = pick(random, REJECT_REASONS);
    closedMs = createdMs + Math.min(age * 0.9, exp(random, 8 * HOUR));
  } else {
    const took = Math.min(age * 0.95, exp(random, 1.5 * DAY));
    ownerPersonId = member();
    claimedMs = createdMs + took * 0.3;
    startedMs = createdMs + took * 0.5;
    resolvedMs = createdMs + took;
    outcomeCode = pick(random, OUTCOME_CODES[kind]);
    const rated = random() < (kind === "help" ? 0.35 : 0.1);
    if (rated) {
      ratedMs = Math.min(nowMs - 1, resolvedMs + exp(random, DAY));
      rating = random() < 0.8 ? 5 : random() < 0.7 ? 4 : 3;
    }
    const autoCloseMs = resolvedMs + 7 * DAY;
    if (ratedMs !== null) {
      status = "closed";
      closedMs = ratedMs;
    } else if (autoCloseMs <= nowMs) {
      status = "closed";
      closedMs = autoCloseMs;
    } else {
      status = "resolved";
    }
  }

  const finished = resolvedMs !== null;
  const answered =
    finished && ((kind === "field_report" && random() < 0.4) || (kind === "question" && random() < 0.3));
  const isPublic = kind === "field_report" || (kind === "question" && answered);
  const updatedMs = Math.max(createdMs, claimedMs ?? 0, startedMs ?? 0, resolvedMs ?? 0, closedMs ?? 0);
  const date = (ms: number | null) => (ms === null ? null : new Date(Math.round(ms)));
  const located = kind === "field_report" && random() < 0.7;

  return {
    id,
    kind,
    category: pick(random, CATEGORIES_BY_KIND[kind]),
    text: pick(random, TEXTS[kind]),
    meetingMode: kind === "help" ? pick(random, MEETING_MODES) : null,
    latitude: located ? 15.3 + random() * 0.6 : null,
    longitude: located ? 107.8 + random() * 0.8 : null,
    placeText: kind === "field_report" && random() < 0.5 ? `Gần nhà văn hóa ${village.name}` : null,
    villageId: village.id,
    communeId: village.communeId,
    teamId: village.teamId,
    routedTo: "team",
    requesterPersonId,
    filedByPersonId,
    onBehalfName,
    onBehalfRelationship: onBehalfName === null ? null : "hàng xóm",
    onBehalfConsent: onBehalfName === null ? null : true,
    clientId: random() < 0.7 ? `c${id.toString(36)}` : null,
    status,
    escalationLevel,
    ownerPersonId,
    claimedAt: date(claimedMs),
    startDueAt: date(startDueMs),
    startedAt: date(startedMs),
    claimDueAt: new Date(claimDueMs),
    resolveDueAt: new Date(resolveDueMs),
    resolvedAt: date(resolvedMs),
    closedAt: date(closedMs),
    outcomeCode,
    outcomeNote: outcomeCode !== null && random() < 0.3 ? "Đã hướng dẫn tận nơi, bà con làm được." : null,
    receiptCode: outcomeCode === "dossier_submitted" ? `HS${id}` : null,
    rejectReason,
    duplicateOfId: rejectReason === "duplicate" && id > 1 ? id - 1 : null,
    isPublic,
    publicAnswer: answered ? pick(random, PUBLIC_ANSWERS) : null,
    publicAnsweredAt: answered ? date(resolvedMs) : null,
    rating,
    ratingComment: rating !== null && random() < 0.2 ? "Các em nhiệt tình lắm." : null,
    ratedAt: date(ratedMs),
    reopenCount: random() < 0.02 ? 1 : 0,
    createdAt: new Date(Math.round(createdMs)),
    updatedAt: new Date(Math.round(updatedMs)),
  };
}

/** The history the lifecycle would have written for a request (sampled requests only). */
function eventsOf(r: NewRequest): NewEvent[] {
  const id = r.id ?? 0;
  const createdAt = r.createdAt ?? new Date(0);
  const events: NewEvent[] = [
    { requestId: id, actorPersonId: r.filedByPersonId, action: "created", toStatus: "new", createdAt },
    {
      requestId: id,
      actorPersonId: null,
      action: "routed",
      fromStatus: "new",
      toStatus: "new",
      detail: { teamId: r.teamId, reason: "village_team" },
      createdAt,
    },
  ];
  const owner = r.ownerPersonId ?? null;
  if (r.claimedAt) {
    events.push({
      requestId: id,
      actorPersonId: owner,
      action: "claimed",
      fromStatus: "new",
      toStatus: "claimed",
      createdAt: r.claimedAt,
    });
  }
  if (r.startedAt) {
    events.push({
      requestId: id,
      actorPersonId: owner,
      action: "started",
      fromStatus: "claimed",
      toStatus: "in_progress",
      createdAt: r.startedAt,
    });
  }
  if (r.status === "escalated") {
    events.push({
      requestId: id,
      actorPersonId: null,
      action: "escalated",
      fromStatus: r.startedAt ? "in_progress" : "new",
      toStatus: "escalated",
      detail: { level: r.escalationLevel },
      createdAt: r.claimDueAt ?? createdAt,
    });
  }
  if (r.resolvedAt) {
    events.push({
      requestId: id,
      actorPersonId: owner,
      action: "resolved",
      fromStatus: "in_progress",
      toStatus: "resolved",
      detail: { outcomeCode: r.outcomeCode },
      createdAt: r.resolvedAt,
    });
  }
  if (r.rejectReason && r.closedAt) {
    events.push({
      requestId: id,
      actorPersonId: null,
      action: "rejected",
      fromStatus: "new",
      toStatus: "closed",
      detail: { reason: r.rejectReason },
      createdAt: r.closedAt,
    });
  } else if (r.ratedAt) {
    events.push({
      requestId: id,
      actorPersonId: r.requesterPersonId ?? r.filedByPersonId,
      action: "rated",
      fromStatus: "resolved",
      toStatus: "closed",
      detail: { rating: r.rating },
      createdAt: r.ratedAt,
    });
  } else if (r.closedAt) {
    events.push({
      requestId: id,
      actorPersonId: null,
      action: "auto_closed",
      fromStatus: "resolved",
      toStatus: "closed",
      createdAt: r.closedAt,
    });
  }
  return events;
}

function insertWorld(db: Db, plan: WorldPlan, now: Date): FillStats["rows"] {
  const random = createRandom(7);
  const since = new Date(now.getTime() - SPAN);
  const personRows: SQLiteInsertValue<typeof persons>[] = plan.persons.map((p) => {
    const hasPhone = random() < 0.3;
    return {
      id: p.id,
      zaloAppUserId: String(7_000_000_000_000_000_000n + BigInt(p.id)),
      oaFollowerId: String(8_000_000_000_000_000_000n + BigInt(p.id)),
      displayName: p.name,
      avatarUrl: `https://s120-ava-talk.zadn.vn/bench/${p.id}.jpg`,
      photoConsent: p.role !== "citizen" && random() < 0.8,
      phone: hasPhone ? `09${String(10_000_000 + p.id).slice(-8)}` : null,
      phoneConsentAt: hasPhone ? since : null,
      homeVillageId: p.homeVillageId,
      createdAt: since,
    };
  });
  const civicRoles = [
    "village_head",
    "youth_union",
    "womens_union",
    "party_cell_secretary",
    "other",
  ] as const;
  db.transaction(() => {
    bulkInserter(
      db,
      adminUnits,
    )(plan.units.map((u) => ({ ...u, searchName: foldVietnamese(u.name), createdAt: since })));
    bulkInserter(db, persons)(personRows);
    bulkInserter(
      db,
      teams,
    )(
      plan.villages.map((v) => ({
        id: v.teamId,
        unitId: v.id,
        kind: "village" as const,
        name: `Tổ CNSCĐ ${v.name} – ${plan.communeById.get(v.communeId)?.name ?? ""}`,
        decisionNo: `${v.index + 1}/QĐ-UBND`,
        decisionDate: "2024-03-15",
        createdAt: since,
      })),
    );
    bulkInserter(
      db,
      memberships,
    )(
      plan.villages.flatMap((v) =>
        v.memberIds.map((personId, i) => ({
          teamId: v.teamId,
          personId,
          isLeader: i === 0,
          civicRole: civicRoles[i % civicRoles.length] ?? "other",
          activeFrom: since,
        })),
      ),
    );
    bulkInserter(
      db,
      unitRoles,
    )(
      plan.communes.map((c) => ({
        unitId: c.id,
        personId: c.adminPersonId,
        role: "admin" as const,
        activeFrom: since,
      })),
    );
  });
  return {
    units: plan.units.length,
    teams: plan.villages.length,
    persons: plan.persons.length,
    memberships: plan.villages.reduce((n, v) => n + v.memberIds.length, 0),
    requests: 0,
  };
}

export function fillDatabase(db: Db, plan: WorldPlan, options: FillOptions): FillStats {
  const started = performance.now();
  const nowMs = options.now.getTime();
  // Fill-only settings of this connection (the bench measures on a fresh one): a cache that
  // holds the growing indexes, and no fsync for a database that is rebuilt on every run.
  db.run(sql`PRAGMA cache_size = -1048576`);
  db.run(sql`PRAGMA synchronous = OFF`);
  const rows = insertWorld(db, plan, options.now);
  const random = createRandom(options.seed);
  const sampleVillage = weightedSampler(plan.villages.map((v) => v.weight));
  const counters: Counters = {
    perVillage: new Int32Array(plan.villages.length),
    openPerVillage: new Int32Array(plan.villages.length),
    perPerson: new Int32Array(plan.persons.length + 1),
    byStatus: { new: 0, claimed: 0, in_progress: 0, escalated: 0, resolved: 0, closed: 0 },
    byKind: { help: 0, field_report: 0, question: 0 },
  };

  const insert = {
    requests: bulkInserter(db, requests),
    photos: bulkInserter(db, photos),
    requestPhotos: bulkInserter(db, requestPhotos),
    requestEvents: bulkInserter(db, requestEvents),
  };
  const requestsStarted = performance.now();
  const start = nowMs - SPAN;
  const step = SPAN / options.requests;
  let events = 0;
  let eventRequests = 0;
  let photoCount = 0;
  let nextProgress = Math.ceil(options.requests / 10);
  for (let first = 1; first <= options.requests; first += ROWS_PER_TRANSACTION) {
    const last = Math.min(options.requests, first + ROWS_PER_TRANSACTION - 1);
    const batch: NewRequest[] = [];
    const eventRows: NewEvent[] = [];
    const photoRows: SQLiteInsertValue<typeof photos>[] = [];
    const linkRows: SQLiteInsertValue<typeof requestPhotos>[] = [];
    for (let id = first; id <= last; id++) {
      // Evenly spread, strictly increasing: ids follow creation time as they do in production.
      const createdMs = start + (id - 1 + random()) * step;
      const village = plan.villages[sampleVillage(random)];
      if (!village) throw new Error("village sampler out of range");
      const row = makeRequest(id, createdMs, village, plan, random, nowMs);
      batch.push(row);
      const status = row.status as RequestStatus;
      counters.byStatus[status] += 1;
      counters.byKind[row.kind] += 1;
      counters.perVillage[village.index] = (counters.perVillage[village.index] ?? 0) + 1;
      if (status !== "resolved" && status !== "closed") {
        counters.openPerVillage[village.index] = (counters.openPerVillage[village.index] ?? 0) + 1;
      }
      if (row.requesterPersonId)
        counters.perPerson[row.requesterPersonId] = (counters.perPerson[row.requesterPersonId] ?? 0) + 1;
      if (row.filedByPersonId !== row.requesterPersonId) {
        counters.perPerson[row.filedByPersonId] = (counters.perPerson[row.filedByPersonId] ?? 0) + 1;
      }
      if (id % options.eventEvery === 0) {
        const history = eventsOf(row);
        eventRows.push(...history);
        events += history.length;
        eventRequests += 1;
      }
      if (row.kind === "field_report" && id % options.photoEvery === 0) {
        const photoId = `bench-${id.toString(36)}`;
        photoRows.push({
          id: photoId,
          uploaderPersonId: row.filedByPersonId,
          fileName: `${photoId}.jpg`,
          mimeType: "image/jpeg",
          sizeBytes: 120_000 + Math.floor(random() * 200_000),
          createdAt: row.createdAt,
        });
        linkRows.push({ requestId: id, photoId, position: 0 });
        photoCount += 1;
      }
    }
    db.transaction(() => {
      insert.requests(batch);
      insert.photos(photoRows);
      insert.requestPhotos(linkRows);
      insert.requestEvents(eventRows);
    });
    if (last >= nextProgress || last === options.requests) {
      options.progress?.(last, options.requests);
      nextProgress += Math.ceil(options.requests / 10);
    }
  }
  const requestSeconds = (performance.now() - requestsStarted) / 1000;

  const analyzeStarted = performance.now();
  db.run(sql`ANALYZE`);
  db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;

  return {
    seconds: (performance.now() - started) / 1000,
    requestSeconds,
    analyzeSeconds,
    requestsPerSecond: options.requests / requestSeconds,
    rows: { ...rows, requests: options.requests },
    events,
    eventRequests,
    photos: photoCount,
    byStatus: counters.byStatus,
    byKind: counters.byKind,
    open:
      counters.byStatus.new +
      counters.byStatus.claimed +
      counters.byStatus.in_progress +
      counters.byStatus.escalated,
    ...loadFacts(plan, counters),
  };
}

function loadFacts(plan: WorldPlan, counters: Counters) {
  let busiest = plan.villages[0];
  for (const v of plan.villages) {
    if (
      busiest === undefined ||
      (counters.perVillage[v.index] ?? 0) > (counters.perVillage[busiest.index] ?? 0)
    ) {
      busiest = v;
    }
  }
  if (!busiest) throw new Error("no villages");
  const perCommune = new Map<number, number>();
  for (const v of plan.villages) {
    perCommune.set(v.communeId, (perCommune.get(v.communeId) ?? 0) + (counters.perVillage[v.index] ?? 0));
  }
  const [busiestCommuneId, busiestCommuneRequests] = [...perCommune].reduce((a, b) => (b[1] > a[1] ? b : a));
  let heaviest = plan.citizenIds[0] ?? 0;
  for (const id of plan.citizenIds) {
    if ((counters.perPerson[id] ?? 0) > (counters.perPerson[heaviest] ?? 0)) heaviest = id;
  }
  const sorted = [...counters.perVillage].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  const top = sorted.slice(0, Math.round(sorted.length / 5)).reduce((a, b) => a + b, 0);
  return {
    busiestVillage: {
      id: busiest.id,
      teamId: busiest.teamId,
      communeId: busiest.communeId,
      requests: counters.perVillage[busiest.index] ?? 0,
      open: counters.openPerVillage[busiest.index] ?? 0,
    },
    busiestCommune: { id: busiestCommuneId, requests: busiestCommuneRequests },
    heaviestCitizen: { id: heaviest, requests: counters.perPerson[heaviest] ?? 0 },
    medianVillageRequests: sorted[Math.floor(sorted.length / 2)] ?? 0,
    top20Share: total === 0 ? 0 : top / total,
  };
}
