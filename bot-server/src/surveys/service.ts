/**
 * Satisfaction survey answers (the Vĩnh Điện model: a QR on the one-stop desk opens the mini
 * app's survey for a procedure field). Any signed-in person may answer; an answer queued offline
 * and sent twice (same person and clientId) is stored once. One answer per person, field and
 * day (Vietnam time): a visit to the desk is rated once, so nobody can stuff the results.
 */
import { type SurveySubmitInput, surveySubmitSchema } from "@cau-noi/shared";
import type { Actor } from "../auth/actor";
import { startOfVietnamDay, vietnamDate } from "../calendar/vietnam-time";
import type { Db } from "../db/client";
import { surveyResponses } from "../db/schema";
import { AppError } from "../lib/errors";
import { validationError } from "../requests/lifecycle";
import { getUnit } from "../units/queries";
import { answeredToday, findByClientId, type SurveyRow } from "./queries";

/** An active commune, or a validation error on `communeId` (the QR named a commune that is gone). */
export function surveyCommune(db: Db, communeId: number) {
  const unit = getUnit(db, communeId);
  if (unit?.level !== "commune" || !unit.active) {
    const message = "Không tìm thấy xã, phường của phiếu đánh giá này.";
    throw new AppError("validation_failed", message, { communeId: message });
  }
  return unit;
}

export function submitSurvey(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  raw: SurveySubmitInput,
): { row: SurveyRow; created: boolean } {
  const parsed = surveySubmitSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  surveyCommune(deps.db, input.communeId);
  return deps.db.transaction(
    (tx) => {
      const existing = findByClientId(tx, actor.personId, input.clientId);
      if (existing) return { row: existing, created: false };
      const now = deps.now();
      const dayStart = startOfVietnamDay(vietnamDate(now)).getTime();
      if (answeredToday(tx, actor.personId, input.communeId, input.field, dayStart)) {
        throw new AppError("conflict", "Anh/chị đã đánh giá lĩnh vực này hôm nay. Cảm ơn anh/chị đã góp ý!", {
          field: "Lĩnh vực này đã được anh/chị đánh giá hôm nay.",
        });
      }
      const row = tx
        .insert(surveyResponses)
        .values({
          communeId: input.communeId,
          field: input.field,
          rating: input.rating,
          comment: input.comment || null,
          personId: actor.personId,
          clientId: input.clientId,
          createdAt: now,
        })
        .returning()
        .get();
      return { row, created: true };
    },
    { behavior: "immediate" },
  );
}
