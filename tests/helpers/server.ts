/**
 * The real app over real HTTP for tests: a fresh in-memory database with the fixture world, the
 * Zalo stand-in on its own port (our graph client calls it over HTTP, as in live mode), and a
 * clock the test can move. Logs are captured so tests can prove no secret reaches them.
 */
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../../bot-server/src/app";
import { openDatabase } from "../../bot-server/src/db/client";
import { parseEnv, SANDBOX_ZALO } from "../../bot-server/src/env";
import { createLogger } from "../../bot-server/src/lib/logger";
import { createGraphClient } from "../../bot-server/src/zalo/graph-client";
import { createZaloStandin } from "../../bot-server/src/zalo-standin";
import { tempDir } from "./db";
import { buildWorld, T0 } from "./fixtures";

type Fetch = (request: Request) => Response | Promise<Response>;

/** A TCP port free on 127.0.0.1 right now, for a child server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function listen(fetch: Fetch): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  body?: RequestInit["body"];
  headers?: Record<string, string>;
}

export async function startTestServer(env: Record<string, string> = {}) {
  const dir = tempDir();
  const standin = await listen(createZaloStandin({ appSecret: SANDBOX_ZALO.appSecret }).app.fetch);
  const config = parseEnv({
    PORT: "0",
    DATABASE_PATH: ":memory:",
    UPLOAD_DIR: join(dir, "uploads"),
    ZALO_GRAPH_URL: `${standin.url}/graph`,
    LOG_LEVEL: "info",
    ...env,
  });
  const handle = openDatabase(":memory:");
  const world = buildWorld(handle.db);
  const clock = { now: T0 };
  const logs: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void logs.push(line) });
  const app = createApp({
    config,
    db: handle.db,
    logger,
    graph: createGraphClient({ baseUrl: config.zalo.graphUrl, appSecret: config.zalo.appSecret }),
    now: () => clock.now,
  });
  const server = await listen(app.fetch);

  async function call(method: string, path: string, options: CallOptions = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
    return { status: response.status, json: json as any, text, headers: response.headers };
  }

  /** Plays the Mini App runtime: gets a Zalo access token for the person from the stand-in. */
  async function zaloAccessToken(person: { zaloAppUserId: string; name: string }) {
    const response = await fetch(`${standin.url}/graph/sandbox/users/${person.zaloAppUserId}/access-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: person.name }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async function phoneToken(person: { zaloAppUserId: string }, phone: string) {
    const response = await fetch(`${standin.url}/graph/sandbox/users/${person.zaloAppUserId}/phone-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  /** Signs a person in the way the mini app does and returns our session token. */
  async function login(person: { zaloAppUserId: string; name: string }) {
    const accessToken = await zaloAccessToken(person);
    const response = await call("POST", "/api/session", { json: { accessToken } });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`);
    return response.json.token as string;
  }

  return {
    url: server.url,
    standinUrl: standin.url,
    config,
    db: handle.db,
    world,
    clock,
    logs,
    call,
    login,
    zaloAccessToken,
    phoneToken,
    async close() {
      await server.close();
      await standin.close();
      handle.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
