/**
 * HTTP API of the one-stop desk's satisfaction survey: the public form header, answering
 * (any signed-in person), results by field and month (commune admins, viewers above the
 * commune), and the printable QR (PNG) and A4 poster (PDF) for commune admins. Results never
 * carry who answered. No access answers 404.
 */
import {
  MAX_QUERY_MONTHS,
  SURVEY_FIELD_LABELS,
  surveyFormQuerySchema,
  surveyFormSchema,
  surveyLink,
  surveyQrQuerySchema,
  surveyResultsQuerySchema,
  surveyResultsSchema,
  surveySubmitSchema,
  surveySubmittedSchema,
} from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { loadActor } from "../auth/actor";
import { bearerToken, requireSession } from "../auth/middleware";
import * as policy from "../auth/policy";
import { WorkingCalendar } from "../calendar/working-time";
import type { AppEnv } from "../lib/context";
import { AppError, notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { validationError } from "../requests/lifecycle";
import { ancestry, getUnit } from "../units/queries";
import { posterPdf, qrPng } from "./poster";
import { surveyResults } from "./queries";
import { submitSurvey, surveyCommune } from "./service";

const tags = ["Khảo sát hài lòng"];
const authed = { security: bearerSecurity, middleware: requireSession };
const NOT_FOUND = "Không tìm thấy xã, phường.";

const form = createRoute({
  method: "get",
  path: "/api/surveys/form",
  tags,
  summary: "Tiêu đề phiếu đánh giá: tên xã và lĩnh vực thủ tục (công khai)",
  request: { query: surveyFormQuerySchema },
  responses: { 200: jsonResponse(surveyFormSchema, "Phiếu đánh giá"), ...errorResponses },
});

const submit = createRoute({
  method: "post",
  path: "/api/surveys",
  tags,
  summary: "Gửi đánh giá mức độ hài lòng (gửi lại cùng clientId không tạo bản thứ hai)",
  ...authed,
  request: { body: jsonBody(surveySubmitSchema) },
  responses: {
    201: jsonResponse(surveySubmittedSchema, "Đã ghi nhận"),
    200: jsonResponse(surveySubmittedSchema, "Đã có từ lần gửi trước (cùng clientId)"),
    ...errorResponses,
  },
});

const results = createRoute({
  method: "get",
  path: "/api/admin/surveys/results",
  tags,
  summary: "Kết quả khảo sát theo lĩnh vực và theo tháng (không có thông tin người đánh giá)",
  ...authed,
  request: { query: surveyResultsQuerySchema },
  responses: { 200: jsonResponse(surveyResultsSchema, "Kết quả"), ...errorResponses },
});

/** Admins of the commune and viewers of the commune or above; anyone else: not found. */
function aggregatesCommune(c: Context<AppEnv>, communeId: number) {
  const { deps, actor } = c.var;
  const chain = ancestry(deps.db, communeId);
  const commune = chain[0];
  if (
    commune?.level !== "commune" ||
    !policy.canReadCommuneAggregates(
      actor,
      commune.id,
      chain.map((u) => u.id),
    )
  ) {
    throw notFound(NOT_FOUND);
  }
  return commune;
}

/**
 * A download link cannot send a header: the session may also come as `?session=` (the request
 * log records the path only). A missing or bad session is 401, as on every signed-in route.
 */
const sessionFromHeaderOrQuery = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header("authorization")) ?? c.req.query("session");
  if (!token) throw new AppError("unauthenticated", "Anh/chị chưa đăng nhập.");
  const { deps, services } = c.var;
  const now = deps.now();
  c.set("actor", loadActor(deps.db, await services.sessions.verify(token, now), now));
  await next();
});

/** The commune and field of a QR download, for its admins only. */
function qrTarget(c: Context<AppEnv>) {
  const parsed = surveyQrQuerySchema.safeParse(c.req.query());
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { communeId, field } = parsed.data;
  const { deps, actor } = c.var;
  const commune = getUnit(deps.db, communeId);
  if (commune?.level !== "commune" || !policy.canManageTeamWork(actor, commune.id)) throw notFound(NOT_FOUND);
  return { commune, field, link: surveyLink(deps.config.zalo.appId, commune.id, field) };
}

const download = (contentType: string, fileName: string) => ({
  "content-type": contentType,
  "content-disposition": `attachment; filename="${fileName}"`,
  "cache-control": "private, no-store",
});

const binaryDoc = (path: string, summary: string, type: string) =>
  ({
    method: "get",
    path,
    tags,
    summary,
    security: bearerSecurity,
    request: { query: surveyQrQuerySchema },
    responses: {
      200: { description: summary, content: { [type]: { schema: { type: "string", format: "binary" } } } },
      ...errorResponses,
    },
  }) as const;

export const surveyRoutes = createRouter()
  .openapi(form, (c) => {
    const query = c.req.valid("query");
    const commune = surveyCommune(c.var.deps.db, query.communeId);
    return c.json(
      {
        communeId: commune.id,
        communeName: commune.name,
        field: query.field,
        fieldLabel: SURVEY_FIELD_LABELS[query.field],
      },
      200,
    );
  })
  .openapi(submit, (c) => {
    const { row, created } = submitSurvey(c.var.deps, c.var.actor, c.req.valid("json"));
    if (created) c.var.logger.info({ surveyResponseId: row.id, communeId: row.communeId }, "survey answered");
    return c.json(
      {
        id: row.id,
        communeId: row.communeId,
        field: row.field,
        rating: row.rating,
        createdAt: row.createdAt.toISOString(),
      },
      created ? 201 : 200,
    );
  })
  .openapi(results, (c) => {
    const { deps, actor } = c.var;
    const query = c.req.valid("query");
    const commune = aggregatesCommune(c, query.communeId);
    const today = WorkingCalendar.localDate(deps.now());
    const to = query.to ?? today;
    // Default: from the first day of the month eleven months back, so 12 whole months show.
    const [y = 0, m = 1] = to.split("-").map(Number);
    const monthStart = (back: number) => new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 10);
    const from = query.from ?? monthStart(11);
    if (from < monthStart(MAX_QUERY_MONTHS - 1)) {
      const message = `Chỉ xem được tối đa ${MAX_QUERY_MONTHS} tháng một lần.`;
      throw new AppError("validation_failed", message, { from: message });
    }
    const withComments = policy.canManageTeamWork(actor, commune.id);
    return c.json(surveyResults(deps.db, commune, { from, to }, { withComments }), 200);
  });

surveyRoutes.openAPIRegistry.registerPath(
  binaryDoc(
    "/api/admin/surveys/qr.png",
    "Mã QR khảo sát để in (PNG); phiên có thể gửi qua ?session=",
    "image/png",
  ),
);
surveyRoutes.openAPIRegistry.registerPath(
  binaryDoc(
    "/api/admin/surveys/poster.pdf",
    "Áp phích A4 khảo sát hài lòng có mã QR (PDF); phiên có thể gửi qua ?session=",
    "application/pdf",
  ),
);

surveyRoutes.get("/api/admin/surveys/qr.png", sessionFromHeaderOrQuery, async (c) => {
  const { field, commune, link } = qrTarget(c);
  const png = await qrPng(link);
  return c.body(new Uint8Array(png), 200, download("image/png", `khao-sat-${commune.id}-${field}.png`));
});

surveyRoutes.get("/api/admin/surveys/poster.pdf", sessionFromHeaderOrQuery, async (c) => {
  const { field, commune, link } = qrTarget(c);
  const pdf = await posterPdf({ communeName: commune.name, fieldLabel: SURVEY_FIELD_LABELS[field], link });
  return c.body(new Uint8Array(pdf), 200, download("application/pdf", `khao-sat-${commune.id}-${field}.pdf`));
});
