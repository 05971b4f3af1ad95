/**
 * Dashboards, reports, KPIs and targets, satisfaction surveys (issue #5): commune admins,
 * district/province viewers, and the survey page citizens open from the one-stop desk's QR.
 * Each route is a lazily loaded page; a path listed here counts as built (features.ts).
 */
import type { PageRoute } from "./types";

export const REPORTS_ROUTES: readonly PageRoute[] = [];
