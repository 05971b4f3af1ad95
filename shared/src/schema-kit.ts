/**
 * Small zod building blocks shared by the API shape modules (api.ts, admin-api.ts,
 * team-work-api.ts, reports-api.ts), so each exists once. Not exported from index.ts: the
 * modules re-export what callers use.
 *
 * Every message here reaches end users (tests and the mini app compare them): where two screens
 * word the same check differently, both wordings are kept through a parameter.
 */
import { z } from "zod";

export function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A required trimmed text of `min`…`max` characters. With `askWhenBlank`, a blank value asks for
 * the value rather than its length even when `min` > 1 (the admin forms' wording).
 */
export const trimmed = (min: number, max: number, what: string, opts: { askWhenBlank?: boolean } = {}) => {
  const ask = `Vui lòng nhập ${what}.`;
  const text = z.string({ error: ask }).trim();
  return (opts.askWhenBlank ? text.min(1, { error: ask, abort: true }) : text)
    .min(min, { error: min <= 1 ? ask : `${capitalize(what)} cần ít nhất ${min} ký tự.` })
    .max(max, { error: `${capitalize(what)} dài quá ${max} ký tự.` });
};

/**
 * Messages of a positive whole number's checks: a fraction (`int`) and a number below 1
 * (`positive`). Left out: the same as the type message; `null`: zod's own Vietnamese default
 * (the oldest fields never set one).
 */
export type IdCheckMessages = { int?: string | null; positive?: string | null };

function wholePositive<T extends z.ZodNumber | z.ZodCoercedNumber>(
  schema: T,
  message: string,
  checks: IdCheckMessages,
) {
  const params = (m: string | null | undefined) => (m === null ? undefined : { error: m ?? message });
  return schema.int(params(checks.int)).positive(params(checks.positive)) as T;
}

/** A positive id in a JSON body; `message` answers anything that is not one unless `checks` says otherwise. */
export const positiveId = (message: string, checks: IdCheckMessages = {}) =>
  wholePositive(z.number({ error: message }), message, checks);

/** A positive id in a path or query string (coerced from text). */
export const positiveIdQuery = (message: string, checks: IdCheckMessages = {}) =>
  wholePositive(z.coerce.number({ error: message }), message, checks);

/** `?before=` of a paged list: the id of the last item of the previous page. */
export const pageBefore = () =>
  z.coerce.number({ error: "Vị trí trang không hợp lệ." }).int().positive().optional();

/** `?limit=` of a paged list: 1…`max` items, `fallback` when left out. */
export const pageLimit = (max: number, fallback: number) =>
  z.coerce
    .number({ error: `Số mục mỗi trang phải từ 1 đến ${max}.` })
    .int()
    .min(1)
    .max(max)
    .default(fallback);

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** How a screen words its date checks (each wording is already shown to users; keep them). */
export type DateWording = {
  /** "nhập" (typed) or "chọn" (picked): "Vui lòng <ask> <what>." when it is missing. */
  ask: "nhập" | "chọn";
  /** The format, after "<What> phải có dạng ". */
  format: string;
  /** Said of a date that does not exist, after "<What> ". */
  unreal: string;
  /** Trim spaces before checking. */
  trim?: boolean;
};

/** A real calendar date `YYYY-MM-DD`, worded as `wording` says. */
export const isoDate = (what: string, wording: DateWording) => {
  const text = z.string({ error: `Vui lòng ${wording.ask} ${what}.` });
  return (wording.trim ? text.trim() : text)
    .regex(DATE_RE, { error: `${capitalize(what)} phải có dạng ${wording.format}` })
    .refine(isRealDate, { error: `${capitalize(what)} ${wording.unreal}` });
};
