/**
 * API shapes of Reports and dashboards (issue #5): periodic reports, province table, funding evidence, dashboard charts.
 * Shared by the bot-server (validation, OpenAPI) and the mini app (typed client); messages are
 * Vietnamese, they reach end users.
 *
 * Periods are dates `YYYY-MM-DD`, both ends inclusive, in Vietnam time (UTC+7). Durations are in
 * hours; percentiles are nearest-rank (the value at rank ⌈p·n⌉). Shares are 0…1.
 * District and province viewers get the same shapes with `audience: "aggregate"`: counts only,
 * never a person's name, phone number, Zalo id or a request's text.
 */
import { z } from "zod";
import {
  ACTIVITY_FORMS,
  ADMIN_UNIT_LEVELS,
  CIVIC_ROLES,
  KPI_INDICATORS,
  REPORT_NOTE_SECTIONS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  SURVEY_FIELDS,
} from "./domain";
import { isoDate, isRealDate, positiveId, positiveIdQuery } from "./schema-kit";

/** The longest period a report or dashboard covers (a three-year review such as 004_*.txt). */
export const REPORT_MAX_DAYS = 1100;
/** The support the Quảng Nam proposal pays each team a month (000_*.txt, Phụ lục III). */
export const TEAM_MONTHLY_SUPPORT_VND = 500_000;

export { isRealDate };

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30), picked in the report screens. */
const pickedDate = (what: string) =>
  isoDate(what, { ask: "chọn", format: "NNNN-TT-NN.", unreal: "không tồn tại." });

/** The report's unit: "Vui lòng chọn đơn vị." when missing, this when it is not an id. */
const unitIdChecks = { int: "Mã đơn vị không hợp lệ.", positive: "Mã đơn vị không hợp lệ." };

/** Days from `from` to `to`, both included. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

const periodFields = {
  unitId: positiveIdQuery("Vui lòng chọn đơn vị.", unitIdChecks),
  from: pickedDate("ngày bắt đầu"),
  to: pickedDate("ngày kết thúc"),
};

/** The period checks shared by every schema with `from`/`to` (errors land on `to`). */
function checkPeriod(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (!isRealDate(v.from) || !isRealDate(v.to)) return;
  if (v.from > v.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." });
  } else if (periodDays(v.from, v.to) > REPORT_MAX_DAYS) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `Mỗi báo cáo tối đa ${REPORT_MAX_DAYS} ngày, vui lòng chọn khoảng ngắn hơn.`,
    });
  }
}

/** Query of GET /api/reports, GET /api/reports/province, GET /api/reports/funding and GET /api/dashboard/charts. */
export const reportQuerySchema = z.object(periodFields).superRefine(checkPeriod);
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export const REPORT_EXPORT_FORMATS = ["xlsx", "csv"] as const;
export const REPORT_SHEETS = ["report", "province", "funding"] as const;
export type ReportSheet = (typeof REPORT_SHEETS)[number];

/**
 * Query of GET /api/reports/export (a download: the browser cannot send headers, so the session
 * may come as `?session=`).
 */
export const reportExportQuerySchema = z
  .object({
    ...periodFields,
    format: z.enum(REPORT_EXPORT_FORMATS, { error: "Định dạng tệp phải là xlsx hoặc csv." }).default("xlsx"),
    sheet: z.enum(REPORT_SHEETS, { error: "Loại bảng không hợp lệ." }).default("report"),
    session: z.string().optional(),
  })
  .superRefine(checkPeriod);
export type ReportExportQuery = z.infer<typeof reportExportQuerySchema>;

// ---------------------------------------------------------------------------------------------
// The periodic report (GET /api/reports)
// ---------------------------------------------------------------------------------------------

export const reportUnitSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.enum(ADMIN_UNIT_LEVELS),
});
export type ReportUnit = z.infer<typeof reportUnitSchema>;

/** A count under a stored code, with its Vietnamese label. */
export const labelledCountSchema = z.object({ code: z.string(), label: z.string(), count: z.number() });
export type LabelledCount = z.infer<typeof labelledCountSchema>;

/** Median and 90th percentile (nearest rank, minute precision) of a set of durations. */
export const durationStatsSchema = z.object({
  count: z.number(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export type DurationStats = z.infer<typeof durationStatsSchema>;

export const ratingSummarySchema = z.object({
  count: z.number(),
  average: z.number().nullable(),
  /** Always five entries, ratings 1…5. */
  distribution: z.array(z.object({ rating: z.number(), count: z.number() })),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

/** I. Organisation: teams and members of the subtree. */
export const reportOrganisationSchema = z.object({
  /** Active villages of the subtree. */
  villages: z.number(),
  /** Active village teams (Tổ CNSCĐ thôn). */
  teams: z.number(),
  /** Villages that have an active team ("teams/villages" of Phụ lục I). */
  villagesWithTeam: z.number(),
  /** Commune-wide pools (youth support teams). */
  poolTeams: z.number(),
  members: z.object({
    /** Distinct people whose membership overlaps the period. */
    activeInPeriod: z.number(),
    /** Distinct people still members at the end of the period. */
    atPeriodEnd: z.number(),
    /** Memberships that started inside the period. */
    joined: z.number(),
    /** Memberships that ended inside the period. */
    left: z.number(),
    /** Leaders among the members at the end of the period. */
    leaders: z.number(),
  }),
  /** People active in the period by the civic role of their latest membership, every role listed; share of `activeInPeriod`. */
  byCivicRole: z.array(
    z.object({ code: z.enum(CIVIC_ROLES), label: z.string(), count: z.number(), share: z.number() }),
  ),
});

/** II.1 Requests: help, field reports and questions. */
export const reportRequestsSchema = z.object({
  /** Filed inside the period. */
  created: z.number(),
  byKind: z.array(z.object({ code: z.enum(REQUEST_KINDS), label: z.string(), count: z.number() })),
  byCategory: z.array(
    z.object({ kind: z.enum(REQUEST_KINDS), code: z.string(), label: z.string(), count: z.number() }),
  ),
  /** Of those filed inside the period: still needing work now. */
  stillOpen: z.number(),
  /** Resolved inside the period, each request once at its last resolution (whenever it was filed). */
  resolved: z.number(),
  /** Of `resolved`: filed before the period started. */
  resolvedFiledBefore: z.number(),
  byOutcome: z.array(labelledCountSchema),
  /** Closed without the work inside the period (spam, out of scope, duplicate). */
  rejected: z.number(),
  byRejectReason: z.array(labelledCountSchema),
  /** Requests filed or resolved in the period that residents reopened ("chưa xong"), each once. */
  reopened: z.object({ requests: z.number(), times: z.number() }),
  /** From filing to the first claim, for requests filed in the period and claimed. */
  timeToClaim: durationStatsSchema,
  /** From filing to the last resolution, for requests resolved in the period. */
  timeToResolve: durationStatsSchema,
  /** Resolved in the period by their resolve deadline. */
  onTime: z.object({ resolved: z.number(), onTime: z.number(), share: z.number().nullable() }),
  /** Ratings given in the period. */
  ratings: ratingSummarySchema,
});

/** II.2 Team activities (propaganda sessions, training, door to door…) held in the period. */
export const reportActivitiesSchema = z.object({
  count: z.number(),
  residentsReached: z.number(),
  leaflets: z.number(),
  byForm: z.array(
    z.object({
      code: z.enum(ACTIVITY_FORMS),
      label: z.string(),
      count: z.number(),
      residentsReached: z.number(),
      leaflets: z.number(),
    }),
  ),
  /** Topics as typed, grouped case- and diacritic-insensitively; largest first, at most 50. */
  byTopic: z.array(
    z.object({ topic: z.string(), count: z.number(), residentsReached: z.number(), leaflets: z.number() }),
  ),
});

/** II.3 Monthly indicators from outside systems, summed over the communes of the subtree. */
export const reportKpiSchema = z.object({
  indicator: z.enum(KPI_INDICATORS),
  label: z.string(),
  month: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  rate: z.number(),
  /** Communes that entered this indicator for this month. */
  communes: z.number(),
});

/** II.4 One-stop desk satisfaction survey, answers given in the period, by procedure field. */
export const reportSurveySchema = z.object({
  count: z.number(),
  average: z.number().nullable(),
  byField: z.array(
    z.object({
      code: z.enum(SURVEY_FIELDS),
      label: z.string(),
      count: z.number(),
      average: z.number().nullable(),
      /** Ratings 1…5. */
      distribution: z.array(z.object({ rating: z.number(), count: z.number() })),
    }),
  ),
});

/** II.5 Messages (created in the period) that did not, or may not, reach their recipient. */
export const reportNotificationsSchema = z.object({
  undelivered: z.number(),
  byReason: z.array(labelledCountSchema),
});

/** One row per child unit: villages of a commune, communes of a district or province. */
export const reportChildRowSchema = z.object({
  unit: reportUnitSchema,
  teams: z.number(),
  villages: z.number(),
  villagesWithTeam: z.number(),
  /** People active in the period in the row's teams. */
  members: z.number(),
  requestsCreated: z.number(),
  requestsResolved: z.number(),
  onTimeShare: z.number().nullable(),
  ratingAverage: z.number().nullable(),
  activities: z.number(),
  residentsReached: z.number(),
});
export type ReportChildRow = z.infer<typeof reportChildRowSchema>;

/** III and IV: what the leader or admin wrote for this unit and exactly this period. */
export const reportNotesSchema = z.object({
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
});

/** Answer of GET /api/reports (the structure of the Tuy Phước review report, 004_*.txt). */
export const reportSchema = z.object({
  unit: reportUnitSchema,
  /** The commune, district and province above the unit, nearest first. */
  parents: z.array(reportUnitSchema),
  period: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  /** "aggregate" for district and province viewers: counts only. */
  audience: z.enum(["full", "aggregate"]),
  /** Whether the caller may write the difficulties and proposals (PUT /api/reports/notes). */
  canEditNotes: z.boolean(),
  organisation: reportOrganisationSchema,
  requests: reportRequestsSchema,
  activities: reportActivitiesSchema,
  kpis: z.array(reportKpiSchema),
  survey: reportSurveySchema,
  notifications: reportNotificationsSchema,
  notes: reportNotesSchema,
  /** Empty for a village. */
  rows: z.array(reportChildRowSchema),
});
export type Report = z.infer<typeof reportSchema>;

// ---------------------------------------------------------------------------------------------
// Province table (Phụ lục I of 000_*.txt) and funding evidence (500,000 VND/team/month)
// ---------------------------------------------------------------------------------------------

/** Answer of GET /api/reports/province: teams/villages and members per child unit, with totals. */
export const provinceTableSchema = z.object({
  unit: reportUnitSchema,
  /** Counted at the end of the period. */
  asOf: z.string(),
  rows: z.array(
    z.object({
      unit: reportUnitSchema,
      villages: z.number(),
      villagesWithTeam: z.number(),
      teams: z.number(),
      members: z.number(),
      /** Members by civic role (every role, zeros included). */
      byCivicRole: z.array(z.object({ code: z.enum(CIVIC_ROLES), count: z.number() })),
    }),
  ),
  totals: z.object({
    villages: z.number(),
    villagesWithTeam: z.number(),
    teams: z.number(),
    members: z.number(),
    byCivicRole: z.array(z.object({ code: z.enum(CIVIC_ROLES), label: z.string(), count: z.number() })),
  }),
});
export type ProvinceTable = z.infer<typeof provinceTableSchema>;

/** Answer of GET /api/reports/funding: one row per village team per month of the period. */
export const fundingEvidenceSchema = z.object({
  unit: reportUnitSchema,
  period: z.object({ from: z.string(), to: z.string() }),
  monthlySupportVnd: z.number(),
  rows: z.array(
    z.object({
      teamId: z.number(),
      teamName: z.string(),
      village: z.string(),
      commune: z.string(),
      /** `YYYY-MM`. */
      month: z.string(),
      /** Distinct members whose membership overlaps the month (within the period). */
      activeMembers: z.number(),
      activities: z.number(),
      residentsReached: z.number(),
      /** Requests of the team resolved in the month. */
      requestsHandled: z.number(),
      /** The proposal's support for this team-month (0 when the team had no active member). */
      supportVnd: z.number(),
    }),
  ),
  totals: z.object({
    teamMonths: z.number(),
    activities: z.number(),
    residentsReached: z.number(),
    requestsHandled: z.number(),
    supportVnd: z.number(),
  }),
});
export type FundingEvidence = z.infer<typeof fundingEvidenceSchema>;

// ---------------------------------------------------------------------------------------------
// Notes: III. Difficulties and IV. Proposals (PUT /api/reports/notes)
// ---------------------------------------------------------------------------------------------

/** Body of PUT /api/reports/notes; an empty body clears the section. */
export const reportNoteInputSchema = z
  .object({
    unitId: positiveId("Vui lòng chọn đơn vị.", unitIdChecks),
    from: periodFields.from,
    to: periodFields.to,
    section: z.enum(REPORT_NOTE_SECTIONS, { error: "Vui lòng chọn mục khó khăn hoặc đề xuất." }),
    body: z
      .string({ error: "Vui lòng nhập nội dung." })
      .trim()
      .max(10_000, { error: "Nội dung dài quá 10000 ký tự." }),
  })
  .superRefine(checkPeriod);
export type ReportNoteInput = z.infer<typeof reportNoteInputSchema>;

/** Answer of PUT /api/reports/notes. */
export const reportNoteSchema = z.object({
  unitId: z.number(),
  from: z.string(),
  to: z.string(),
  section: z.enum(REPORT_NOTE_SECTIONS),
  /** Null after clearing. */
  body: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReportNote = z.infer<typeof reportNoteSchema>;

// ---------------------------------------------------------------------------------------------
// Dashboard charts (GET /api/dashboard/charts)
// ---------------------------------------------------------------------------------------------

/** Bars of a duration histogram: `fromHours` inclusive, `toHours` exclusive (null: open-ended). */
export const durationHistogramSchema = z.object({
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  buckets: z.array(
    z.object({ label: z.string(), fromHours: z.number(), toHours: z.number().nullable(), count: z.number() }),
  ),
});

/** Answer of GET /api/dashboard/charts. */
export const dashboardChartsSchema = z.object({
  unit: reportUnitSchema,
  period: z.object({ from: z.string(), to: z.string() }),
  audience: z.enum(["full", "aggregate"]),
  /** `day` for periods up to 62 days, else `week` (weeks start on Monday). */
  bucket: z.enum(["day", "week"]),
  /** Every day/week of the period, zeros included; `start` is `YYYY-MM-DD`. */
  requestsOverTime: z.array(z.object({ start: z.string(), created: z.number(), resolved: z.number() })),
  /** Requests filed in the period, by child unit (villages of a commune…) and current status. */
  byUnitStatus: z.array(
    z.object({
      unit: reportUnitSchema,
      total: z.number(),
      byStatus: z.array(z.object({ status: z.enum(REQUEST_STATUSES), label: z.string(), count: z.number() })),
    }),
  ),
  byCategory: z.array(
    z.object({ kind: z.enum(REQUEST_KINDS), code: z.string(), label: z.string(), count: z.number() }),
  ),
  timeToClaim: durationHistogramSchema,
  timeToResolve: durationHistogramSchema,
  ratings: ratingSummarySchema,
  /** Every month touched by the period, `YYYY-MM`. */
  activitiesPerMonth: z.array(
    z.object({ month: z.string(), count: z.number(), residentsReached: z.number(), leaflets: z.number() }),
  ),
});
export type DashboardCharts = z.infer<typeof dashboardChartsSchema>;
