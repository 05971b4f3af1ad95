/**
 * The world of a browser test (issue #4): the mini app built if needed, the real server started
 * as a child on a free port with a new demo database, and Debian's Chromium (headless,
 * playwright-core) showing http://localhost:<port>/zapps/<appId>/ on a 360×720 phone.
 *
 * `localhost`, not 127.0.0.1: zmp-sdk mocks its APIs only there (zalo-platform.md §5.7).
 * Screenshots go to tests/artifacts/ (git-ignored). Zalo's CDN is blocked here: zmp-ui's icon
 * font (h5.zadn.vn) and Zalo's default avatar (h5.zdn.vn, which the stand-in hands out like Zalo
 * does; the app falls back to initials) fail as expected; nothing else may fail — every other
 * page error, console error or failed request is collected in `problems`, which tests check.
 *
 * Browser-side expressions are strings: tests are type-checked without the DOM library.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PERSONAS } from "../../bot-server/src/demo/seed";
import { SANDBOX_ZALO } from "../../bot-server/src/env";
import { startDemoServer } from "../helpers/demo-server";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const ARTIFACTS = join(ROOT, "tests/artifacts");
const CHROMIUM = "/usr/bin/chromium";
export const APP_PATH = `/zapps/${SANDBOX_ZALO.appId}/`;
const ZALO_CDN = /^https:\/\/h5\.(zadn|zdn)\.vn\//;

export type DemoPersona = (typeof DEMO_PERSONAS)[number];

export function persona(key: string): DemoPersona {
  const found = DEMO_PERSONAS.find((p) => p.key === key);
  if (!found) throw new Error(`demo persona ${key} is missing`);
  return found;
}

function buildMiniApp() {
  const build = spawnSync(process.execPath, ["scripts/ensure-mini-app-build.mjs"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0 || !existsSync(join(ROOT, "mini-app/www/index.html"))) {
    throw new Error(`mini app build failed:\n${build.stdout}\n${build.stderr}`);
  }
}

async function openPhone(dataDir: string) {
  const context = await chromium.launchPersistentContext(join(dataDir, "chromium-profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
    viewport: { width: 360, height: 720 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  // Nothing leaves the machine: Zalo's CDN (the zmp-ui icon font) is refused at once.
  await context.route(/^https?:\/\/(?!localhost[:/])/, (route) => route.abort());
  return context;
}

/** Collects what must not happen on a page: errors, console errors, failed requests. */
export function watchProblems(page: Page, problems: string[]) {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (
      message.type() === "error" &&
      !/zadn\.vn|zdn\.vn|ERR_FAILED|Failed to load resource/.test(message.text())
    ) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on("requestfailed", (request) => {
    const url = request.url();
    const offlineTry = request.failure()?.errorText === "net::ERR_INTERNET_DISCONNECTED";
    if (!ZALO_CDN.test(url) && !offlineTry) problems.push(`request failed: ${url}`);
  });
}

export interface MiniAppWorld {
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  problems: string[];
  /** What the phone shows (360×720), saved as tests/artifacts/mini-app-<name>.png. */
  shot(name: string): Promise<void>;
  /** The whole page (the app scrolls inside .page, so the window is made as tall as its content). */
  shotFull(name: string): Promise<void>;
  /** Of a tab or tile: the visible link with that accessible name. */
  link(name: string): ReturnType<Page["getByRole"]>;
  /** Opens the app (first call) or switches person with the sandbox switcher; waits for home. */
  signInAs(key: string): Promise<void>;
  /** A session token for a demo person, as their mini app would get it (for API set-up/checks). */
  tokenFor(key: string): Promise<string>;
  /** `fetch` on the server's API as a demo person; JSON body in and out. */
  apiAs(key: string, path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export async function startMiniAppWorld(): Promise<MiniAppWorld> {
  mkdirSync(ARTIFACTS, { recursive: true });
  buildMiniApp();
  const dataDir = mkdtempSync(join(tmpdir(), "cau-noi-browser-"));
  const { server, baseUrl } = await startDemoServer(dataDir);
  const context = await openPhone(dataDir);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  watchProblems(page, problems);
  let opened = false;
  const tokens = new Map<string, string>();

  const shot = async (name: string) => {
    await page.screenshot({ path: join(ARTIFACTS, `mini-app-${name}.png`) });
  };

  const tokenFor = async (key: string) => {
    const cached = tokens.get(key);
    if (cached) return cached;
    const who = persona(key);
    const zalo = await fetch(`${baseUrl}/__zalo/graph/sandbox/users/${who.zaloAppUserId}/access-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: who.displayName }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const { token } = await fetch(`${baseUrl}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ accessToken: zalo.access_token }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    tokens.set(key, token);
    return token;
  };

  return {
    baseUrl,
    context,
    page,
    problems,
    shot,
    async shotFull(name) {
      const height = Number(
        await page.evaluate(`(() => {
          const shell = document.querySelector(".shell");
          const scroller = document.querySelector(".page");
          return shell && scroller ? shell.clientHeight - scroller.clientHeight + scroller.scrollHeight : 720;
        })()`),
      );
      await page.setViewportSize({ width: 360, height: Math.min(Math.max(height, 720), 4000) });
      await shot(name);
      await page.setViewportSize({ width: 360, height: 720 });
    },
    link: (name) => page.getByRole("link", { name, exact: true }),
    async signInAs(key) {
      const who = persona(key);
      if (opened) {
        await page.getByRole("button", { name: "Đổi người" }).click();
      } else {
        await page.goto(`${baseUrl}${APP_PATH}`);
        opened = true;
      }
      // A cold server (first build, other suites busy) can take a while: wait generously.
      await expect
        .poll(() => page.getByRole("heading", { name: "Chọn người dùng thử" }).isVisible(), {
          timeout: 30_000,
        })
        .toBe(true);
      await page.locator(`button[data-persona="${who.zaloAppUserId}"]`).click();
      await expect
        .poll(() => page.getByText(`Chào anh/chị ${who.displayName}`).isVisible(), { timeout: 30_000 })
        .toBe(true);
    },
    tokenFor,
    async apiAs(key, path, init = {}) {
      const token = await tokenFor(key);
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (init.body !== undefined) headers["content-type"] = "application/json";
      return fetch(`${baseUrl}${path}`, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    },
    async close() {
      await context.close();
      server.kill("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
