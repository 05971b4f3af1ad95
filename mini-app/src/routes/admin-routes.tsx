/**
 * Commune admins (and district/province viewers' reports).
 * Each route is a lazily loaded page; a path listed here counts as built (features.ts `ready`).
 */
import type { PageRoute } from "./types";

export const ADMIN_ROUTES: readonly PageRoute[] = [];
