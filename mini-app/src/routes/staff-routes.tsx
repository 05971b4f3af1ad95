/**
 * Team members and leaders: the village queue, request work, filing on behalf, team activities.
 * Each route is a lazily loaded page; a path listed here counts as built (features.ts `ready`).
 */
import type { PageRoute } from "./types";

export const STAFF_ROUTES: readonly PageRoute[] = [];
