/**
 * Per-kind deadlines in working hours (see calendar/working-time.ts). SPEC §3: claim within
 * 24 working hours; resolve help requests within 3 working days. Field reports and questions
 * often need another office, so they get 5 working days.
 */
import type { RequestKind } from "@cau-noi/shared";

export const DEADLINE_HOURS: Record<RequestKind, { claim: number; start: number; resolve: number }> = {
  help: { claim: 24, start: 24, resolve: 72 },
  field_report: { claim: 24, start: 24, resolve: 120 },
  question: { claim: 24, start: 24, resolve: 120 },
};

/** A resolved request the requester neither rated nor reopened closes itself after this. */
export const AUTO_CLOSE_AFTER_MS = 7 * 24 * 3_600_000;
