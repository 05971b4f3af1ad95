/**
 * Citizen pages (SPEC §2 grid): news, documents, field reports, procedures, places, jobs, questions, contacts, my village team, announcements.
 * Each route is a lazily loaded page; a path listed here counts as built (features.ts `ready`).
 */
import type { PageRoute } from "./types";

export const CITIZEN_ROUTES: readonly PageRoute[] = [];
