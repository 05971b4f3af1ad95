/**
 * Commune admins enter monthly KPIs (numerator / denominator from outside systems) and set
 * targets for their teams. Both are upserts on their natural key, validated before any write.
 */
import type { KpiUpsertInput, TargetUpsertInput } from "@cau-noi/shared";
import { kpiUpsertSchema, targetUpsertSchema } from "@cau-noi/shared";
import { and, eq } from "drizzle-orm";
import { loadTeamScope } from "../activities/queries";
import type { Actor } from "../auth/actor";
import * as policy from "../auth/policy";
import { WorkingCalendar } from "../calendar/working-time";
import type { Db } from "../db/client";
import { kpiValues, teamTargets } from "../db/schema";
import { AppError, notFound } from "../lib/errors";
import { validationError } from "../requests/lifecycle";
import { getUnit } from "../units/queries";
import { getTarget, type TargetRow } from "./queries";

/** The commune, if it is one the actor administers; otherwise "not found". */
export function administeredCommune(db: Db, actor: Actor, communeId: number) {
  const unit = getUnit(db, communeId);
  if (unit?.level !== "commune" || !policy.canManageTeamWork(actor, unit.id)) {
    throw notFound("Không tìm thấy xã, phường.");
  }
  return unit;
}

export function createKpiService(deps: { db: Db; now: () => Date }) {
  const { db } = deps;
  return {
    /** Stores a month's indicators for a commune, replacing earlier figures of the same indicator. */
    upsertKpi(actor: Actor, raw: KpiUpsertInput) {
      const parsed = kpiUpsertSchema.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const input = parsed.data;
      const commune = administeredCommune(db, actor, input.communeId);
      const at = deps.now();
      // Figures are copied from outside systems once a month is under way: a later month is a typo.
      if (input.month > WorkingCalendar.localDate(at).slice(0, 7)) {
        const message = "Tháng này chưa đến, anh/chị vui lòng kiểm tra lại tháng nhập số liệu.";
        throw new AppError("validation_failed", message, { month: message });
      }
      db.transaction(
        (tx) => {
          for (const v of input.values) {
            const values = {
              numerator: v.numerator,
              denominator: v.denominator,
              source: v.source || null,
              enteredByPersonId: actor.personId,
              updatedAt: at,
            };
            tx.insert(kpiValues)
              .values({ communeId: commune.id, month: input.month, indicator: v.indicator, ...values })
              .onConflictDoUpdate({
                target: [kpiValues.communeId, kpiValues.month, kpiValues.indicator],
                set: values,
              })
              .run();
          }
        },
        { behavior: "immediate" },
      );
      return { commune, month: input.month };
    },

    /** Sets a team's target for a period and metric; the same key replaces the figure. */
    upsertTarget(actor: Actor, raw: TargetUpsertInput): { row: TargetRow; created: boolean } {
      const parsed = targetUpsertSchema.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const input = parsed.data;
      const team = loadTeamScope(db, input.teamId);
      if (!team || !policy.canManageTeamWork(actor, team.communeId)) throw notFound("Không tìm thấy tổ.");
      const at = deps.now();
      return db.transaction(
        (tx) => {
          const key = and(
            eq(teamTargets.teamId, team.teamId),
            eq(teamTargets.periodFrom, input.periodFrom),
            eq(teamTargets.periodTo, input.periodTo),
            eq(teamTargets.metric, input.metric),
          );
          const existing = tx.select({ id: teamTargets.id }).from(teamTargets).where(key).get();
          const row = tx
            .insert(teamTargets)
            .values({
              teamId: team.teamId,
              periodFrom: input.periodFrom,
              periodTo: input.periodTo,
              metric: input.metric,
              target: input.target,
              setByPersonId: actor.personId,
              updatedAt: at,
            })
            .onConflictDoUpdate({
              target: [teamTargets.teamId, teamTargets.periodFrom, teamTargets.periodTo, teamTargets.metric],
              set: { target: input.target, setByPersonId: actor.personId, updatedAt: at },
            })
            .returning()
            .get();
          return { row, created: existing === undefined };
        },
        { behavior: "immediate" },
      );
    },

    /** Removes a target of a team the actor's commune owns. */
    deleteTarget(actor: Actor, id: number) {
      const row = getTarget(db, id);
      const team = row && loadTeamScope(db, row.teamId);
      if (!row || !team || !policy.canManageTeamWork(actor, team.communeId)) {
        throw notFound("Không tìm thấy chỉ tiêu này.");
      }
      db.delete(teamTargets).where(eq(teamTargets.id, id)).run();
      return row;
    },
  };
}
