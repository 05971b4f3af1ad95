/** Session middleware: `Authorization: Bearer <session token>` → `c.var.actor`. */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/context";
import { AppError } from "../lib/errors";
import { loadActor } from "./actor";

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header("authorization"));
  if (!token) throw new AppError("unauthenticated", "Anh/chị chưa đăng nhập.");
  const { deps, services } = c.var;
  const now = deps.now();
  const personId = await services.sessions.verify(token, now);
  c.set("actor", loadActor(deps.db, personId, now));
  await next();
});
