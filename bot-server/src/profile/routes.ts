/**
 * My profile, my home village, my phone number (with consent), my current position for a field
 * report (exchanged, never stored), and the village picker.
 */
import {
  coordinatesSchema,
  locationExchangeSchema,
  phoneExchangeSchema,
  profileSchema,
  updateProfileSchema,
  villageSchema,
} from "@cau-noi/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { requireSession } from "../auth/middleware";
import { persons } from "../db/schema";
import type { AppDeps } from "../lib/context";
import { AppError, notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { getVillage, listVillages } from "../units/queries";
import { getProfile } from "./queries";

const getMe = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["Cá nhân"],
  summary: "Thông tin của tôi và các vai trò",
  security: bearerSecurity,
  middleware: requireSession,
  responses: { 200: jsonResponse(profileSchema, "Hồ sơ"), 401: errorResponses[401] },
});

const updateMe = createRoute({
  method: "patch",
  path: "/api/me",
  tags: ["Cá nhân"],
  summary: "Chọn hoặc đổi thôn, khối phố nơi ở",
  security: bearerSecurity,
  middleware: requireSession,
  request: { body: jsonBody(updateProfileSchema) },
  responses: {
    200: jsonResponse(profileSchema, "Hồ sơ"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

const sharePhone = createRoute({
  method: "post",
  path: "/api/me/phone",
  tags: ["Cá nhân"],
  summary: "Chia sẻ số điện thoại (đổi mã getPhoneNumber ở máy chủ, có ghi nhận đồng ý)",
  security: bearerSecurity,
  middleware: requireSession,
  request: { body: jsonBody(phoneExchangeSchema) },
  responses: {
    200: jsonResponse(profileSchema, "Hồ sơ"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

const exchangeLocation = createRoute({
  method: "post",
  path: "/api/location",
  tags: ["Cá nhân"],
  summary: "Đổi mã vị trí (getLocation) lấy tọa độ để gửi kèm phản ánh; không lưu lại",
  security: bearerSecurity,
  middleware: requireSession,
  request: { body: jsonBody(locationExchangeSchema) },
  responses: {
    200: jsonResponse(coordinatesSchema, "Tọa độ"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

/**
 * The Zalo access token must belong to the signed-in person: a phone number or a position is
 * only ever exchanged for oneself.
 */
async function ownZaloPerson(deps: AppDeps, personId: number, accessToken: string) {
  const user = await deps.graph.getMe(accessToken);
  const person = deps.db.select().from(persons).where(eq(persons.id, personId)).get();
  if (!person || person.zaloAppUserId !== user.id) {
    throw new AppError(
      "unauthenticated",
      "Phiên đăng nhập Zalo không khớp, anh/chị vui lòng mở lại ứng dụng.",
    );
  }
  return person;
}

const villages = createRoute({
  method: "get",
  path: "/api/villages",
  tags: ["Địa bàn"],
  summary: "Danh sách thôn, khối phố (tìm không dấu)",
  request: {
    query: z.object({
      communeId: z.coerce.number({ error: "Xã, phường không hợp lệ." }).int().positive().optional(),
      q: z.string({ error: "Từ khóa không hợp lệ." }).trim().max(100).optional(),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(villageSchema) }), "Danh sách"),
    400: errorResponses[400],
  },
});

export const profileRoutes = createRouter()
  .openapi(getMe, (c) => {
    const { deps } = c.var;
    const profile = getProfile(deps.db, c.var.actor.personId, deps.now());
    if (!profile) throw notFound();
    return c.json(profile, 200);
  })
  .openapi(updateMe, (c) => {
    const { deps } = c.var;
    const { homeVillageId } = c.req.valid("json");
    if (!getVillage(deps.db, homeVillageId)) {
      throw new AppError("validation_failed", "Thôn, khối phố không hợp lệ.", {
        homeVillageId: "Thôn, khối phố không hợp lệ.",
      });
    }
    deps.db.update(persons).set({ homeVillageId }).where(eq(persons.id, c.var.actor.personId)).run();
    const profile = getProfile(deps.db, c.var.actor.personId, deps.now());
    if (!profile) throw notFound();
    return c.json(profile, 200);
  })
  .openapi(sharePhone, async (c) => {
    const { deps } = c.var;
    const { accessToken, phoneToken } = c.req.valid("json");
    const person = await ownZaloPerson(deps, c.var.actor.personId, accessToken);
    const phone = await deps.graph.getPhoneNumber(accessToken, phoneToken);
    deps.db.update(persons).set({ phone, phoneConsentAt: deps.now() }).where(eq(persons.id, person.id)).run();
    c.var.logger.info({ personId: person.id }, "phone number shared with consent");
    const profile = getProfile(deps.db, person.id, deps.now());
    if (!profile) throw notFound();
    return c.json(profile, 200);
  })
  .openapi(exchangeLocation, async (c) => {
    const { deps } = c.var;
    const { accessToken, token } = c.req.valid("json");
    await ownZaloPerson(deps, c.var.actor.personId, accessToken);
    // Nothing stored, nothing logged: the position only travels in the report the person sends.
    const { latitude, longitude } = await deps.graph.locationFromToken(accessToken, token);
    return c.json({ latitude, longitude }, 200);
  })
  .openapi(villages, (c) => {
    const { communeId, q } = c.req.valid("query");
    return c.json({ items: listVillages(c.var.deps.db, { communeId, query: q }) }, 200);
  });
