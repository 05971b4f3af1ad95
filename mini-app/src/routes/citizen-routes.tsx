/**
 * Citizen pages (SPEC §2 grid): news, documents, field reports, procedures, places, jobs, questions, contacts, my village team, announcements.
 * Each route is a lazily loaded page; a path listed here counts as built (features.ts `ready`).
 */
import { lazy } from "react";
import type { PageRoute } from "./types";

export const CITIZEN_ROUTES: readonly PageRoute[] = [
  { path: "/news", Page: lazy(() => import("../pages/news")) },
  { path: "/news/:id", Page: lazy(() => import("../pages/news/detail")) },
  { path: "/documents", Page: lazy(() => import("../pages/documents")) },
  { path: "/field-reports", Page: lazy(() => import("../pages/field-reports")) },
  { path: "/field-reports/new", Page: lazy(() => import("../pages/field-reports/new")) },
  { path: "/procedures", Page: lazy(() => import("../pages/procedures")) },
  { path: "/places", Page: lazy(() => import("../pages/places")) },
  { path: "/jobs", Page: lazy(() => import("../pages/jobs")) },
  { path: "/questions", Page: lazy(() => import("../pages/questions")) },
  { path: "/questions/new", Page: lazy(() => import("../pages/questions/new")) },
  { path: "/contacts", Page: lazy(() => import("../pages/contacts")) },
  { path: "/team", Page: lazy(() => import("../pages/team")) },
  { path: "/announcements", Page: lazy(() => import("../pages/announcements")) },
];
