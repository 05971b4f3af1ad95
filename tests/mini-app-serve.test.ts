/**
 * Serving the built mini app at /zapps/<appId>/ (bot-server/src/mini-app/serve.ts): files,
 * client-side routes falling back to index.html with APP_ID and <base>, no path escapes, gzip,
 * and a clear page when the build is missing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppDeps, AppEnv } from "../bot-server/src/lib/context";
import { createMiniAppRoutes } from "../bot-server/src/mini-app/serve";
import { tempDir } from "./helpers/db";

const APP_ID = "1000000000000000001";

function appFor(dir: string) {
  const deps = { config: { zalo: { appId: APP_ID, oaId: "2000000000000000002" } } } as unknown as AppDeps;
  return new Hono<AppEnv>()
    .use("*", async (c, next) => {
      c.set("deps", deps);
      await next();
    })
    .route("/", createMiniAppRoutes(dir))
    .notFound((c) => c.json({ error: { code: "not_found" } }, 404))
    .onError((_error, c) => c.json({ error: { code: "not_found" } }, 404));
}

function builtApp() {
  const parent = tempDir();
  const dir = join(parent, "www");
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><html><head><script type="module" src="./assets/index.abc.module.js"></script></head><body><div id="app"></div></body></html>',
  );
  writeFileSync(join(dir, "assets/index.abc.module.js"), `console.log("${"x".repeat(4000)}");`);
  writeFileSync(join(dir, "app-config.json"), "{}");
  // Right next to the served folder: one "../" away.
  writeFileSync(join(parent, "secret.txt"), "secret");
  return { app: appFor(dir), dir };
}

describe("mini app static serving", () => {
  it("serves index.html with the router base, APP_ID and the OA id", async () => {
    const { app } = builtApp();
    const response = await app.request(`/zapps/${APP_ID}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const html = await response.text();
    expect(html).toContain(`<base href="/zapps/${APP_ID}/">`);
    expect(html).toContain(`window.APP_ID="${APP_ID}"`);
    expect(html).toContain('"oaId":"2000000000000000002"');
    expect(html).toContain('src="./assets/index.abc.module.js"');
  });

  it("answers deep links with index.html and redirects the bare prefix", async () => {
    const { app } = builtApp();
    const deep = await app.request(`/zapps/${APP_ID}/requests/42?new=1`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="app">');
    const bare = await app.request(`/zapps/${APP_ID}`);
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe(`/zapps/${APP_ID}/`);
  });

  it("serves hashed assets for a year, gzipped when asked", async () => {
    const { app } = builtApp();
    const plain = await app.request(`/zapps/${APP_ID}/assets/index.abc.module.js`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-type")).toContain("text/javascript");
    expect(plain.headers.get("cache-control")).toContain("immutable");
    const body = await plain.text();
    const zipped = await app.request(`/zapps/${APP_ID}/assets/index.abc.module.js`, {
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(body);
  });

  it("gives 404 for missing files, other app ids and paths out of the folder", async () => {
    const { app } = builtApp();
    expect((await app.request(`/zapps/${APP_ID}/assets/missing.js`)).status).toBe(404);
    expect((await app.request("/zapps/999/")).status).toBe(404);
    for (const path of ["..%2fsecret.txt", "..%2F..%2Fpackage.json", "%2e%2e/secret.txt", "assets/%00.js"]) {
      const response = await app.request(`/zapps/${APP_ID}/${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("secret");
    }
  });

  it("says how to build when the build is missing", async () => {
    const response = await appFor(join(tempDir(), "nothing-here")).request(`/zapps/${APP_ID}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build:mini-app");
  });
});
