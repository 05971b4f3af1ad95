/**
 * Team screens of the mini app: the roster with each member's open load (leaders assign and
 * reassign from it; members pick who took part in an activity). Members of the team and the
 * commune's admins only; anyone else gets 404, so a team's make-up does not leak.
 */
import { idParam, teamRosterSchema } from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import { requireSession } from "../auth/middleware";
import * as policy from "../auth/policy";
import { notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonResponse } from "../lib/openapi";
import { findTeamPlace, teamRoster } from "./team-load";

const members = createRoute({
  method: "get",
  path: "/api/teams/{id}/members",
  tags: ["Tổ công nghệ"],
  summary: "Thành viên của tổ và số việc đang phụ trách của từng người",
  security: bearerSecurity,
  middleware: requireSession,
  request: { params: idParam },
  responses: { 200: jsonResponse(teamRosterSchema, "Danh sách thành viên"), ...errorResponses },
});

export const teamRoutes = createRouter().openapi(members, (c) => {
  const { deps, actor } = c.var;
  const place = findTeamPlace(deps.db, c.req.valid("param").id);
  if (!place || !policy.canReadQueue(actor, place.id, place.communeId)) throw notFound("Không tìm thấy tổ.");
  return c.json(teamRoster(deps.db, place, deps.now()), 200);
});
