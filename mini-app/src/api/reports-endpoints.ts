/**
 * Endpoints of the dashboard, report, KPI and survey pages, typed by the shared zod schemas (see
 * endpoints.ts for the pattern: `request`/`requestVoid` for calls, `cachedGet` for lists shown offline).
 */
export const reportsApi = {};
