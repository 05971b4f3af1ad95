/**
 * II.3 KPIs, II.4 the one-stop satisfaction survey, II.5 undelivered notifications, and the
 * free-text III/IV sections. Commune-level figures (KPIs, survey) are not split by village: a
 * village's report leaves them empty.
 */
import {
  KPI_INDICATOR_LABELS,
  KPI_INDICATORS,
  type KpiIndicator,
  REPORT_NOTE_SECTIONS,
  type ReportNoteSection,
  SURVEY_FIELD_LABELS,
  SURVEY_FIELDS,
  type SurveyField,
} from "@cau-noi/shared";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { undeliveredReasonLabel } from "../outbox/status";
import { round } from "./organisation";
import { monthsOf, type Period, withinSql } from "./period";
import { ratingSummary } from "./requests-stats";
import { communeIdsForCommuneFigures, inList, type ReportScope } from "./scope";

export function kpiSection(db: Db, scope: ReportScope, period: Period) {
  const rows = db.all<{
    indicator: KpiIndicator;
    month: string;
    num: number;
    den: number;
    communes: number;
  }>(sql`
    select k.indicator, k.month, sum(k.numerator) as num, sum(k.denominator) as den, count(*) as communes
    from kpi_values k
    where k.commune_id in ${inList(communeIdsForCommuneFigures(scope))} and k.month in ${monthList(period)}
    group by 1, 2`);
  return rows
    .map((r) => ({
      indicator: r.indicator,
      label: KPI_INDICATOR_LABELS[r.indicator],
      month: r.month,
      numerator: r.num,
      denominator: r.den,
      rate: r.den === 0 ? 0 : round(r.num / r.den, 4),
      communes: r.communes,
    }))
    .sort(
      (a, b) =>
        KPI_INDICATORS.indexOf(a.indicator) - KPI_INDICATORS.indexOf(b.indicator) ||
        a.month.localeCompare(b.month),
    );
}

function monthList(period: Period) {
  return sql`(${sql.join(
    monthsOf(period).map((m) => sql`${m}`),
    sql`, `,
  )})`;
}

export function surveySection(db: Db, scope: ReportScope, period: Period) {
  const rows = db.all<{ field: SurveyField; rating: number; n: number }>(sql`
    select s.field, s.rating, count(*) as n
    from survey_responses s
    where s.commune_id in ${inList(communeIdsForCommuneFigures(scope))} and ${withinSql(sql`s.created_at`, period)}
    group by 1, 2`);
  const all = ratingSummary(rows);
  return {
    count: all.count,
    average: all.average,
    byField: SURVEY_FIELDS.map((code) => {
      const field = ratingSummary(rows.filter((r) => r.field === code));
      return {
        code,
        label: SURVEY_FIELD_LABELS[code],
        count: field.count,
        average: field.average,
        distribution: field.distribution,
      };
    }).filter((f) => f.count > 0),
  };
}

/**
 * A message belongs to the village/commune of its request, else of its announcement (commune),
 * else of its recipient's home village: the rule of outbox/status.ts.
 */
function notificationScopeSql(scope: ReportScope) {
  if (scope.unit.level === "village")
    return sql`coalesce(r.village_id, p.home_village_id) = ${scope.unit.id}`;
  const commune = sql`coalesce(r.commune_id, an.commune_id, hv.parent_id)`;
  if (scope.unit.level === "commune") return sql`${commune} = ${scope.unit.id}`;
  return sql`${commune} in ${inList(scope.communeIds)}`;
}

export function notificationsSection(db: Db, scope: ReportScope, period: Period) {
  const rows = db.all<{ reason: string | null; n: number }>(sql`
    select o.last_error as reason, count(*) as n
    from outbox_messages o
    left join requests r on r.id = o.request_id
    left join announcements an on an.id = o.announcement_id
    left join persons p on p.id = o.person_id
    left join admin_units hv on hv.id = p.home_village_id
    where o.status in ('failed', 'uncertain') and ${withinSql(sql`o.created_at`, period)}
      and ${notificationScopeSql(scope)}
    group by 1`);
  const byReason = new Map<string, { label: string; count: number }>();
  for (const row of rows) {
    // "retries_exhausted: http_500" and "retries_exhausted: network" are one reason for staff.
    const code = (row.reason ?? "unknown").split(":")[0]?.trim() || "unknown";
    const entry = byReason.get(code) ?? { label: undeliveredReasonLabel(row.reason), count: 0 };
    entry.count += row.n;
    byReason.set(code, entry);
  }
  return {
    undelivered: rows.reduce((total, r) => total + r.n, 0),
    byReason: [...byReason.entries()]
      .map(([code, v]) => ({ code, label: v.label, count: v.count }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
  };
}

export function notesOf(db: Db, unitId: number, period: Pick<Period, "from" | "to">) {
  const rows = db.all<{ section: ReportNoteSection; body: string }>(sql`
    select n.section, n.body from report_notes n
    where n.unit_id = ${unitId} and n.period_from = ${period.from} and n.period_to = ${period.to}`);
  const notes: Record<ReportNoteSection, string | null> = { difficulties: null, proposals: null };
  for (const section of REPORT_NOTE_SECTIONS) {
    notes[section] = rows.find((r) => r.section === section)?.body ?? null;
  }
  return notes;
}
