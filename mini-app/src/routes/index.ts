/**
 * Every built page beyond the core ones in components/layout.tsx, one file per area so that
 * each area grows on its own. A grid entry whose path is routed here is "built"; the others
 * open the "Đang xây dựng" page.
 */
import { ADMIN_ROUTES } from "./admin-routes";
import { CITIZEN_ROUTES } from "./citizen-routes";
import { REPORTS_ROUTES } from "./reports-routes";
import { STAFF_ROUTES } from "./staff-routes";

export const AREA_ROUTES = [...CITIZEN_ROUTES, ...STAFF_ROUTES, ...ADMIN_ROUTES, ...REPORTS_ROUTES];

export const isRouted = (path: string) => AREA_ROUTES.some((r) => r.path === path);
