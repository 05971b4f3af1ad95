/**
 * Dashboards, reports, KPIs and targets, satisfaction surveys (issue #5): commune admins,
 * district/province viewers, and the survey page citizens open from the one-stop desk's QR.
 * Each route is a lazily loaded page; a path listed here counts as built (features.ts).
 */
import { lazy } from "react";
import type { PageRoute } from "./types";

export const REPORTS_ROUTES: readonly PageRoute[] = [
  { path: "/admin/dashboard", Page: lazy(() => import("../pages/dashboard")) },
  { path: "/admin/reports", Page: lazy(() => import("../pages/reports")) },
  { path: "/reports", Page: lazy(() => import("../pages/reports/viewer")) },
  { path: "/admin/kpi", Page: lazy(() => import("../pages/kpi")) },
  { path: "/admin/targets", Page: lazy(() => import("../pages/targets/admin")) },
  { path: "/targets", Page: lazy(() => import("../pages/targets")) },
  { path: "/admin/surveys", Page: lazy(() => import("../pages/survey-admin")) },
  { path: "/survey", Page: lazy(() => import("../pages/survey")) },
];
