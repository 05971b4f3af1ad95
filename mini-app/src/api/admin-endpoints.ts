/**
 * Endpoints of the commune admin pages, typed by the shared zod schemas (see endpoints.ts for
 * the pattern: `request` for calls, `cachedGet` for lists shown offline). Admin work changes
 * things on the server and must be seen to succeed, so it goes straight to the API, not through
 * the offline queue.
 */

import type { createAnnouncementSchema } from "@cau-noi/shared";
import type { z } from "zod";
import { cachedGet } from "./cache";
import { request } from "./client";

export type NewAnnouncement = z.input<typeof createAnnouncementSchema>;

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
      method: "POST",
      body,
      schema: (s) => s.announcementCreatedSchema,
    }),
  delivery: (id: number) =>
    request(`/api/admin/announcements/${id}/delivery`, { schema: (s) => s.deliveryReportSchema }),
};
