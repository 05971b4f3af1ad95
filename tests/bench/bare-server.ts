/**
 * The bare route of `tests/bench/webhook.ts`: a minimal @hono/node-server app whose
 * `POST /webhooks/zalo` reads the body and answers 200 with the same JSON the real webhook
 * answers. Nothing else: no signature check, no database, no workers. It is the floor the
 * webhook is compared with (HTTP parsing, Hono routing, one body read, one JSON answer), run as
 * its own process the way the real server is.
 *
 *   node --import tsx tests/bench/bare-server.ts [--port 0]
 *
 * Prints `listening <port>` once it accepts connections; exits on SIGTERM or SIGINT.
 */
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const { values } = parseArgs({ options: { port: { type: "string", default: "0" } }, strict: true });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port} is not a port number`);
  process.exit(1);
}

const app = new Hono().post("/webhooks/zalo", async (c) => {
  await c.req.text();
  return c.json({ received: true, duplicate: false }, 200);
});

serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info) => {
  console.log(`listening ${info.port}`);
});

// Keep-alive sockets would hold server.close() open: the bench is done with us, leave at once.
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
