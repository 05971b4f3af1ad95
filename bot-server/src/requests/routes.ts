/**
 * HTTP API of the request lifecycle: filing, "mine", detail, the team queue, every lifecycle
 * action and the commune dashboard counts. Handlers are thin: the lifecycle service and the
 * policy decide; queries shape the answers.
 */
import {
  assignSchema,
  createRequestSchema,
  idParam,
  noteSchema,
  queueQuerySchema,
  queueResponseSchema,
  rateSchema,
  rejectSchema,
  reopenSchema,
  requestDetailSchema,
  requestSummarySchema,
  resolveSchema,
} from "@cau-noi/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { Actor } from "../auth/actor";
import { requireSession } from "../auth/middleware";
import * as policy from "../auth/policy";
import { persons, teams } from "../db/schema";
import type { AppEnv } from "../lib/context";
import { AppError, forbidden, notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { ancestry, getUnit } from "../units/queries";
import type { RequestRow } from "./lifecycle";
import { communeDashboardCounts, getDetail, listMine, listQueue, queueCounts } from "./queries";

const tags = ["Yêu cầu"];
const authed = { security: bearerSecurity, middleware: requireSession };
const detailResponses = {
  200: jsonResponse(requestDetailSchema, "Yêu cầu sau khi cập nhật"),
  ...errorResponses,
};

function detailFor(c: Context<AppEnv>, row: RequestRow) {
  const actor = c.var.actor;
  const detail = getDetail(c.var.deps.db, row.id, { includeRequesterName: policy.canWork(actor, row) });
  if (!detail) throw notFound();
  return detail;
}

/** Declares `POST /api/requests/{id}/<action>` without a body. */
function actionRoute<A extends string>(action: A, summary: string) {
  return createRoute({
    method: "post",
    path: `/api/requests/{id}/${action}` as const,
    tags,
    summary,
    ...authed,
    request: { params: idParam },
    responses: detailResponses,
  });
}

/** Declares `POST /api/requests/{id}/<action>` with a JSON body. */
function actionRouteWithBody<A extends string, B extends z.ZodType>(action: A, summary: string, body: B) {
  return createRoute({
    method: "post",
    path: `/api/requests/{id}/${action}` as const,
    tags,
    summary,
    ...authed,
    request: { params: idParam, body: jsonBody(body) },
    responses: detailResponses,
  });
}

const create = createRoute({
  method: "post",
  path: "/api/requests",
  tags,
  summary: "Gửi yêu cầu hỗ trợ, phản ánh hiện trường hoặc câu hỏi",
  ...authed,
  request: { body: jsonBody(createRequestSchema) },
  responses: {
    201: jsonResponse(requestDetailSchema, "Đã tạo"),
    200: jsonResponse(requestDetailSchema, "Đã có từ lần gửi trước (cùng clientId)"),
    ...errorResponses,
  },
});

const mine = createRoute({
  method: "get",
  path: "/api/requests/mine",
  tags,
  summary: "Yêu cầu, phản ánh, câu hỏi của tôi",
  ...authed,
  responses: {
    200: jsonResponse(z.object({ items: z.array(requestSummarySchema) }), "Danh sách"),
    401: errorResponses[401],
  },
});

const detail = createRoute({
  method: "get",
  path: "/api/requests/{id}",
  tags,
  summary: "Chi tiết và lịch sử một yêu cầu",
  ...authed,
  request: { params: idParam },
  responses: { 200: jsonResponse(requestDetailSchema, "Chi tiết"), ...errorResponses },
});

const queue = createRoute({
  method: "get",
  path: "/api/queue",
  tags: ["Tổ công nghệ"],
  summary: "Hàng chờ của tổ: chưa nhận, của tôi, quá hạn",
  ...authed,
  request: {
    query: queueQuerySchema.extend({
      communeId: z.coerce.number({ error: "Xã, phường không hợp lệ." }).int().positive().optional(),
    }),
  },
  responses: { 200: jsonResponse(queueResponseSchema, "Hàng chờ"), ...errorResponses },
});

const dashboard = createRoute({
  method: "get",
  path: "/api/dashboard",
  tags: ["Quản trị"],
  summary: "Số liệu tổng hợp yêu cầu của xã (không có dữ liệu cá nhân)",
  ...authed,
  request: {
    query: z.object({ communeId: z.coerce.number({ error: "Vui lòng chọn xã, phường." }).int().positive() }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        byStatusKind: z.array(z.object({ status: z.string(), kind: z.string(), n: z.number() })),
        openByVillage: z.array(z.object({ villageId: z.number(), villageName: z.string(), n: z.number() })),
        overdue: z.number(),
        teamCount: z.number(),
      }),
      "Số liệu",
    ),
    ...errorResponses,
  },
});

const claim = actionRoute("claim", "Nhận xử lý (ai nhận trước thì được)");
const start = actionRoute("start", "Bắt đầu xử lý");
const note = actionRouteWithBody("note", "Thêm ghi chú", noteSchema);
const release = actionRouteWithBody("release", "Trả lại hàng chờ", reopenSchema);
const assign = actionRouteWithBody("assign", "Giao cho thành viên (tổ trưởng, cán bộ xã)", assignSchema);
const resolve = actionRouteWithBody("resolve", "Báo đã xử lý xong, kèm kết quả", resolveSchema);
const reject = actionRouteWithBody("reject", "Từ chối: tin rác, ngoài phạm vi, trùng", rejectSchema);
const rate = actionRouteWithBody("rate", "Đánh giá 1–5 sao", rateSchema);
const reopen = actionRouteWithBody("reopen", "Báo chưa xong, mở lại", reopenSchema);

function homeVillageOf(c: Context<AppEnv>, actor: Actor): number | null {
  return (
    c.var.deps.db
      .select({ v: persons.homeVillageId })
      .from(persons)
      .where(eq(persons.id, actor.personId))
      .get()?.v ?? null
  );
}

/** The queue's scope: a team the actor works in, or a whole commune for its admin. */
function queueScope(c: Context<AppEnv>, query: { teamId?: number; communeId?: number }) {
  const { actor, deps } = c.var;
  if (query.communeId !== undefined) {
    if (!policy.isCommuneAdmin(actor, query.communeId)) throw forbidden();
    return { communeId: query.communeId };
  }
  const teamId = query.teamId ?? actor.memberships[0]?.teamId;
  if (teamId === undefined) throw forbidden("Anh/chị chưa thuộc tổ công nghệ nào.");
  const team = deps.db.select().from(teams).where(eq(teams.id, teamId)).get();
  if (!team) throw notFound("Không tìm thấy tổ.");
  const unit = getUnit(deps.db, team.unitId);
  const communeId = unit?.level === "village" ? unit.parentId : team.unitId;
  if (communeId === null || communeId === undefined || !policy.canReadQueue(actor, teamId, communeId)) {
    throw forbidden("Anh/chị không thuộc tổ này.");
  }
  return { teamId };
}

/** Admins of the commune, and viewers of the commune or an ancestor, see its aggregates. */
function requireDashboardAccess(c: Context<AppEnv>, communeId: number) {
  const { actor, deps } = c.var;
  const chain = ancestry(deps.db, communeId);
  if (chain[0]?.level !== "commune") throw notFound("Không tìm thấy xã, phường.");
  const viewer = chain.some((u) => actor.viewerUnitIds.includes(u.id));
  if (!policy.isCommuneAdmin(actor, communeId) && !viewer) throw forbidden();
}

export const requestRoutes = createRouter()
  .openapi(create, (c) => {
    const { actor, services } = c.var;
    const input = c.req.valid("json");
    if (input.onBehalf === undefined && input.villageId === undefined && homeVillageOf(c, actor) === null) {
      throw new AppError("validation_failed", "Vui lòng chọn thôn, khối phố.", {
        villageId: "Vui lòng chọn thôn, khối phố.",
      });
    }
    const { row, created } = services.lifecycle.create(actor, input, homeVillageOf(c, actor));
    c.var.logger.info({ requestId: row.id, kind: row.kind, created }, "request filed");
    return c.json(detailFor(c, row), created ? 201 : 200);
  })
  .openapi(mine, (c) => c.json({ items: listMine(c.var.deps.db, c.var.actor.personId, 100) }, 200))
  .openapi(detail, (c) => {
    const row = c.var.services.lifecycle.load(c.req.valid("param").id);
    if (!policy.canView(c.var.actor, row)) throw notFound("Không tìm thấy yêu cầu này.");
    return c.json(detailFor(c, row), 200);
  })
  .openapi(queue, (c) => {
    const { deps, actor } = c.var;
    const query = c.req.valid("query");
    const scope = { ...queueScope(c, query), personId: actor.personId, now: deps.now() };
    return c.json(
      { counts: queueCounts(deps.db, scope), items: listQueue(deps.db, query.view, scope, query.limit) },
      200,
    );
  })
  .openapi(dashboard, (c) => {
    const { communeId } = c.req.valid("query");
    requireDashboardAccess(c, communeId);
    return c.json(communeDashboardCounts(c.var.deps.db, communeId, c.var.deps.now()), 200);
  })
  .openapi(claim, (c) =>
    c.json(detailFor(c, c.var.services.lifecycle.claim(c.var.actor, c.req.valid("param").id)), 200),
  )
  .openapi(start, (c) =>
    c.json(detailFor(c, c.var.services.lifecycle.start(c.var.actor, c.req.valid("param").id)), 200),
  )
  .openapi(note, (c) => {
    const row = c.var.services.lifecycle.note(c.var.actor, c.req.valid("param").id, c.req.valid("json").text);
    return c.json(detailFor(c, row), 200);
  })
  .openapi(release, (c) => {
    const row = c.var.services.lifecycle.release(
      c.var.actor,
      c.req.valid("param").id,
      c.req.valid("json").reason,
    );
    return c.json(detailFor(c, row), 200);
  })
  .openapi(assign, (c) => {
    const row = c.var.services.lifecycle.assign(
      c.var.actor,
      c.req.valid("param").id,
      c.req.valid("json").assigneePersonId,
    );
    return c.json(detailFor(c, row), 200);
  })
  .openapi(resolve, (c) => {
    const row = c.var.services.lifecycle.resolve(c.var.actor, c.req.valid("param").id, c.req.valid("json"));
    return c.json(detailFor(c, row), 200);
  })
  .openapi(reject, (c) => {
    const row = c.var.services.lifecycle.reject(c.var.actor, c.req.valid("param").id, c.req.valid("json"));
    return c.json(detailFor(c, row), 200);
  })
  .openapi(rate, (c) => {
    const row = c.var.services.lifecycle.rate(c.var.actor, c.req.valid("param").id, c.req.valid("json"));
    return c.json(detailFor(c, row), 200);
  })
  .openapi(reopen, (c) => {
    const row = c.var.services.lifecycle.reopen(
      c.var.actor,
      c.req.valid("param").id,
      c.req.valid("json").reason,
    );
    return c.json(detailFor(c, row), 200);
  });
