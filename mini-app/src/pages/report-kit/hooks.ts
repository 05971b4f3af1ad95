/** Suspense resources of the report pages, keyed by unit and period (shared by dashboard and reports). */
import { type PeriodQuery, reportsApi } from "../../api/reports-endpoints";
import { useResource } from "../../api/resource";

export const periodKey = (q: PeriodQuery) => `${q.unitId}:${q.from}:${q.to}`;

export function useCharts(q: PeriodQuery) {
  return useResource(`charts:${periodKey(q)}`, () => reportsApi.charts(q));
}

export function useReport(q: PeriodQuery) {
  return useResource(`report:${periodKey(q)}`, () => reportsApi.report(q));
}
