/**
 * The real server as a child process (`bot-server/src/index.ts`, sandbox mode) on a free port, with
 * a new demo database in a given folder: what the browser tests and the mini app benchmark open.
 * No vitest here, so benchmarks can use it too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

async function waitForHealth(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer /healthz:\n${log()}`);
}

/** The real server on a free port with a new demo database in `dataDir`; resolves once it answers. */
export async function startDemoServer(dataDir: string) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  // biome-ignore lint/style/noProcessEnv: the child gets a clean environment, plus PATH and HOME
  const { PATH = "", HOME = dataDir } = process.env;
  const server = spawn(process.execPath, ["--import", "tsx", "bot-server/src/index.ts"], {
    cwd: ROOT,
    env: {
      PATH,
      HOME,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: join(dataDir, "cau-noi.db"),
      UPLOAD_DIR: join(dataDir, "uploads"),
      LOG_LEVEL: "warn",
      DEMO_DATA: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  server.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  await waitForHealth(baseUrl, server, () => log);
  return { server, baseUrl };
}
