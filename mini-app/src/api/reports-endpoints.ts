/**
 * Endpoints of the dashboard, report, KPI, target and survey pages, typed by the shared zod
 * schemas (shared/src/reports-api.ts, shared/src/team-work-api.ts). Reads go through the offline
 * cache, so the last figures still show without a network. Downloads are links (report-kit/download.tsx).
 */
import type { KpiUpsertInput, ReportNoteInput, TargetUpsertInput } from "@cau-noi/shared";
import { cachedGet } from "./cache";
import { request, requestVoid } from "./client";

export interface PeriodQuery {
  unitId: number;
  from: string;
  to: string;
}

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

const periodQs = (q: PeriodQuery) => qs({ unitId: q.unitId, from: q.from, to: q.to });

export const SURVEY_SUBMIT_PATH = "/api/surveys";

export const reportsApi = {
  report: (q: PeriodQuery) => cachedGet(`/api/reports?${periodQs(q)}`, { schema: (s) => s.reportSchema }),
  provinceTable: (q: PeriodQuery) =>
    cachedGet(`/api/reports/province?${periodQs(q)}`, { schema: (s) => s.provinceTableSchema }),
  funding: (q: PeriodQuery) =>
    cachedGet(`/api/reports/funding?${periodQs(q)}`, { schema: (s) => s.fundingEvidenceSchema }),
  /** Path of a download (the link adds `session=`). */
  exportPath: (q: PeriodQuery, format: "xlsx" | "csv", sheet: "report" | "province" | "funding") =>
    `/api/reports/export?${periodQs(q)}&${qs({ format, sheet })}`,
  saveNote: (body: ReportNoteInput) =>
    request("/api/reports/notes", { method: "PUT", body, schema: (s) => s.reportNoteSchema }),

  charts: (q: PeriodQuery) =>
    cachedGet(`/api/dashboard/charts?${periodQs(q)}`, { schema: (s) => s.dashboardChartsSchema }),

  kpi: (communeId: number, from?: string, to?: string) =>
    cachedGet(`/api/kpi?${qs({ communeId, from, to })}`, { schema: (s) => s.kpiResponseSchema }),
  saveKpi: (body: KpiUpsertInput) =>
    request("/api/admin/kpi", { method: "PUT", body, schema: (s) => s.kpiResponseSchema }),

  adminTargets: (communeId: number, on?: string) =>
    cachedGet(`/api/admin/targets?${qs({ communeId, on })}`, { schema: (s) => s.targetListSchema }),
  saveTarget: (body: TargetUpsertInput) =>
    request("/api/admin/targets", { method: "PUT", body, schema: (s) => s.targetUpsertResponseSchema }),
  deleteTarget: (id: number) => requestVoid(`/api/admin/targets/${id}`, { method: "DELETE" }),
  teamTargets: (teamId: number, on?: string) =>
    cachedGet(`/api/teams/${teamId}/targets${on ? `?${qs({ on })}` : ""}`, {
      schema: (s) => s.targetListSchema,
    }),

  surveyForm: (communeId: number, field: string) =>
    cachedGet(`/api/surveys/form?${qs({ communeId, field })}`, {
      schema: (s) => s.surveyFormSchema,
      auth: false,
    }),
  surveyResults: (communeId: number, from?: string, to?: string) =>
    cachedGet(`/api/admin/surveys/results?${qs({ communeId, from, to })}`, {
      schema: (s) => s.surveyResultsSchema,
    }),
  surveyQrPath: (communeId: number, field: string) => `/api/admin/surveys/qr.png?${qs({ communeId, field })}`,
  surveyPosterPath: (communeId: number, field: string) =>
    `/api/admin/surveys/poster.pdf?${qs({ communeId, field })}`,
};
