/**
 * Configuration, parsed once at start-up with zod. Nothing else in the server reads
 * `process.env`: everything that needs a setting receives this `Config`.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";

const ZALO_CREDENTIALS = [
  "ZALO_APP_ID",
  "ZALO_APP_SECRET",
  "ZALO_OA_ID",
  "ZALO_OA_SECRET_KEY",
  "ZALO_OA_ACCESS_TOKEN",
  "ZALO_OA_REFRESH_TOKEN",
] as const;

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const holidayList = z
  .string()
  .trim()
  .default("")
  .transform((v, ctx) => {
    const days: string[] = [];
    for (const part of v
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [from, to] = part.split("..");
      if (!from || !isoDate.test(from) || (to !== undefined && !isoDate.test(to))) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD` });
        return z.NEVER;
      }
      days.push(...expandDateRange(from, to ?? from));
    }
    return days;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("./data/cau-noi.db"),
  UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Signs the mini app sessions. Required in live mode; generated per process in sandbox mode. */
  SESSION_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(120),
  /** Origin of the Zalo Mini App host, allowed by CORS. */
  CORS_ORIGIN: z.string().default("https://h5.zdn.vn"),
  /** Extra non-working days, e.g. "2027-02-05..2027-02-11,2027-04-16". */
  HOLIDAYS: holidayList,
  /** Load demo data into a new, empty database (never into one that has data). */
  DEMO_DATA: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  ZALO_APP_ID: optionalText,
  ZALO_APP_SECRET: optionalText,
  ZALO_OA_ID: optionalText,
  ZALO_OA_SECRET_KEY: optionalText,
  ZALO_OA_ACCESS_TOKEN: optionalText,
  ZALO_OA_REFRESH_TOKEN: optionalText,
  ZALO_OPENAPI_URL: optionalText.pipe(z.url().optional()),
  ZALO_OAUTH_URL: optionalText.pipe(z.url().optional()),
  ZALO_GRAPH_URL: optionalText.pipe(z.url().optional()),
  /** Sends per rolling minute by the outbox; Zalo allows 4,000 OA Open API calls a minute per app. */
  ZALO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(4000),
});

export interface ZaloConfig {
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  oaAccessToken: string;
  oaRefreshToken: string;
  openApiUrl: string;
  oauthUrl: string;
  graphUrl: string;
}

export interface Config {
  nodeEnv: "development" | "test" | "production";
  port: number;
  host: string;
  databasePath: string;
  uploadDir: string;
  uploadMaxBytes: number;
  logLevel: string;
  sessionSecret: string;
  sessionTtlMinutes: number;
  corsOrigin: string;
  extraHolidays: string[];
  demoData: boolean;
  /** True when no Zalo credentials are configured: Zalo is played by the local stand-in. */
  sandbox: boolean;
  zalo: ZaloConfig;
  /** Most messages the outbox sends in any rolling minute (ZALO_RATE_LIMIT_PER_MINUTE). */
  zaloRateLimitPerMinute: number;
}

export class ConfigError extends Error {}

/** Sandbox credentials: known to the in-process Zalo stand-in, worthless anywhere else. */
export const SANDBOX_ZALO = {
  appId: "1000000000000000001",
  appSecret: "sandbox-app-secret",
  oaId: "2000000000000000002",
  oaSecretKey: "sandbox-oa-secret-key",
  oaAccessToken: "sandbox-oa-access-token",
  oaRefreshToken: "sandbox-oa-refresh-token",
} as const;

/** Path prefix under which `npm start` mounts the Zalo stand-in in sandbox mode. */
export const STANDIN_PREFIX = "/__zalo";

export function parseEnv(source: Record<string, string | undefined>): Config {
  // An empty variable (`PORT=` in a compose file) counts as unset: z.coerce.number() would
  // otherwise read "" as 0 and the server would listen on a random port.
  const defined = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""),
  );
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? "is invalid"}`);
  }
  const env = parsed.data;
  const present = ZALO_CREDENTIALS.filter((k) => env[k] !== undefined);
  const sandbox = present.length === 0;
  if (!sandbox) {
    const missing = ZALO_CREDENTIALS.find((k) => env[k] === undefined);
    if (missing) {
      throw new ConfigError(
        `Invalid configuration: ${missing} is missing (set all Zalo credentials for live mode, or none for sandbox mode)`,
      );
    }
    if (!env.SESSION_SECRET) {
      throw new ConfigError(
        "Invalid configuration: SESSION_SECRET is required in live mode (32+ characters)",
      );
    }
  }
  const standin = `http://127.0.0.1:${env.PORT}${STANDIN_PREFIX}`;
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databasePath: env.DATABASE_PATH,
    uploadDir: env.UPLOAD_DIR,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    logLevel: env.LOG_LEVEL,
    sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    sessionTtlMinutes: env.SESSION_TTL_MINUTES,
    corsOrigin: env.CORS_ORIGIN,
    extraHolidays: env.HOLIDAYS,
    demoData: env.DEMO_DATA,
    sandbox,
    zalo: {
      appId: sandbox ? SANDBOX_ZALO.appId : (env.ZALO_APP_ID as string),
      appSecret: sandbox ? SANDBOX_ZALO.appSecret : (env.ZALO_APP_SECRET as string),
      oaId: sandbox ? SANDBOX_ZALO.oaId : (env.ZALO_OA_ID as string),
      oaSecretKey: sandbox ? SANDBOX_ZALO.oaSecretKey : (env.ZALO_OA_SECRET_KEY as string),
      oaAccessToken: sandbox ? SANDBOX_ZALO.oaAccessToken : (env.ZALO_OA_ACCESS_TOKEN as string),
      oaRefreshToken: sandbox ? SANDBOX_ZALO.oaRefreshToken : (env.ZALO_OA_REFRESH_TOKEN as string),
      openApiUrl: env.ZALO_OPENAPI_URL ?? (sandbox ? `${standin}/openapi` : "https://openapi.zalo.me"),
      oauthUrl: env.ZALO_OAUTH_URL ?? (sandbox ? `${standin}/oauth` : "https://oauth.zaloapp.com"),
      graphUrl: env.ZALO_GRAPH_URL ?? (sandbox ? `${standin}/graph` : "https://graph.zalo.me"),
    },
    zaloRateLimitPerMinute: env.ZALO_RATE_LIMIT_PER_MINUTE,
  };
}

/** Reads `process.env` once; on a bad value prints one line naming the variable and exits 1. */
export function loadEnv(): Config {
  try {
    // biome-ignore lint/style/noProcessEnv: the one place that reads the environment
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

function expandDateRange(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
