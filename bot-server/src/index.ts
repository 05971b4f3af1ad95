/**
 * Entry point of `npm start`: configuration, database (migrations and demo data), the HTTP
 * server, the background workers (webhook inbox, outbox, deadline sweep), and in sandbox mode
 * the local Zalo stand-in on the same port.
 */
import { serve } from "@hono/node-server";
import { chatDeps, createApp, createServices } from "./app";
import { handleZaloEvent } from "./chatbot/engine";
import { prepareDatabase } from "./db/prepare";
import { loadEnv, STANDIN_PREFIX } from "./env";
import { createLogger } from "./lib/logger";
import { createOutboxWorker } from "./outbox/worker";
import { startSweeper } from "./requests/sweeper";
import { registerDemoFollowers } from "./sandbox/followers";
import { createInboxWorker } from "./webhook/worker";
import { createGraphClient } from "./zalo/graph-client";
import { oaClientFor } from "./zalo/oa-client";
import { createZaloStandin } from "./zalo-standin";

const config = loadEnv();
const logger = createLogger(config.logLevel);
const { handle, demoLoaded } = prepareDatabase(config);
if (demoLoaded) logger.info("demo data loaded into the new database");

const now = () => new Date();
const deps = {
  config,
  db: handle.db,
  logger,
  graph: createGraphClient({ baseUrl: config.zalo.graphUrl, appSecret: config.zalo.appSecret }),
  now,
};
const services = createServices(deps);
const app = createApp(deps, services);

const outbox = createOutboxWorker({
  db: handle.db,
  oa: oaClientFor(config.zalo),
  config,
  logger,
  now,
});
const inbox = createInboxWorker({
  db: handle.db,
  logger,
  now,
  handle: (tx, eventId, event) => handleZaloEvent(tx, chatDeps(deps, services), eventId, event),
  afterBatch: () => outbox.notify(),
});
services.signals.inboxReceived = () => inbox.notify();
services.signals.outboxQueued = () => outbox.notify();

// Sandbox mode: Zalo is played by the stand-in, reached over HTTP like the real one.
const standin = config.sandbox ? createZaloStandin({ appSecret: config.zalo.appSecret }) : undefined;
if (standin) {
  const followers = registerDemoFollowers(standin, handle.db);
  logger.info({ followers }, "sandbox: demo followers registered with the Zalo stand-in");
  app.route(STANDIN_PREFIX, standin.app);
}

const stopSweeper = startSweeper(services.lifecycle, logger);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  standin?.setWebhookUrl(`http://127.0.0.1:${info.port}/webhooks/zalo`);
  inbox.start();
  outbox.start();
  logger.info(
    { port: info.port, sandbox: config.sandbox, database: config.databasePath },
    "Cầu Nối is listening",
  );
  console.log(
    `\n  Cầu Nối đang chạy: http://localhost:${info.port}/  (${config.sandbox ? "sandbox" : "live"} mode)\n`,
  );
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "shutting down");
  stopSweeper();
  setTimeout(() => process.exit(0), 5000).unref();
  server.close();
  await inbox.stop();
  await outbox.stop();
  handle.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
