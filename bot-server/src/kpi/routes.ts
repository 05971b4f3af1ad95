/**
 * HTTP API of KPIs and team targets. Commune admins enter the month's indicators and set
 * targets; members and leaders see their team's progress; viewers of a district or province
 * read the KPIs of the communes below them. No access answers 404.
 */
import {
  adminTargetsQuerySchema,
  idParam,
  kpiQuerySchema,
  kpiResponseSchema,
  kpiUpsertSchema,
  MAX_QUERY_MONTHS,
  targetListSchema,
  targetUpsertResponseSchema,
  targetUpsertSchema,
  teamIdParam,
  teamTargetsQuerySchema,
} from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import { teamIdsOfCommune } from "../activities/queries";
import { readableTeam } from "../activities/service";
import { requireSession } from "../auth/middleware";
import * as policy from "../auth/policy";
import { WorkingCalendar } from "../calendar/working-time";
import type { Db } from "../db/client";
import { AppError, notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { ancestry } from "../units/queries";
import { listKpiValues, listTargets, monthsBefore, targetWithProgress } from "./queries";
import { administeredCommune, createKpiService } from "./service";

const authed = { security: bearerSecurity, middleware: requireSession };
const kpiTags = ["Chỉ tiêu, KPI"];

const putKpi = createRoute({
  method: "put",
  path: "/api/admin/kpi",
  tags: kpiTags,
  summary: "Nhập số liệu KPI của tháng (tử số, mẫu số) cho xã",
  ...authed,
  request: { body: jsonBody(kpiUpsertSchema) },
  responses: { 200: jsonResponse(kpiResponseSchema, "Số liệu tháng sau khi lưu"), ...errorResponses },
});

const getKpi = createRoute({
  method: "get",
  path: "/api/kpi",
  tags: kpiTags,
  summary: "KPI theo tháng của xã, kèm tỷ lệ (mặc định 12 tháng gần nhất)",
  ...authed,
  request: { query: kpiQuerySchema },
  responses: { 200: jsonResponse(kpiResponseSchema, "Số liệu"), ...errorResponses },
});

const putTarget = createRoute({
  method: "put",
  path: "/api/admin/targets",
  tags: kpiTags,
  summary: "Đặt chỉ tiêu cho tổ trong một khoảng thời gian (cùng tổ, kỳ, chỉ tiêu thì thay số cũ)",
  ...authed,
  request: { body: jsonBody(targetUpsertSchema) },
  responses: {
    201: jsonResponse(targetUpsertResponseSchema, "Đã đặt chỉ tiêu"),
    200: jsonResponse(targetUpsertResponseSchema, "Đã cập nhật chỉ tiêu"),
    ...errorResponses,
  },
});

const deleteTarget = createRoute({
  method: "delete",
  path: "/api/admin/targets/{id}",
  tags: kpiTags,
  summary: "Xóa một chỉ tiêu của tổ",
  ...authed,
  request: { params: idParam },
  responses: { 204: { description: "Đã xóa" }, ...errorResponses },
});

const adminTargets = createRoute({
  method: "get",
  path: "/api/admin/targets",
  tags: kpiTags,
  summary: "Chỉ tiêu của mọi tổ trong xã, kèm tiến độ",
  ...authed,
  request: { query: adminTargetsQuerySchema },
  responses: { 200: jsonResponse(targetListSchema, "Danh sách"), ...errorResponses },
});

const teamTargets = createRoute({
  method: "get",
  path: "/api/teams/{teamId}/targets",
  tags: kpiTags,
  summary: "Chỉ tiêu của tổ đang áp dụng vào một ngày (mặc định hôm nay), kèm tiến độ",
  ...authed,
  request: { params: teamIdParam, query: teamTargetsQuerySchema },
  responses: { 200: jsonResponse(targetListSchema, "Danh sách"), ...errorResponses },
});

function kpiAnswer(db: Db, commune: { id: number; name: string }, from: string, to: string) {
  return {
    communeId: commune.id,
    communeName: commune.name,
    from,
    to,
    items: listKpiValues(db, commune.id, from, to),
  };
}

export const kpiRoutes = createRouter()
  .openapi(putKpi, (c) => {
    const { deps, actor } = c.var;
    const { commune, month } = createKpiService(deps).upsertKpi(actor, c.req.valid("json"));
    c.var.logger.info({ communeId: commune.id, month }, "kpi values saved");
    return c.json(kpiAnswer(deps.db, commune, month, month), 200);
  })
  .openapi(getKpi, (c) => {
    const { deps, actor } = c.var;
    const query = c.req.valid("query");
    const chain = ancestry(deps.db, query.communeId);
    const commune = chain[0];
    if (
      commune?.level !== "commune" ||
      !policy.canReadCommuneKpi(
        actor,
        commune.id,
        chain.map((u) => u.id),
        teamIdsOfCommune(deps.db, commune.id),
      )
    ) {
      throw notFound("Không tìm thấy xã, phường.");
    }
    const to = query.to ?? WorkingCalendar.localDate(deps.now()).slice(0, 7);
    const from = query.from ?? monthsBefore(to, 11);
    if (from < monthsBefore(to, MAX_QUERY_MONTHS - 1)) {
      const message = `Chỉ xem được tối đa ${MAX_QUERY_MONTHS} tháng một lần.`;
      throw new AppError("validation_failed", message, { from: message });
    }
    return c.json(kpiAnswer(deps.db, commune, from, to), 200);
  })
  .openapi(putTarget, (c) => {
    const { deps, actor } = c.var;
    const { row, created } = createKpiService(deps).upsertTarget(actor, c.req.valid("json"));
    c.var.logger.info({ targetId: row.id, teamId: row.teamId, created }, "team target saved");
    return c.json(targetWithProgress(deps.db, row), created ? 201 : 200);
  })
  .openapi(deleteTarget, (c) => {
    const { deps, actor } = c.var;
    const row = createKpiService(deps).deleteTarget(actor, c.req.valid("param").id);
    c.var.logger.info({ targetId: row.id, teamId: row.teamId }, "team target deleted");
    return c.body(null, 204);
  })
  .openapi(adminTargets, (c) => {
    const { deps, actor } = c.var;
    const query = c.req.valid("query");
    const commune = administeredCommune(deps.db, actor, query.communeId);
    return c.json({ items: listTargets(deps.db, teamIdsOfCommune(deps.db, commune.id), query.on) }, 200);
  })
  .openapi(teamTargets, (c) => {
    const { deps, actor } = c.var;
    const team = readableTeam(deps.db, actor, c.req.valid("param").teamId);
    const on = c.req.valid("query").on ?? WorkingCalendar.localDate(deps.now());
    return c.json({ items: listTargets(deps.db, [team.teamId], on) }, 200);
  });
