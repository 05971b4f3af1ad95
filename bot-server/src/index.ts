/**
 * Entry point of `npm start`: configuration, database (migrations and demo data), the HTTP
 * server, and in sandbox mode the local Zalo stand-in on the same port.
 */
import { serve } from "@hono/node-server";
import { createApp, createServices } from "./app";
import { prepareDatabase } from "./db/prepare";
import { loadEnv, STANDIN_PREFIX } from "./env";
import { createLogger } from "./lib/logger";
import { startSweeper } from "./requests/sweeper";
import { createGraphClient } from "./zalo/graph-client";
import { createZaloStandin } from "./zalo-standin";

const config = loadEnv();
const logger = createLogger(config.logLevel);
const { handle, demoLoaded } = prepareDatabase(config);
if (demoLoaded) logger.info("demo data loaded into the new database");

const deps = {
  config,
  db: handle.db,
  logger,
  graph: createGraphClient({ baseUrl: config.zalo.graphUrl, appSecret: config.zalo.appSecret }),
  now: () => new Date(),
};
const services = createServices(deps);
const app = createApp(deps, services);

if (config.sandbox) {
  // Same code path as live mode: our Zalo client calls this over HTTP at ZALO_*_URL.
  app.route(STANDIN_PREFIX, createZaloStandin({ appSecret: config.zalo.appSecret }).app);
}

const stopSweeper = startSweeper(services.lifecycle, logger);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(
    { port: info.port, sandbox: config.sandbox, database: config.databasePath },
    "Cầu Nối is listening",
  );
  console.log(
    `\n  Cầu Nối đang chạy: http://localhost:${info.port}/  (${config.sandbox ? "sandbox" : "live"} mode)\n`,
  );
});

function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  stopSweeper();
  server.close(() => {
    handle.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
