/**
 * Reports and dashboards over HTTP: the periodic report, province table and funding evidence
 * as JSON, their XLSX/CSV downloads, the difficulties/proposals notes, and the dashboard charts.
 * Admins of a commune see their commune and its villages, team leaders their village, district
 * and province viewers their subtree (aggregates only: nothing here names a person). Anyone else
 * gets 404, as for a unit that does not exist.
 */
import {
  dashboardChartsSchema,
  fundingEvidenceSchema,
  provinceTableSchema,
  reportExportQuerySchema,
  reportNoteInputSchema,
  reportNoteSchema,
  reportQuerySchema,
  reportSchema,
} from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import type { Actor } from "../auth/actor";
import { loadActor } from "../auth/actor";
import { bearerToken, requireSession } from "../auth/middleware";
import { reportAccess } from "../auth/policy";
import type { Db } from "../db/client";
import { reportNotes } from "../db/schema";
import type { AppEnv } from "../lib/context";
import { AppError, notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { ancestry } from "../units/queries";
import { buildReport } from "./build-report";
import { buildCharts } from "./charts";
import { exportFile } from "./exports";
import { buildFundingEvidence } from "./funding";
import { buildProvinceTable } from "./province-table";

const tags = ["Báo cáo"];
const NOT_FOUND = "Không tìm thấy đơn vị này hoặc anh/chị không có quyền xem báo cáo của đơn vị này.";

/** The actor's access to a unit's reports; 404 for no access and for an unknown unit alike. */
function requireAccess(db: Db, actor: Actor, unitId: number): "full" | "aggregate" {
  const chain = ancestry(db, unitId);
  const unit = chain[0];
  if (!unit) throw notFound(NOT_FOUND);
  const access = reportAccess(actor, {
    id: unit.id,
    level: unit.level,
    ancestorIds: chain.slice(1).map((u) => u.id),
  });
  if (access === null) throw notFound(NOT_FOUND);
  return access;
}

/** A download cannot send headers: the session may also come as `?session=` (as photos do). */
const sessionFromHeaderOrQuery = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header("authorization")) ?? c.req.query("session");
  if (!token) throw new AppError("unauthenticated", "Anh/chị chưa đăng nhập.");
  const { deps, services } = c.var;
  const now = deps.now();
  c.set("actor", loadActor(deps.db, await services.sessions.verify(token, now), now));
  await next();
});

const getRoute = <R extends Parameters<typeof jsonResponse>[0]>(path: string, summary: string, schema: R) =>
  createRoute({
    method: "get",
    path,
    tags,
    summary,
    security: bearerSecurity,
    middleware: requireSession,
    request: { query: reportQuerySchema },
    responses: { 200: jsonResponse(schema, summary), ...errorResponses },
  });

const report = getRoute(
  "/api/reports",
  "Báo cáo hoạt động định kỳ của thôn, xã, huyện hoặc tỉnh",
  reportSchema,
);
const province = getRoute(
  "/api/reports/province",
  "Bảng tổng hợp tổ và thành viên theo đơn vị (Phụ lục I)",
  provinceTableSchema,
);
const funding = getRoute(
  "/api/reports/funding",
  "Minh chứng hoạt động theo tổ, theo tháng (hỗ trợ 500.000 đồng/tổ/tháng)",
  fundingEvidenceSchema,
);
const charts = getRoute(
  "/api/dashboard/charts",
  "Số liệu biểu đồ của bảng điều khiển",
  dashboardChartsSchema,
);

const download = createRoute({
  method: "get",
  path: "/api/reports/export",
  tags,
  summary: "Tải báo cáo, Phụ lục I hoặc bảng minh chứng kinh phí (XLSX hoặc CSV)",
  security: bearerSecurity,
  middleware: sessionFromHeaderOrQuery,
  request: { query: reportExportQuerySchema },
  responses: {
    200: {
      description: "Tệp tải về",
      content: {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          schema: { type: "string", format: "binary" },
        },
        "text/csv": { schema: { type: "string", format: "binary" } },
      },
    },
    ...errorResponses,
  },
});

const saveNote = createRoute({
  method: "put",
  path: "/api/reports/notes",
  tags,
  summary: "Ghi mục khó khăn, vướng mắc hoặc đề xuất, kiến nghị của báo cáo (để trống để xóa)",
  security: bearerSecurity,
  middleware: requireSession,
  request: { body: jsonBody(reportNoteInputSchema) },
  responses: { 200: jsonResponse(reportNoteSchema, "Đã lưu"), ...errorResponses },
});

export const reportRoutes = createRouter()
  .openapi(report, (c) => {
    const { deps, actor } = c.var;
    const query = c.req.valid("query");
    const audience = requireAccess(deps.db, actor, query.unitId);
    const built = buildReport(deps.db, query, {
      audience,
      canEditNotes: audience === "full",
      now: deps.now(),
    });
    return c.json(built, 200);
  })
  .openapi(province, (c) => {
    const { deps, actor } = c.var;
    const query = c.req.valid("query");
    requireAccess(deps.db, actor, query.unitId);
    return c.json(buildProvinceTable(deps.db, query), 200);
  })
  .openapi(funding, (c) => {
    const { deps, actor } = c.var;
    const query = c.req.valid("query");
    requireAccess(deps.db, actor, query.unitId);
    return c.json(buildFundingEvidence(deps.db, query), 200);
  })
  .openapi(charts, (c) => {
    const { deps, actor } = c.var;
    const query = c.req.valid("query");
    const audience = requireAccess(deps.db, actor, query.unitId);
    return c.json(buildCharts(deps.db, query, audience), 200);
  })
  .openapi(download, async (c) => {
    const { deps, actor } = c.var;
    const { format, sheet, ...input } = c.req.valid("query");
    const audience = requireAccess(deps.db, actor, input.unitId);
    const file = await exportFile(deps.db, input, sheet, format, { audience, now: deps.now() });
    return c.body(new Uint8Array(file.body), 200, {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
  })
  .openapi(saveNote, (c) => {
    const { deps, actor } = c.var;
    const input = c.req.valid("json");
    // Difficulties and proposals: written by whoever has the unit's full report (policy.reportAccess).
    if (requireAccess(deps.db, actor, input.unitId) !== "full") throw notFound(NOT_FOUND);
    const now = deps.now();
    const key = and(
      eq(reportNotes.unitId, input.unitId),
      eq(reportNotes.periodFrom, input.from),
      eq(reportNotes.periodTo, input.to),
      eq(reportNotes.section, input.section),
    );
    if (input.body === "") {
      deps.db.delete(reportNotes).where(key).run();
    } else {
      deps.db
        .insert(reportNotes)
        .values({
          unitId: input.unitId,
          periodFrom: input.from,
          periodTo: input.to,
          section: input.section,
          body: input.body,
          authorPersonId: actor.personId,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [reportNotes.unitId, reportNotes.periodFrom, reportNotes.periodTo, reportNotes.section],
          set: { body: input.body, authorPersonId: actor.personId, updatedAt: now },
        })
        .run();
    }
    return c.json(
      {
        unitId: input.unitId,
        from: input.from,
        to: input.to,
        section: input.section,
        body: input.body === "" ? null : input.body,
        updatedAt: now.toISOString(),
      },
      200,
    );
  });
