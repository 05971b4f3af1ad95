/**
 * Team members and leaders: the village queue, request work, filing on behalf, team activities.
 * Each route is a lazily loaded page; a path listed here counts as built (features.ts `ready`).
 * The request page itself (/requests/:id, with its staff section) is a core route in layout.tsx.
 */
import { lazy } from "react";
import type { PageRoute } from "./types";

export const STAFF_ROUTES: readonly PageRoute[] = [
  { path: "/queue", Page: lazy(() => import("../pages/queue")) },
  { path: "/queue/on-behalf", Page: lazy(() => import("../pages/on-behalf")) },
  { path: "/activities", Page: lazy(() => import("../pages/activities")) },
  { path: "/activities/new", Page: lazy(() => import("../pages/activity-form")) },
  { path: "/activities/:id/edit", Page: lazy(() => import("../pages/activity-form")) },
];
