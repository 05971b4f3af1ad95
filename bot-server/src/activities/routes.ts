/**
 * HTTP API of team activities: members log what their team did (sessions, door-to-door days,
 * one-stop duty, help days), read their team's log, and correct an entry within
 * ACTIVITY_EDIT_DAYS days. Someone who may not read a team or activity gets 404.
 */
import {
  activityDetailSchema,
  activityListQuerySchema,
  activityListSchema,
  createActivitySchema,
  idParam,
  teamIdParam,
  updateActivitySchema,
} from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireSession } from "../auth/middleware";
import * as policy from "../auth/policy";
import { WorkingCalendar } from "../calendar/working-time";
import type { AppEnv } from "../lib/context";
import { notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { type ActivityRow, activityDetail, getActivity, listTeamActivities, loadTeamScope } from "./queries";
import { canEditNow, createActivityService, readableTeam } from "./service";

const tags = ["Hoạt động của tổ"];
const authed = { security: bearerSecurity, middleware: requireSession };
const DEFAULT_LIST_DAYS = 90;

const create = createRoute({
  method: "post",
  path: "/api/activities",
  tags,
  summary: "Ghi một hoạt động của tổ (gửi lại cùng clientId không tạo bản thứ hai)",
  ...authed,
  request: { body: jsonBody(createActivitySchema) },
  responses: {
    201: jsonResponse(activityDetailSchema, "Đã ghi"),
    200: jsonResponse(activityDetailSchema, "Đã có từ lần gửi trước (cùng clientId)"),
    ...errorResponses,
  },
});

const list = createRoute({
  method: "get",
  path: "/api/teams/{teamId}/activities",
  tags,
  summary: "Nhật ký hoạt động của tổ trong một khoảng ngày (mặc định 90 ngày gần nhất)",
  ...authed,
  request: { params: teamIdParam, query: activityListQuerySchema },
  responses: { 200: jsonResponse(activityListSchema, "Danh sách"), ...errorResponses },
});

const detail = createRoute({
  method: "get",
  path: "/api/activities/{id}",
  tags,
  summary: "Chi tiết một hoạt động và các lần sửa",
  ...authed,
  request: { params: idParam },
  responses: { 200: jsonResponse(activityDetailSchema, "Chi tiết"), ...errorResponses },
});

const update = createRoute({
  method: "patch",
  path: "/api/activities/{id}",
  tags,
  summary:
    "Sửa hoạt động (người ghi, tổ trưởng, cán bộ xã; trong 7 ngày, sau đó bị khóa: 409 activity_locked)",
  ...authed,
  request: { params: idParam, body: jsonBody(updateActivitySchema) },
  responses: { 200: jsonResponse(activityDetailSchema, "Đã lưu bản sửa"), ...errorResponses },
});

function detailFor(c: Context<AppEnv>, row: ActivityRow, team: { teamName: string; communeId: number }) {
  const { deps, actor } = c.var;
  const now = deps.now();
  return activityDetail(deps.db, row, {
    teamName: team.teamName,
    canEdit: (r) => canEditNow(actor, r, team.communeId, now),
  });
}

const serviceOf = (c: Context<AppEnv>) => createActivityService({ db: c.var.deps.db, now: c.var.deps.now });

export const activityRoutes = createRouter()
  .openapi(create, (c) => {
    const { row, created, team } = serviceOf(c).create(c.var.actor, c.req.valid("json"));
    if (created) c.var.logger.info({ activityId: row.id, teamId: row.teamId }, "activity logged");
    return c.json(detailFor(c, row, team), created ? 201 : 200);
  })
  .openapi(list, (c) => {
    const { deps, actor } = c.var;
    const team = readableTeam(deps.db, actor, c.req.valid("param").teamId);
    const query = c.req.valid("query");
    const now = deps.now();
    const to = query.to ?? WorkingCalendar.localDate(now);
    // The DEFAULT_LIST_DAYS days up to `to` (dates are calendar days: plain UTC arithmetic).
    const from =
      query.from ??
      new Date(Date.parse(`${to}T00:00:00Z`) - DEFAULT_LIST_DAYS * 86_400_000).toISOString().slice(0, 10);
    const items = listTeamActivities(
      deps.db,
      team.teamId,
      { from, to },
      { teamName: team.teamName, canEdit: (r) => canEditNow(actor, r, team.communeId, now) },
    );
    return c.json({ items }, 200);
  })
  .openapi(detail, (c) => {
    const { deps, actor } = c.var;
    const row = getActivity(deps.db, c.req.valid("param").id);
    const team = row && loadTeamScope(deps.db, row.teamId);
    if (!row || !team || !policy.canReadTeamWork(actor, team.teamId, team.communeId)) {
      throw notFound("Không tìm thấy hoạt động này.");
    }
    return c.json(detailFor(c, row, team), 200);
  })
  .openapi(update, (c) => {
    const { row, team } = serviceOf(c).update(c.var.actor, c.req.valid("param").id, c.req.valid("json"));
    c.var.logger.info({ activityId: row.id }, "activity edited");
    return c.json(detailFor(c, row, team), 200);
  });
