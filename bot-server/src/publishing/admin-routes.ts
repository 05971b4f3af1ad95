/**
 * Commune admins broadcast announcements: stored for the mini app's feed and queued in the
 * outbox to every follower of the chosen villages, with a delivery report (sent, pending,
 * undeliverable with the reason).
 */
import {
  announcementCreatedSchema,
  createAnnouncementSchema,
  deliveryReportSchema,
  idParam,
} from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { requireSession } from "../auth/middleware";
import { isCommuneAdmin } from "../auth/policy";
import { adminUnits, announcements } from "../db/schema";
import { AppError, forbidden, notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { deliveryReport, queueAnnouncement } from "../outbox/broadcast";
import { requireCommune } from "./routes";

const tags = ["Quản trị"];

const create = createRoute({
  method: "post",
  path: "/api/admin/announcements",
  tags,
  summary: "Gửi thông báo tới người dân của cả xã hoặc các thôn được chọn (qua Zalo OA)",
  security: bearerSecurity,
  middleware: requireSession,
  request: { body: jsonBody(createAnnouncementSchema) },
  responses: { 201: jsonResponse(announcementCreatedSchema, "Đã lưu và xếp hàng gửi"), ...errorResponses },
});

const delivery = createRoute({
  method: "get",
  path: "/api/admin/announcements/{id}/delivery",
  tags,
  summary: "Báo cáo gửi thông báo: đã gửi, đang chờ, không gửi được (kèm lý do)",
  security: bearerSecurity,
  middleware: requireSession,
  request: { params: idParam },
  responses: { 200: jsonResponse(deliveryReportSchema, "Báo cáo"), ...errorResponses },
});

export const adminPublishingRoutes = createRouter()
  .openapi(create, (c) => {
    const { deps, services, actor } = c.var;
    const input = c.req.valid("json");
    requireCommune(deps.db, input.communeId);
    if (!isCommuneAdmin(actor, input.communeId)) throw forbidden("Chỉ cán bộ xã mới gửi được thông báo.");
    const villageIds = input.villageIds ? [...new Set(input.villageIds)] : null;
    if (villageIds) {
      const valid = deps.db
        .select({ id: adminUnits.id })
        .from(adminUnits)
        .where(and(eq(adminUnits.level, "village"), eq(adminUnits.parentId, input.communeId)))
        .all()
        .map((u) => u.id);
      if (villageIds.some((id) => !valid.includes(id))) {
        throw new AppError("validation_failed", "Có thôn không thuộc xã này.", {
          villageIds: "Có thôn không thuộc xã này.",
        });
      }
    }
    const now = deps.now();
    const result = deps.db.transaction((tx) => {
      const { id } = tx
        .insert(announcements)
        .values({
          communeId: input.communeId,
          title: input.title,
          body: input.body,
          villageIds,
          authorPersonId: actor.personId,
          publishedAt: now,
        })
        .returning({ id: announcements.id })
        .get();
      return { id, queued: queueAnnouncement(tx as unknown as typeof deps.db, id, now) };
    });
    services.signals.outboxQueued();
    c.var.logger.info({ announcementId: result.id, queued: result.queued }, "announcement queued");
    return c.json(result, 201);
  })
  .openapi(delivery, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    const row = deps.db.select().from(announcements).where(eq(announcements.id, id)).get();
    if (!row || !isCommuneAdmin(actor, row.communeId)) throw notFound("Không tìm thấy thông báo.");
    return c.json(deliveryReport(deps.db, id), 200);
  });
