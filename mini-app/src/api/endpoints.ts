/**
 * Every endpoint the mini app calls, typed by the shared zod schemas (shared/src/api.ts; the
 * server's description is at GET /openapi.json). Lists go through the offline cache.
 */
import type { CreateRequestInput } from "@cau-noi/shared";
import { cachedGet } from "./cache";
import { request, requestVoid } from "./client";

export const api = {
  health: () => request("/healthz", { schema: (s) => s.healthSchema, auth: false, timeoutMs: 8000 }),

  /** Exchange a Zalo access token (getAccessToken) for our session. */
  session: (accessToken: string) =>
    request("/api/session", {
      method: "POST",
      body: { accessToken },
      schema: (s) => s.sessionResponseSchema,
      auth: false,
    }),

  me: () => cachedGet("/api/me", { schema: (s) => s.profileSchema }),
  setHomeVillage: (homeVillageId: number) =>
    request("/api/me", { method: "PATCH", body: { homeVillageId }, schema: (s) => s.profileSchema }),

  /** Exchange a zmp-sdk `getLocation()` token for coordinates (the server stores nothing). */
  location: (token: string, accessToken: string) =>
    request("/api/location", {
      method: "POST",
      body: { token, accessToken },
      schema: (s) => s.coordinatesSchema,
    }),

  villages: (query: string) =>
    cachedGet(`/api/villages${query ? `?q=${encodeURIComponent(query)}` : ""}`, {
      schema: (s) => s.itemsOf(s.villageSchema),
      auth: false,
    }),

  myRequests: () => cachedGet("/api/requests/mine", { schema: (s) => s.itemsOf(s.requestSummarySchema) }),
  requestDetail: (id: number) => cachedGet(`/api/requests/${id}`, { schema: (s) => s.requestDetailSchema }),
  rate: (id: number, rating: number) =>
    request(`/api/requests/${id}/rate`, {
      method: "POST",
      body: { rating },
      schema: (s) => s.requestDetailSchema,
    }),
  reopen: (id: number, reason?: string) =>
    request(`/api/requests/${id}/reopen`, {
      method: "POST",
      body: reason ? { reason } : {},
      schema: (s) => s.requestDetailSchema,
    }),

  /** Sandbox only: the demo people, and a Zalo token for one of them from the local stand-in. */
  sandboxPersonas: () =>
    request("/sandbox/api/personas", { schema: (s) => s.sandboxPersonasSchema, auth: false }),
  sandboxZaloToken: (appUserId: string, name: string) =>
    request(`/__zalo/graph/sandbox/users/${encodeURIComponent(appUserId)}/access-token`, {
      method: "POST",
      // The stand-in names unknown users "Người dùng 1234": give the real name so the profile keeps it.
      body: { name },
      schema: (s) => s.sandboxAccessTokenSchema,
      auth: false,
    }),
  /** Sandbox: what Zalo does when the person taps "Quan tâm" (a signed follow event to our webhook). */
  sandboxFollow: (followerId: string) =>
    requestVoid(`/__zalo/sandbox/oa/users/${encodeURIComponent(followerId)}/send`, {
      method: "POST",
      body: { follow: true },
      auth: false,
    }),
};

/** Body of POST /api/requests (sent through the offline queue, which adds `clientId`). */
export type NewRequest = CreateRequestInput extends infer T
  ? T extends unknown
    ? Omit<T, "clientId">
    : never
  : never;
export const CREATE_REQUEST_PATH = "/api/requests";
