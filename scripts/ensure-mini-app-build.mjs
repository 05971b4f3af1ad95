#!/usr/bin/env node
/**
 * Used by `npm start`: builds the mini app (mini-app/www) when it is missing or older than any
 * of its sources, so a fresh clone works with `npm ci && npm start` and later starts stay fast.
 * A failed build does not stop the server: it then answers /zapps/<appId>/ with
 * "Mini App chưa được build" and the rest of the product works.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const output = join(root, "mini-app/www/index.html");
const sources = [
  "mini-app/src",
  "mini-app/index.html",
  "mini-app/vite.config.mts",
  "mini-app/package.json",
  "app-config.json",
  "shared/src",
  "package-lock.json",
].map((p) => join(root, p));

/** Newest modification time under a file or folder (0 when missing). */
function newest(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const upToDate = () => {
  const built = newest(output);
  return built > 0 && built >= Math.max(...sources.map(newest));
};
if (upToDate()) process.exit(0);

// Test files start servers in parallel: one build at a time, the others wait for it and reuse it.
const lock = join(root, "mini-app/.build-lock");
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    // A lock older than five minutes was left by a killed build.
    if (Date.now() - newest(lock) > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
    else sleep(250);
  }
}
process.on("exit", () => rmSync(lock, { recursive: true, force: true }));
if (upToDate()) process.exit(0);
const built = newest(output);

process.stdout.write(
  built === 0 ? "Building the mini app (first start)…\n" : "Mini app sources changed: rebuilding…\n",
);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
// Always a production build: a NODE_ENV inherited from the caller (vitest sets "test") would give
// React's development build and a router without the /zapps/<APP_ID> base path.
const result = spawnSync(npm, ["run", "build", "-w", "@cau-noi/mini-app"], {
  cwd: root,
  stdio: "inherit",
  // biome-ignore lint/style/noProcessEnv: a build script passes its environment on to the build
  env: { ...process.env, NODE_ENV: "production" },
});
if (result.status !== 0) {
  process.stderr.write("The mini app build failed; the server starts anyway (see the errors above).\n");
}
