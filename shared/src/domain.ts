/**
 * Domain vocabulary shared by the server and the mini app: enums and their Vietnamese labels.
 * Keep codes stable: they are stored in the database and appear in reports.
 */

export const ADMIN_UNIT_LEVELS = ["province", "district", "commune", "village"] as const;
export type AdminUnitLevel = (typeof ADMIN_UNIT_LEVELS)[number];

export const TEAM_KINDS = ["village", "commune_pool"] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const UNIT_ROLES = ["admin", "viewer"] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

export const CIVIC_ROLES = [
  "village_head",
  "party_cell_secretary",
  "womens_union",
  "youth_union",
  "farmers_union",
  "police",
  "commune_official",
  "teacher",
  "volunteer",
  "other",
] as const;
export type CivicRole = (typeof CIVIC_ROLES)[number];

export const CIVIC_ROLE_LABELS: Record<CivicRole, string> = {
  village_head: "Trưởng thôn",
  party_cell_secretary: "Bí thư chi bộ",
  womens_union: "Chi hội Phụ nữ",
  youth_union: "Đoàn Thanh niên",
  farmers_union: "Chi hội Nông dân",
  police: "Công an viên",
  commune_official: "Cán bộ xã phụ trách",
  teacher: "Giáo viên",
  volunteer: "Tình nguyện viên",
  other: "Thành viên",
};

export const REQUEST_KINDS = ["help", "field_report", "question"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  help: "Nhờ Tổ công nghệ giúp",
  field_report: "Phản ánh hiện trường",
  question: "Hỏi đáp – kiến nghị",
};

export const HELP_CATEGORIES = [
  "vneid_level2",
  "public_service_account",
  "online_dossier",
  "e_payment",
  "vssid",
  "e_health",
  "sim_data",
  "e_commerce",
  "other",
] as const;
export const FIELD_REPORT_CATEGORIES = [
  "environment",
  "urban_order",
  "roads",
  "lighting",
  "security",
  "other",
] as const;
export const QUESTION_CATEGORIES = ["procedure", "policy", "suggestion", "other"] as const;

export const CATEGORIES_BY_KIND = {
  help: HELP_CATEGORIES,
  field_report: FIELD_REPORT_CATEGORIES,
  question: QUESTION_CATEGORIES,
} as const satisfies Record<RequestKind, readonly string[]>;

export const CATEGORY_LABELS: Record<string, string> = {
  vneid_level2: "Định danh điện tử VNeID mức 2",
  public_service_account: "Tài khoản dịch vụ công",
  online_dossier: "Nộp hồ sơ trực tuyến",
  e_payment: "Thanh toán điện tử",
  vssid: "Bảo hiểm xã hội số VssID",
  e_health: "Sổ sức khỏe điện tử",
  sim_data: "SIM, dữ liệu di động",
  e_commerce: "Bán hàng trên mạng",
  environment: "Môi trường",
  urban_order: "Trật tự đô thị",
  roads: "Đường sá, giao thông",
  lighting: "Điện chiếu sáng",
  security: "An ninh trật tự",
  procedure: "Thủ tục hành chính",
  policy: "Chính sách",
  suggestion: "Kiến nghị, góp ý",
  other: "Khác",
};

export const MEETING_MODES = ["home_visit", "one_stop", "village_hall"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const MEETING_MODE_LABELS: Record<MeetingMode, string> = {
  home_visit: "Đến nhà giúp",
  one_stop: "Gặp tại Bộ phận Một cửa",
  village_hall: "Gặp tại buổi hỗ trợ ở nhà văn hóa thôn",
};

export const REQUEST_STATUSES = ["new", "claimed", "in_progress", "escalated", "resolved", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  new: "Chờ tiếp nhận",
  claimed: "Đã có người nhận",
  in_progress: "Đang xử lý",
  escalated: "Quá hạn, đã báo cấp trên",
  resolved: "Đã xử lý xong",
  closed: "Đã đóng",
};
/** Statuses in which a request still needs work. */
export const OPEN_STATUSES = [
  "new",
  "claimed",
  "in_progress",
  "escalated",
] as const satisfies readonly RequestStatus[];

export const ROUTED_TO = ["team", "pool", "commune"] as const;
export type RoutedTo = (typeof ROUTED_TO)[number];

export const OUTCOME_CODES = {
  help: [
    "vneid_level2_activated",
    "public_service_account_created",
    "dossier_submitted",
    "e_wallet_installed",
    "vssid_installed",
    "e_health_activated",
    "sim_registered",
    "e_commerce_shop_created",
    "guided",
    "referred_to_one_stop",
    "other",
  ],
  field_report: ["fixed", "forwarded", "not_actionable", "other"],
  question: ["answered", "forwarded", "other"],
} as const satisfies Record<RequestKind, readonly string[]>;

export const OUTCOME_LABELS: Record<string, string> = {
  vneid_level2_activated: "Đã kích hoạt VNeID mức 2",
  public_service_account_created: "Đã tạo tài khoản dịch vụ công",
  dossier_submitted: "Đã nộp hồ sơ trực tuyến",
  e_wallet_installed: "Đã cài ví điện tử, ứng dụng thanh toán",
  vssid_installed: "Đã cài VssID",
  e_health_activated: "Đã kích hoạt sổ sức khỏe điện tử",
  sim_registered: "Đã chuẩn hóa thông tin thuê bao",
  e_commerce_shop_created: "Đã mở gian hàng trực tuyến",
  guided: "Đã hướng dẫn",
  referred_to_one_stop: "Đã chuyển Bộ phận Một cửa",
  fixed: "Đã khắc phục",
  forwarded: "Đã chuyển cơ quan có thẩm quyền",
  not_actionable: "Không thuộc diện xử lý",
  answered: "Đã trả lời",
  other: "Khác",
};

export const REJECT_REASONS = ["spam", "out_of_scope", "duplicate"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  spam: "Tin rác",
  out_of_scope: "Không thuộc phạm vi hỗ trợ",
  duplicate: "Trùng với yêu cầu khác",
};

export const CONTACT_CATEGORIES = ["leadership", "hotline", "police", "health", "village", "other"] as const;
export const PLACE_CATEGORIES = ["lodging", "site", "food", "specialty", "ocop"] as const;

// ---------------------------------------------------------------------------------------------
// Team work and reports (issue #5)
// ---------------------------------------------------------------------------------------------

/** Forms of team activity, as the review reports count them (004_*.txt). */
export const ACTIVITY_FORMS = [
  "propaganda_session",
  "training",
  "door_to_door",
  "one_stop_duty",
  "help_day",
  "other",
] as const;
export type ActivityForm = (typeof ACTIVITY_FORMS)[number];
export const ACTIVITY_FORM_LABELS: Record<ActivityForm, string> = {
  propaganda_session: "Buổi tuyên truyền",
  training: "Tập huấn, bồi dưỡng",
  door_to_door: "Ra quân hỗ trợ đến từng nhà",
  one_stop_duty: "Trực hỗ trợ tại Bộ phận Một cửa",
  help_day: "Ngày hội hỗ trợ (Ngày thứ 7 – Ngày hội công dân số…)",
  other: "Hình thức khác",
};

/** Activities may be edited by their author or the team leader for this long, then they lock. */
export const ACTIVITY_EDIT_DAYS = 7;

/** Monthly indicators a commune copies from outside systems, as numerator / denominator. */
export const KPI_INDICATORS = [
  "online_dossier_rate",
  "online_payment_rate",
  "vneid_level2_rate",
  "e_health_record_rate",
] as const;
export type KpiIndicator = (typeof KPI_INDICATORS)[number];
export const KPI_INDICATOR_LABELS: Record<KpiIndicator, string> = {
  online_dossier_rate: "Tỷ lệ hồ sơ trực tuyến",
  online_payment_rate: "Tỷ lệ thanh toán trực tuyến",
  vneid_level2_rate: "Tỷ lệ người dân có định danh điện tử mức 2",
  e_health_record_rate: "Tỷ lệ người dân có sổ sức khỏe điện tử",
};

/** What a team's target for a period counts (measured from our own records). */
export const TARGET_METRICS = [
  "requests_resolved",
  "vneid_level2_activated",
  "dossier_submitted",
  "activities",
  "residents_reached",
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export const TARGET_METRIC_LABELS: Record<TargetMetric, string> = {
  requests_resolved: "Số yêu cầu đã hỗ trợ xong",
  vneid_level2_activated: "Số người được kích hoạt VNeID mức 2",
  dossier_submitted: "Số hồ sơ được nộp trực tuyến",
  activities: "Số buổi hoạt động của tổ",
  residents_reached: "Số lượt người dân được tiếp cận",
};

/** Procedure fields of the one-stop desk, rated in satisfaction surveys (the Vĩnh Điện model). */
export const SURVEY_FIELDS = [
  "civil_status",
  "certification",
  "land",
  "construction",
  "social_affairs",
  "business",
  "residence",
  "other",
] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];
export const SURVEY_FIELD_LABELS: Record<SurveyField, string> = {
  civil_status: "Hộ tịch",
  certification: "Chứng thực",
  land: "Đất đai",
  construction: "Xây dựng",
  social_affairs: "Lao động – Thương binh – Xã hội",
  business: "Đăng ký kinh doanh",
  residence: "Cư trú",
  other: "Lĩnh vực khác",
};

/** Free-text sections of a periodic report that the leader or admin writes. */
export const REPORT_NOTE_SECTIONS = ["difficulties", "proposals"] as const;
export type ReportNoteSection = (typeof REPORT_NOTE_SECTIONS)[number];
export const REPORT_NOTE_SECTION_LABELS: Record<ReportNoteSection, string> = {
  difficulties: "Khó khăn, vướng mắc",
  proposals: "Đề xuất, kiến nghị",
};
