/**
 * Commune admins manage their villages, teams and members, and invite new members by link or
 * QR code. Every change runs in one IMMEDIATE transaction that re-reads the item and checks,
 * inside it, that it belongs to a commune the admin runs (404 otherwise).
 */
import {
  acceptInviteSchema,
  communeStructureSchema,
  createInviteSchema,
  createVillageSchema,
  endMembershipResultSchema,
  idParam,
  inviteAcceptedSchema,
  invitePreviewSchema,
  inviteSchema,
  structureMemberSchema,
  structureTeamSchema,
  structureVillageSchema,
  updateMembershipSchema,
  updateTeamSchema,
  updateVillageSchema,
} from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { requireCommuneAdmin } from "../auth/admin-guard";
import { requireSession } from "../auth/middleware";
import type { Tx } from "../db/client";
import { adminUnits, memberships, teams } from "../db/schema";
import { AppError } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { communeOfUnit } from "../units/commune-of";
import {
  acceptInvite,
  createInvite,
  inviteLink,
  inviteQr,
  previewInvite,
  signInvite,
  verifyInvite,
} from "./invites";
import {
  communeStructure,
  createVillage,
  endMembership,
  memberView,
  teamWithMembers,
  updateMembership,
  updateTeam,
  updateVillage,
  villageWithTeam,
} from "./structure";

const tags = ["Quản trị"];
const authed = { tags, security: bearerSecurity, middleware: requireSession };
const immediate = { behavior: "immediate" } as const;
const COMMUNE_NOT_FOUND = "Không tìm thấy xã, phường.";
const VILLAGE_NOT_FOUND = "Không tìm thấy thôn, khối phố.";
const TEAM_NOT_FOUND = "Không tìm thấy tổ.";
const MEMBER_NOT_FOUND = "Không tìm thấy thành viên này.";

const structureRoute = createRoute({
  method: "get",
  path: "/api/admin/communes/{id}/structure",
  summary: "Các thôn, tổ công nghệ số và thành viên của xã",
  ...authed,
  request: { params: idParam },
  responses: { 200: jsonResponse(communeStructureSchema, "Cơ cấu"), ...errorResponses },
});
const createVillageRoute = createRoute({
  method: "post",
  path: "/api/admin/villages",
  summary: "Thêm thôn, khối phố (kèm tổ công nghệ số của thôn)",
  ...authed,
  request: { body: jsonBody(createVillageSchema) },
  responses: { 201: jsonResponse(structureVillageSchema, "Đã thêm"), ...errorResponses },
});
const updateVillageRoute = createRoute({
  method: "patch",
  path: "/api/admin/villages/{id}",
  summary: "Đổi tên, ngừng hoặc mở lại hoạt động của thôn",
  ...authed,
  request: { params: idParam, body: jsonBody(updateVillageSchema) },
  responses: { 200: jsonResponse(structureVillageSchema, "Đã lưu"), ...errorResponses },
});
const updateTeamRoute = createRoute({
  method: "patch",
  path: "/api/admin/teams/{id}",
  summary: "Sửa tên tổ, số và ngày quyết định thành lập",
  ...authed,
  request: { params: idParam, body: jsonBody(updateTeamSchema) },
  responses: { 200: jsonResponse(structureTeamSchema, "Đã lưu"), ...errorResponses },
});
const updateMembershipRoute = createRoute({
  method: "patch",
  path: "/api/admin/memberships/{id}",
  summary: "Đổi vai trò, tổ trưởng của thành viên",
  ...authed,
  request: { params: idParam, body: jsonBody(updateMembershipSchema) },
  responses: { 200: jsonResponse(structureMemberSchema, "Đã lưu"), ...errorResponses },
});
const endMembershipRoute = createRoute({
  method: "post",
  path: "/api/admin/memberships/{id}/end",
  summary: "Cho thành viên rời tổ (giữ lịch sử)",
  ...authed,
  request: { params: idParam },
  responses: { 200: jsonResponse(endMembershipResultSchema, "Đã kết thúc"), ...errorResponses },
});
const createInviteRoute = createRoute({
  method: "post",
  path: "/api/admin/invites",
  summary: "Tạo đường dẫn và mã QR mời vào tổ (hiệu lực 7 ngày)",
  ...authed,
  request: { body: jsonBody(createInviteSchema) },
  responses: { 201: jsonResponse(inviteSchema, "Lời mời"), ...errorResponses },
});
const acceptInviteRoute = createRoute({
  method: "post",
  path: "/api/invites/accept",
  tags: ["Tổ công nghệ"],
  summary: "Nhận lời mời vào tổ công nghệ số",
  security: bearerSecurity,
  middleware: requireSession,
  request: { body: jsonBody(acceptInviteSchema) },
  responses: { 200: jsonResponse(inviteAcceptedSchema, "Đã vào tổ"), ...errorResponses },
});
const previewInviteRoute = createRoute({
  method: "post",
  path: "/api/invites/preview",
  tags: ["Tổ công nghệ"],
  summary: "Xem lời mời trước khi nhận (tổ, vai trò, còn hiệu lực)",
  security: bearerSecurity,
  middleware: requireSession,
  request: { body: jsonBody(acceptInviteSchema) },
  responses: { 200: jsonResponse(invitePreviewSchema, "Lời mời"), ...errorResponses },
});

/** A village of a commune the actor administers. */
function loadVillage(tx: Tx, actor: Actor, id: number) {
  const village = tx.select().from(adminUnits).where(eq(adminUnits.id, id)).get();
  requireCommuneAdmin(actor, village?.level === "village" ? village.parentId : undefined, VILLAGE_NOT_FOUND);
  return village as NonNullable<typeof village>;
}

/** A team of a commune the actor administers (village team or commune pool). */
function loadTeam(tx: Tx, actor: Actor, id: number) {
  const team = tx.select().from(teams).where(eq(teams.id, id)).get();
  requireCommuneAdmin(actor, team ? communeOfUnit(tx, team.unitId) : undefined, TEAM_NOT_FOUND);
  return team as NonNullable<typeof team>;
}

function loadMembership(tx: Tx, actor: Actor, id: number) {
  const m = tx.select().from(memberships).where(eq(memberships.id, id)).get();
  const team = m ? tx.select().from(teams).where(eq(teams.id, m.teamId)).get() : undefined;
  requireCommuneAdmin(actor, team ? communeOfUnit(tx, team.unitId) : undefined, MEMBER_NOT_FOUND);
  return m as NonNullable<typeof m>;
}

export const adminTeamRoutes = createRouter()
  .openapi(structureRoute, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    requireCommuneAdmin(actor, id, COMMUNE_NOT_FOUND);
    const commune = deps.db.select().from(adminUnits).where(eq(adminUnits.id, id)).get();
    if (commune?.level !== "commune") throw new AppError("not_found", COMMUNE_NOT_FOUND);
    return c.json(communeStructure(deps.db, commune, deps.now()), 200);
  })
  .openapi(createVillageRoute, (c) => {
    const { deps, actor } = c.var;
    const { communeId, ...input } = c.req.valid("json");
    requireCommuneAdmin(actor, communeId, COMMUNE_NOT_FOUND);
    const now = deps.now();
    const village = deps.db.transaction((tx) => {
      const commune = tx.select().from(adminUnits).where(eq(adminUnits.id, communeId)).get();
      if (commune?.level !== "commune") throw new AppError("not_found", COMMUNE_NOT_FOUND);
      return villageWithTeam(tx, createVillage(tx, commune, input), now);
    }, immediate);
    c.var.logger.info({ villageId: village.id, communeId }, "village created");
    return c.json(village, 201);
  })
  .openapi(updateVillageRoute, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    const input = c.req.valid("json");
    const village = deps.db.transaction((tx) => {
      updateVillage(tx, loadVillage(tx, actor, id), input);
      return villageWithTeam(tx, id, deps.now());
    }, immediate);
    return c.json(village, 200);
  })
  .openapi(updateTeamRoute, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    const input = c.req.valid("json");
    const team = deps.db.transaction((tx) => {
      updateTeam(tx, loadTeam(tx, actor, id).id, input);
      return teamWithMembers(tx, id, deps.now());
    }, immediate);
    return c.json(team, 200);
  })
  .openapi(updateMembershipRoute, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    const input = c.req.valid("json");
    const member = deps.db.transaction((tx) => {
      updateMembership(tx, loadMembership(tx, actor, id), input, deps.now());
      return memberView(tx, id);
    }, immediate);
    return c.json(member, 200);
  })
  .openapi(endMembershipRoute, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    const result = deps.db.transaction((tx) => {
      const openRequestIds = endMembership(tx, loadMembership(tx, actor, id), deps.now());
      return { member: memberView(tx, id), openRequestIds };
    }, immediate);
    c.var.logger.info({ membershipId: id, openRequests: result.openRequestIds.length }, "membership ended");
    return c.json(result, 200);
  })
  .openapi(createInviteRoute, async (c) => {
    const { deps, actor } = c.var;
    const input = c.req.valid("json");
    const team = deps.db.transaction((tx) => loadTeam(tx, actor, input.teamId));
    const unit = deps.db.select().from(adminUnits).where(eq(adminUnits.id, team.unitId)).get();
    if (!team.active || !unit?.active) {
      throw new AppError("validation_failed", "Tổ này không còn hoạt động, không mời thêm được.", {
        teamId: "Tổ này không còn hoạt động, không mời thêm được.",
      });
    }
    const isLeader = input.isLeader ?? false;
    const invite = deps.db.transaction((tx) =>
      createInvite(
        tx,
        { teamId: team.id, civicRole: input.civicRole, isLeader, invitedBy: actor.personId },
        deps.now(),
      ),
    );
    const { token, expiresAt } = await signInvite(deps.config.sessionSecret, invite);
    const link = inviteLink(deps.config.zalo.appId, token);
    c.var.logger.info({ teamId: team.id, isLeader }, "invite created");
    return c.json(
      {
        link,
        token,
        qrPngDataUrl: await inviteQr(link),
        expiresAt: expiresAt.toISOString(),
        teamId: team.id,
        teamName: team.name,
        civicRole: input.civicRole,
        isLeader,
      },
      201,
    );
  })
  .openapi(previewInviteRoute, async (c) => {
    const { deps, actor } = c.var;
    const now = deps.now();
    const claims = await verifyInvite(deps.config.sessionSecret, c.req.valid("json").token, now);
    return c.json(previewInvite(deps.db, actor.personId, claims, now), 200);
  })
  .openapi(acceptInviteRoute, async (c) => {
    const { deps, actor } = c.var;
    const now = deps.now();
    const claims = await verifyInvite(deps.config.sessionSecret, c.req.valid("json").token, now);
    const result = acceptInvite(deps.db, actor.personId, claims, now);
    c.var.logger.info(
      { teamId: result.team.id, membershipId: result.membershipId, joined: result.joined },
      "invite accepted",
    );
    return c.json(result, 200);
  });
