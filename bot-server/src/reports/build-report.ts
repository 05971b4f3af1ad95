/**
 * `buildReport`: the periodic report of any unit of the tree (a team's village, a commune, a
 * district, the province) over a period, in the structure of the Tuy Phước review report
 * (004_*.txt): I. organisation, II. results (requests, activities, KPIs, survey, messages),
 * III. difficulties and IV. proposals, plus one row per village or commune.
 */
import { type Report, type ReportChildRow, redactPersonalData } from "@cau-noi/shared";
import type { Db } from "../db/client";
import { AppError } from "../lib/errors";
import { activitiesSection, activityTotals, loadActivityFacts } from "./activities-stats";
import { civicRoleRows, countMembers, countTeams, loadOrgFacts, type OrgFacts } from "./organisation";
import { kpiSection, notesOf, notificationsSection, surveySection } from "./other-stats";
import { type Period, toPeriod } from "./period";
import {
  loadRequestFacts,
  onTimeSummary,
  type RequestFacts,
  ratingSummary,
  requestsSection,
} from "./requests-stats";
import { childRowUnits, loadScope, type ReportScope, reportUnit, rowMapper, type ScopeUnit } from "./scope";
import { withTouchedRequests } from "./touched";

export interface ReportInput {
  unitId: number;
  from: string;
  to: string;
}

export interface ReportOptions {
  audience?: Report["audience"];
  canEditNotes?: boolean;
  now?: Date;
}

export function requireScope(db: Db, unitId: number): ReportScope {
  const scope = loadScope(db, unitId);
  if (!scope) throw new AppError("not_found", "Không tìm thấy đơn vị này.");
  return scope;
}

export function buildReport(db: Db, input: ReportInput, options: ReportOptions = {}): Report {
  const scope = requireScope(db, input.unitId);
  const period = toPeriod(input.from, input.to);
  return withTouchedRequests(db, scope, period, () => assemble(db, scope, period, options));
}

function assemble(db: Db, scope: ReportScope, period: Period, options: ReportOptions): Report {
  const org = loadOrgFacts(db, scope, period);
  const requests = loadRequestFacts(db, scope, period);
  const activities = loadActivityFacts(db, scope, period);
  const members = countMembers(org.memberships, period);
  return {
    unit: reportUnit(scope.unit),
    parents: scope.parents,
    period: { from: period.from, to: period.to },
    generatedAt: (options.now ?? new Date()).toISOString(),
    audience: options.audience ?? "full",
    canEditNotes: options.canEditNotes ?? false,
    organisation: {
      ...countTeams(org.teams, scope.villageIds),
      members: {
        activeInPeriod: members.activeInPeriod,
        atPeriodEnd: members.atPeriodEnd,
        joined: members.joined,
        left: members.left,
        leaders: members.leaders,
      },
      byCivicRole: civicRoleRows(members.byCivicRole, members.activeInPeriod),
    },
    requests: requestsSection(requests),
    activities: activitiesSection(activities),
    kpis: kpiSection(db, scope, period),
    survey: surveySection(db, scope, period),
    notifications: notificationsSection(db, scope, period),
    notes: forAudience(notesOf(db, scope.unit.id, period), options.audience ?? "full"),
    rows: childRows(scope, period, org, requests, activities.byUnitForm),
  };
}

/** Viewers read aggregates: free text written by staff reaches them with phone and ID numbers masked. */
function forAudience(notes: Report["notes"], audience: Report["audience"]): Report["notes"] {
  if (audience === "full") return notes;
  const mask = (text: string | null) => (text === null ? null : redactPersonalData(text));
  return { difficulties: mask(notes.difficulties), proposals: mask(notes.proposals) };
}

function childRows(
  scope: ReportScope,
  period: Period,
  org: OrgFacts,
  requests: RequestFacts,
  activities: ReturnType<typeof loadActivityFacts>["byUnitForm"],
): ReportChildRow[] {
  const rows = childRowUnits(scope);
  const rowOf = rowMapper(scope, rows);
  const under = <T>(items: readonly T[], unitOf: (item: T) => number) => {
    const grouped = new Map<number, T[]>(rows.map((r) => [r.id, []]));
    for (const item of items) {
      const row = rowOf(unitOf(item));
      if (row !== undefined) grouped.get(row)?.push(item);
    }
    return (row: ScopeUnit) => grouped.get(row.id) ?? [];
  };
  const teams = under(org.teams, (t) => t.unitId);
  const villages = under(scope.villageIds, (id) => id);
  const memberships = under(org.memberships, (m) => m.teamUnitId);
  const created = under(requests.created, (r) => r.unitKey);
  const resolved = under(requests.resolved, (r) => r.unitKey);
  const ratings = under(requests.ratings, (r) => r.unitKey);
  const acts = under(activities, (a) => a.teamUnitId);
  return rows.map((row) => {
    const teamCounts = countTeams(teams(row), villages(row));
    const activity = activityTotals(acts(row));
    return {
      unit: reportUnit(row),
      teams: teamCounts.teams,
      villages: teamCounts.villages,
      villagesWithTeam: teamCounts.villagesWithTeam,
      members: countMembers(memberships(row), period).activeInPeriod,
      requestsCreated: created(row).reduce((n, r) => n + r.n, 0),
      requestsResolved: resolved(row).reduce((n, r) => n + r.n, 0),
      onTimeShare: onTimeSummary(resolved(row)).share,
      ratingAverage: ratingSummary(ratings(row)).average,
      activities: activity.count,
      residentsReached: activity.residentsReached,
    };
  });
}
