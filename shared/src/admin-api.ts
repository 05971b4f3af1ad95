/**
 * API shapes of Commune administration (issue #4): publishing news and documents, triage and public answers, villages, teams and members with invites, directory and FAQ management.
 * Shared by the bot-server (validation, OpenAPI) and the mini app (typed client); messages are
 * Vietnamese, they reach end users.
 *
 * Rules every admin endpoint follows: a session is required (401 without); only an admin of the
 * commune the item belongs to may read or change it, anyone else gets 404 (as for an id that
 * does not exist); bad input gets 400 `{ error: { code, message, fields } }` and changes nothing.
 * Updates are PATCH with every field optional; a nullable field accepts `null` to clear it.
 * Deletes answer `deletedSchema`.
 */
import { z } from "zod";
import { requestSummarySchema } from "./api";
import { CIVIC_ROLES, REQUEST_KINDS } from "./domain";
import {
  capitalize,
  isoDate,
  pageBefore,
  pageLimit,
  positiveId,
  positiveIdQuery,
  trimmed,
} from "./schema-kit";

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

/** A required text; left blank it asks for the value rather than its length. */
const text = (min: number, max: number, what: string) => trimmed(min, max, what, { askWhenBlank: true });

/** Optional and clearable: `null`, or an empty / blank string, stores nothing. */
const clearable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable()).optional();

/** An optional text that may be sent as null (or "") to clear it. */
const optionalText = (max: number, what: string) =>
  clearable(
    z
      .string({ error: `${capitalize(what)} không hợp lệ.` })
      .trim()
      .max(max, { error: `${capitalize(what)} dài quá ${max} ký tự.` }),
  );

const communeIdField = positiveId("Vui lòng chọn xã, phường.");
/** `?communeId=` of admin lists. */
export const adminCommuneQuerySchema = z.object({
  communeId: positiveIdQuery("Vui lòng chọn xã, phường.", { int: null }),
});

/** `YYYY-MM-DD`, a real calendar date. */
export const isoDateField = (what: string) =>
  isoDate(what, {
    ask: "nhập",
    format: "năm-tháng-ngày (ví dụ 2026-03-15).",
    unreal: "không có thật.",
    trim: true,
  });

/** An http(s) link. */
const urlField = (what: string) =>
  z
    .string({ error: `Vui lòng nhập ${what}.` })
    .trim()
    .max(500, { error: `${capitalize(what)} dài quá 500 ký tự.` })
    .regex(/^https?:\/\/[^\s/$.?#].[^\s]*$/i, {
      error: `${capitalize(what)} phải là đường dẫn bắt đầu bằng https://`,
    });
const optionalUrl = (what: string) => clearable(urlField(what));

/** A Vietnamese phone number or short hotline (113, 114, 115, 1900 xxxx…), as typed. */
const phoneField = z
  .string({ error: "Vui lòng nhập số điện thoại." })
  .trim()
  .regex(/^\+?[\d .-]{3,20}$/, { error: "Số điện thoại không hợp lệ." });
const optionalPhone = clearable(phoneField);

const sortOrderField = z
  .number({ error: "Thứ tự không hợp lệ." })
  .int({ error: "Thứ tự không hợp lệ." })
  .min(0, { error: "Thứ tự không hợp lệ." })
  .max(10_000, { error: "Thứ tự không hợp lệ." });

/** Answer of every DELETE: the id that is gone. */
export const deletedSchema = z.object({ id: z.number(), deleted: z.literal(true) });

/** `?communeId=&before=&limit=` of paged admin lists (news, documents). */
export const adminPageQuerySchema = adminCommuneQuerySchema.extend({
  /** Id of the last item of the previous page (items come newest first). */
  before: pageBefore(),
  limit: pageLimit(100, 50),
});

/** Every paged admin list: `nextBefore` is the `before` of the next page, null on the last page. */
export const pagedItemsOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextBefore: z.number().nullable() });

// ---------------------------------------------------------------------------------------------
// 1. News and documents
//    GET    /api/admin/news?communeId=&before=&limit=   → pagedItemsOf(adminNewsItemSchema)
//    POST   /api/admin/news                             createNewsSchema → 201 adminNewsItemSchema
//    PATCH  /api/admin/news/{id}                        updateNewsSchema → adminNewsItemSchema
//    DELETE /api/admin/news/{id}                        → deletedSchema
//    GET    /api/admin/documents?communeId=&before=&limit= → pagedItemsOf(adminDocumentItemSchema)
//    POST   /api/admin/documents                        createDocumentSchema → 201 adminDocumentItemSchema
//    PATCH  /api/admin/documents/{id}                   updateDocumentSchema → adminDocumentItemSchema
//    DELETE /api/admin/documents/{id}                   → deletedSchema
//    Published items show at once in GET /api/public/news and /api/public/documents.
// ---------------------------------------------------------------------------------------------

const newsFields = {
  title: text(5, 200, "tiêu đề"),
  summary: text(10, 500, "tóm tắt"),
  body: text(10, 20_000, "nội dung"),
  imageUrl: optionalUrl("đường dẫn ảnh"),
  isEvent: z.boolean({ error: "Giá trị “sự kiện” không hợp lệ." }).optional(),
  /** When the event happens (ISO date-time with offset, e.g. 2026-03-15T08:00:00+07:00); required for events. */
  eventAt: z.iso.datetime({ offset: true, error: "Thời gian sự kiện không hợp lệ." }).nullable().optional(),
  pinned: z.boolean({ error: "Giá trị “ghim” không hợp lệ." }).optional(),
};

/** POST /api/admin/news. `villageId` (a village of the commune) makes it village news. */
export const createNewsSchema = z
  .object({
    communeId: communeIdField,
    villageId: positiveId("Thôn, khối phố không hợp lệ.").nullable().optional(),
    ...newsFields,
  })
  .refine((v) => !v.isEvent || (v.eventAt !== undefined && v.eventAt !== null), {
    error: "Vui lòng nhập thời gian diễn ra sự kiện.",
    path: ["eventAt"],
  });
export type CreateNewsInput = z.input<typeof createNewsSchema>;

/** PATCH /api/admin/news/{id}: any subset of the fields (villageId null = whole commune). */
export const updateNewsSchema = z.object({
  villageId: positiveId("Thôn, khối phố không hợp lệ.").nullable().optional(),
  title: newsFields.title.optional(),
  summary: newsFields.summary.optional(),
  body: newsFields.body.optional(),
  imageUrl: newsFields.imageUrl,
  isEvent: newsFields.isEvent,
  eventAt: newsFields.eventAt,
  pinned: newsFields.pinned,
});
export type UpdateNewsInput = z.input<typeof updateNewsSchema>;

/** An item of GET /api/admin/news, and the answer of POST / PATCH /api/admin/news. */
export const adminNewsItemSchema = z.object({
  id: z.number(),
  communeId: z.number(),
  /** Null: news of the whole commune. */
  villageId: z.number().nullable(),
  unitName: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  imageUrl: z.string().nullable(),
  isEvent: z.boolean(),
  eventAt: z.string().nullable(),
  pinned: z.boolean(),
  authorName: z.string().nullable(),
  publishedAt: z.string(),
});
export type AdminNewsItem = z.infer<typeof adminNewsItemSchema>;

const documentFields = {
  title: text(5, 300, "trích yếu"),
  /** "15/2026/QĐ-UBND". */
  number: text(1, 100, "số, ký hiệu văn bản"),
  issuedDate: isoDateField("ngày ban hành"),
  issuer: text(2, 200, "cơ quan ban hành"),
  url: optionalUrl("đường dẫn văn bản"),
  summary: optionalText(2000, "tóm tắt"),
};

/** POST /api/admin/documents. */
export const createDocumentSchema = z.object({ communeId: communeIdField, ...documentFields });
export type CreateDocumentInput = z.input<typeof createDocumentSchema>;

/** PATCH /api/admin/documents/{id}. */
export const updateDocumentSchema = z.object({
  title: documentFields.title.optional(),
  number: documentFields.number.optional(),
  issuedDate: documentFields.issuedDate.optional(),
  issuer: documentFields.issuer.optional(),
  url: documentFields.url,
  summary: documentFields.summary,
});
export type UpdateDocumentInput = z.input<typeof updateDocumentSchema>;

/** An item of GET /api/admin/documents, and the answer of POST / PATCH /api/admin/documents. */
export const adminDocumentItemSchema = z.object({
  id: z.number(),
  communeId: z.number(),
  title: z.string(),
  number: z.string(),
  issuedDate: z.string(),
  issuer: z.string(),
  url: z.string().nullable(),
  summary: z.string().nullable(),
  publishedAt: z.string(),
});
export type AdminDocumentItem = z.infer<typeof adminDocumentItemSchema>;

// ---------------------------------------------------------------------------------------------
// 2. Triage and public answers
//    GET /api/admin/requests?communeId=&kind=&state=&before=&limit= → adminRequestListSchema
//        every request of the commune (all villages, team, pool and commune-routed), newest first
//    PUT /api/admin/requests/{id}/public-answer  publicAnswerSchema → requestDetailSchema
//        publishes (first time) or edits the commune's public answer of a field report or
//        question, in any status except rejected; the status does not change; an event
//        ("answered_publicly" or "public_answer_edited") is recorded. To also close the request,
//        use the existing POST /api/requests/{id}/claim then /resolve with `publicAnswer`.
//    Reject / assign stay at POST /api/requests/{id}/reject|assign; detail at GET /api/requests/{id}.
// ---------------------------------------------------------------------------------------------

export const ADMIN_REQUEST_STATES = ["open", "resolved", "all"] as const;
export type AdminRequestState = (typeof ADMIN_REQUEST_STATES)[number];

/** GET /api/admin/requests query. `state`: open = new/claimed/in_progress/escalated; resolved = resolved/closed. */
export const adminRequestQuerySchema = adminPageQuerySchema.extend({
  kind: z.enum(REQUEST_KINDS, { error: "Loại yêu cầu không hợp lệ." }).optional(),
  state: z.enum(ADMIN_REQUEST_STATES, { error: "Trạng thái lọc không hợp lệ." }).default("open"),
  villageId: positiveIdQuery("Thôn, khối phố không hợp lệ.", { int: null, positive: null }).optional(),
});

/** An item of GET /api/admin/requests: the summary plus what triage needs. */
export const adminRequestItemSchema = requestSummarySchema.extend({
  isPublic: z.boolean(),
  publicAnswer: z.string().nullable(),
  publicAnsweredAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Past its claim or resolve deadline and still open. */
  overdue: z.boolean(),
});
export type AdminRequestItem = z.infer<typeof adminRequestItemSchema>;

/** GET /api/admin/requests answer; `counts` are for the same commune, kind and village filter. */
export const adminRequestListSchema = pagedItemsOf(adminRequestItemSchema).extend({
  counts: z.object({ open: z.number(), resolved: z.number(), all: z.number() }),
});

/** PUT /api/admin/requests/{id}/public-answer. */
export const publicAnswerSchema = z.object({ answer: text(5, 4000, "câu trả lời") });

// ---------------------------------------------------------------------------------------------
// 3. Villages, teams, members and invites
//    GET   /api/admin/communes/{id}/structure   → communeStructureSchema
//    POST  /api/admin/villages                  createVillageSchema → 201 structureVillageSchema
//    PATCH /api/admin/villages/{id}             updateVillageSchema → structureVillageSchema
//    PATCH /api/admin/teams/{id}                updateTeamSchema → structureTeamSchema
//    PATCH /api/admin/memberships/{id}          updateMembershipSchema → structureMemberSchema
//    POST  /api/admin/memberships/{id}/end      (no body) → endMembershipResultSchema
//    POST  /api/admin/invites                   createInviteSchema → 201 inviteSchema
//    POST  /api/invites/accept (any signed-in person) acceptInviteSchema → inviteAcceptedSchema
//    POST  /api/invites/preview (any signed-in person) acceptInviteSchema → invitePreviewSchema
// ---------------------------------------------------------------------------------------------

/** An active member of a team, as the commune admin sees them. */
export const structureMemberSchema = z.object({
  membershipId: z.number(),
  personId: z.number(),
  teamId: z.number(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  civicRole: z.enum(CIVIC_ROLES),
  civicRoleLabel: z.string(),
  isLeader: z.boolean(),
  activeFrom: z.string(),
  /** Null while active (ended memberships are not listed in the structure). */
  activeTo: z.string().nullable(),
});
export type StructureMember = z.infer<typeof structureMemberSchema>;

export const structureTeamSchema = z.object({
  id: z.number(),
  kind: z.enum(["village", "commune_pool"]),
  name: z.string(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  active: z.boolean(),
  memberCount: z.number(),
  leaderCount: z.number(),
  members: z.array(structureMemberSchema),
});
export type StructureTeam = z.infer<typeof structureTeamSchema>;

export const structureVillageSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  /** The village's active Tổ CNSCĐ, null if it has none. */
  team: structureTeamSchema.nullable(),
});
export type StructureVillage = z.infer<typeof structureVillageSchema>;

/** GET /api/admin/communes/{id}/structure: villages (active and not) with team and members, commune pools. */
export const communeStructureSchema = z.object({
  commune: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  villages: z.array(structureVillageSchema),
  pools: z.array(structureTeamSchema),
  counts: z.object({
    villages: z.number(),
    activeVillages: z.number(),
    teams: z.number(),
    activeMembers: z.number(),
    leaders: z.number(),
    villagesWithoutMembers: z.number(),
  }),
});
export type CommuneStructure = z.infer<typeof communeStructureSchema>;

const decisionNoField = optionalText(100, "số quyết định");
const decisionDateField = clearable(isoDateField("ngày quyết định"));

/** POST /api/admin/villages: a new village of the commune with its village team. */
export const createVillageSchema = z.object({
  communeId: communeIdField,
  name: text(2, 100, "tên thôn, khối phố"),
  /** Unique code such as "CAMTHANH-T9"; made from the commune's code and the name when left out. */
  code: z
    .string({ error: "Mã thôn không hợp lệ." })
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/, {
      error: "Mã thôn chỉ gồm chữ in hoa không dấu, số, gạch ngang (2–64 ký tự).",
    })
    .optional(),
  /** The team's name; "Tổ CNSCĐ <tên thôn>" when left out. */
  teamName: text(2, 150, "tên tổ").optional(),
  decisionNo: decisionNoField,
  decisionDate: decisionDateField,
});
export type CreateVillageInput = z.input<typeof createVillageSchema>;

/** PATCH /api/admin/villages/{id}: rename, or deactivate (`active: false`; history stays) / reactivate. */
export const updateVillageSchema = z.object({
  name: text(2, 100, "tên thôn, khối phố").optional(),
  active: z.boolean({ error: "Giá trị “đang hoạt động” không hợp lệ." }).optional(),
});
export type UpdateVillageInput = z.input<typeof updateVillageSchema>;

/** PATCH /api/admin/teams/{id}: name and the decision establishing the team. */
export const updateTeamSchema = z.object({
  name: text(2, 150, "tên tổ").optional(),
  decisionNo: decisionNoField,
  decisionDate: decisionDateField,
});
export type UpdateTeamInput = z.input<typeof updateTeamSchema>;

/** PATCH /api/admin/memberships/{id} (active memberships only). */
export const updateMembershipSchema = z.object({
  isLeader: z.boolean({ error: "Giá trị “tổ trưởng” không hợp lệ." }).optional(),
  civicRole: z.enum(CIVIC_ROLES, { error: "Vai trò không hợp lệ." }).optional(),
});
export type UpdateMembershipInput = z.input<typeof updateMembershipSchema>;

/** POST /api/admin/memberships/{id}/end: the ended membership, and requests the person still holds. */
export const endMembershipResultSchema = z.object({
  member: structureMemberSchema,
  /** Open requests of that team the person still owns: the admin should reassign them. */
  openRequestIds: z.array(z.number()),
});

/** POST /api/admin/invites. */
export const createInviteSchema = z.object({
  teamId: positiveId("Vui lòng chọn tổ."),
  civicRole: z.enum(CIVIC_ROLES, { error: "Vui lòng chọn vai trò." }),
  isLeader: z.boolean({ error: "Giá trị “tổ trưởng” không hợp lệ." }).optional(),
});
export type CreateInviteInput = z.input<typeof createInviteSchema>;

/** POST /api/admin/invites answer: a link that opens the mini app's join page, and its QR code. */
export const inviteSchema = z.object({
  /** https://zalo.me/s/<ZALO_APP_ID>/join?token=<token> */
  link: z.string(),
  token: z.string(),
  /** data:image/png;base64,… */
  qrPngDataUrl: z.string(),
  expiresAt: z.string(),
  teamId: z.number(),
  teamName: z.string(),
  civicRole: z.enum(CIVIC_ROLES),
  isLeader: z.boolean(),
});
export type Invite = z.infer<typeof inviteSchema>;

/** POST /api/invites/accept (any signed-in person; the token comes from the link's `token`). */
export const acceptInviteSchema = z.object({
  token: z
    .string({ error: "Lời mời không hợp lệ." })
    .trim()
    .min(10, { error: "Lời mời không hợp lệ." })
    .max(4096, { error: "Lời mời không hợp lệ." }),
});

/** POST /api/invites/preview answer (body: acceptInviteSchema): what the join page shows before accepting. */
export const invitePreviewSchema = z.object({
  team: z.object({ id: z.number(), name: z.string(), unitId: z.number(), unitName: z.string() }),
  civicRole: z.enum(CIVIC_ROLES),
  isLeader: z.boolean(),
  expiresAt: z.string(),
  /** This person already accepted it (opening the link again). */
  acceptedByYou: z.boolean(),
});
export type InvitePreview = z.infer<typeof invitePreviewSchema>;

/** POST /api/invites/accept answer. `joined` false: the person was already an active member (nothing changed). */
export const inviteAcceptedSchema = z.object({
  joined: z.boolean(),
  team: z.object({
    id: z.number(),
    name: z.string(),
    unitId: z.number(),
    unitName: z.string(),
  }),
  membershipId: z.number(),
  civicRole: z.enum(CIVIC_ROLES),
  isLeader: z.boolean(),
});

// ---------------------------------------------------------------------------------------------
// 4. Directory: contacts, procedures, places, jobs (same pattern for each)
//    GET    /api/admin/<contacts|procedures|places|jobs>?communeId=  → { items: admin<X>ItemSchema[] }
//    POST   /api/admin/<...>          create<X>Schema → 201 admin<X>ItemSchema
//    PATCH  /api/admin/<...>/{id}     update<X>Schema → admin<X>ItemSchema
//    DELETE /api/admin/<...>/{id}     → deletedSchema
//    Procedures with communeId null are shared by every commune: listed (editable: false) but
//    not changeable by a commune admin (404). Jobs: the admin list includes expired ones.
//    Changes show at once in GET /api/public/<contacts|procedures|places|jobs>.
// ---------------------------------------------------------------------------------------------

const contactFields = {
  /** Free grouping shown as a heading: "Lãnh đạo xã", "Đường dây nóng", "Trưởng thôn"… */
  category: text(2, 100, "nhóm"),
  name: text(2, 150, "tên"),
  title: optionalText(150, "chức vụ"),
  phone: phoneField,
  sortOrder: sortOrderField.optional(),
};
/** POST /api/admin/contacts. */
export const createContactSchema = z.object({ communeId: communeIdField, ...contactFields });
/** PATCH /api/admin/contacts/{id}. */
export const updateContactSchema = z.object(contactFields).partial();
/** Item of GET /api/admin/contacts; answer of POST / PATCH. */
export const adminContactItemSchema = z.object({
  id: z.number(),
  communeId: z.number(),
  category: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string(),
  sortOrder: z.number(),
});
export type AdminContactItem = z.infer<typeof adminContactItemSchema>;

const procedureFields = {
  /** "Hộ tịch", "Cư trú", "Đất đai"… */
  field: text(2, 100, "lĩnh vực"),
  name: text(5, 300, "tên thủ tục"),
  whatToBring: text(5, 4000, "giấy tờ cần mang"),
  fee: optionalText(200, "lệ phí"),
  processingTime: optionalText(200, "thời gian giải quyết"),
  /** Link on the national public-service portal (dichvucong.gov.vn). */
  nationalPortalUrl: urlField("đường dẫn Cổng dịch vụ công quốc gia"),
  /** Link on the provincial portal, if any. */
  provincialPortalUrl: optionalUrl("đường dẫn Cổng dịch vụ công tỉnh"),
  sortOrder: sortOrderField.optional(),
};
/** POST /api/admin/procedures (always the admin's commune; shared procedures are not created here). */
export const createProcedureSchema = z.object({ communeId: communeIdField, ...procedureFields });
/** PATCH /api/admin/procedures/{id} (the commune's own procedures only). */
export const updateProcedureSchema = z.object(procedureFields).partial();
/** Item of GET /api/admin/procedures; answer of POST / PATCH. */
export const adminProcedureItemSchema = z.object({
  id: z.number(),
  /** Null: shared by every commune (read only here). */
  communeId: z.number().nullable(),
  editable: z.boolean(),
  field: z.string(),
  name: z.string(),
  whatToBring: z.string(),
  fee: z.string().nullable(),
  processingTime: z.string().nullable(),
  nationalPortalUrl: z.string(),
  provincialPortalUrl: z.string().nullable(),
  sortOrder: z.number(),
});
export type AdminProcedureItem = z.infer<typeof adminProcedureItemSchema>;

const placeFields = {
  /** "Lưu trú", "Du lịch", "Ẩm thực", "Đặc sản", "OCOP"… */
  category: text(2, 100, "nhóm"),
  name: text(2, 200, "tên"),
  description: text(5, 4000, "mô tả"),
  address: optionalText(300, "địa chỉ"),
  phone: optionalPhone,
};
/** POST /api/admin/places. */
export const createPlaceSchema = z.object({ communeId: communeIdField, ...placeFields });
/** PATCH /api/admin/places/{id}. */
export const updatePlaceSchema = z.object(placeFields).partial();
/** Item of GET /api/admin/places; answer of POST / PATCH. */
export const adminPlaceItemSchema = z.object({
  id: z.number(),
  communeId: z.number(),
  category: z.string(),
  name: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});
export type AdminPlaceItem = z.infer<typeof adminPlaceItemSchema>;

const jobFields = {
  title: text(5, 200, "tên công việc"),
  employer: text(2, 200, "đơn vị tuyển dụng"),
  description: text(10, 4000, "mô tả"),
  /** How to apply: phone, address, link. */
  contact: text(3, 300, "thông tin liên hệ"),
  /** A training course rather than a job. */
  isTraining: z.boolean({ error: "Giá trị “lớp đào tạo” không hợp lệ." }).optional(),
  /** Last day it is shown (inclusive, Vietnam time), `YYYY-MM-DD`; must not be in the past. */
  expiresOn: isoDateField("ngày hết hạn"),
};
/** POST /api/admin/jobs. */
export const createJobSchema = z.object({ communeId: communeIdField, ...jobFields });
/** PATCH /api/admin/jobs/{id}. */
export const updateJobSchema = z.object(jobFields).partial();
/** Item of GET /api/admin/jobs; answer of POST / PATCH. */
export const adminJobItemSchema = z.object({
  id: z.number(),
  communeId: z.number(),
  title: z.string(),
  employer: z.string(),
  description: z.string(),
  contact: z.string(),
  isTraining: z.boolean(),
  expiresOn: z.string(),
  /** ISO instant the job stops showing (end of `expiresOn`, Vietnam time). */
  expiresAt: z.string(),
  expired: z.boolean(),
  publishedAt: z.string(),
});
export type AdminJobItem = z.infer<typeof adminJobItemSchema>;

// ---------------------------------------------------------------------------------------------
// 5. FAQ entries the chatbot answers from
//    GET    /api/admin/faq?communeId=   → { items: adminFaqItemSchema[] } (the commune's + shared)
//    POST   /api/admin/faq              createFaqSchema → 201 adminFaqItemSchema
//    PATCH  /api/admin/faq/{id}         updateFaqSchema → adminFaqItemSchema (own commune's only)
//    DELETE /api/admin/faq/{id}         → deletedSchema (own commune's only)
//    The chatbot's search sees every change at once.
// ---------------------------------------------------------------------------------------------

const faqFields = {
  question: text(5, 300, "câu hỏi"),
  answer: text(10, 4000, "câu trả lời"),
  /** Extra words people use for this question (with or without diacritics), space separated. */
  keywords: z
    .string({ error: "Từ khóa không hợp lệ." })
    .trim()
    .max(500, { error: "Từ khóa dài quá 500 ký tự." })
    .optional(),
  /** Inactive entries are kept but never offered by the chatbot. */
  active: z.boolean({ error: "Giá trị “đang dùng” không hợp lệ." }).optional(),
};
/** POST /api/admin/faq. */
export const createFaqSchema = z.object({ communeId: communeIdField, ...faqFields });
/** PATCH /api/admin/faq/{id}. */
export const updateFaqSchema = z.object(faqFields).partial();
/** Item of GET /api/admin/faq; answer of POST / PATCH. */
export const adminFaqItemSchema = z.object({
  id: z.number(),
  /** Null: shared by every commune (read only here). */
  communeId: z.number().nullable(),
  editable: z.boolean(),
  question: z.string(),
  answer: z.string(),
  keywords: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type AdminFaqItem = z.infer<typeof adminFaqItemSchema>;
