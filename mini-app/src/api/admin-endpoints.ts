/**
 * Endpoints of the commune admin pages, typed by the shared zod schemas (shared/src/admin-api.ts
 * and api.ts; see endpoints.ts for the pattern). Lists go through the offline cache. Admin work
 * changes things other people see and must be seen to succeed, so it goes straight to the API
 * (with the server's field errors), not through the offline queue.
 */
import type {
  AdminRequestState,
  CreateDocumentInput,
  CreateInviteInput,
  CreateNewsInput,
  CreateVillageInput,
  createAnnouncementSchema,
  createContactSchema,
  createFaqSchema,
  createJobSchema,
  createPlaceSchema,
  createProcedureSchema,
  RequestSummary,
  rejectSchema,
  resolveSchema,
  UpdateDocumentInput,
  UpdateMembershipInput,
  UpdateNewsInput,
  UpdateTeamInput,
  UpdateVillageInput,
  updateContactSchema,
  updateFaqSchema,
  updateJobSchema,
  updatePlaceSchema,
  updateProcedureSchema,
} from "@cau-noi/shared";
import type { z } from "zod";
import { cachedGet } from "./cache";
import { request } from "./client";

export type NewAnnouncement = z.input<typeof createAnnouncementSchema>;
export type ResolveInput = z.input<typeof resolveSchema>;
export type RejectInput = z.input<typeof rejectSchema>;

const json = (method: "POST" | "PATCH" | "PUT", body: unknown) => ({ method, body }) as const;
const remove = { method: "DELETE" } as const;

/** The directory lists, one shape of calls for each. */
export type DirectoryKind = "contacts" | "procedures" | "places" | "jobs";
interface DirectoryInputs {
  contacts: [z.input<typeof createContactSchema>, z.input<typeof updateContactSchema>];
  procedures: [z.input<typeof createProcedureSchema>, z.input<typeof updateProcedureSchema>];
  places: [z.input<typeof createPlaceSchema>, z.input<typeof updatePlaceSchema>];
  jobs: [z.input<typeof createJobSchema>, z.input<typeof updateJobSchema>];
}
export type DirectoryCreate<K extends DirectoryKind> = DirectoryInputs[K][0];
export type DirectoryUpdate<K extends DirectoryKind> = DirectoryInputs[K][1];

const directoryItem = {
  contacts: (s: typeof import("@cau-noi/shared")) => s.adminContactItemSchema,
  procedures: (s: typeof import("@cau-noi/shared")) => s.adminProcedureItemSchema,
  places: (s: typeof import("@cau-noi/shared")) => s.adminPlaceItemSchema,
  jobs: (s: typeof import("@cau-noi/shared")) => s.adminJobItemSchema,
};

export const adminApi = {
  // ---- villages of the commune (announcement targets, names in reports) ----------------------
  communeVillages: (communeId: number) =>
    cachedGet(`/api/villages?communeId=${communeId}`, { schema: (s) => s.itemsOf(s.villageSchema) }),

  // ---- announcements -------------------------------------------------------------------------
  announcements: (communeId: number) =>
    cachedGet(`/api/public/announcements?communeId=${communeId}&limit=50`, {
      schema: (s) => s.itemsOf(s.announcementItemSchema),
      auth: false,
    }),
  sendAnnouncement: (body: NewAnnouncement) =>
    request("/api/admin/announcements", {
      ...json("POST", body),
      schema: (s) => s.announcementCreatedSchema,
    }),
  delivery: (id: number) =>
    request(`/api/admin/announcements/${id}/delivery`, { schema: (s) => s.deliveryReportSchema }),

  // ---- news and documents --------------------------------------------------------------------
  news: (communeId: number) =>
    cachedGet(`/api/admin/news?communeId=${communeId}`, {
      schema: (s) => s.pagedItemsOf(s.adminNewsItemSchema),
    }),
  createNews: (body: CreateNewsInput) =>
    request("/api/admin/news", { ...json("POST", body), schema: (s) => s.adminNewsItemSchema }),
  updateNews: (id: number, body: UpdateNewsInput) =>
    request(`/api/admin/news/${id}`, { ...json("PATCH", body), schema: (s) => s.adminNewsItemSchema }),
  deleteNews: (id: number) => request(`/api/admin/news/${id}`, { ...remove, schema: (s) => s.deletedSchema }),

  documents: (communeId: number) =>
    cachedGet(`/api/admin/documents?communeId=${communeId}`, {
      schema: (s) => s.pagedItemsOf(s.adminDocumentItemSchema),
    }),
  createDocument: (body: CreateDocumentInput) =>
    request("/api/admin/documents", { ...json("POST", body), schema: (s) => s.adminDocumentItemSchema }),
  updateDocument: (id: number, body: UpdateDocumentInput) =>
    request(`/api/admin/documents/${id}`, {
      ...json("PATCH", body),
      schema: (s) => s.adminDocumentItemSchema,
    }),
  deleteDocument: (id: number) =>
    request(`/api/admin/documents/${id}`, { ...remove, schema: (s) => s.deletedSchema }),

  // ---- triage ----------------------------------------------------------------------------------
  requests: (communeId: number, kind: RequestSummary["kind"] | "", state: AdminRequestState) =>
    cachedGet(`/api/admin/requests?communeId=${communeId}&state=${state}${kind ? `&kind=${kind}` : ""}`, {
      schema: (s) => s.adminRequestListSchema,
    }),
  requestDetail: (id: number) => request(`/api/requests/${id}`, { schema: (s) => s.requestDetailSchema }),
  publicAnswer: (id: number, answer: string) =>
    request(`/api/admin/requests/${id}/public-answer`, {
      ...json("PUT", { answer }),
      schema: (s) => s.requestDetailSchema,
    }),
  claim: (id: number) =>
    request(`/api/requests/${id}/claim`, { method: "POST", schema: (s) => s.requestDetailSchema }),
  resolve: (id: number, body: ResolveInput) =>
    request(`/api/requests/${id}/resolve`, { ...json("POST", body), schema: (s) => s.requestDetailSchema }),
  reject: (id: number, body: RejectInput) =>
    request(`/api/requests/${id}/reject`, { ...json("POST", body), schema: (s) => s.requestDetailSchema }),

  // ---- villages, teams, members, invites -------------------------------------------------------
  structure: (communeId: number) =>
    cachedGet(`/api/admin/communes/${communeId}/structure`, { schema: (s) => s.communeStructureSchema }),
  createVillage: (body: CreateVillageInput) =>
    request("/api/admin/villages", { ...json("POST", body), schema: (s) => s.structureVillageSchema }),
  updateVillage: (id: number, body: UpdateVillageInput) =>
    request(`/api/admin/villages/${id}`, { ...json("PATCH", body), schema: (s) => s.structureVillageSchema }),
  updateTeam: (id: number, body: UpdateTeamInput) =>
    request(`/api/admin/teams/${id}`, { ...json("PATCH", body), schema: (s) => s.structureTeamSchema }),
  updateMembership: (id: number, body: UpdateMembershipInput) =>
    request(`/api/admin/memberships/${id}`, {
      ...json("PATCH", body),
      schema: (s) => s.structureMemberSchema,
    }),
  endMembership: (id: number) =>
    request(`/api/admin/memberships/${id}/end`, {
      method: "POST",
      schema: (s) => s.endMembershipResultSchema,
    }),
  createInvite: (body: CreateInviteInput) =>
    request("/api/admin/invites", { ...json("POST", body), schema: (s) => s.inviteSchema }),
  /** Any signed-in person: the /join page (preview says the team and role before accepting). */
  previewInvite: (token: string) =>
    request("/api/invites/preview", { ...json("POST", { token }), schema: (s) => s.invitePreviewSchema }),
  acceptInvite: (token: string) =>
    request("/api/invites/accept", { ...json("POST", { token }), schema: (s) => s.inviteAcceptedSchema }),

  // ---- directory -------------------------------------------------------------------------------
  directory: <K extends DirectoryKind>(kind: K, communeId: number) =>
    cachedGet(`/api/admin/${kind}?communeId=${communeId}`, {
      schema: (s) => s.itemsOf(directoryItem[kind](s) as ReturnType<(typeof directoryItem)[K]>),
    }),
  createDirectory: <K extends DirectoryKind>(kind: K, body: DirectoryCreate<K>) =>
    request(`/api/admin/${kind}`, {
      ...json("POST", body),
      schema: (s) => directoryItem[kind](s) as ReturnType<(typeof directoryItem)[K]>,
    }),
  updateDirectory: <K extends DirectoryKind>(kind: K, id: number, body: DirectoryUpdate<K>) =>
    request(`/api/admin/${kind}/${id}`, {
      ...json("PATCH", body),
      schema: (s) => directoryItem[kind](s) as ReturnType<(typeof directoryItem)[K]>,
    }),
  deleteDirectory: (kind: DirectoryKind, id: number) =>
    request(`/api/admin/${kind}/${id}`, { ...remove, schema: (s) => s.deletedSchema }),

  // ---- FAQ ---------------------------------------------------------------------------------------
  faq: (communeId: number) =>
    cachedGet(`/api/admin/faq?communeId=${communeId}`, { schema: (s) => s.itemsOf(s.adminFaqItemSchema) }),
  createFaq: (body: z.input<typeof createFaqSchema>) =>
    request("/api/admin/faq", { ...json("POST", body), schema: (s) => s.adminFaqItemSchema }),
  updateFaq: (id: number, body: z.input<typeof updateFaqSchema>) =>
    request(`/api/admin/faq/${id}`, { ...json("PATCH", body), schema: (s) => s.adminFaqItemSchema }),
  deleteFaq: (id: number) => request(`/api/admin/faq/${id}`, { ...remove, schema: (s) => s.deletedSchema }),
};
