/**
 * Logging and editing team activities. Every saved version is a revision (1 = as first logged),
 * written in the same transaction as the change; an activity locks ACTIVITY_EDIT_DAYS days after
 * it was logged. A queued offline submission sent twice (same author and clientId) stores one row.
 */
import {
  ACTIVITY_EDIT_DAYS,
  type CreateActivityInput,
  createActivitySchema,
  type UpdateActivityInput,
  updateActivitySchema,
} from "@cau-noi/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import * as policy from "../auth/policy";
import { WorkingCalendar } from "../calendar/working-time";
import type { Db, Tx } from "../db/client";
import { photos, requestPhotos, teamActivities, teamActivityRevisions } from "../db/schema";
import { AppError, notFound } from "../lib/errors";
import { validationError } from "../requests/lifecycle";
import {
  type ActivityRow,
  activeMemberIds,
  activityOfPhoto,
  editableUntil,
  findByClientId,
  getActivity,
  loadTeamScope,
  snapshotOf,
  type TeamScope,
} from "./queries";

const NOT_FOUND = "Không tìm thấy hoạt động này.";
const TEAM_NOT_FOUND = "Không tìm thấy tổ.";

function invalid(field: string, message: string): AppError {
  return new AppError("validation_failed", message, { [field]: message });
}

/** The team of an activity, if the actor may read it; otherwise "not found" (nothing leaks). */
export function readableTeam(db: Db, actor: Actor, teamId: number, message = TEAM_NOT_FOUND): TeamScope {
  const team = loadTeamScope(db, teamId);
  if (!team || !policy.canReadTeamWork(actor, team.teamId, team.communeId)) throw notFound(message);
  return team;
}

/** Whether the actor may edit the activity right now (policy, then the lock). */
export function canEditNow(actor: Actor, row: ActivityRow, communeId: number, now: Date): boolean {
  return (
    now < editableUntil(row) &&
    policy.canEditActivity(actor, { authorPersonId: row.authorPersonId, teamId: row.teamId, communeId })
  );
}

function checkDate(activityDate: string, now: Date) {
  if (activityDate > WorkingCalendar.localDate(now)) {
    throw invalid("activityDate", "Ngày hoạt động không được sau hôm nay.");
  }
}

/** Listed members must be active members of the team (members already on the activity may stay). */
function checkMembers(tx: Tx, teamId: number, ids: number[], keep: number[], at: Date) {
  const fresh = ids.filter((id) => !keep.includes(id));
  const active = activeMemberIds(tx, teamId, fresh, at);
  if (fresh.some((id) => !active.has(id))) {
    throw invalid("memberPersonIds", "Có người không phải thành viên đang hoạt động của tổ.");
  }
}

/**
 * New photos must be the actor's own uploads and not attached to a request or another activity;
 * photos already on this activity may stay whoever uploaded them.
 */
function checkPhotos(tx: Tx, personId: number, ids: string[], keep: string[], activityId: number | null) {
  if (new Set(ids).size !== ids.length) throw invalid("photoIds", "Ảnh bị gửi trùng.");
  const fresh = ids.filter((id) => !keep.includes(id));
  if (fresh.length === 0) return;
  const owned = tx
    .select({ id: photos.id })
    .from(photos)
    .where(and(inArray(photos.id, fresh), eq(photos.uploaderPersonId, personId)))
    .all();
  const onRequest = tx
    .select({ id: requestPhotos.photoId })
    .from(requestPhotos)
    .where(inArray(requestPhotos.photoId, fresh))
    .get();
  const onActivity = fresh.some(
    (id) =>
      tx
        .select({ id: teamActivities.id })
        .from(teamActivities)
        .where(sql`instr(${teamActivities.photoIds}, ${JSON.stringify(id)}) > 0`)
        .all()
        .filter((a) => a.id !== activityId).length > 0,
  );
  if (owned.length !== fresh.length || onRequest || onActivity) {
    throw invalid("photoIds", "Ảnh không hợp lệ, vui lòng tải ảnh lên lại.");
  }
}

function addRevision(tx: Tx, row: ActivityRow, editorId: number, at: Date) {
  const last = tx
    .select({ n: sql<number | null>`max(${teamActivityRevisions.revision})` })
    .from(teamActivityRevisions)
    .where(eq(teamActivityRevisions.activityId, row.id))
    .get();
  tx.insert(teamActivityRevisions)
    .values({
      activityId: row.id,
      revision: (last?.n ?? 0) + 1,
      snapshot: { ...snapshotOf(row) },
      editedByPersonId: editorId,
      createdAt: at,
    })
    .run();
}

export function createActivityService(deps: { db: Db; now: () => Date }) {
  const { db } = deps;

  return {
    /** Logs an activity (the author joins its members); a repeated clientId returns the first row. */
    create(actor: Actor, raw: CreateActivityInput): { row: ActivityRow; created: boolean; team: TeamScope } {
      const parsed = createActivitySchema.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const input = parsed.data;
      const team = loadTeamScope(db, input.teamId);
      if (!team?.active || !policy.canLogActivity(actor, team.teamId)) throw notFound(TEAM_NOT_FOUND);
      return db.transaction(
        (tx) => {
          if (input.clientId) {
            const existing = findByClientId(tx, actor.personId, input.clientId);
            if (existing) {
              const scope = loadTeamScope(tx, existing.teamId) ?? team;
              return { row: existing, created: false, team: scope };
            }
          }
          const at = deps.now();
          checkDate(input.activityDate, at);
          const members = [...new Set([actor.personId, ...input.memberPersonIds])];
          checkMembers(tx, team.teamId, members, [], at);
          checkPhotos(tx, actor.personId, input.photoIds, [], null);
          const row = tx
            .insert(teamActivities)
            .values({
              teamId: team.teamId,
              clientId: input.clientId ?? null,
              activityDate: input.activityDate,
              form: input.form,
              topic: input.topic,
              place: input.place,
              memberPersonIds: members,
              residentsReached: input.residentsReached,
              leaflets: input.leaflets,
              photoIds: input.photoIds,
              note: input.note || null,
              authorPersonId: actor.personId,
              createdAt: at,
              updatedAt: at,
            })
            .returning()
            .get();
          addRevision(tx, row, actor.personId, at);
          return { row, created: true, team };
        },
        { behavior: "immediate" },
      );
    },

    /** Changes some fields and records the result as a new revision; locked after the window. */
    update(actor: Actor, id: number, raw: UpdateActivityInput): { row: ActivityRow; team: TeamScope } {
      const parsed = updateActivitySchema.safeParse(raw);
      if (!parsed.success) throw validationError(parsed.error.issues);
      const input = parsed.data;
      return db.transaction(
        (tx) => {
          const current = getActivity(tx, id);
          const team = current && loadTeamScope(tx, current.teamId);
          if (!current || !team || !policy.canReadTeamWork(actor, team.teamId, team.communeId)) {
            throw notFound(NOT_FOUND);
          }
          const policyScope = {
            authorPersonId: current.authorPersonId,
            teamId: team.teamId,
            communeId: team.communeId,
          };
          if (!policy.canEditActivity(actor, policyScope)) {
            throw new AppError(
              "forbidden",
              "Chỉ người ghi hoạt động, tổ trưởng hoặc cán bộ xã mới sửa được hoạt động này.",
            );
          }
          const at = deps.now();
          if (at >= editableUntil(current)) {
            throw new AppError(
              "activity_locked",
              `Hoạt động đã được ghi quá ${ACTIVITY_EDIT_DAYS} ngày nên không sửa được nữa. Nếu cần điều chỉnh, anh/chị vui lòng báo cán bộ xã.`,
            );
          }
          if (input.activityDate !== undefined) checkDate(input.activityDate, at);
          if (input.memberPersonIds !== undefined) {
            if (input.memberPersonIds.length === 0) {
              throw invalid("memberPersonIds", "Vui lòng chọn ít nhất một thành viên tham gia.");
            }
            checkMembers(tx, team.teamId, input.memberPersonIds, current.memberPersonIds, at);
          }
          if (input.photoIds !== undefined) {
            checkPhotos(tx, actor.personId, input.photoIds, current.photoIds, current.id);
          }
          const { note, ...rest } = input;
          const changes = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
          const row = tx
            .update(teamActivities)
            .set({
              ...changes,
              ...(input.memberPersonIds ? { memberPersonIds: [...new Set(input.memberPersonIds)] } : {}),
              ...(note !== undefined ? { note: note || null } : {}),
              updatedAt: at,
            })
            .where(eq(teamActivities.id, current.id))
            .returning()
            .get();
          addRevision(tx, row, actor.personId, at);
          return { row, team };
        },
        { behavior: "immediate" },
      );
    },
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;

/** Whether the actor may see a photo because it is attached to an activity they may read. */
export function mayReadActivityPhoto(db: Db, actor: Actor, photoId: string): boolean {
  const row = activityOfPhoto(db, photoId);
  const team = row && loadTeamScope(db, row.teamId);
  return team !== undefined && policy.canReadTeamWork(actor, team.teamId, team.communeId);
}
