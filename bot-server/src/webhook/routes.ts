/**
 * `POST /webhooks/zalo`: verify the signature on the raw bytes, store the event, answer 200 at
 * once. Processing happens in the inbox worker, so Zalo's 2-second budget is never at risk and
 * a crash after the 200 loses nothing.
 */
import { apiErrorSchema } from "@cau-noi/shared";
import { type Context, Hono, type Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../lib/context";
import { AppError } from "../lib/errors";
import type { createRouter } from "../lib/openapi";
import { storeEvent } from "./inbox";
import { verifyZaloSignature } from "./signature";

const MAX_EVENT_BYTES = 256 * 1024;

const tooLarge = (): never => {
  throw new AppError("payload_too_large", "Event too large.");
};
const streamedBodyLimit = bodyLimit({ maxSize: MAX_EVENT_BYTES, onError: tooLarge });

/**
 * hono's bodyLimit, without its cost on the common path: a body with a Content-Length (and no
 * Transfer-Encoding) is judged on that header, as bodyLimit does, but without touching
 * `c.req.raw.body`, which makes @hono/node-server build a full web Request and stream the body
 * through it: a large share of the webhook's CPU per event (tests/bench/webhook.ts). Other
 * bodies go through bodyLimit, which counts the bytes as they arrive.
 */
function eventBodyLimit(c: Context<AppEnv>, next: Next) {
  const length = c.req.header("content-length");
  if (length === undefined || c.req.header("transfer-encoding") !== undefined) {
    return streamedBodyLimit(c, next);
  }
  return Number.parseInt(length, 10) > MAX_EVENT_BYTES ? tooLarge() : next();
}

export const webhookRoutes = new Hono<AppEnv>().post("/webhooks/zalo", eventBodyLimit, async (c) => {
  const { deps, services } = c.var;
  const raw = await c.req.text();
  const verdict = verifyZaloSignature(
    c.req.header("x-zevent-signature"),
    raw,
    deps.config.zalo.appId,
    deps.config.zalo.oaSecretKey,
  );
  if (!verdict.ok) {
    c.var.logger.warn({ reason: verdict.reason }, "webhook refused");
    return c.json({ error: { code: "unauthenticated", message: "Invalid signature." } }, 401);
  }
  // The signature check already proved the body is JSON.
  const stored = storeEvent(deps.db, raw, JSON.parse(raw), deps.now());
  if (stored) services.signals.inboxReceived();
  return c.json({ received: true, duplicate: !stored }, 200);
});

/** Documents the webhook in /openapi.json (it is not a zod-openapi route: it reads raw bytes). */
export function documentWebhook(router: ReturnType<typeof createRouter>) {
  router.openAPIRegistry.registerPath({
    method: "post",
    path: "/webhooks/zalo",
    tags: ["Zalo"],
    summary:
      "Zalo OA webhook (chữ ký X-ZEvent-Signature: mac=SHA-256(app_id + body + timestamp + OA secret key))",
    responses: {
      200: { description: "Đã nhận (lưu bền, xử lý sau)" },
      401: {
        description: "Sai hoặc thiếu chữ ký",
        content: { "application/json": { schema: apiErrorSchema } },
      },
    },
  });
}
