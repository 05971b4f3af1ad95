/**
 * Authorization, in one place. Every route and service asks these functions; nothing else
 * decides who may see or change what.
 *
 * - citizen: their own requests (filed by them or for them);
 * - member: requests routed to a team they belong to;
 * - leader: as member, and may assign, reassign and reject;
 * - commune admin: everything in their commune;
 * - viewer: aggregates of their subtree only, never a single request.
 */
import type { Actor } from "./actor";

export interface RequestScope {
  teamId: number | null;
  communeId: number;
  requesterPersonId: number | null;
  filedByPersonId: number;
  ownerPersonId: number | null;
}

export const isRequester = (actor: Actor, r: RequestScope) =>
  r.requesterPersonId === actor.personId || r.filedByPersonId === actor.personId;

export const isTeamMember = (actor: Actor, teamId: number | null) =>
  teamId !== null && actor.memberships.some((m) => m.teamId === teamId);

export const isTeamLeader = (actor: Actor, teamId: number | null) =>
  teamId !== null && actor.memberships.some((m) => m.teamId === teamId && m.isLeader);

export const isCommuneAdmin = (actor: Actor, communeId: number) => actor.adminCommuneIds.includes(communeId);

export const isStaff = (actor: Actor) => actor.memberships.length > 0 || actor.adminCommuneIds.length > 0;

/** May read the request with its history and the requester's name. */
export const canView = (actor: Actor, r: RequestScope) =>
  isRequester(actor, r) || isTeamMember(actor, r.teamId) || isCommuneAdmin(actor, r.communeId);

/** May claim, note and work on the request. */
export const canWork = (actor: Actor, r: RequestScope) =>
  isTeamMember(actor, r.teamId) || isCommuneAdmin(actor, r.communeId);

/** May assign, reassign, release someone else's claim and reject. */
export const canManage = (actor: Actor, r: RequestScope) =>
  isTeamLeader(actor, r.teamId) || isCommuneAdmin(actor, r.communeId);

/** May resolve: the owner, or whoever manages the request. */
export const canResolve = (actor: Actor, r: RequestScope) =>
  (r.ownerPersonId === actor.personId && canWork(actor, r)) || canManage(actor, r);

/** May publish the commune's public answer under a field report or question. */
export const canAnswerPublicly = (actor: Actor, r: RequestScope) => isCommuneAdmin(actor, r.communeId);

/** May read the queue of a team. */
export const canReadQueue = (actor: Actor, teamId: number, teamCommuneId: number) =>
  isTeamMember(actor, teamId) || isCommuneAdmin(actor, teamCommuneId);

/**
 * May manage what a commune publishes and runs: news, documents, triage, villages, teams,
 * members and invites, directory, FAQ. `null` is a shared entry (every commune's): nobody here.
 */
export const canAdministerCommune = (actor: Actor, communeId: number | null) =>
  communeId !== null && isCommuneAdmin(actor, communeId);

// Team work (issue #5): activities, KPIs, targets, satisfaction surveys.

/** Views an aggregate of a commune from above: a viewer of the commune or of a unit above it. */
export const isViewerOfAny = (actor: Actor, unitChainIds: readonly number[]) =>
  unitChainIds.some((id) => actor.viewerUnitIds.includes(id));

/** May log an activity for a team: its members only. */
export const canLogActivity = (actor: Actor, teamId: number) => isTeamMember(actor, teamId);

/** May read a team's activities and targets: its members and the admins of its commune. */
export const canReadTeamWork = (actor: Actor, teamId: number, teamCommuneId: number) =>
  isTeamMember(actor, teamId) || isCommuneAdmin(actor, teamCommuneId);

/** May edit an activity (while it is not locked): its author, the team leader, the commune admin. */
export const canEditActivity = (
  actor: Actor,
  a: { authorPersonId: number; teamId: number; communeId: number },
) =>
  (a.authorPersonId === actor.personId && isTeamMember(actor, a.teamId)) ||
  isTeamLeader(actor, a.teamId) ||
  isCommuneAdmin(actor, a.communeId);

/** May enter KPIs, set team targets and print survey QR posters for a commune. */
export const canManageTeamWork = (actor: Actor, communeId: number) => isCommuneAdmin(actor, communeId);

/**
 * May read a commune's KPIs: its admins, members of its teams, viewers of the commune or above.
 * `unitChainIds` is the commune and its ancestors; `communeTeamIds` the commune's teams.
 */
export const canReadCommuneKpi = (
  actor: Actor,
  communeId: number,
  unitChainIds: readonly number[],
  communeTeamIds: readonly number[],
) =>
  isCommuneAdmin(actor, communeId) ||
  actor.memberships.some((m) => communeTeamIds.includes(m.teamId)) ||
  isViewerOfAny(actor, unitChainIds);

/** May read a commune's aggregates (survey results): its admins and viewers of the commune or above. */
export const canReadCommuneAggregates = (actor: Actor, communeId: number, unitChainIds: readonly number[]) =>
  isCommuneAdmin(actor, communeId) || isViewerOfAny(actor, unitChainIds);

/** A unit of the tree as report authorization sees it: its level and the ids above it, nearest first. */
export interface ReportUnitPlace {
  id: number;
  level: "province" | "district" | "commune" | "village";
  ancestorIds: readonly number[];
}

/**
 * How much of a unit's reports and dashboards the actor may read: `full` for the admins of its
 * commune (the commune or one of its villages) and the leaders of a village's team,
 * `aggregate` for viewers of the unit or a unit above it, null for anyone else.
 */
export function reportAccess(actor: Actor, unit: ReportUnitPlace): "full" | "aggregate" | null {
  const communeId =
    unit.level === "commune" ? unit.id : unit.level === "village" ? unit.ancestorIds[0] : undefined;
  if (communeId !== undefined && isCommuneAdmin(actor, communeId)) return "full";
  if (unit.level === "village" && actor.memberships.some((m) => m.isLeader && m.teamUnitId === unit.id)) {
    return "full";
  }
  return isViewerOfAny(actor, [unit.id, ...unit.ancestorIds]) ? "aggregate" : null;
}
