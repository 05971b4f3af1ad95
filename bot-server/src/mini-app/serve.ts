/**
 * The built mini app (`npm run build:mini-app` → mini-app/www) served at `/zapps/<ZALO_APP_ID>/`,
 * the path Zalo itself uses: a production build's ZMPRouter routes under `/zapps/${window.APP_ID}`
 * (zalo-platform.md §5.7), so the page must be served there with `window.APP_ID` set.
 *
 *   GET /zapps/<appId>               → redirect to /zapps/<appId>/
 *   GET /zapps/<appId>/assets/...    → hashed files, cached for a year, gzip when accepted
 *   GET /zapps/<appId>/<anything>    → the file if it exists, else index.html (client routing)
 *
 * index.html gets `<base href="/zapps/<appId>/">` (the build's asset URLs are relative, and a deep
 * link like /zapps/<appId>/requests/7 must still find ./assets/), `window.APP_ID`, and the OA id
 * for "Quan tâm OA" when app-config.json leaves `template.oaId` empty. Inside Zalo none of this
 * runs: `zmp deploy` uploads mini-app/www to Zalo's CDN.
 */
import { type Stats, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Context, Next } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../lib/context";
import { AppError } from "../lib/errors";

/** mini-app/www, next to this repository's bot-server. */
export const MINI_APP_DIR = fileURLToPath(new URL("../../../mini-app/www/", import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt"]);

export function miniAppPath(appId: string): string {
  return `/zapps/${appId}/`;
}

function fileStats(path: string): Stats | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : null;
  } catch {
    return null;
  }
}

/** Safe JSON inside an inline <script>. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const NOT_BUILT = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cầu Nối</title></head>
<body style="font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
<h1>Mini App chưa được build</h1>
<p>Chạy <code>npm run build:mini-app</code> (hoặc <code>npm start</code>, lệnh này tự build khi cần) rồi tải lại trang.</p>
</body></html>`;

export function createMiniAppRoutes(dir: string = MINI_APP_DIR) {
  const root = resolve(dir);
  /** Gzipped bodies by path, valid while the file's mtime and size are unchanged. */
  const gzipCache = new Map<string, { key: string; body: Uint8Array<ArrayBuffer> }>();

  async function body(path: string, stats: Stats, gzip: boolean): Promise<Uint8Array<ArrayBuffer>> {
    const raw = await readFile(path);
    if (!gzip) return new Uint8Array(raw);
    const key = `${stats.mtimeMs}:${stats.size}`;
    const cached = gzipCache.get(path);
    if (cached?.key === key) return cached.body;
    const zipped = new Uint8Array(gzipSync(raw));
    gzipCache.set(path, { key, body: zipped });
    return zipped;
  }

  const acceptsGzip = (c: Context) => /\bgzip\b/i.test(c.req.header("accept-encoding") ?? "");

  async function indexHtml(c: Context<AppEnv>, appId: string) {
    const indexPath = resolve(root, "index.html");
    if (!fileStats(indexPath)) {
      c.header("cache-control", "no-store");
      return c.html(NOT_BUILT, 503);
    }
    const { oaId } = c.var.deps.config.zalo;
    const head =
      `<base href="${miniAppPath(appId)}">` +
      `<script>window.APP_ID=${scriptJson(appId)};` +
      `window.APP_CONFIG=${scriptJson({ template: { oaId } })};</script>`;
    const html = (await readFile(indexPath, "utf8")).replace(/<head>/i, (m) => `${m}${head}`);
    c.header("cache-control", "no-cache");
    return c.html(html, 200);
  }

  async function serve(c: Context<AppEnv>, next: Next) {
    const appId = c.var.deps.config.zalo.appId;
    const prefix = miniAppPath(appId);
    if (!c.req.path.startsWith(prefix)) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      throw new AppError("not_found", "Không tìm thấy địa chỉ này.");
    }
    if (relative === "" || relative === "index.html") return indexHtml(c, appId);
    const path = resolve(root, relative);
    const stats = path.startsWith(root + sep) && !relative.includes("\0") ? fileStats(path) : null;
    if (!stats) {
      // A missing file is a 404; any other path is a page of the app (client-side routing).
      if (extname(relative) !== "") throw new AppError("not_found", "Không tìm thấy địa chỉ này.");
      return indexHtml(c, appId);
    }
    const ext = extname(path).toLowerCase();
    const gzip = COMPRESSIBLE.has(ext) && stats.size > 1024 && acceptsGzip(c);
    const headers: Record<string, string> = {
      "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream",
      // Vite puts a content hash in every name under assets/; the rest may change with a build.
      "cache-control": relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      vary: "accept-encoding",
    };
    if (gzip) headers["content-encoding"] = "gzip";
    return c.body(await body(path, stats, gzip), 200, headers);
  }

  return new Hono<AppEnv>()
    .get("/zapps/:appId", (c, next) => {
      const appId = c.var.deps.config.zalo.appId;
      if (c.req.param("appId") !== appId) return next();
      return c.redirect(miniAppPath(appId), 301);
    })
    .get("/zapps/:appId/*", serve);
}

export const miniAppRoutes = createMiniAppRoutes();
