/**
 * HTTP controls of the OA stand-in for the sandbox page, mounted at `<standin>/sandbox/oa`.
 * They are ours, not Zalo's: plain JSON answers with HTTP status codes (400 invalid input,
 * 404 unknown user), no Zalo envelope.
 *
 *   GET    /users                               → OaUser[]
 *   POST   /users                               AddUserInput → OaUser (adds or updates)
 *   GET    /users/:followerId                   → OaUser
 *   GET    /users/:followerId/conversation      → ConversationEntry[]
 *   POST   /users/:followerId/send              UserAction → UserSendResult (signed event posted)
 *   POST   /users/:followerId/blocked           { blocked: boolean } → OaUser
 *   POST   /users/:followerId/last-interaction  { at: epoch ms | null } → OaUser
 *   POST   /users/:followerId/following         { following: boolean } → OaUser (no event sent)
 *   GET    /sent                                → SentMessage[]
 *   POST   /faults                              { count, kind, target? } → pending faults
 *   DELETE /faults                              → pending faults (now none)
 *   POST   /access-token/expire                 → {}
 *   GET    /stats                               → { callCount, refreshCount, pendingFaults, webhookUrl }
 */
import type { Context } from "hono";
import { Hono } from "hono";
import type { AddUserInput, FaultKind, FaultTarget, OaStandinHandle } from "./oa";
import { parseUserAction } from "./oa-events";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function sandboxRoutes(oa: OaStandinHandle) {
  const body = async (c: Context): Promise<Record<string, unknown>> => {
    const parsed = await c.req.json().catch(() => null);
    return isObject(parsed) ? parsed : {};
  };
  const invalid = (c: Context, message: string) => c.json({ error: "invalid", message }, 400);
  const unknownUser = (c: Context) => c.json({ error: "not_found", message: "no such user" }, 404);

  return new Hono()
    .get("/users", (c) => c.json(oa.users()))
    .post("/users", async (c) => {
      try {
        return c.json(oa.addUser((await body(c)) as unknown as AddUserInput));
      } catch (error) {
        return invalid(c, (error as Error).message);
      }
    })
    .get("/users/:followerId", (c) => {
      const user = oa.user(c.req.param("followerId"));
      return user ? c.json(user) : unknownUser(c);
    })
    .get("/users/:followerId/conversation", (c) => {
      const followerId = c.req.param("followerId");
      return oa.user(followerId) ? c.json(oa.conversation(followerId)) : unknownUser(c);
    })
    .post("/users/:followerId/send", async (c) => {
      const followerId = c.req.param("followerId");
      if (!oa.user(followerId)) return unknownUser(c);
      const parsed = parseUserAction(await body(c));
      if (!parsed.ok) return invalid(c, parsed.message);
      return c.json(await oa.userSends(followerId, parsed.action));
    })
    .post("/users/:followerId/blocked", async (c) => {
      const followerId = c.req.param("followerId");
      if (!oa.user(followerId)) return unknownUser(c);
      const { blocked } = await body(c);
      if (typeof blocked !== "boolean") return invalid(c, "blocked must be a boolean");
      oa.setBlocked(followerId, blocked);
      return c.json(oa.user(followerId));
    })
    .post("/users/:followerId/last-interaction", async (c) => {
      const followerId = c.req.param("followerId");
      if (!oa.user(followerId)) return unknownUser(c);
      const { at } = await body(c);
      if (at !== null && (typeof at !== "number" || !Number.isFinite(at))) {
        return invalid(c, "at must be epoch milliseconds or null");
      }
      oa.setLastInteraction(followerId, at);
      return c.json(oa.user(followerId));
    })
    .post("/users/:followerId/following", async (c) => {
      const followerId = c.req.param("followerId");
      if (!oa.user(followerId)) return unknownUser(c);
      const { following } = await body(c);
      if (typeof following !== "boolean") return invalid(c, "following must be a boolean");
      oa.setFollowing(followerId, following);
      return c.json(oa.user(followerId));
    })
    .get("/sent", (c) => c.json(oa.sentMessages()))
    .post("/faults", async (c) => {
      const { count, kind, target } = await body(c);
      try {
        oa.failNext(count as number, kind as FaultKind, (target ?? "openapi") as FaultTarget);
      } catch (error) {
        return invalid(c, (error as Error).message);
      }
      return c.json(oa.pendingFaults());
    })
    .delete("/faults", (c) => {
      oa.clearFaults();
      return c.json(oa.pendingFaults());
    })
    .post("/access-token/expire", (c) => {
      oa.expireAccessToken();
      return c.json({});
    })
    .get("/stats", (c) =>
      c.json({
        callCount: oa.callCount(),
        refreshCount: oa.refreshCount(),
        pendingFaults: oa.pendingFaults(),
        webhookUrl: oa.webhookUrl() ?? null,
      }),
    );
}
