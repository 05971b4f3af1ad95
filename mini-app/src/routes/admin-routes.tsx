/**
 * Commune admins: the hub, publishing, announcements, triage, villages/teams/members,
 * directory, FAQ; and /join, where an invite link (`…/join?token=…`) makes someone a member.
 * Each route is a lazily loaded page; a path listed here counts as built (features.ts `ready`).
 */
import { lazy } from "react";
import type { PageRoute } from "./types";

export const ADMIN_ROUTES: readonly PageRoute[] = [
  { path: "/admin", Page: lazy(() => import("../pages/admin")) },
  { path: "/admin/news", Page: lazy(() => import("../pages/admin-news")) },
  { path: "/admin/announcements", Page: lazy(() => import("../pages/admin-announcements")) },
  { path: "/admin/announcements/new", Page: lazy(() => import("../pages/admin-announcements/compose")) },
  { path: "/admin/announcements/:id", Page: lazy(() => import("../pages/admin-announcements/delivery")) },
  { path: "/admin/triage", Page: lazy(() => import("../pages/admin-triage")) },
  { path: "/admin/triage/:id", Page: lazy(() => import("../pages/admin-triage/detail")) },
  { path: "/admin/structure", Page: lazy(() => import("../pages/admin-structure")) },
  { path: "/admin/directory", Page: lazy(() => import("../pages/admin-directory")) },
  { path: "/admin/faq", Page: lazy(() => import("../pages/admin-faq")) },
  { path: "/join", Page: lazy(() => import("../pages/join")) },
];
