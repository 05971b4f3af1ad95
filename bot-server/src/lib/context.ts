/** What every route handler can reach: the app's dependencies and the per-request values. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Actor } from "../auth/actor";
import type { SessionSigner } from "../auth/session";
import type { WorkingCalendar } from "../calendar/working-time";
import type { Db } from "../db/client";
import type { Config } from "../env";
import type { Lifecycle } from "../requests/lifecycle";
import type { GraphClient } from "../zalo/graph-client";
import type { Logger } from "./logger";

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  graph: GraphClient;
  /** Injectable clock: tests move time to cross deadlines. */
  now: () => Date;
}

/** Wake-up calls between the HTTP side and the background workers (no-ops until wired). */
export interface Signals {
  /** A webhook event was stored. */
  inboxReceived(): void;
  /** Messages were queued in the outbox. */
  outboxQueued(): void;
}

export interface Services {
  calendar: WorkingCalendar;
  lifecycle: Lifecycle;
  sessions: SessionSigner;
  signals: Signals;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    services: Services;
    requestId: string;
    logger: Logger;
    /** Set by `requireSession` on authenticated routes. */
    actor: Actor;
  };
}

export type AppRouter = OpenAPIHono<AppEnv>;
