/**
 * Endpoints of the staff pages (team members, leaders), typed by the shared zod schemas (see
 * endpoints.ts for the pattern: `request` for calls, `cachedGet` for lists shown offline).
 * Lifecycle actions answer the request's new detail.
 */
import type { CreateActivityInput, UpdateActivityInput } from "@cau-noi/shared";
import type { RejectReason } from "@cau-noi/shared/domain";
import { cachedGet } from "./cache";
import { request } from "./client";

export type QueueView = "unclaimed" | "mine" | "overdue" | "all_open";

export interface ResolveInput {
  outcomeCode: string;
  note?: string;
  receiptCode?: string;
}

export interface RejectInput {
  reason: RejectReason;
  duplicateOfId?: number;
  note?: string;
}

/** POST /api/requests/{id}/<action> with a JSON body; the answer is the request's new detail. */
const act = (id: number, action: string, body: Record<string, unknown> = {}) =>
  request(`/api/requests/${id}/${action}`, { method: "POST", body, schema: (s) => s.requestDetailSchema });

export const staffApi = {
  queue: (teamId: number, view: QueueView) =>
    cachedGet(`/api/queue?view=${view}&teamId=${teamId}`, { schema: (s) => s.queueResponseSchema }),
  teamMembers: (teamId: number) =>
    cachedGet(`/api/teams/${teamId}/members`, { schema: (s) => s.teamRosterSchema }),

  claim: (id: number) => act(id, "claim"),
  start: (id: number) => act(id, "start"),
  note: (id: number, text: string) => act(id, "note", { text }),
  release: (id: number, reason?: string) => act(id, "release", reason ? { reason } : {}),
  assign: (id: number, assigneePersonId: number) => act(id, "assign", { assigneePersonId }),
  resolve: (id: number, input: ResolveInput) => act(id, "resolve", { ...input }),
  reject: (id: number, input: RejectInput) => act(id, "reject", { ...input }),

  /** The team's activities (default: the last 90 days), newest first. */
  activities: (teamId: number) =>
    cachedGet(`/api/teams/${teamId}/activities`, { schema: (s) => s.activityListSchema }),
  activity: (id: number) => cachedGet(`/api/activities/${id}`, { schema: (s) => s.activityDetailSchema }),
  updateActivity: (id: number, changes: UpdateActivityInput) =>
    request(`/api/activities/${id}`, {
      method: "PATCH",
      body: changes,
      schema: (s) => s.activityDetailSchema,
    }),
};

/** Body of POST /api/activities, sent through the offline queue (which adds `clientId`). */
export type NewActivity = Omit<CreateActivityInput, "clientId">;
export const CREATE_ACTIVITY_PATH = "/api/activities";
