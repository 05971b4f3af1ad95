/**
 * II.2 Team activities held in the period (`activity_date` is a Vietnam calendar date), from
 * the teams of the scope, grouped in SQL by team unit and form, and by topic.
 */
import {
  ACTIVITY_FORM_LABELS,
  ACTIVITY_FORMS,
  type ActivityForm,
  foldVietnamese,
  redactPersonalData,
} from "@cau-noi/shared";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Period } from "./period";
import { type ReportScope, teamScopeSql } from "./scope";

export interface ActivityRow {
  teamUnitId: number;
  form: ActivityForm;
  n: number;
  reached: number;
  leaflets: number;
}

export interface TopicRow {
  topic: string;
  n: number;
  reached: number;
  leaflets: number;
}

export interface ActivityFacts {
  byUnitForm: ActivityRow[];
  byTopic: TopicRow[];
}

const MAX_TOPICS = 50;

export function loadActivityFacts(db: Db, scope: ReportScope, period: Period): ActivityFacts {
  const where = sql`${teamScopeSql(scope)} and a.activity_date between ${period.from} and ${period.to}`;
  return {
    byUnitForm: db.all<ActivityRow>(sql`
      select t.unit_id as teamUnitId, a.form, count(*) as n,
             sum(a.residents_reached) as reached, sum(a.leaflets) as leaflets
      from team_activities a join teams t on t.id = a.team_id
      where ${where} group by 1, 2`),
    byTopic: db.all<TopicRow>(sql`
      select a.topic, count(*) as n, sum(a.residents_reached) as reached, sum(a.leaflets) as leaflets
      from team_activities a join teams t on t.id = a.team_id
      where ${where} group by 1`),
  };
}

const total = (rows: ReadonlyArray<{ n: number; reached: number; leaflets: number }>) =>
  rows.reduce(
    (acc, r) => ({
      count: acc.count + r.n,
      residentsReached: acc.residentsReached + r.reached,
      leaflets: acc.leaflets + r.leaflets,
    }),
    { count: 0, residentsReached: 0, leaflets: 0 },
  );

/**
 * Topics are typed freely ("Hướng dẫn VNeID", "hướng dẫn vneid "): grouped without case and
 * diacritics, shown in their most frequent spelling, phone and ID numbers masked.
 */
function groupTopics(rows: readonly TopicRow[]) {
  const groups = new Map<
    string,
    { spellings: TopicRow[]; count: number; residentsReached: number; leaflets: number }
  >();
  for (const row of rows) {
    const key = foldVietnamese(row.topic);
    const group = groups.get(key) ?? { spellings: [], count: 0, residentsReached: 0, leaflets: 0 };
    group.spellings.push(row);
    group.count += row.n;
    group.residentsReached += row.reached;
    group.leaflets += row.leaflets;
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => {
      const shown = [...g.spellings].sort((a, b) => b.n - a.n || a.topic.localeCompare(b.topic))[0];
      return {
        topic: redactPersonalData((shown?.topic ?? "").trim()),
        count: g.count,
        residentsReached: g.residentsReached,
        leaflets: g.leaflets,
      };
    })
    .sort(
      (a, b) =>
        b.count - a.count || b.residentsReached - a.residentsReached || a.topic.localeCompare(b.topic),
    )
    .slice(0, MAX_TOPICS);
}

export function activitiesSection(facts: ActivityFacts) {
  return {
    ...total(facts.byUnitForm),
    byForm: ACTIVITY_FORMS.map((code) => ({
      code,
      label: ACTIVITY_FORM_LABELS[code],
      ...total(facts.byUnitForm.filter((r) => r.form === code)),
    })),
    byTopic: groupTopics(facts.byTopic),
  };
}

export function activityTotals(rows: readonly ActivityRow[]) {
  return total(rows);
}
