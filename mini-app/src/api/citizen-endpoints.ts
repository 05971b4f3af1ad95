/**
 * Endpoints of the citizen pages, typed by the shared zod schemas (see endpoints.ts for the
 * pattern: `request`/`requestVoid` for calls, `cachedGet` for lists shown offline).
 *
 * Every list here is public and per commune (bot-server/src/publishing/routes.ts,
 * directory/routes.ts): no session is sent, and every answer is kept for offline use.
 * News, documents, field reports, questions and announcements page with `before` (an id:
 * the next page holds items with smaller ids); the directory lists are short and come whole.
 */
import type { output } from "zod";
import { cachedGet } from "./cache";
import type { SharedModule } from "./client";

/** Items per page of the paged public lists (the server allows 1–50). */
export const CITIZEN_PAGE_SIZE = 20;

type Shared = SharedModule;
export type NewsItem = output<Shared["newsItemSchema"]>;
export type DocumentItem = output<Shared["documentItemSchema"]>;
export type PublicFieldReport = output<Shared["publicFieldReportSchema"]>;
export type PublicQuestion = output<Shared["publicQuestionSchema"]>;
export type AnnouncementItem = output<Shared["announcementItemSchema"]>;
export type ContactItem = output<Shared["contactItemSchema"]>;
export type ProcedureItem = output<Shared["procedureItemSchema"]>;
export type PlaceItem = output<Shared["placeItemSchema"]>;
export type JobItem = output<Shared["jobItemSchema"]>;
export type TeamDirectory = output<Shared["teamDirectorySchema"]>;

function pagePath(
  path: string,
  communeId: number,
  before: number | undefined,
  extra: Record<string, number> = {},
  limit = CITIZEN_PAGE_SIZE,
): string {
  const query = new URLSearchParams({ communeId: String(communeId), limit: String(limit) });
  for (const [key, value] of Object.entries(extra)) query.set(key, String(value));
  if (before !== undefined) query.set("before", String(before));
  return `${path}?${query.toString()}`;
}

const communePath = (path: string, communeId: number) => `${path}?communeId=${communeId}`;

export const citizenApi = {
  news: (communeId: number, before?: number) =>
    cachedGet(pagePath("/api/public/news", communeId, before), {
      schema: (s) => s.itemsOf(s.newsItemSchema),
      auth: false,
    }),
  documents: (communeId: number, before?: number) =>
    cachedGet(pagePath("/api/public/documents", communeId, before), {
      schema: (s) => s.itemsOf(s.documentItemSchema),
      auth: false,
    }),
  fieldReports: (communeId: number, before?: number) =>
    cachedGet(pagePath("/api/public/field-reports", communeId, before), {
      schema: (s) => s.itemsOf(s.publicFieldReportSchema),
      auth: false,
    }),
  questions: (communeId: number, before?: number) =>
    cachedGet(pagePath("/api/public/questions", communeId, before), {
      schema: (s) => s.itemsOf(s.publicQuestionSchema),
      auth: false,
    }),
  /** The commune's announcements for everyone, plus those sent to this village. */
  announcements: (communeId: number, villageId: number, before?: number) =>
    cachedGet(pagePath("/api/public/announcements", communeId, before, { villageId }), {
      schema: (s) => s.itemsOf(s.announcementItemSchema),
      auth: false,
    }),

  contacts: (communeId: number) =>
    cachedGet(communePath("/api/public/contacts", communeId), {
      schema: (s) => s.itemsOf(s.contactItemSchema),
      auth: false,
    }),
  procedures: (communeId: number) =>
    cachedGet(communePath("/api/public/procedures", communeId), {
      schema: (s) => s.itemsOf(s.procedureItemSchema),
      auth: false,
    }),
  places: (communeId: number) =>
    cachedGet(communePath("/api/public/places", communeId), {
      schema: (s) => s.itemsOf(s.placeItemSchema),
      auth: false,
    }),
  jobs: (communeId: number) =>
    cachedGet(communePath("/api/public/jobs", communeId), {
      schema: (s) => s.itemsOf(s.jobItemSchema),
      auth: false,
    }),
  /** The village's team as residents see it: names, civic roles, photos with consent. */
  team: (villageId: number) =>
    cachedGet(`/api/public/villages/${villageId}/team`, {
      schema: (s) => s.teamDirectorySchema,
      auth: false,
    }),
};
