/**
 * POST /api/session: the mini app sends the token from zmp-sdk `getAccessToken()`; we ask
 * Zalo's graph API whose it is, remember the person, and answer with our own session.
 */
import { sessionRequestSchema, sessionResponseSchema } from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { persons } from "../db/schema";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import type { ZaloUser } from "../zalo/graph-client";

const createSession = createRoute({
  method: "post",
  path: "/api/session",
  tags: ["Phiên làm việc"],
  summary: "Đổi mã truy cập Zalo lấy phiên làm việc",
  request: { body: jsonBody(sessionRequestSchema) },
  responses: {
    200: jsonResponse(sessionResponseSchema, "Phiên làm việc mới"),
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

/** The person behind a Zalo app-scoped id, created on first sight; name and avatar kept fresh. */
export function upsertZaloPerson(db: Db, user: ZaloUser): number {
  const existing = db.select().from(persons).where(eq(persons.zaloAppUserId, user.id)).get();
  if (existing) {
    if (existing.displayName !== user.name || existing.avatarUrl !== user.avatarUrl) {
      db.update(persons)
        .set({ displayName: user.name, avatarUrl: user.avatarUrl })
        .where(eq(persons.id, existing.id))
        .run();
    }
    return existing.id;
  }
  return db
    .insert(persons)
    .values({ zaloAppUserId: user.id, displayName: user.name, avatarUrl: user.avatarUrl })
    .returning({ id: persons.id })
    .get().id;
}

export const sessionRoutes = createRouter().openapi(createSession, async (c) => {
  const { accessToken } = c.req.valid("json");
  const { deps, services } = c.var;
  const user = await deps.graph.getMe(accessToken);
  const personId = upsertZaloPerson(deps.db, user);
  const session = await services.sessions.issue(personId, deps.now());
  c.var.logger.info({ personId }, "session issued");
  return c.json({ token: session.token, expiresAt: session.expiresAt.toISOString() }, 200);
});
