import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, SANDBOX_ZALO, STANDIN_PREFIX } from "../bot-server/src/env";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

const LIVE_CREDENTIALS = {
  ZALO_APP_ID: "3100000000000000001",
  ZALO_APP_SECRET: "live-app-secret",
  ZALO_OA_ID: "3200000000000000002",
  ZALO_OA_SECRET_KEY: "live-oa-secret-key",
  ZALO_OA_ACCESS_TOKEN: "live-oa-access-token",
  ZALO_OA_REFRESH_TOKEN: "live-oa-refresh-token",
} as const;
const LIVE_SESSION_SECRET = "live-session-secret-0123456789abcdef";

/** The ConfigError thrown by parseEnv(source); fails the test when nothing is thrown. */
function configError(source: Record<string, string | undefined>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).not.toContain("\n");
    return error as ConfigError;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe("parseEnv: sandbox mode", () => {
  it("starts in sandbox mode with defaults from an empty environment", () => {
    const config = parseEnv({});
    expect(config.sandbox).toBe(true);
    expect(config.port).toBe(8080);
    expect(config.databasePath).toBe("./data/cau-noi.db");
    expect(config.nodeEnv).toBe("development");
    expect(config.demoData).toBe(true);
    expect(config.extraHolidays).toEqual([]);
    expect(config.zalo).toEqual({
      ...SANDBOX_ZALO,
      openApiUrl: `http://127.0.0.1:8080${STANDIN_PREFIX}/openapi`,
      oauthUrl: `http://127.0.0.1:8080${STANDIN_PREFIX}/oauth`,
      graphUrl: `http://127.0.0.1:8080${STANDIN_PREFIX}/graph`,
    });
    expect(config.zalo.openApiUrl).toBe("http://127.0.0.1:8080/__zalo/openapi");
    expect(config.zalo.oauthUrl).toBe("http://127.0.0.1:8080/__zalo/oauth");
    expect(config.zalo.graphUrl).toBe("http://127.0.0.1:8080/__zalo/graph");
  });

  it("generates a fresh 64-hex-character session secret per parse", () => {
    const a = parseEnv({}).sessionSecret;
    const b = parseEnv({}).sessionSecret;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });

  it("points the stand-in URLs at the configured port", () => {
    const config = parseEnv({ PORT: "3000" });
    expect(config.port).toBe(3000);
    expect(config.zalo.openApiUrl).toBe("http://127.0.0.1:3000/__zalo/openapi");
  });

  it("respects an explicit ZALO_GRAPH_URL in sandbox mode", () => {
    const config = parseEnv({ ZALO_GRAPH_URL: "http://localhost:9999/graph" });
    expect(config.sandbox).toBe(true);
    expect(config.zalo.graphUrl).toBe("http://localhost:9999/graph");
    expect(config.zalo.openApiUrl).toBe("http://127.0.0.1:8080/__zalo/openapi");
  });

  it("treats empty and blank variables as unset", () => {
    const config = parseEnv({ PORT: "", ZALO_APP_ID: "  ", SESSION_SECRET: "", HOLIDAYS: "" });
    expect(config.port).toBe(8080);
    expect(config.sandbox).toBe(true);
    expect(config.extraHolidays).toEqual([]);
  });
});

describe("parseEnv: live mode", () => {
  it("names the first missing credential when only some are set", () => {
    expect(configError({ ZALO_APP_ID: "123" }).message).toContain("ZALO_APP_SECRET");
    const { ZALO_OA_REFRESH_TOKEN: _, ...allButLast } = LIVE_CREDENTIALS;
    expect(configError({ ...allButLast, SESSION_SECRET: LIVE_SESSION_SECRET }).message).toContain(
      "ZALO_OA_REFRESH_TOKEN",
    );
    expect(configError({ ZALO_OA_ID: "123" }).message).toContain("ZALO_APP_ID");
  });

  it("requires SESSION_SECRET when all credentials are set", () => {
    expect(configError({ ...LIVE_CREDENTIALS }).message).toContain("SESSION_SECRET");
  });

  it("rejects a SESSION_SECRET shorter than 32 characters", () => {
    expect(configError({ ...LIVE_CREDENTIALS, SESSION_SECRET: "too-short" }).message).toContain(
      "SESSION_SECRET",
    );
  });

  it("uses the real Zalo endpoints with all credentials and a session secret", () => {
    const config = parseEnv({ ...LIVE_CREDENTIALS, SESSION_SECRET: LIVE_SESSION_SECRET });
    expect(config.sandbox).toBe(false);
    expect(config.sessionSecret).toBe(LIVE_SESSION_SECRET);
    expect(config.zalo).toEqual({
      appId: LIVE_CREDENTIALS.ZALO_APP_ID,
      appSecret: LIVE_CREDENTIALS.ZALO_APP_SECRET,
      oaId: LIVE_CREDENTIALS.ZALO_OA_ID,
      oaSecretKey: LIVE_CREDENTIALS.ZALO_OA_SECRET_KEY,
      oaAccessToken: LIVE_CREDENTIALS.ZALO_OA_ACCESS_TOKEN,
      oaRefreshToken: LIVE_CREDENTIALS.ZALO_OA_REFRESH_TOKEN,
      openApiUrl: "https://openapi.zalo.me",
      oauthUrl: "https://oauth.zaloapp.com",
      graphUrl: "https://graph.zalo.me",
    });
  });
});

describe("parseEnv: invalid values", () => {
  it("names PORT when it is not a number", () => {
    expect(configError({ PORT: "abc" }).message).toContain("PORT");
    expect(configError({ PORT: "70000" }).message).toContain("PORT");
  });

  it("names a bad URL variable", () => {
    expect(configError({ ZALO_OAUTH_URL: "not a url" }).message).toContain("ZALO_OAUTH_URL");
    expect(configError({ ZALO_GRAPH_URL: "graph.zalo.me" }).message).toContain("ZALO_GRAPH_URL");
  });

  it("expands HOLIDAYS ranges and single days", () => {
    const config = parseEnv({ HOLIDAYS: "2027-02-05..2027-02-07,2027-04-16" });
    expect(config.extraHolidays).toEqual(["2027-02-05", "2027-02-06", "2027-02-07", "2027-04-16"]);
    expect(parseEnv({ HOLIDAYS: " 2026-12-31..2027-01-01 , " }).extraHolidays).toEqual([
      "2026-12-31",
      "2027-01-01",
    ]);
  });

  it("names HOLIDAYS when a part is malformed", () => {
    expect(configError({ HOLIDAYS: "2027-02-05..next week" }).message).toContain("HOLIDAYS");
    expect(configError({ HOLIDAYS: "5/2/2027" }).message).toContain("HOLIDAYS");
  });

  it("reads DEMO_DATA=false and rejects other values", () => {
    expect(parseEnv({ DEMO_DATA: "false" }).demoData).toBe(false);
    expect(parseEnv({ DEMO_DATA: "true" }).demoData).toBe(true);
    expect(configError({ DEMO_DATA: "no" }).message).toContain("DEMO_DATA");
  });

  it("never puts a secret value into an error message", () => {
    const secret = "super-secret-value";
    const cases: Record<string, string>[] = [
      { ZALO_APP_SECRET: secret, PORT: "abc" },
      { ZALO_APP_SECRET: secret, ZALO_GRAPH_URL: "nope" },
      { ZALO_APP_SECRET: secret },
      { ...LIVE_CREDENTIALS, ZALO_APP_SECRET: secret },
      { ...LIVE_CREDENTIALS, ZALO_APP_SECRET: secret, SESSION_SECRET: "short-secret" },
      { ...LIVE_CREDENTIALS, ZALO_APP_SECRET: secret, SESSION_SECRET: LIVE_SESSION_SECRET, PORT: "-1" },
    ];
    for (const source of cases) {
      const message = configError(source).message;
      expect(message).not.toContain(secret);
      expect(message).not.toContain("short-secret");
    }
  });
});

describe("loadEnv in a real process", () => {
  it("prints one line naming PORT and exits with status 1", () => {
    const env: Record<string, string | undefined> = {
      // biome-ignore lint/style/noProcessEnv: the child needs PATH and friends to start
      ...process.env,
      PORT: "notaport",
    };
    for (const key of Object.keys(env)) {
      if (key.startsWith("ZALO_") || key === "SESSION_SECRET" || key === "HOLIDAYS") delete env[key];
    }
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "-e", "import('./bot-server/src/env.ts').then(m => m.loadEnv())"],
      { cwd: REPO_ROOT, env, encoding: "utf8", timeout: 15_000 },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("PORT");
  });
});
