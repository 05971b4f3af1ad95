/**
 * The home grid (SPEC §2, in this order) and the staff entries. Each entry is a route; pages
 * not routed yet (routes/) open the "Đang xây dựng" page (pages/under-construction).
 */
import type { IconName } from "./icons";
import { isRouted } from "./routes";

export interface Feature {
  path: string;
  label: string;
  icon: IconName;
  /** Tile colour (white icon on it). */
  color: string;
  highlight?: boolean;
}

export const CITIZEN_FEATURES: readonly Feature[] = [
  { path: "/news", label: "Tin tức – sự kiện", icon: "news", color: "#0b5ed7" },
  { path: "/documents", label: "Văn bản mới", icon: "document", color: "#5b4bc4" },
  { path: "/field-reports", label: "Phản ánh hiện trường", icon: "report", color: "#c92a2a" },
  { path: "/procedures", label: "Nộp hồ sơ trực tuyến", icon: "procedure", color: "#0c7a6b" },
  { path: "/places", label: "Du lịch – lưu trú – ẩm thực", icon: "places", color: "#b35c00" },
  { path: "/jobs", label: "Kết nối việc làm", icon: "jobs", color: "#6b4f2a" },
  { path: "/questions", label: "Hỏi đáp – kiến nghị", icon: "question", color: "#2b6cb0" },
  { path: "/contacts", label: "Liên hệ", icon: "contacts", color: "#2f7d32" },
  {
    path: "/help",
    label: "Nhờ Tổ công nghệ giúp",
    icon: "help",
    color: "#c2410c",
    highlight: true,
  },
  { path: "/mine", label: "Của tôi", icon: "mine", color: "#374151" },
  { path: "/team", label: "Đội của thôn", icon: "team", color: "#7c3aed" },
  { path: "/announcements", label: "Thông báo", icon: "announcements", color: "#d97706" },
];

export const MEMBER_FEATURE: Feature = {
  path: "/queue",
  label: "Tổ công nghệ – việc cần làm",
  icon: "queue",
  color: "#0b5ed7",
};

export const ADMIN_FEATURE: Feature = {
  path: "/admin",
  label: "Quản trị xã",
  icon: "admin",
  color: "#1f2937",
};

/** District and province viewers: aggregates of their area, never personal data. */
export const VIEWER_FEATURE: Feature = {
  path: "/reports",
  label: "Báo cáo tổng hợp",
  icon: "document",
  color: "#0c7a6b",
};

/** Paths built in components/layout.tsx itself; the rest come from routes/. */
const CORE_PATHS = ["/help", "/mine"];

/** Pages still to build: routed to the placeholder, with their title. */
export const PLACEHOLDERS: readonly Feature[] = [
  ...CITIZEN_FEATURES,
  MEMBER_FEATURE,
  ADMIN_FEATURE,
  VIEWER_FEATURE,
].filter((f) => !CORE_PATHS.includes(f.path) && !isRouted(f.path));
