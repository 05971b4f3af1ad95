/**
 * The database model of Cầu Nối. These Drizzle tables are the single source of truth for row
 * shapes; API shapes for the mini app live in `shared/` and are mapped from these rows.
 *
 * Conventions: integer primary keys, timestamps as epoch milliseconds (`timestamp_ms`), enums
 * as text constrained by the TypeScript union (and by CHECK constraints where a bad value would
 * corrupt the lifecycle). Nothing here is SQLite-only beyond the column builders, so the model
 * can move to a server database by swapping `sqliteTable` for its equivalent.
 */
import {
  ACTIVITY_FORMS,
  ADMIN_UNIT_LEVELS,
  CIVIC_ROLES,
  KPI_INDICATORS,
  MEETING_MODES,
  REPORT_NOTE_SECTIONS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  ROUTED_TO,
  SURVEY_FIELDS,
  TARGET_METRICS,
  TEAM_KINDS,
  UNIT_ROLES,
} from "@cau-noi/shared";
import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

// ---------------------------------------------------------------------------------------------
// Places and people
// ---------------------------------------------------------------------------------------------

/** Administrative tree: province › (district) › commune › village. */
export const adminUnits = sqliteTable(
  "admin_units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parentId: integer("parent_id"),
    level: text("level", { enum: ADMIN_UNIT_LEVELS }).notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** Folded name (no diacritics, lower case) for tolerant search. */
    searchName: text("search_name").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("admin_units_code_uq").on(t.code), index("admin_units_parent_idx").on(t.parentId)],
);

/** Every re-parenting of a unit (villages merge and move between communes). */
export const adminUnitMoves = sqliteTable("admin_unit_moves", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  unitId: integer("unit_id")
    .notNull()
    .references(() => adminUnits.id),
  fromParentId: integer("from_parent_id"),
  toParentId: integer("to_parent_id"),
  reason: text("reason"),
  createdAt: createdAt(),
});

export const persons = sqliteTable(
  "persons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Zalo app-scoped user id (Mini App `userInfo.id`, webhook `user_id_by_app`). */
    zaloAppUserId: text("zalo_app_user_id"),
    /** OA-scoped follower id (webhook `sender.id`, `message/cs` recipient). */
    oaFollowerId: text("oa_follower_id"),
    displayName: text("display_name").notNull(),
    avatarUrl: text("avatar_url"),
    /** Shown in the public team directory only when the member agreed. */
    photoConsent: integer("photo_consent", { mode: "boolean" }).notNull().default(false),
    phone: text("phone"),
    phoneConsentAt: integer("phone_consent_at", { mode: "timestamp_ms" }),
    homeVillageId: integer("home_village_id").references(() => adminUnits.id),
    /** Follows the Official Account (follow/unfollow events). */
    oaFollowing: integer("oa_following", { mode: "boolean" }).notNull().default(false),
    /** Last message or button tap to the OA: Zalo only lets the OA answer within 7 days. */
    oaLastInteractionAt: integer("oa_last_interaction_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("persons_zalo_app_user_id_uq").on(t.zaloAppUserId),
    uniqueIndex("persons_oa_follower_id_uq").on(t.oaFollowerId),
  ],
);

/** A Tổ CNSCĐ: one per village, or a commune-level pool. */
export const teams = sqliteTable(
  "teams",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => adminUnits.id),
    kind: text("kind", { enum: TEAM_KINDS }).notNull(),
    name: text("name").notNull(),
    decisionNo: text("decision_no"),
    decisionDate: text("decision_date"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("teams_unit_idx").on(t.unitId, t.kind)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    isLeader: integer("is_leader", { mode: "boolean" }).notNull().default(false),
    civicRole: text("civic_role", { enum: CIVIC_ROLES }).notNull().default("other"),
    activeFrom: integer("active_from", { mode: "timestamp_ms" }).notNull(),
    /** Null while the membership is active; members leave and rejoin, history stays. */
    activeTo: integer("active_to", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("memberships_team_idx").on(t.teamId, t.activeTo),
    index("memberships_person_idx").on(t.personId),
  ],
);

/**
 * An invitation to join a team (link or QR made by a commune admin). The link's signed token
 * names this row; the first person to accept uses it up, so a forwarded link cannot enrol others.
 */
export const teamInvites = sqliteTable(
  "team_invites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
    civicRole: text("civic_role", { enum: CIVIC_ROLES }).notNull(),
    isLeader: integer("is_leader", { mode: "boolean" }).notNull().default(false),
    invitedByPersonId: integer("invited_by_person_id")
      .notNull()
      .references(() => persons.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    acceptedByPersonId: integer("accepted_by_person_id").references(() => persons.id),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("team_invites_team_idx").on(t.teamId)],
);

/** Commune admins and district/province viewers, scoped to a unit of the tree. */
export const unitRoles = sqliteTable(
  "unit_roles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => adminUnits.id),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    role: text("role", { enum: UNIT_ROLES }).notNull(),
    activeFrom: integer("active_from", { mode: "timestamp_ms" }).notNull(),
    activeTo: integer("active_to", { mode: "timestamp_ms" }),
  },
  (t) => [index("unit_roles_person_idx").on(t.personId), index("unit_roles_unit_idx").on(t.unitId, t.role)],
);

// ---------------------------------------------------------------------------------------------
// Requests: help requests, field reports and questions share one lifecycle
// ---------------------------------------------------------------------------------------------

export const photos = sqliteTable("photos", {
  id: text("id").primaryKey(),
  uploaderPersonId: integer("uploader_person_id")
    .notNull()
    .references(() => persons.id),
  /** A file under UPLOAD_DIR, or null for a photo that stays on Zalo's CDN (sent in chat). */
  fileName: text("file_name"),
  sourceUrl: text("source_url"),
  mimeType: text("mime_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  createdAt: createdAt(),
});

export const requests = sqliteTable(
  "requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: REQUEST_KINDS }).notNull(),
    category: text("category").notNull(),
    text: text("text").notNull(),
    meetingMode: text("meeting_mode", { enum: MEETING_MODES }),
    latitude: real("latitude"),
    longitude: real("longitude"),
    placeText: text("place_text"),
    villageId: integer("village_id")
      .notNull()
      .references(() => adminUnits.id),
    /** The commune at the time of filing, so history survives re-parenting of the village. */
    communeId: integer("commune_id")
      .notNull()
      .references(() => adminUnits.id),
    teamId: integer("team_id").references(() => teams.id),
    routedTo: text("routed_to", { enum: ROUTED_TO }).notNull(),
    /** The person the request is for, when they use Zalo themselves. */
    requesterPersonId: integer("requester_person_id").references(() => persons.id),
    /** Who typed it in: the requester, a relative, or a team member filing on behalf. */
    filedByPersonId: integer("filed_by_person_id")
      .notNull()
      .references(() => persons.id),
    onBehalfName: text("on_behalf_name"),
    onBehalfRelationship: text("on_behalf_relationship"),
    onBehalfPhone: text("on_behalf_phone"),
    onBehalfConsent: integer("on_behalf_consent", { mode: "boolean" }),
    /** Client-generated id: a queued offline submission sent twice creates one request. */
    clientId: text("client_id"),
    status: text("status", { enum: REQUEST_STATUSES }).notNull(),
    escalationLevel: integer("escalation_level").notNull().default(0),
    ownerPersonId: integer("owner_person_id").references(() => persons.id),
    claimedAt: integer("claimed_at", { mode: "timestamp_ms" }),
    /** A claim with no start by then goes back to the queue. */
    startDueAt: integer("start_due_at", { mode: "timestamp_ms" }),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    claimDueAt: integer("claim_due_at", { mode: "timestamp_ms" }).notNull(),
    resolveDueAt: integer("resolve_due_at", { mode: "timestamp_ms" }).notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    outcomeCode: text("outcome_code"),
    outcomeNote: text("outcome_note"),
    receiptCode: text("receipt_code"),
    rejectReason: text("reject_reason"),
    duplicateOfId: integer("duplicate_of_id"),
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    publicAnswer: text("public_answer"),
    publicAnsweredAt: integer("public_answered_at", { mode: "timestamp_ms" }),
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    ratedAt: integer("rated_at", { mode: "timestamp_ms" }),
    reopenCount: integer("reopen_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // The trailing columns make the queue's counts and page selection index-only: a busy team's
    // queue filters and sorts its open requests without touching the table (npm run bench).
    index("requests_team_queue_idx").on(
      t.teamId,
      t.status,
      t.createdAt,
      t.ownerPersonId,
      t.claimDueAt,
      t.resolveDueAt,
    ),
    index("requests_owner_idx").on(t.ownerPersonId, t.status, t.resolveDueAt),
    index("requests_requester_idx").on(t.requesterPersonId, t.createdAt),
    index("requests_filed_by_idx").on(t.filedByPersonId, t.createdAt),
    // No trailing column: rows within the prefix come in rowid order, so ORDER BY id uses it.
    index("requests_public_idx").on(t.communeId, t.kind, t.isPublic),
    // resolve_due_at makes the dashboard's overdue count index-only.
    index("requests_commune_stats_idx").on(t.communeId, t.status, t.kind, t.villageId, t.resolveDueAt),
    index("requests_claim_due_idx").on(t.status, t.claimDueAt),
    index("requests_resolve_due_idx").on(t.status, t.resolveDueAt),
    index("requests_start_due_idx").on(t.status, t.startDueAt),
    uniqueIndex("requests_client_id_uq").on(t.filedByPersonId, t.clientId),
    check("requests_rating_range", sql`${t.rating} IS NULL OR (${t.rating} BETWEEN 1 AND 5)`),
    check(
      "requests_owner_matches_status",
      sql`(${t.status} IN ('claimed','in_progress') AND ${t.ownerPersonId} IS NOT NULL) OR ${t.status} NOT IN ('claimed','in_progress')`,
    ),
  ],
);

export const requestPhotos = sqliteTable(
  "request_photos",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    photoId: text("photo_id")
      .notNull()
      .references(() => photos.id),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("request_photos_uq").on(t.requestId, t.photoId),
    index("request_photos_photo_idx").on(t.photoId),
  ],
);

/** Append-only history of every request: who did what, when, from which status to which. */
export const requestEvents = sqliteTable(
  "request_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id),
    /** Null for the system (deadlines, auto-close). */
    actorPersonId: integer("actor_person_id").references(() => persons.id),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    /** JSON with the action's details (reason, note text, outcome, assignee...). */
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("request_events_request_idx").on(t.requestId, t.id)],
);

// ---------------------------------------------------------------------------------------------
// Publishing: news, documents, announcements
// ---------------------------------------------------------------------------------------------

export const news = sqliteTable(
  "news",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The commune, or a single village for village-scoped news. */
    unitId: integer("unit_id")
      .notNull()
      .references(() => adminUnits.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    imageUrl: text("image_url"),
    isEvent: integer("is_event", { mode: "boolean" }).notNull().default(false),
    eventAt: integer("event_at", { mode: "timestamp_ms" }),
    pinned: integer("pinned", { mode: "boolean" }).notNull().default(false),
    authorPersonId: integer("author_person_id").references(() => persons.id),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("news_unit_idx").on(t.unitId, t.pinned, t.publishedAt)],
);

export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => adminUnits.id),
    title: text("title").notNull(),
    number: text("number").notNull(),
    issuedDate: text("issued_date").notNull(),
    issuer: text("issuer").notNull(),
    url: text("url"),
    summary: text("summary"),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("documents_unit_idx").on(t.unitId, t.publishedAt)],
);

export const announcements = sqliteTable(
  "announcements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communeId: integer("commune_id")
      .notNull()
      .references(() => adminUnits.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** Village ids it targets; null means every village of the commune. */
    villageIds: text("village_ids", { mode: "json" }).$type<number[] | null>(),
    authorPersonId: integer("author_person_id").references(() => persons.id),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("announcements_commune_idx").on(t.communeId, t.publishedAt)],
);

// ---------------------------------------------------------------------------------------------
// Directory: contacts, procedures, places, jobs
// ---------------------------------------------------------------------------------------------

export const contacts = sqliteTable(
  "contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => adminUnits.id),
    category: text("category").notNull(),
    name: text("name").notNull(),
    title: text("title"),
    phone: text("phone").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("contacts_unit_idx").on(t.unitId, t.sortOrder)],
);

export const procedures = sqliteTable("procedures", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Null for procedures every commune shares. */
  unitId: integer("unit_id").references(() => adminUnits.id),
  field: text("field").notNull(),
  name: text("name").notNull(),
  whatToBring: text("what_to_bring").notNull(),
  fee: text("fee"),
  processingTime: text("processing_time"),
  nationalPortalUrl: text("national_portal_url").notNull(),
  provincialPortalUrl: text("provincial_portal_url"),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const places = sqliteTable(
  "places",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => adminUnits.id),
    category: text("category").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    address: text("address"),
    phone: text("phone"),
  },
  (t) => [index("places_unit_idx").on(t.unitId, t.category)],
);

export const jobs = sqliteTable(
  "jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => adminUnits.id),
    title: text("title").notNull(),
    employer: text("employer").notNull(),
    description: text("description").notNull(),
    contact: text("contact").notNull(),
    isTraining: integer("is_training", { mode: "boolean" }).notNull().default(false),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("jobs_unit_idx").on(t.unitId, t.expiresAt)],
);

// ---------------------------------------------------------------------------------------------
// Team work
// ---------------------------------------------------------------------------------------------

export const teamActivities = sqliteTable(
  "team_activities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
    clientId: text("client_id"),
    activityDate: text("activity_date").notNull(),
    form: text("form", { enum: ACTIVITY_FORMS }).notNull(),
    topic: text("topic").notNull(),
    place: text("place").notNull(),
    memberPersonIds: text("member_person_ids", { mode: "json" }).notNull().$type<number[]>(),
    residentsReached: integer("residents_reached").notNull().default(0),
    leaflets: integer("leaflets").notNull().default(0),
    photoIds: text("photo_ids", { mode: "json" }).notNull().$type<string[]>(),
    note: text("note"),
    authorPersonId: integer("author_person_id")
      .notNull()
      .references(() => persons.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("team_activities_team_idx").on(t.teamId, t.activityDate),
    uniqueIndex("team_activities_client_id_uq").on(t.authorPersonId, t.clientId),
  ],
);

/**
 * Every saved version of an activity (revision 1 = as first logged), so edits within the
 * ACTIVITY_EDIT_DAYS window never lose what was there before.
 */
export const teamActivityRevisions = sqliteTable(
  "team_activity_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    activityId: integer("activity_id")
      .notNull()
      .references(() => teamActivities.id),
    revision: integer("revision").notNull(),
    /** The activity's fields as saved in this revision. */
    snapshot: text("snapshot", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    editedByPersonId: integer("edited_by_person_id")
      .notNull()
      .references(() => persons.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("team_activity_revisions_uq").on(t.activityId, t.revision)],
);

/** A commune's monthly indicator copied from an outside system (numerator / denominator). */
export const kpiValues = sqliteTable(
  "kpi_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communeId: integer("commune_id")
      .notNull()
      .references(() => adminUnits.id),
    /** `YYYY-MM`. */
    month: text("month").notNull(),
    indicator: text("indicator", { enum: KPI_INDICATORS }).notNull(),
    numerator: integer("numerator").notNull(),
    denominator: integer("denominator").notNull(),
    /** Where the figure comes from (e.g. "Cổng DVC tỉnh, 05/11"). */
    source: text("source"),
    enteredByPersonId: integer("entered_by_person_id")
      .notNull()
      .references(() => persons.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("kpi_values_uq").on(t.communeId, t.month, t.indicator),
    check(
      "kpi_values_ratio_ck",
      sql`${t.numerator} >= 0 and ${t.denominator} > 0 and ${t.numerator} <= ${t.denominator}`,
    ),
  ],
);

/** A target a commune admin sets for a team over a period (dates `YYYY-MM-DD`, inclusive). */
export const teamTargets = sqliteTable(
  "team_targets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    metric: text("metric", { enum: TARGET_METRICS }).notNull(),
    target: integer("target").notNull(),
    setByPersonId: integer("set_by_person_id")
      .notNull()
      .references(() => persons.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("team_targets_uq").on(t.teamId, t.periodFrom, t.periodTo, t.metric),
    check("team_targets_positive_ck", sql`${t.target} > 0 and ${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/** One answer to the one-stop desk's satisfaction survey (QR on the desk → mini app). */
export const surveyResponses = sqliteTable(
  "survey_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    communeId: integer("commune_id")
      .notNull()
      .references(() => adminUnits.id),
    field: text("field", { enum: SURVEY_FIELDS }).notNull(),
    rating: integer("rating").notNull(),
    comment: text("comment"),
    /** Who answered (one answer per client id); never shown in results. */
    personId: integer("person_id").references(() => persons.id),
    clientId: text("client_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("survey_responses_commune_idx").on(t.communeId, t.createdAt),
    uniqueIndex("survey_responses_client_id_uq").on(t.personId, t.clientId),
    check("survey_responses_rating_ck", sql`${t.rating} between 1 and 5`),
  ],
);

/** Free-text sections of a periodic report (difficulties, proposals) for a unit and period. */
export const reportNotes = sqliteTable(
  "report_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => adminUnits.id),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    section: text("section", { enum: REPORT_NOTE_SECTIONS }).notNull(),
    body: text("body").notNull(),
    authorPersonId: integer("author_person_id")
      .notNull()
      .references(() => persons.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("report_notes_uq").on(t.unitId, t.periodFrom, t.periodTo, t.section)],
);

// ---------------------------------------------------------------------------------------------
// Zalo OA channel: inbox of webhook events, outbox of messages, OA tokens, conversations, FAQ
// ---------------------------------------------------------------------------------------------

export const WEBHOOK_EVENT_STATUSES = ["pending", "processed", "ignored", "failed"] as const;

/** Every accepted webhook event, stored before the 200 goes out; processed exactly once. */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** `msg:<message.msg_id>`, or `sha256:<hash of the raw body>` for events without one. */
    dedupeKey: text("dedupe_key").notNull(),
    eventName: text("event_name").notNull(),
    rawBody: text("raw_body").notNull(),
    status: text("status", { enum: WEBHOOK_EVENT_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    receivedAt: integer("received_at", { mode: "timestamp_ms" }).notNull(),
    processedAt: integer("processed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("webhook_events_dedupe_uq").on(t.dedupeKey),
    index("webhook_events_status_idx").on(t.status, t.id),
  ],
);

export const OUTBOX_STATUSES = ["pending", "in_flight", "sent", "failed", "uncertain"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Every message to a Zalo user. Written in the same transaction as the change that causes it;
 * sent by the outbox worker at most once per idempotency key. `in_flight` is set before the
 * call to Zalo: a row found in flight after a crash becomes `uncertain`, never re-sent.
 */
export const outboxMessages = sqliteTable(
  "outbox_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    idempotencyKey: text("idempotency_key").notNull(),
    recipientFollowerId: text("recipient_follower_id").notNull(),
    personId: integer("person_id").references(() => persons.id),
    /** What it is for: reply, notify_new_request, claimed, resolved, broadcast… */
    purpose: text("purpose").notNull(),
    requestId: integer("request_id").references(() => requests.id),
    announcementId: integer("announcement_id").references(() => announcements.id),
    /** The `message` object of `POST /v3.0/oa/message/cs`. */
    message: text("message", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    errorCode: integer("error_code"),
    zaloMessageId: text("zalo_message_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("outbox_idempotency_uq").on(t.idempotencyKey),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_announcement_idx").on(t.announcementId, t.status),
    index("outbox_request_idx").on(t.requestId),
    index("outbox_person_idx").on(t.personId, t.status),
  ],
);

/** The OA token pair. One row; refresh tokens are single use, so the new pair replaces it atomically. */
export const oaTokens = sqliteTable("oa_tokens", {
  id: integer("id").primaryKey(),
  accessToken: text("access_token").notNull(),
  refreshToken: text("refresh_token").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  /** A refresh in progress (lease): no second refresh may start before it ends or expires. */
  refreshingUntil: integer("refreshing_until", { mode: "timestamp_ms" }),
  lastRefreshError: text("last_refresh_error"),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** Where each OA follower is in a conversation (what the bot asked, the draft so far). */
export const conversations = sqliteTable("conversations", {
  followerId: text("follower_id").primaryKey(),
  personId: integer("person_id")
    .notNull()
    .references(() => persons.id),
  state: text("state", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** Admin-curated answers the chatbot offers before a question goes to a person. */
export const faqEntries = sqliteTable(
  "faq_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null: shared by every commune. */
    communeId: integer("commune_id").references(() => adminUnits.id),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    keywords: text("keywords").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("faq_commune_idx").on(t.communeId, t.active)],
);
