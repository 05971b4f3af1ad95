/**
 * Durations are aggregated in SQL into a histogram of whole minutes (`GROUP BY minutes`), so a
 * province's quarter is a few thousand rows, never the requests themselves. Percentiles are
 * nearest-rank (the value at rank ⌈p·n⌉) at minute precision.
 */
import type { DurationStats } from "@cau-noi/shared";
import { round } from "./organisation";

/** `[minutes, count]` pairs in any order. */
export type MinuteHistogram = ReadonlyArray<{ minutes: number; n: number }>;

export function percentileMinutes(histogram: MinuteHistogram, p: number): number | null {
  const sorted = [...histogram].sort((a, b) => a.minutes - b.minutes);
  const total = sorted.reduce((sum, h) => sum + h.n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const h of sorted) {
    seen += h.n;
    if (seen >= rank) return h.minutes;
  }
  return sorted[sorted.length - 1]?.minutes ?? null;
}

const hours = (minutes: number | null) => (minutes === null ? null : round(minutes / 60, 2));

export function durationStats(histogram: MinuteHistogram): DurationStats {
  return {
    count: histogram.reduce((sum, h) => sum + h.n, 0),
    medianHours: hours(percentileMinutes(histogram, 0.5)),
    p90Hours: hours(percentileMinutes(histogram, 0.9)),
  };
}

/** Bars of the dashboard's duration charts, in hours: working days are 8 hours, so 8/24/72 matter. */
const EDGES = [0, 1, 4, 8, 24, 72, 120] as const;

const bucketLabel = (from: number, to: number | null) =>
  to === null ? `Từ ${from} giờ trở lên` : from === 0 ? `Dưới ${to} giờ` : `${from}–${to} giờ`;

export function durationHistogram(histogram: MinuteHistogram) {
  const buckets = EDGES.map((from, i) => {
    const to = EDGES[i + 1] ?? null;
    return { label: bucketLabel(from, to), fromHours: from, toHours: to, count: 0 };
  });
  for (const h of histogram) {
    const index = EDGES.findLastIndex((edge) => h.minutes >= edge * 60);
    const bucket = buckets[Math.max(0, index)];
    if (bucket) bucket.count += h.n;
  }
  const stats = durationStats(histogram);
  return { medianHours: stats.medianHours, p90Hours: stats.p90Hours, buckets };
}
