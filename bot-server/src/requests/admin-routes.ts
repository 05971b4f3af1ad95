/**
 * Commune triage: every request of the commune (each village's team, the pool and those routed
 * to the commune itself) in one list, newest first, and the commune's public answer under a
 * field report or question. Status changes stay with the lifecycle (claim, assign, reject,
 * resolve at /api/requests/{id}/...); publishing the answer is a lifecycle step too, so it
 * leaves an event in the request's history.
 */
import {
  type AdminRequestState,
  adminRequestListSchema,
  adminRequestQuerySchema,
  idParam,
  OPEN_STATUSES,
  publicAnswerSchema,
  type RequestKind,
  type RequestStatus,
  requestDetailSchema,
} from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import { and, count, desc, eq, inArray, isNull, lt, lte, or, type SQL } from "drizzle-orm";
import { requireCommuneAdmin } from "../auth/admin-guard";
import { requireSession } from "../auth/middleware";
import type { Db } from "../db/client";
import { requests } from "../db/schema";
import { notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { getDetail, selectSummaries, toSummary } from "./queries";

const tags = ["Quản trị"];
const authed = { tags, security: bearerSecurity, middleware: requireSession };

const listRoute = createRoute({
  method: "get",
  path: "/api/admin/requests",
  summary: "Tất cả yêu cầu, phản ánh, câu hỏi của xã (mới nhất trước) để phân loại, trả lời",
  ...authed,
  request: { query: adminRequestQuerySchema },
  responses: { 200: jsonResponse(adminRequestListSchema, "Danh sách"), ...errorResponses },
});

const answerRoute = createRoute({
  method: "put",
  path: "/api/admin/requests/{id}/public-answer",
  summary: "Đăng hoặc sửa câu trả lời công khai của xã cho phản ánh, câu hỏi",
  ...authed,
  request: { params: idParam, body: jsonBody(publicAnswerSchema) },
  responses: { 200: jsonResponse(requestDetailSchema, "Yêu cầu sau khi cập nhật"), ...errorResponses },
});

const STATES: Record<Exclude<AdminRequestState, "all">, readonly RequestStatus[]> = {
  open: OPEN_STATUSES,
  resolved: ["resolved", "closed"],
};

interface ListFilter {
  communeId: number;
  kind?: RequestKind;
  villageId?: number;
}

function filterCondition(f: ListFilter): SQL | undefined {
  return and(
    eq(requests.communeId, f.communeId),
    f.kind === undefined ? undefined : eq(requests.kind, f.kind),
    f.villageId === undefined ? undefined : eq(requests.villageId, f.villageId),
  );
}

function stateCondition(state: AdminRequestState): SQL | undefined {
  return state === "all" ? undefined : inArray(requests.status, [...STATES[state]]);
}

/** Counts per state for the tabs, from one grouped read of the commune's stats index. */
function stateCounts(db: Db, f: ListFilter) {
  const rows = db
    .select({ status: requests.status, n: count() })
    .from(requests)
    .where(filterCondition(f))
    .groupBy(requests.status)
    .all();
  const sum = (statuses: readonly RequestStatus[]) =>
    rows.filter((r) => statuses.includes(r.status)).reduce((total, r) => total + r.n, 0);
  return {
    open: sum(STATES.open),
    resolved: sum(STATES.resolved),
    all: rows.reduce((total, r) => total + r.n, 0),
  };
}

function listPage(
  db: Db,
  f: ListFilter & { state: AdminRequestState; before?: number; limit: number },
  now: Date,
) {
  const order = [desc(requests.id)];
  // Choose the page on ids first, then build summaries (joins, owner's role) for it only.
  const page = db
    .select({ id: requests.id })
    .from(requests)
    .where(
      and(
        filterCondition(f),
        stateCondition(f.state),
        f.before === undefined ? undefined : lt(requests.id, f.before),
      ),
    )
    .orderBy(...order)
    .limit(f.limit);
  const overdue = and(
    inArray(requests.status, [...OPEN_STATUSES]),
    or(lte(requests.resolveDueAt, now), and(isNull(requests.ownerPersonId), lte(requests.claimDueAt, now))),
  );
  const overdueIds = new Set(
    db
      .select({ id: requests.id })
      .from(requests)
      .where(and(inArray(requests.id, page), overdue))
      .all()
      .map((r) => r.id),
  );
  return selectSummaries(db, inArray(requests.id, page))
    .orderBy(...order)
    .all()
    .map((s) => ({
      ...toSummary(s),
      isPublic: s.row.isPublic,
      publicAnswer: s.row.publicAnswer,
      publicAnsweredAt: s.row.publicAnsweredAt?.toISOString() ?? null,
      rejectReason: s.row.rejectReason,
      resolvedAt: s.row.resolvedAt?.toISOString() ?? null,
      overdue: overdueIds.has(s.row.id),
    }));
}

export const adminRequestRoutes = createRouter()
  .openapi(listRoute, (c) => {
    const { deps, actor } = c.var;
    const query = c.req.valid("query");
    requireCommuneAdmin(actor, query.communeId, "Không tìm thấy xã, phường.");
    const items = listPage(deps.db, query, deps.now());
    const last = items.at(-1);
    return c.json(
      {
        items,
        nextBefore: items.length === query.limit && last ? last.id : null,
        counts: stateCounts(deps.db, query),
      },
      200,
    );
  })
  .openapi(answerRoute, (c) => {
    const { deps, services, actor } = c.var;
    const row = services.lifecycle.publishAnswer(actor, c.req.valid("param").id, c.req.valid("json").answer);
    c.var.logger.info({ requestId: row.id }, "public answer published");
    const detail = getDetail(deps.db, row.id, { includeRequesterName: true });
    if (!detail) throw notFound("Không tìm thấy yêu cầu này.");
    return c.json(detail, 200);
  });
