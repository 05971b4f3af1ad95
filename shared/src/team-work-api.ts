/**
 * API shapes of Team work (issue #5): team activities, KPIs and targets, satisfaction surveys.
 * Shared by the bot-server (validation, OpenAPI) and the mini app (typed client); messages are
 * Vietnamese, they reach end users.
 *
 * Dates are `YYYY-MM-DD` (Vietnam calendar dates), months `YYYY-MM`, instants ISO strings.
 * Rates and shares are fractions (0.42 = 42 %), rounded to 4 decimals.
 */
import { z } from "zod";
import { MAX_PHOTOS_PER_REQUEST } from "./api";
import { ACTIVITY_FORMS, KPI_INDICATORS, SURVEY_FIELDS, TARGET_METRICS } from "./domain";
import { capitalize, isoDate, positiveId, positiveIdQuery, trimmed } from "./schema-kit";

export const MAX_PHOTOS_PER_ACTIVITY = MAX_PHOTOS_PER_REQUEST;
export const MAX_MEMBERS_PER_ACTIVITY = 50;
/** The longest span a KPI or survey query may cover (months), so answers stay small. */
export const MAX_QUERY_MONTHS = 36;

/** A real calendar date `YYYY-MM-DD` (rejects 2025-02-30). */
export const isoDateSchema = (what = "ngày") =>
  isoDate(what, { ask: "nhập", format: "năm-tháng-ngày (YYYY-MM-DD).", unreal: "không tồn tại." });

/** A month `YYYY-MM`. */
export const yearMonthSchema = (what = "tháng") =>
  z
    .string({ error: `Vui lòng nhập ${what}.` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${capitalize(what)} phải có dạng năm-tháng (YYYY-MM).` });

/**
 * `from`…`to` (dates or months, each optional): a `to` before `from` is refused with `error` on
 * `to`. The shape keeps its own fields in their order.
 */
const orderedRange = <T extends z.ZodRawShape>(shape: T, error: string) =>
  z.object(shape).refine(
    (q) => {
      const { from, to } = q as { from?: string; to?: string };
      return !from || !to || from <= to;
    },
    { error, path: ["to"] },
  );

/** `?from=&to=` as days (inclusive). */
const dayRangeFields = {
  from: isoDateSchema("từ ngày").optional(),
  to: isoDateSchema("đến ngày").optional(),
};
const DAYS_IN_ORDER = "Ngày bắt đầu phải trước ngày kết thúc.";

/** `communeId` of team-work queries and bodies. */
const communeIdQuery = positiveIdQuery("Vui lòng chọn xã, phường.");
const communeIdBody = positiveId("Vui lòng chọn xã, phường.");
const count = (what: string) =>
  z
    .number({ error: `${capitalize(what)} phải là số.` })
    .int({ error: `${capitalize(what)} phải là số nguyên.` })
    .min(0, { error: `${capitalize(what)} không được âm.` })
    .max(1_000_000, { error: `${capitalize(what)} quá lớn.` });
/** Client-generated id of an offline submission: sending it twice stores it once. */
const clientId = z
  .string({ error: "Mã gửi không hợp lệ." })
  .trim()
  .min(8, { error: "Mã gửi không hợp lệ." })
  .max(64, { error: "Mã gửi không hợp lệ." });

/** Path parameter `{teamId}`. */
export const teamIdParam = z.object({ teamId: positiveIdQuery("Mã tổ không hợp lệ.") });

const personNameSchema = z.object({ id: z.number(), displayName: z.string() });

// ---------------------------------------------------------------------------------------------
// Team activities
// ---------------------------------------------------------------------------------------------

const activityFields = {
  activityDate: isoDateSchema("ngày hoạt động"),
  form: z.enum(ACTIVITY_FORMS, { error: "Vui lòng chọn hình thức hoạt động." }),
  topic: trimmed(3, 300, "nội dung, chủ đề"),
  place: trimmed(2, 200, "địa điểm"),
  /** Participating members (active members of the team); the author is added when missing. */
  memberPersonIds: z
    .array(positiveId("Thành viên không hợp lệ."), { error: "Danh sách thành viên không hợp lệ." })
    .max(MAX_MEMBERS_PER_ACTIVITY, { error: `Tối đa ${MAX_MEMBERS_PER_ACTIVITY} thành viên.` }),
  residentsReached: count("số người dân được tiếp cận"),
  leaflets: count("số tờ rơi"),
  photoIds: z
    .array(z.string().uuid({ error: "Ảnh không hợp lệ." }), { error: "Danh sách ảnh không hợp lệ." })
    .max(MAX_PHOTOS_PER_ACTIVITY, { error: `Tối đa ${MAX_PHOTOS_PER_ACTIVITY} ảnh.` }),
  note: z.string().trim().max(2000, { error: "Ghi chú dài quá 2000 ký tự." }),
};

/** POST /api/activities — log an activity (201; 200 with the same row when `clientId` was already sent). */
export const createActivitySchema = z.object({
  teamId: positiveId("Vui lòng chọn tổ."),
  ...activityFields,
  memberPersonIds: activityFields.memberPersonIds.default([]),
  residentsReached: activityFields.residentsReached.default(0),
  leaflets: activityFields.leaflets.default(0),
  photoIds: activityFields.photoIds.default([]),
  note: activityFields.note.optional(),
  clientId: clientId.optional(),
});
export type CreateActivityInput = z.input<typeof createActivitySchema>;

/**
 * PATCH /api/activities/{id} — change some fields (author, team leader or commune admin, within
 * ACTIVITY_EDIT_DAYS days of creation; later: 409 `activity_locked`). `note: null` clears the note.
 */
export const updateActivitySchema = z
  .object({
    activityDate: activityFields.activityDate.optional(),
    form: activityFields.form.optional(),
    topic: activityFields.topic.optional(),
    place: activityFields.place.optional(),
    memberPersonIds: activityFields.memberPersonIds.optional(),
    residentsReached: activityFields.residentsReached.optional(),
    leaflets: activityFields.leaflets.optional(),
    photoIds: activityFields.photoIds.optional(),
    note: activityFields.note.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: "Chưa có thay đổi nào." });
export type UpdateActivityInput = z.input<typeof updateActivitySchema>;

/** An activity as returned by every activity endpoint. */
export const activitySchema = z.object({
  id: z.number(),
  teamId: z.number(),
  teamName: z.string(),
  activityDate: z.string(),
  form: z.enum(ACTIVITY_FORMS),
  topic: z.string(),
  place: z.string(),
  members: z.array(personNameSchema),
  residentsReached: z.number(),
  leaflets: z.number(),
  photoIds: z.array(z.string()),
  /** `/media/photos/<id>` (append `?session=` for an <img>). */
  photoUrls: z.array(z.string()),
  note: z.string().nullable(),
  author: personNameSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** After this instant the activity is locked. */
  editableUntil: z.string(),
  /** Whether the person asking may edit it now. */
  canEdit: z.boolean(),
  revisionCount: z.number(),
});
export type Activity = z.infer<typeof activitySchema>;

/** One saved version of an activity (revision 1 = as first logged). */
export const activityRevisionSchema = z.object({
  revision: z.number(),
  editedBy: personNameSchema,
  createdAt: z.string(),
  activityDate: z.string(),
  form: z.enum(ACTIVITY_FORMS),
  topic: z.string(),
  place: z.string(),
  members: z.array(personNameSchema),
  residentsReached: z.number(),
  leaflets: z.number(),
  photoIds: z.array(z.string()),
  note: z.string().nullable(),
});

/** GET /api/activities/{id} — an activity with its revisions, oldest first. */
export const activityDetailSchema = activitySchema.extend({ revisions: z.array(activityRevisionSchema) });
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

/** GET /api/teams/{teamId}/activities?from=&to= — query (dates inclusive; default: the last 90 days). */
export const activityListQuerySchema = orderedRange(dayRangeFields, DAYS_IN_ORDER);

/** GET /api/teams/{teamId}/activities — answer, newest activity date first. */
export const activityListSchema = z.object({ items: z.array(activitySchema) });

// ---------------------------------------------------------------------------------------------
// KPIs (monthly indicators from outside systems)
// ---------------------------------------------------------------------------------------------

const kpiValueInput = z
  .object({
    indicator: z.enum(KPI_INDICATORS, { error: "Chỉ tiêu không hợp lệ." }),
    numerator: count("tử số"),
    denominator: z
      .number({ error: "Mẫu số phải là số." })
      .int({ error: "Mẫu số phải là số nguyên." })
      .positive({ error: "Mẫu số phải lớn hơn 0." })
      .max(100_000_000, { error: "Mẫu số quá lớn." }),
    source: z.string().trim().max(200, { error: "Nguồn số liệu dài quá 200 ký tự." }).optional(),
  })
  .refine((v) => v.numerator <= v.denominator, {
    error: "Tử số không được lớn hơn mẫu số.",
    path: ["numerator"],
  });

/** PUT /api/admin/kpi — a commune admin enters (or corrects) a month's indicators; answers like GET /api/kpi for that month. */
export const kpiUpsertSchema = z
  .object({
    communeId: communeIdBody,
    month: yearMonthSchema(),
    values: z
      .array(kpiValueInput, { error: "Vui lòng nhập ít nhất một chỉ tiêu." })
      .min(1, { error: "Vui lòng nhập ít nhất một chỉ tiêu." })
      .max(KPI_INDICATORS.length, { error: "Mỗi chỉ tiêu chỉ nhập một lần." }),
  })
  .refine((v) => new Set(v.values.map((x) => x.indicator)).size === v.values.length, {
    error: "Mỗi chỉ tiêu chỉ nhập một lần.",
    path: ["values"],
  });
export type KpiUpsertInput = z.input<typeof kpiUpsertSchema>;

/** GET /api/kpi?communeId=&from=YYYY-MM&to=YYYY-MM — query (default: the last 12 months). */
export const kpiQuerySchema = orderedRange(
  {
    communeId: communeIdQuery,
    from: yearMonthSchema("từ tháng").optional(),
    to: yearMonthSchema("đến tháng").optional(),
  },
  "Tháng bắt đầu phải trước tháng kết thúc.",
);

export const kpiValueSchema = z.object({
  month: z.string(),
  indicator: z.enum(KPI_INDICATORS),
  numerator: z.number(),
  denominator: z.number(),
  /** numerator / denominator. */
  rate: z.number(),
  source: z.string().nullable(),
  updatedAt: z.string(),
});
export type KpiValue = z.infer<typeof kpiValueSchema>;

/** GET /api/kpi and PUT /api/admin/kpi — answer: values by month then indicator (months without data are absent). */
export const kpiResponseSchema = z.object({
  communeId: z.number(),
  communeName: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(kpiValueSchema),
});
export type KpiResponse = z.infer<typeof kpiResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Team targets (measured from our own records)
// ---------------------------------------------------------------------------------------------

/** PUT /api/admin/targets — a commune admin sets a team's target; same team, period and metric replaces it. */
export const targetUpsertSchema = z
  .object({
    teamId: positiveId("Vui lòng chọn tổ."),
    periodFrom: isoDateSchema("ngày bắt đầu"),
    periodTo: isoDateSchema("ngày kết thúc"),
    metric: z.enum(TARGET_METRICS, { error: "Vui lòng chọn chỉ tiêu." }),
    target: z
      .number({ error: "Chỉ tiêu phải là số." })
      .int({ error: "Chỉ tiêu phải là số nguyên." })
      .positive({ error: "Chỉ tiêu phải lớn hơn 0." })
      .max(1_000_000, { error: "Chỉ tiêu quá lớn." }),
  })
  .refine((v) => v.periodFrom <= v.periodTo, {
    error: DAYS_IN_ORDER,
    path: ["periodTo"],
  });
export type TargetUpsertInput = z.input<typeof targetUpsertSchema>;

/** A target with its progress: `actual` counted from our records over the whole target period. */
export const targetSchema = z.object({
  id: z.number(),
  teamId: z.number(),
  teamName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  metric: z.enum(TARGET_METRICS),
  target: z.number(),
  actual: z.number(),
  /** actual / target (may exceed 1). */
  share: z.number(),
  updatedAt: z.string(),
});
export type Target = z.infer<typeof targetSchema>;

/** PUT /api/admin/targets — answer (201 new, 200 replaced). */
export const targetUpsertResponseSchema = targetSchema;

/** GET /api/teams/{teamId}/targets?on=YYYY-MM-DD — query: targets whose period covers `on` (default today). */
export const teamTargetsQuerySchema = z.object({ on: isoDateSchema("ngày xem").optional() });

/** GET /api/admin/targets?communeId=&on= — query: every team's targets (all periods unless `on` is given). */
export const adminTargetsQuerySchema = z.object({
  communeId: communeIdQuery,
  on: isoDateSchema("ngày xem").optional(),
});

/** GET /api/teams/{teamId}/targets and GET /api/admin/targets — answer (team, then newest period first). */
export const targetListSchema = z.object({ items: z.array(targetSchema) });

// DELETE /api/admin/targets/{id} — no body; 204 (idParam from ./api).

// ---------------------------------------------------------------------------------------------
// Satisfaction surveys (the Vĩnh Điện model)
// ---------------------------------------------------------------------------------------------

/** POST /api/surveys — one rating from the one-stop desk's QR (any signed-in person; 201, or 200 when `clientId` was already sent). */
export const surveySubmitSchema = z.object({
  communeId: communeIdBody,
  field: z.enum(SURVEY_FIELDS, { error: "Vui lòng chọn lĩnh vực thủ tục." }),
  rating: z
    .number({ error: "Vui lòng chọn số sao." })
    .int({ error: "Vui lòng chọn số sao." })
    .min(1, { error: "Vui lòng chọn từ 1 đến 5 sao." })
    .max(5, { error: "Vui lòng chọn từ 1 đến 5 sao." }),
  comment: z.string().trim().max(1000, { error: "Góp ý dài quá 1000 ký tự." }).optional(),
  clientId,
});
export type SurveySubmitInput = z.input<typeof surveySubmitSchema>;

/** POST /api/surveys — answer (never carries who answered). */
export const surveySubmittedSchema = z.object({
  id: z.number(),
  communeId: z.number(),
  field: z.enum(SURVEY_FIELDS),
  rating: z.number(),
  createdAt: z.string(),
});

/** GET /api/surveys/form?communeId=&field= — query (public: what the survey screen shows before sign-in). */
export const surveyFormQuerySchema = z.object({
  communeId: communeIdQuery,
  field: z.enum(SURVEY_FIELDS, { error: "Lĩnh vực thủ tục không hợp lệ." }),
});

/** GET /api/surveys/form — answer. */
export const surveyFormSchema = z.object({
  communeId: z.number(),
  communeName: z.string(),
  field: z.enum(SURVEY_FIELDS),
  fieldLabel: z.string(),
});

/** GET /api/admin/surveys/results?communeId=&from=&to= — query (dates inclusive; default: the last 12 months). */
export const surveyResultsQuerySchema = orderedRange(
  { communeId: communeIdQuery, ...dayRangeFields },
  DAYS_IN_ORDER,
);

const ratingStats = {
  count: z.number(),
  /** Mean rating, 2 decimals; null when there is no answer. */
  average: z.number().nullable(),
  /** Answers with 1, 2, 3, 4 and 5 stars. */
  stars: z.array(z.number()).length(5),
};

/** GET /api/admin/surveys/results — answer: aggregates only, never who answered. */
export const surveyResultsSchema = z.object({
  communeId: z.number(),
  communeName: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.object(ratingStats),
  byField: z.array(z.object({ field: z.enum(SURVEY_FIELDS), ...ratingStats })),
  byMonth: z.array(z.object({ month: z.string(), field: z.enum(SURVEY_FIELDS), ...ratingStats })),
  /** Latest comments (phone and ID numbers masked); commune admins only, empty for viewers. */
  comments: z.array(
    z.object({
      field: z.enum(SURVEY_FIELDS),
      rating: z.number(),
      comment: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

/**
 * GET /api/admin/surveys/qr.png and GET /api/admin/surveys/poster.pdf — query. A download link
 * cannot send a header: the session may come as `?session=`.
 */
export const surveyQrQuerySchema = surveyFormQuerySchema.extend({
  session: z.string().max(4096).optional(),
});

/** The link a survey QR encodes: the mini app's survey screen for a commune and field. */
export function surveyLink(appId: string, communeId: number, field: string): string {
  return `https://zalo.me/s/${appId}/survey?commune=${communeId}&field=${field}`;
}
