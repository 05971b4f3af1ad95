/**
 * API shapes shared by the bot-server (validation, OpenAPI) and the mini app (typed client).
 * Messages are Vietnamese: they reach end users through the `{ error: { fields } }` body.
 */
import { z } from "zod";
import {
  CATEGORIES_BY_KIND,
  CIVIC_ROLES,
  MEETING_MODES,
  OUTCOME_CODES,
  REJECT_REASONS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  ROUTED_TO,
} from "./domain";
import { pageBefore, pageLimit, positiveIdQuery, trimmed } from "./schema-kit";

// Vietnamese fallback for every message a schema does not set itself: end users read them.
z.config(z.locales.vi());

export const MAX_PHOTOS_PER_REQUEST = 5;

/** `{ items: T[] }`: the shape of every list answer (the mini app's client types lists with it). */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const idParam = z.object({
  id: positiveIdQuery("Mã không hợp lệ.", { int: null }),
});

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

// ---------------------------------------------------------------------------------------------
// Session and profile
// ---------------------------------------------------------------------------------------------

export const sessionRequestSchema = z.object({
  accessToken: trimmed(1, 4096, "mã truy cập Zalo"),
});
export const sessionResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
});

export const roleSummarySchema = z.object({
  memberships: z.array(
    z.object({
      teamId: z.number(),
      teamName: z.string(),
      unitId: z.number(),
      isLeader: z.boolean(),
      civicRole: z.enum(CIVIC_ROLES),
    }),
  ),
  adminOf: z.array(z.object({ unitId: z.number(), unitName: z.string() })),
  viewerOf: z.array(z.object({ unitId: z.number(), unitName: z.string() })),
});

export const villageSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  communeId: z.number(),
  communeName: z.string(),
  districtName: z.string().nullable(),
  provinceName: z.string(),
});
export type Village = z.infer<typeof villageSchema>;

export const profileSchema = z.object({
  id: z.number(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  hasPhone: z.boolean(),
  homeVillage: villageSchema.nullable(),
  roles: roleSummarySchema,
});
export type Profile = z.infer<typeof profileSchema>;

export const updateProfileSchema = z.object({
  homeVillageId: z.number({ error: "Vui lòng chọn thôn, khối phố." }).int().positive(),
});

export const phoneExchangeSchema = z.object({
  accessToken: trimmed(1, 4096, "mã truy cập Zalo"),
  phoneToken: trimmed(1, 4096, "mã số điện thoại"),
});

/** `POST /api/location`: a `getLocation()` token exchanged for coordinates; nothing is stored. */
export const locationExchangeSchema = z.object({
  accessToken: trimmed(1, 4096, "mã truy cập Zalo"),
  token: trimmed(1, 4096, "mã vị trí"),
});

export const coordinatesSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});
export type Coordinates = z.infer<typeof coordinatesSchema>;

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

const photoIds = z
  .array(z.string().uuid({ error: "Ảnh không hợp lệ." }), { error: "Danh sách ảnh không hợp lệ." })
  .max(MAX_PHOTOS_PER_REQUEST, { error: `Tối đa ${MAX_PHOTOS_PER_REQUEST} ảnh.` })
  .default([]);

const location = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  })
  .optional();

const onBehalf = z
  .object({
    name: trimmed(2, 100, "họ tên người được giúp"),
    relationship: trimmed(1, 50, "quan hệ").optional(),
    phone: z
      .string()
      .trim()
      .regex(/^(\+?84|0)\d{9,10}$/, { error: "Số điện thoại không hợp lệ." })
      .optional(),
    consent: z.literal(true, { error: "Cần có sự đồng ý của người được giúp." }),
  })
  .optional();

const requestBase = {
  text: trimmed(5, 2000, "nội dung"),
  villageId: z.number({ error: "Vui lòng chọn thôn, khối phố." }).int().positive().optional(),
  photoIds,
  clientId: z.string().trim().min(8).max(64).optional(),
  onBehalf,
};

export const createRequestSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("help"),
      category: z.enum(CATEGORIES_BY_KIND.help, { error: "Vui lòng chọn việc cần giúp." }),
      meetingMode: z.enum(MEETING_MODES, { error: "Vui lòng chọn cách gặp." }),
      ...requestBase,
    }),
    z.object({
      kind: z.literal("field_report"),
      category: z.enum(CATEGORIES_BY_KIND.field_report, { error: "Vui lòng chọn lĩnh vực phản ánh." }),
      location,
      placeText: z.string().trim().max(200).optional(),
      ...requestBase,
    }),
    z.object({
      kind: z.literal("question"),
      category: z.enum(CATEGORIES_BY_KIND.question, { error: "Vui lòng chọn loại câu hỏi." }),
      ...requestBase,
    }),
  ],
  { error: "Vui lòng chọn loại yêu cầu." },
);
export type CreateRequestInput = z.input<typeof createRequestSchema>;

export const noteSchema = z.object({ text: trimmed(1, 2000, "ghi chú") });
export const assignSchema = z.object({ assigneePersonId: z.number().int().positive() });
export const resolveSchema = z.object({
  outcomeCode: z.enum(
    [...new Set([...OUTCOME_CODES.help, ...OUTCOME_CODES.field_report, ...OUTCOME_CODES.question])] as [
      string,
      ...string[],
    ],
    { error: "Vui lòng chọn kết quả." },
  ),
  note: z.string().trim().max(2000).optional(),
  receiptCode: z.string().trim().max(100).optional(),
  publicAnswer: z.string().trim().min(5).max(4000).optional(),
});
export const rejectSchema = z
  .object({
    reason: z.enum(REJECT_REASONS, { error: "Vui lòng chọn lý do." }),
    duplicateOfId: z.number().int().positive().optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((v) => v.reason !== "duplicate" || v.duplicateOfId !== undefined, {
    error: "Vui lòng nhập mã yêu cầu bị trùng.",
    path: ["duplicateOfId"],
  });
export const rateSchema = z.object({
  rating: z.number({ error: "Vui lòng chọn số sao." }).int().min(1).max(5),
  comment: z.string().trim().max(1000).optional(),
});
export const reopenSchema = z.object({ reason: z.string().trim().max(1000).optional() });

export const personRefSchema = z.object({
  id: z.number(),
  displayName: z.string(),
  civicRole: z.enum(CIVIC_ROLES).nullable(),
  avatarUrl: z.string().nullable(),
});

export const requestEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  actorName: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});

export const requestSummarySchema = z.object({
  id: z.number(),
  kind: z.enum(REQUEST_KINDS),
  category: z.string(),
  text: z.string(),
  status: z.enum(REQUEST_STATUSES),
  escalationLevel: z.number(),
  villageId: z.number(),
  villageName: z.string(),
  teamId: z.number().nullable(),
  routedTo: z.enum(ROUTED_TO),
  owner: personRefSchema.nullable(),
  onBehalfName: z.string().nullable(),
  claimDueAt: z.string(),
  resolveDueAt: z.string(),
  createdAt: z.string(),
  rating: z.number().nullable(),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const requestDetailSchema = requestSummarySchema.extend({
  meetingMode: z.enum(MEETING_MODES).nullable(),
  placeText: z.string().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  photoUrls: z.array(z.string()),
  requesterName: z.string().nullable(),
  outcomeCode: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  receiptCode: z.string().nullable(),
  rejectReason: z.string().nullable(),
  duplicateOfId: z.number().nullable(),
  isPublic: z.boolean(),
  publicAnswer: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  ratingComment: z.string().nullable(),
  events: z.array(requestEventSchema),
});
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const queueQuerySchema = z.object({
  view: z
    .enum(["unclaimed", "mine", "overdue", "all_open"], { error: "Chế độ xem hàng chờ không hợp lệ." })
    .default("unclaimed"),
  teamId: positiveIdQuery("Mã tổ không hợp lệ.", { int: null, positive: null }).optional(),
  limit: pageLimit(100, 50),
});

export const queueResponseSchema = z.object({
  counts: z.object({ unclaimed: z.number(), mine: z.number(), overdue: z.number() }),
  items: z.array(requestSummarySchema),
});

// ---------------------------------------------------------------------------------------------
// Public lists (never carry requester identity, phone numbers or Zalo ids)
// ---------------------------------------------------------------------------------------------

export const pageQuerySchema = z.object({
  communeId: positiveIdQuery("Vui lòng chọn xã, phường.", { int: null, positive: null }),
  before: pageBefore(),
  limit: pageLimit(50, 20),
});

export const publicFieldReportSchema = z.object({
  id: z.number(),
  category: z.string(),
  text: z.string(),
  villageName: z.string(),
  placeText: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  photoUrls: z.array(z.string()),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});

export const publicQuestionSchema = z.object({
  id: z.number(),
  category: z.string(),
  question: z.string(),
  answer: z.string(),
  answeredAt: z.string(),
});

export const newsItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  imageUrl: z.string().nullable(),
  isEvent: z.boolean(),
  eventAt: z.string().nullable(),
  pinned: z.boolean(),
  unitName: z.string(),
  publishedAt: z.string(),
});

export const documentItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  number: z.string(),
  issuedDate: z.string(),
  issuer: z.string(),
  url: z.string().nullable(),
  summary: z.string().nullable(),
});

export const announcementItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
});

export const contactItemSchema = z.object({
  id: z.number(),
  category: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string(),
});

export const procedureItemSchema = z.object({
  id: z.number(),
  field: z.string(),
  name: z.string(),
  whatToBring: z.string(),
  fee: z.string().nullable(),
  processingTime: z.string().nullable(),
  nationalPortalUrl: z.string(),
  provincialPortalUrl: z.string().nullable(),
});

export const placeItemSchema = z.object({
  id: z.number(),
  category: z.string(),
  name: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});

export const jobItemSchema = z.object({
  id: z.number(),
  title: z.string(),
  employer: z.string(),
  description: z.string(),
  contact: z.string(),
  isTraining: z.boolean(),
  expiresAt: z.string(),
});

/** A member as residents see them: enough to recognise a real member, nothing to contact privately. */
export const teamDirectoryMemberSchema = z.object({
  displayName: z.string(),
  civicRole: z.enum(CIVIC_ROLES),
  civicRoleLabel: z.string(),
  isLeader: z.boolean(),
  avatarUrl: z.string().nullable(),
});

export const teamDirectorySchema = z.object({
  teamId: z.number(),
  teamName: z.string(),
  villageName: z.string(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  members: z.array(teamDirectoryMemberSchema),
  antiFraudTips: z.array(z.string()),
});

export const photoUploadResponseSchema = z.object({ id: z.string(), url: z.string() });

// ---------------------------------------------------------------------------------------------
// Commune admins: announcements and their delivery
// ---------------------------------------------------------------------------------------------

export const createAnnouncementSchema = z.object({
  communeId: z.number({ error: "Vui lòng chọn xã, phường." }).int().positive(),
  title: trimmed(5, 200, "tiêu đề"),
  body: trimmed(10, 4000, "nội dung thông báo"),
  /** Omitted: every village of the commune. */
  villageIds: z
    .array(z.number().int().positive())
    .min(1, { error: "Vui lòng chọn ít nhất một thôn." })
    .max(200)
    .optional(),
});

const deliveryCountsSchema = z.object({
  total: z.number(),
  sent: z.number(),
  pending: z.number(),
  uncertain: z.number(),
  undeliverable: z.array(z.object({ reason: z.string(), label: z.string(), count: z.number() })),
});

export const deliveryReportSchema = deliveryCountsSchema.extend({
  announcementId: z.number(),
  byVillage: z.array(deliveryCountsSchema.extend({ villageId: z.number().nullable() })),
});

export const announcementCreatedSchema = z.object({ id: z.number(), queued: z.number() });

// ---------------------------------------------------------------------------------------------
// Sandbox only (GET /sandbox/api/personas answers 404 in live mode)
// ---------------------------------------------------------------------------------------------

export const sandboxPersonaSchema = z.object({
  followerId: z.string(),
  appUserId: z.string().nullable(),
  name: z.string(),
  /** The most senior role held now; decides the picker group. */
  role: z.enum(["admin", "viewer", "leader", "member", "citizen"]),
  /** "Người dân – Thôn 1, Cẩm Thanh", "Cán bộ xã – Cẩm Thanh", "Người xem – Hội An"… */
  roleLabel: z.string(),
  /** Every role held now, most senior first (a leader of a village team may also serve in a pool). */
  roleLabels: z.array(z.string()),
  /** The demo switcher's label when this is one of the demo personas, else null. */
  demoLabel: z.string().nullable(),
  /** Follows the OA, as the database knows it (the stand-in holds Zalo's own view). */
  following: z.boolean(),
});
export type SandboxPersona = z.infer<typeof sandboxPersonaSchema>;
export const sandboxPersonasSchema = z.object({ personas: z.array(sandboxPersonaSchema) });

export const healthSchema = z.object({ status: z.string(), sandbox: z.boolean() });
/** What the local Zalo stand-in's `POST /__zalo/graph/sandbox/users/{id}/access-token` answers. */
export const sandboxAccessTokenSchema = z.object({ access_token: z.string(), expires_in: z.string() });
