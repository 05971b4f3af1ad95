/**
 * Reads of requests: the team queue, "mine", a request's detail, public lists and the commune
 * dashboard counts. Every list is driven by an index (see schema.ts) and bounded by a limit,
 * so it stays fast with a million requests stored (npm run bench).
 */
import {
  type CivicRole,
  OPEN_STATUSES,
  type RequestDetail,
  type RequestSummary,
  redactPersonalData,
} from "@cau-noi/shared";
import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { adminUnits, persons, requestEvents, requestPhotos, requests, teams } from "../db/schema";
import type { RequestRow } from "./lifecycle";

const owner = alias(persons, "owner");

/** The owner's civic role in the request's team (latest membership), for "who took it". */
const ownerCivicRole = sql<string | null>`(
  select m.civic_role from memberships m
  where m.team_id = ${requests.teamId} and m.person_id = ${requests.ownerPersonId}
  order by m.active_from desc limit 1)`;

const summaryColumns = {
  row: requests,
  villageName: adminUnits.name,
  ownerName: owner.displayName,
  ownerAvatar: owner.avatarUrl,
  ownerPhotoConsent: owner.photoConsent,
  ownerCivicRole,
};

type SummaryRow = {
  row: RequestRow;
  villageName: string;
  ownerName: string | null;
  ownerAvatar: string | null;
  ownerPhotoConsent: boolean | null;
  ownerCivicRole: string | null;
};

export function selectSummaries(db: Db, where: SQL | undefined) {
  return db
    .select(summaryColumns)
    .from(requests)
    .innerJoin(adminUnits, eq(adminUnits.id, requests.villageId))
    .leftJoin(owner, eq(owner.id, requests.ownerPersonId))
    .where(where);
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(s: SummaryRow): RequestSummary {
  const r = s.row;
  return {
    id: r.id,
    kind: r.kind,
    category: r.category,
    text: r.text,
    status: r.status,
    escalationLevel: r.escalationLevel,
    villageId: r.villageId,
    villageName: s.villageName,
    teamId: r.teamId,
    routedTo: r.routedTo,
    owner:
      r.ownerPersonId === null || s.ownerName === null
        ? null
        : {
            id: r.ownerPersonId,
            displayName: s.ownerName,
            civicRole: (s.ownerCivicRole as CivicRole | null) ?? null,
            avatarUrl: s.ownerPhotoConsent ? s.ownerAvatar : null,
          },
    onBehalfName: r.onBehalfName,
    claimDueAt: r.claimDueAt.toISOString(),
    resolveDueAt: r.resolveDueAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    rating: r.rating,
  };
}

// ---------------------------------------------------------------------------------------------
// Team queue
// ---------------------------------------------------------------------------------------------

export type QueueView = "unclaimed" | "mine" | "overdue" | "all_open";

export interface QueueScope {
  /** One team's queue, or (for commune admins) every request of a commune. */
  teamId?: number;
  communeId?: number;
  personId: number;
  now: Date;
}

const OPEN = [...OPEN_STATUSES];

function scopeCondition(scope: QueueScope): SQL {
  if (scope.teamId !== undefined) return eq(requests.teamId, scope.teamId);
  if (scope.communeId !== undefined) return eq(requests.communeId, scope.communeId);
  throw new Error("queue scope needs a team or a commune");
}

function viewCondition(view: QueueView, scope: QueueScope): SQL | undefined {
  switch (view) {
    case "unclaimed":
      return and(
        scopeCondition(scope),
        inArray(requests.status, ["new", "escalated"]),
        isNull(requests.ownerPersonId),
      );
    case "mine":
      return and(eq(requests.ownerPersonId, scope.personId), inArray(requests.status, OPEN));
    case "overdue":
      return and(
        scopeCondition(scope),
        inArray(requests.status, OPEN),
        or(
          lte(requests.resolveDueAt, scope.now),
          and(isNull(requests.ownerPersonId), lte(requests.claimDueAt, scope.now)),
        ),
      );
    case "all_open":
      return and(scopeCondition(scope), inArray(requests.status, OPEN));
  }
}

export function listQueue(db: Db, view: QueueView, scope: QueueScope, limit: number): RequestSummary[] {
  const order =
    view === "unclaimed"
      ? [asc(requests.createdAt), asc(requests.id)]
      : [asc(requests.resolveDueAt), asc(requests.id)];
  // Pick the page on the narrow index entries first, then build summaries for those rows only:
  // sorting full summaries (joins, the owner's role subquery) of every open request of a busy
  // team costs several times more (npm run bench: busiest team's overdue page 5.3 → 2.8 ms).
  const page = db
    .select({ id: requests.id })
    .from(requests)
    .where(viewCondition(view, scope))
    .orderBy(...order)
    .limit(limit);
  return selectSummaries(db, inArray(requests.id, page))
    .orderBy(...order)
    .all()
    .map(toSummary);
}

export function queueCounts(db: Db, scope: QueueScope) {
  const countOf = (view: QueueView) =>
    db.select({ n: count() }).from(requests).where(viewCondition(view, scope)).get()?.n ?? 0;
  return { unclaimed: countOf("unclaimed"), mine: countOf("mine"), overdue: countOf("overdue") };
}

// ---------------------------------------------------------------------------------------------
// Mine (citizen) and detail
// ---------------------------------------------------------------------------------------------

/** Requests a person filed or that were filed for them, newest first. */
export function listMine(db: Db, personId: number, limit: number): RequestSummary[] {
  // Two index-driven halves instead of an OR that would scan: requester and filer.
  const byRequester = selectSummaries(db, eq(requests.requesterPersonId, personId))
    .orderBy(desc(requests.createdAt))
    .limit(limit)
    .all();
  const byFiler = selectSummaries(
    db,
    and(eq(requests.filedByPersonId, personId), sql`${requests.requesterPersonId} IS NOT ${personId}`),
  )
    .orderBy(desc(requests.createdAt))
    .limit(limit)
    .all();
  return [...byRequester, ...byFiler]
    .sort((a, b) => b.row.createdAt.getTime() - a.row.createdAt.getTime() || b.row.id - a.row.id)
    .slice(0, limit)
    .map(toSummary);
}

export function photoUrl(photoId: string): string {
  return `/media/photos/${photoId}`;
}

function photoIdsOf(db: Db, requestId: number): string[] {
  return db
    .select({ id: requestPhotos.photoId })
    .from(requestPhotos)
    .where(eq(requestPhotos.requestId, requestId))
    .orderBy(asc(requestPhotos.position))
    .all()
    .map((p) => p.id);
}

/** Photo ids of several requests in one query (a page of public reports), in position order. */
function photoIdsByRequest(db: Db, requestIds: number[]): Map<number, string[]> {
  const byRequest = new Map<number, string[]>();
  if (requestIds.length === 0) return byRequest;
  const rows = db
    .select({ requestId: requestPhotos.requestId, id: requestPhotos.photoId })
    .from(requestPhotos)
    .where(inArray(requestPhotos.requestId, requestIds))
    .orderBy(asc(requestPhotos.requestId), asc(requestPhotos.position))
    .all();
  for (const row of rows) byRequest.set(row.requestId, [...(byRequest.get(row.requestId) ?? []), row.id]);
  return byRequest;
}

/** A page of one kind's public, non-rejected requests of a commune, newest first. */
function publicPage(kind: "field_report" | "question", communeId: number, before: number | undefined) {
  return and(
    eq(requests.communeId, communeId),
    eq(requests.kind, kind),
    eq(requests.isPublic, true),
    isNull(requests.rejectReason),
    before === undefined ? undefined : lt(requests.id, before),
  );
}

const actor = alias(persons, "actor");

export function getDetail(
  db: Db,
  id: number,
  options: { includeRequesterName: boolean },
): RequestDetail | undefined {
  const summary = selectSummaries(db, eq(requests.id, id)).get();
  if (!summary) return undefined;
  const r = summary.row;
  const events = db
    .select({ event: requestEvents, actorName: actor.displayName })
    .from(requestEvents)
    .leftJoin(actor, eq(actor.id, requestEvents.actorPersonId))
    .where(eq(requestEvents.requestId, id))
    .orderBy(asc(requestEvents.id))
    .all();
  const requesterName =
    options.includeRequesterName && r.requesterPersonId !== null
      ? (db
          .select({ name: persons.displayName })
          .from(persons)
          .where(eq(persons.id, r.requesterPersonId))
          .get()?.name ?? null)
      : null;
  return {
    ...toSummary(summary),
    meetingMode: r.meetingMode,
    placeText: r.placeText,
    location:
      r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null,
    photoUrls: photoIdsOf(db, id).map(photoUrl),
    requesterName: requesterName ?? r.onBehalfName,
    outcomeCode: r.outcomeCode,
    outcomeNote: r.outcomeNote,
    receiptCode: r.receiptCode,
    rejectReason: r.rejectReason,
    duplicateOfId: r.duplicateOfId,
    isPublic: r.isPublic,
    publicAnswer: r.publicAnswer,
    resolvedAt: iso(r.resolvedAt),
    closedAt: iso(r.closedAt),
    ratingComment: r.ratingComment,
    events: events.map(({ event, actorName }) => ({
      id: event.id,
      action: event.action,
      actorName: event.actorPersonId === null ? null : actorName,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      detail: event.detail ?? null,
      createdAt: event.createdAt.toISOString(),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Public lists: no requester identity, phone numbers or Zalo ids, ever
// ---------------------------------------------------------------------------------------------

export function listPublicFieldReports(db: Db, communeId: number, before: number | undefined, limit: number) {
  const rows = db
    .select({
      id: requests.id,
      category: requests.category,
      text: requests.text,
      villageName: adminUnits.name,
      placeText: requests.placeText,
      status: requests.status,
      publicAnswer: requests.publicAnswer,
      publicAnsweredAt: requests.publicAnsweredAt,
      createdAt: requests.createdAt,
    })
    .from(requests)
    .innerJoin(adminUnits, eq(adminUnits.id, requests.villageId))
    .where(publicPage("field_report", communeId, before))
    .orderBy(desc(requests.id))
    .limit(limit)
    .all();
  const photoIds = photoIdsByRequest(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    text: redactPersonalData(r.text),
    villageName: r.villageName,
    placeText: r.placeText === null ? null : redactPersonalData(r.placeText),
    status: r.status,
    photoUrls: (photoIds.get(r.id) ?? []).map(photoUrl),
    answer: r.publicAnswer === null ? null : redactPersonalData(r.publicAnswer),
    answeredAt: iso(r.publicAnsweredAt),
    createdAt: r.createdAt.toISOString(),
  }));
}

export function listPublicQuestions(db: Db, communeId: number, before: number | undefined, limit: number) {
  const rows = db
    .select({
      id: requests.id,
      category: requests.category,
      text: requests.text,
      publicAnswer: requests.publicAnswer,
      publicAnsweredAt: requests.publicAnsweredAt,
    })
    .from(requests)
    .where(publicPage("question", communeId, before))
    .orderBy(desc(requests.id))
    .limit(limit)
    .all();
  return rows.flatMap((r) =>
    r.publicAnswer === null || r.publicAnsweredAt === null
      ? []
      : [
          {
            id: r.id,
            category: r.category,
            question: redactPersonalData(r.text),
            answer: redactPersonalData(r.publicAnswer),
            answeredAt: r.publicAnsweredAt.toISOString(),
          },
        ],
  );
}

/** Whether a photo may be shown to anyone: it belongs to a public, non-rejected field report. */
export function isPublicPhoto(db: Db, photoId: string): boolean {
  const row = db
    .select({ id: requests.id })
    .from(requestPhotos)
    .innerJoin(requests, eq(requests.id, requestPhotos.requestId))
    .where(
      and(
        eq(requestPhotos.photoId, photoId),
        eq(requests.kind, "field_report"),
        eq(requests.isPublic, true),
        isNull(requests.rejectReason),
      ),
    )
    .get();
  return row !== undefined;
}

/** The request a photo is attached to, if any. */
export function requestOfPhoto(db: Db, photoId: string): RequestRow | undefined {
  return db
    .select({ row: requests })
    .from(requestPhotos)
    .innerJoin(requests, eq(requests.id, requestPhotos.requestId))
    .where(eq(requestPhotos.photoId, photoId))
    .get()?.row;
}

// ---------------------------------------------------------------------------------------------
// Commune dashboard counts
// ---------------------------------------------------------------------------------------------

export function communeDashboardCounts(db: Db, communeId: number, now: Date) {
  const byStatusKind = db
    .select({ status: requests.status, kind: requests.kind, n: count() })
    .from(requests)
    .where(eq(requests.communeId, communeId))
    .groupBy(requests.status, requests.kind)
    .all();
  const openByVillage = db
    .select({ villageId: requests.villageId, villageName: adminUnits.name, n: count() })
    .from(requests)
    .innerJoin(adminUnits, eq(adminUnits.id, requests.villageId))
    .where(and(eq(requests.communeId, communeId), inArray(requests.status, OPEN)))
    .groupBy(requests.villageId)
    .all();
  const overdue =
    db
      .select({ n: count() })
      .from(requests)
      .where(
        and(
          eq(requests.communeId, communeId),
          inArray(requests.status, OPEN),
          lte(requests.resolveDueAt, now),
        ),
      )
      .get()?.n ?? 0;
  const teamCount =
    db
      .select({ n: count() })
      .from(teams)
      .innerJoin(adminUnits, eq(adminUnits.id, teams.unitId))
      .where(and(eq(teams.active, true), or(eq(adminUnits.parentId, communeId), eq(teams.unitId, communeId))))
      .get()?.n ?? 0;
  return { byStatusKind, openByVillage, overdue, teamCount };
}
