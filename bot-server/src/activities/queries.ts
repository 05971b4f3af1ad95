/**
 * Reads of team activities: a team's list over a period, one activity with its revisions, the
 * team an activity belongs to (with its commune, for the policy) and the activity a photo is
 * attached to (so the photo reaches whoever may read the activity).
 */
import { ACTIVITY_EDIT_DAYS, type Activity, type ActivityDetail } from "@cau-noi/shared";
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { adminUnits, memberships, persons, teamActivities, teamActivityRevisions, teams } from "../db/schema";
import { photoUrl } from "../requests/queries";

export type ActivityRow = typeof teamActivities.$inferSelect;
type Reader = Db | Tx;

const DAY = 86_400_000;
/** The longest list one call returns: a team logs a few activities a week. */
const LIST_LIMIT = 500;

export interface TeamScope {
  teamId: number;
  teamName: string;
  /** The commune of the team's village, or the commune of a commune pool. */
  communeId: number;
  active: boolean;
}

/** A team with the commune it works in; undefined for an unknown team. */
export function loadTeamScope(db: Reader, teamId: number): TeamScope | undefined {
  const row = db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      active: teams.active,
      unitId: adminUnits.id,
      level: adminUnits.level,
      parentId: adminUnits.parentId,
    })
    .from(teams)
    .innerJoin(adminUnits, eq(adminUnits.id, teams.unitId))
    .where(eq(teams.id, teamId))
    .get();
  if (!row) return undefined;
  const communeId = row.level === "village" ? row.parentId : row.level === "commune" ? row.unitId : null;
  if (communeId === null) return undefined;
  return { teamId: row.teamId, teamName: row.teamName, communeId, active: row.active };
}

/** Ids of the commune's teams (village teams and pool), active or not. */
export function teamIdsOfCommune(db: Reader, communeId: number): number[] {
  return db
    .select({ id: teams.id })
    .from(teams)
    .innerJoin(adminUnits, eq(adminUnits.id, teams.unitId))
    .where(or(eq(adminUnits.id, communeId), eq(adminUnits.parentId, communeId)))
    .all()
    .map((t) => t.id);
}

/** Which of `personIds` are active members of the team at `at`. */
export function activeMemberIds(db: Reader, teamId: number, personIds: number[], at: Date): Set<number> {
  if (personIds.length === 0) return new Set();
  const rows = db
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.teamId, teamId),
        inArray(memberships.personId, personIds),
        or(isNull(memberships.activeTo), sql`${memberships.activeTo} > ${at.getTime()}`),
      ),
    )
    .all();
  return new Set(rows.map((r) => r.personId));
}

export function getActivity(db: Reader, id: number): ActivityRow | undefined {
  return db.select().from(teamActivities).where(eq(teamActivities.id, id)).get();
}

export function findByClientId(
  db: Reader,
  authorPersonId: number,
  clientId: string,
): ActivityRow | undefined {
  return db
    .select()
    .from(teamActivities)
    .where(and(eq(teamActivities.authorPersonId, authorPersonId), eq(teamActivities.clientId, clientId)))
    .get();
}

/**
 * The activity a photo is attached to, if any. Photo ids live in a JSON column, so this reads
 * the activities table; activities are few (a team logs a handful a week) and photo responses
 * are cached by the client for a day.
 */
export function activityOfPhoto(db: Reader, photoId: string): ActivityRow | undefined {
  return db
    .select()
    .from(teamActivities)
    .where(sql`instr(${teamActivities.photoIds}, ${JSON.stringify(photoId)}) > 0`)
    .get();
}

/** When the activity locks: ACTIVITY_EDIT_DAYS days after it was logged. */
export function editableUntil(row: Pick<ActivityRow, "createdAt">): Date {
  return new Date(row.createdAt.getTime() + ACTIVITY_EDIT_DAYS * DAY);
}

function namesOf(db: Reader, ids: number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = db
    .select({ id: persons.id, name: persons.displayName })
    .from(persons)
    .where(inArray(persons.id, unique))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const personRef = (names: Map<number, string>, id: number) => ({ id, displayName: names.get(id) ?? "" });

function revisionCounts(db: Reader, activityIds: number[]): Map<number, number> {
  if (activityIds.length === 0) return new Map();
  const rows = db
    .select({ id: teamActivityRevisions.activityId, n: sql<number>`max(${teamActivityRevisions.revision})` })
    .from(teamActivityRevisions)
    .where(inArray(teamActivityRevisions.activityId, activityIds))
    .groupBy(teamActivityRevisions.activityId)
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

export interface ViewContext {
  teamName: string;
  /** Decides `canEdit` for the person asking (policy and the lock). */
  canEdit: (row: ActivityRow) => boolean;
}

function toActivities(db: Reader, rows: ActivityRow[], view: ViewContext): Activity[] {
  const names = namesOf(
    db,
    rows.flatMap((r) => [r.authorPersonId, ...r.memberPersonIds]),
  );
  const revisions = revisionCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    teamId: r.teamId,
    teamName: view.teamName,
    activityDate: r.activityDate,
    form: r.form,
    topic: r.topic,
    place: r.place,
    members: r.memberPersonIds.map((id) => personRef(names, id)),
    residentsReached: r.residentsReached,
    leaflets: r.leaflets,
    photoIds: r.photoIds,
    photoUrls: r.photoIds.map(photoUrl),
    note: r.note,
    author: personRef(names, r.authorPersonId),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    editableUntil: editableUntil(r).toISOString(),
    canEdit: view.canEdit(r),
    revisionCount: revisions.get(r.id) ?? 0,
  }));
}

/** A team's activities dated within [from, to], newest first. */
export function listTeamActivities(
  db: Reader,
  teamId: number,
  period: { from: string; to: string },
  view: ViewContext,
): Activity[] {
  const rows = db
    .select()
    .from(teamActivities)
    .where(
      and(
        eq(teamActivities.teamId, teamId),
        gte(teamActivities.activityDate, period.from),
        lte(teamActivities.activityDate, period.to),
      ),
    )
    .orderBy(desc(teamActivities.activityDate), desc(teamActivities.id))
    .limit(LIST_LIMIT)
    .all();
  return toActivities(db, rows, view);
}

/** The snapshot a revision stores: the activity's editable fields as saved. */
export interface ActivitySnapshot {
  activityDate: string;
  form: ActivityRow["form"];
  topic: string;
  place: string;
  memberPersonIds: number[];
  residentsReached: number;
  leaflets: number;
  photoIds: string[];
  note: string | null;
}

export function snapshotOf(row: ActivityRow): ActivitySnapshot {
  return {
    activityDate: row.activityDate,
    form: row.form,
    topic: row.topic,
    place: row.place,
    memberPersonIds: row.memberPersonIds,
    residentsReached: row.residentsReached,
    leaflets: row.leaflets,
    photoIds: row.photoIds,
    note: row.note,
  };
}

/** One activity with every revision, oldest first. */
export function activityDetail(db: Reader, row: ActivityRow, view: ViewContext): ActivityDetail {
  const revisions = db
    .select()
    .from(teamActivityRevisions)
    .where(eq(teamActivityRevisions.activityId, row.id))
    .orderBy(asc(teamActivityRevisions.revision))
    .all();
  const snapshots = revisions.map((r) => r.snapshot as unknown as ActivitySnapshot);
  const names = namesOf(db, [
    ...revisions.map((r) => r.editedByPersonId),
    ...snapshots.flatMap((s) => s.memberPersonIds),
  ]);
  const [activity] = toActivities(db, [row], view);
  if (!activity) throw new Error("activityDetail: no activity");
  return {
    ...activity,
    revisions: revisions.map((r, i) => {
      const s = snapshots[i] as ActivitySnapshot;
      return {
        revision: r.revision,
        editedBy: personRef(names, r.editedByPersonId),
        createdAt: r.createdAt.toISOString(),
        activityDate: s.activityDate,
        form: s.form,
        topic: s.topic,
        place: s.place,
        members: s.memberPersonIds.map((id) => personRef(names, id)),
        residentsReached: s.residentsReached,
        leaflets: s.leaflets,
        photoIds: s.photoIds,
        note: s.note,
      };
    }),
  };
}
