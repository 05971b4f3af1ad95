/**
 * `createApp(deps)`: the whole HTTP application, used by the entry point and by the tests.
 * Routers are feature modules mounted here; errors are turned into JSON in one `onError`.
 */
import { randomUUID } from "node:crypto";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { activityRoutes } from "./activities/routes";
import { sessionRoutes } from "./auth/routes";
import { createSessionSigner } from "./auth/session";
import { WorkingCalendar } from "./calendar/working-time";
import type { ChatDeps } from "./chatbot/engine";
import { adminDirectoryRoutes } from "./directory/admin-routes";
import { directoryRoutes } from "./directory/routes";
import { adminFaqRoutes } from "./faq/admin-routes";
import { homeRoutes } from "./home/page";
import { kpiRoutes } from "./kpi/routes";
import type { AppDeps, Services } from "./lib/context";
import { AppError } from "./lib/errors";
import { createRouter } from "./lib/openapi";
import { miniAppRoutes } from "./mini-app/serve";
import { notifyChange } from "./notifications/notifier";
import { photoRoutes } from "./photos/routes";
import { profileRoutes } from "./profile/routes";
import { adminContentRoutes } from "./publishing/admin-content-routes";
import { adminPublishingRoutes } from "./publishing/admin-routes";
import { publishingRoutes } from "./publishing/routes";
import { reportRoutes } from "./reports/routes";
import { adminRequestRoutes } from "./requests/admin-routes";
import { createLifecycle } from "./requests/lifecycle";
import { requestRoutes } from "./requests/routes";
import { sandboxRoutes } from "./sandbox/page";
import { surveyRoutes } from "./surveys/routes";
import { adminTeamRoutes } from "./teams/admin-routes";
import { teamRoutes } from "./teams/routes";
import { documentWebhook, webhookRoutes } from "./webhook/routes";

export type { AppDeps } from "./lib/context";

const JSON_BODY_LIMIT = 64 * 1024;

/** Errors Hono raises itself while reading a body, in our codes and in Vietnamese. */
const HTTP_ERRORS: Record<number, AppError> = {
  400: new AppError("validation_failed", "Dữ liệu gửi lên không đúng định dạng JSON."),
  415: new AppError("unsupported_media_type", "Dữ liệu phải được gửi dưới dạng JSON."),
};

export function createServices(deps: AppDeps): Services {
  const calendar = new WorkingCalendar(deps.config.extraHolidays);
  const signals = { inboxReceived: () => {}, outboxQueued: () => {} };
  const lifecycle = createLifecycle({
    db: deps.db,
    calendar,
    now: deps.now,
    // Messages are written with the change; the outbox worker is woken once the change commits.
    onChange: (tx, change) => {
      notifyChange(tx, change, deps.now());
      setImmediate(() => signals.outboxQueued());
    },
  });
  return {
    calendar,
    lifecycle,
    sessions: createSessionSigner(deps.config.sessionSecret, deps.config.sessionTtlMinutes),
    signals,
  };
}

/** What the OA conversation needs from the app. */
export function chatDeps(deps: AppDeps, services: Services): ChatDeps {
  return {
    lifecycle: services.lifecycle,
    now: deps.now,
    miniAppUrl: `https://zalo.me/s/${deps.config.zalo.appId}/`,
  };
}

export function createApp(deps: AppDeps, services: Services = createServices(deps)) {
  const app = createRouter();

  app.use("*", async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 64) || randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set("deps", deps);
    c.set("services", services);
    c.set("requestId", requestId);
    c.set("logger", logger);
    const started = performance.now();
    await next();
    c.header("x-request-id", requestId);
    // Path only: query strings may carry a session (`?session=` on photos). The sandbox page
    // polls twice a second: its traffic is debug noise, not operations.
    const noisy = c.req.path.startsWith("/__zalo/sandbox/") || c.req.path.startsWith("/sandbox/api/");
    logger[noisy ? "debug" : "info"](
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  // JSON answers travel over slow village networks: gzip what is worth it (Hono skips < 1 KB).
  app.use("/api/*", compress());
  app.use("/sandbox/api/*", compress());
  app.use(
    "/api/*",
    cors({ origin: deps.config.corsOrigin, allowHeaders: ["authorization", "content-type", "x-request-id"] }),
  );

  // JSON bodies are small; photos have their own, larger limit on their route.
  const jsonLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw new AppError("payload_too_large", "Nội dung gửi lên quá lớn.");
    },
  });
  app.use("/api/*", (c, next) => (c.req.path === "/api/photos" ? next() : jsonLimit(c, next)));

  app.get("/healthz", (c) => c.json({ status: "ok", sandbox: deps.config.sandbox }, 200));

  // Before the home page: "/" is the sandbox page in sandbox mode and falls through in live mode.
  app.route("/", sandboxRoutes);
  app.route("/", miniAppRoutes);
  const routes = app
    .route("/", homeRoutes)
    .route("/", sessionRoutes)
    .route("/", profileRoutes)
    .route("/", requestRoutes)
    .route("/", teamRoutes)
    .route("/", photoRoutes)
    .route("/", publishingRoutes)
    .route("/", directoryRoutes)
    .route("/", adminPublishingRoutes)
    .route("/", adminContentRoutes)
    .route("/", adminRequestRoutes)
    .route("/", adminTeamRoutes)
    .route("/", adminDirectoryRoutes)
    .route("/", adminFaqRoutes)
    .route("/", activityRoutes)
    .route("/", kpiRoutes)
    .route("/", surveyRoutes)
    .route("/", reportRoutes)
    .route("/", webhookRoutes);
  documentWebhook(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "session", { type: "http", scheme: "bearer" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Cầu Nối API",
      version: "0.1.0",
      description: "API của Cầu Nối cho Zalo Mini App: yêu cầu hỗ trợ, phản ánh, hỏi đáp, tin tức, danh bạ.",
    },
  });

  app.notFound((c) => c.json(new AppError("not_found", "Không tìm thấy địa chỉ này.").toBody(), 404));
  app.onError((error, c) => {
    if (error instanceof AppError) return c.json(error.toBody(), error.status as 400);
    if (error instanceof HTTPException && error.status < 500) {
      const known = HTTP_ERRORS[error.status];
      if (known) return c.json(known.toBody(), error.status);
      return c.json({ error: { code: "bad_request", message: "Yêu cầu không hợp lệ." } }, error.status);
    }
    (c.var.logger ?? deps.logger).error({ err: error }, "unhandled error");
    return c.json(
      new AppError("internal_error", "Hệ thống đang gặp sự cố, anh/chị vui lòng thử lại sau.").toBody(),
      500,
    );
  });

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
