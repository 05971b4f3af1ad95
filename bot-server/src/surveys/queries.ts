/**
 * Reads of the one-stop desk's satisfaction survey: results by procedure field and by month.
 * Answers are aggregates; who answered is never selected here. Comments (for commune admins)
 * are returned with phone and ID numbers masked and without any person.
 */
import { redactPersonalData, SURVEY_FIELDS, type SurveyField, type SurveyResults } from "@cau-noi/shared";
import { and, count, desc, eq, gte, isNotNull, lt, ne, sql } from "drizzle-orm";
import { startOfVietnamDay } from "../calendar/vietnam-time";
import type { Db, Tx } from "../db/client";
import { surveyResponses } from "../db/schema";

type Reader = Db | Tx;
export type SurveyRow = typeof surveyResponses.$inferSelect;

const DAY = 86_400_000;
const COMMENT_LIMIT = 30;

/** The Vietnam month (`YYYY-MM`) of a response, computed in SQL from the epoch-ms column. */
const vietnamMonth = sql<string>`strftime('%Y-%m', (${surveyResponses.createdAt} + 25200000) / 1000, 'unixepoch')`;

interface Tally {
  count: number;
  sum: number;
  stars: number[];
}

const emptyTally = (): Tally => ({ count: 0, sum: 0, stars: [0, 0, 0, 0, 0] });

function add(t: Tally, rating: number, n: number) {
  t.count += n;
  t.sum += rating * n;
  t.stars[rating - 1] = (t.stars[rating - 1] ?? 0) + n;
}

const stats = (t: Tally) => ({
  count: t.count,
  average: t.count === 0 ? null : Math.round((t.sum / t.count) * 100) / 100,
  stars: t.stars,
});

const fieldOrder = (f: string) => SURVEY_FIELDS.indexOf(f as SurveyField);

/** Results of a commune's survey answered between two Vietnam dates (both included). */
export function surveyResults(
  db: Reader,
  commune: { id: number; name: string },
  period: { from: string; to: string },
  options: { withComments: boolean },
): SurveyResults {
  const inPeriod = and(
    eq(surveyResponses.communeId, commune.id),
    gte(surveyResponses.createdAt, startOfVietnamDay(period.from)),
    lt(surveyResponses.createdAt, new Date(startOfVietnamDay(period.to).getTime() + DAY)),
  );
  const groups = db
    .select({ month: vietnamMonth, field: surveyResponses.field, rating: surveyResponses.rating, n: count() })
    .from(surveyResponses)
    .where(inPeriod)
    .groupBy(vietnamMonth, surveyResponses.field, surveyResponses.rating)
    .all();

  const total = emptyTally();
  const byField = new Map<SurveyField, Tally>();
  const byMonth = new Map<string, { month: string; field: SurveyField; tally: Tally }>();
  for (const g of groups) {
    add(total, g.rating, g.n);
    const f = byField.get(g.field) ?? emptyTally();
    add(f, g.rating, g.n);
    byField.set(g.field, f);
    const key = `${g.month} ${g.field}`;
    const m = byMonth.get(key) ?? { month: g.month, field: g.field, tally: emptyTally() };
    add(m.tally, g.rating, g.n);
    byMonth.set(key, m);
  }

  const comments = options.withComments
    ? db
        .select({
          field: surveyResponses.field,
          rating: surveyResponses.rating,
          comment: surveyResponses.comment,
          createdAt: surveyResponses.createdAt,
        })
        .from(surveyResponses)
        .where(and(inPeriod, isNotNull(surveyResponses.comment), ne(surveyResponses.comment, "")))
        .orderBy(desc(surveyResponses.createdAt), desc(surveyResponses.id))
        .limit(COMMENT_LIMIT)
        .all()
        .map((r) => ({
          field: r.field,
          rating: r.rating,
          comment: redactPersonalData(r.comment ?? ""),
          createdAt: r.createdAt.toISOString(),
        }))
    : [];

  return {
    communeId: commune.id,
    communeName: commune.name,
    from: period.from,
    to: period.to,
    total: stats(total),
    byField: [...byField.entries()]
      .sort(([a], [b]) => fieldOrder(a) - fieldOrder(b))
      .map(([field, t]) => ({ field, ...stats(t) })),
    byMonth: [...byMonth.values()]
      .sort((a, b) => a.month.localeCompare(b.month) || fieldOrder(a.field) - fieldOrder(b.field))
      .map((m) => ({ month: m.month, field: m.field, ...stats(m.tally) })),
    comments,
  };
}

export function findByClientId(db: Reader, personId: number, clientId: string): SurveyRow | undefined {
  return db
    .select()
    .from(surveyResponses)
    .where(and(eq(surveyResponses.personId, personId), eq(surveyResponses.clientId, clientId)))
    .get();
}

/** Whether the person already rated this commune's field since `dayStartMs` (one Vietnam day). */
export function answeredToday(
  db: Reader,
  personId: number,
  communeId: number,
  field: SurveyRow["field"],
  dayStartMs: number,
): boolean {
  const row = db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.personId, personId),
        eq(surveyResponses.communeId, communeId),
        eq(surveyResponses.field, field),
        gte(surveyResponses.createdAt, new Date(dayStartMs)),
        lt(surveyResponses.createdAt, new Date(dayStartMs + 86_400_000)),
      ),
    )
    .get();
  return row !== undefined;
}
