/**
 * The sandbox page (SPEC §4.3, issue #3): act as any demo citizen, member or admin and chat with
 * the OA through the in-process Zalo stand-in, whose controls live at
 * `${STANDIN_PREFIX}/sandbox/oa/...` on the same origin. One self-contained page: inline CSS and
 * the script of `client.js`, nothing fetched from elsewhere (the machine may be offline).
 *
 *   GET /                         the page (sandbox mode; in live mode the next route answers)
 *   GET /sandbox                  the same page, where it stays once the mini app takes over /
 *   GET /sandbox/api/personas     { personas: SandboxPersona[] } for the picker
 *   GET /sandbox/sample-photo.png the picture "Gửi ảnh mẫu" sends
 *
 * Everything here answers 404 in live mode: the persona list carries names and Zalo ids.
 * The second panel (`#side-panel`) shows the mini app in a phone frame (an iframe of
 * `/zapps/<appId>/`, served by mini-app/serve.ts); it follows the persona picked here.
 */
import { readFileSync } from "node:fs";
import type { Context, Next } from "hono";
import { Hono } from "hono";
import { html, raw } from "hono/html";
import { STANDIN_PREFIX } from "../env";
import type { AppEnv } from "../lib/context";
import { AppError } from "../lib/errors";
import { miniAppPath } from "../mini-app/serve";
import { listSandboxPersonas } from "./personas";
import { samplePhotoPng } from "./sample-photo";

/** The browser script, inlined as it is. */
export const SANDBOX_CLIENT_JS = readFileSync(new URL("./client.js", import.meta.url), "utf8");
if (/<\/script|<!--/i.test(SANDBOX_CLIENT_JS)) {
  throw new Error("sandbox/client.js must not contain </script or <!-- (it is inlined in a <script>)");
}

const CSS = `
:root { --zalo: #0068ff; --zalo-dark: #0050c8; --ink: #1b1f24; --muted: #5b6573; --line: #d5dbe3;
  --chat-bg: #e2e9f1; --me: #dbebff; --radius: 14px; }
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; display: flex; flex-direction: column; height: 100vh; height: 100dvh;
  font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #f3f5f8; }
button, input, textarea { font: inherit; }
a { color: var(--zalo-dark); }
.top { padding: 8px 16px; background: #fff8e1; border-bottom: 1px solid #f0d98c; }
.top-line { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; }
.brand { font-weight: 700; font-size: 20px; color: var(--zalo-dark); }
.notice { margin: 0; }
.top nav { font-size: 16px; line-height: 1.2; }
.top nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 4px; }
.layout { flex: 1; min-height: 0; display: grid; grid-template-columns: 320px minmax(0, 600px) auto;
  gap: 0; justify-content: start; }
.picker { display: flex; flex-direction: column; min-height: 0; background: #fff; border-right: 1px solid var(--line); }
.picker-head { padding: 12px; border-bottom: 1px solid var(--line); }
.picker-head label { display: block; font-weight: 600; margin-bottom: 6px; }
.picker-head .row-head { display: flex; justify-content: space-between; align-items: center; }
#persona-search { width: 100%; min-height: 48px; padding: 8px 12px; border: 1px solid #aab4c0; border-radius: 10px; }
#persona-list { flex: 1; overflow-y: auto; padding: 4px 8px 16px; }
.group-title { margin: 14px 4px 6px; font-size: 15px; font-weight: 700; color: var(--muted); text-transform: uppercase; letter-spacing: .02em; }
.persona { display: flex; flex-direction: column; align-items: flex-start; width: 100%; min-height: 56px;
  margin: 2px 0; padding: 8px 12px; text-align: left; background: transparent; border: 1px solid transparent;
  border-radius: 10px; cursor: pointer; color: var(--ink); }
.persona:hover { background: #f0f5ff; }
.persona.selected { background: #e3eeff; border-color: var(--zalo); }
.persona-name { font-weight: 600; }
.persona-role { font-size: 16px; color: var(--muted); }
.dot { font-size: 14px; color: var(--muted); }
.dot::before { content: ""; display: inline-block; width: 9px; height: 9px; margin-right: 6px; border-radius: 50%; background: #b0b8c4; }
.dot.on { color: #13795b; } .dot.on::before { background: #1aa36f; }
.chat { display: flex; flex-direction: column; min-height: 0; background: var(--chat-bg); border-right: 1px solid var(--line); }
.chat-head { display: flex; align-items: center; gap: 10px; padding: 8px 12px; background: var(--zalo); color: #fff; }
.oa-avatar { flex: none; width: 44px; height: 44px; border-radius: 50%; background: #fff; color: var(--zalo);
  display: grid; place-items: center; font-weight: 800; }
.oa-name { font-weight: 700; }
.who { font-size: 15px; opacity: .95; }
#follow-state { font-size: 14px; opacity: .9; }
.head-button, .close-button { min-height: 44px; min-width: 44px; padding: 6px 10px; border: 1px solid rgba(255,255,255,.6);
  border-radius: 10px; background: transparent; color: inherit; cursor: pointer; }
.close-button { color: var(--ink); border-color: var(--line); }
.status { margin: 0; padding: 10px 14px; font-size: 16px; background: #fff3cd; border-bottom: 1px solid #f0d98c; }
.status.error, .status.offline { background: #fde2e1; border-color: #f3b3b0; }
.messages { flex: 1; min-height: 0; overflow-y: auto; padding: 12px 10px 16px; }
.row { display: flex; margin: 6px 0; }
.row.me { justify-content: flex-end; }
.bubble { max-width: 85%; padding: 10px 12px 6px; border-radius: var(--radius); background: #fff;
  box-shadow: 0 1px 1px rgba(0,0,0,.08); overflow-wrap: anywhere; }
.row.oa .bubble { border-top-left-radius: 4px; }
.row.me .bubble { background: var(--me); border-top-right-radius: 4px; }
.text { white-space: pre-wrap; }
.small { font-size: 15px; color: var(--muted); }
.time { margin-top: 2px; font-size: 13px; color: var(--muted); text-align: right; }
.media { display: block; max-width: 100%; max-height: 260px; margin: 4px 0; border-radius: 10px; background: #eef1f5; }
.media-missing { margin: 4px 0; color: var(--muted); font-style: italic; }
.card { margin: 6px 0; padding: 8px; border: 1px solid var(--line); border-radius: 10px; }
.card-title { font-weight: 600; } .card-subtitle { font-size: 16px; color: var(--muted); white-space: pre-wrap; }
.buttons { display: flex; flex-direction: column; gap: 6px; margin: 8px 0 4px; }
.oa-button { display: flex; align-items: center; justify-content: center; min-height: 48px; padding: 8px 12px;
  border: 1px solid #b9cdf0; border-radius: 10px; background: #f5f9ff; color: var(--zalo-dark);
  font-weight: 600; text-align: center; text-decoration: none; cursor: pointer; }
.oa-button:hover { background: #e6f0ff; } .oa-button:active { background: #d3e4ff; }
.oa-button.disabled { color: var(--muted); cursor: default; }
.event { margin: 10px auto; padding: 4px 12px; width: fit-content; max-width: 90%; font-size: 15px; text-align: center;
  color: #33404f; background: rgba(255,255,255,.7); border-radius: 12px; }
.empty { margin: 24px 12px; color: var(--muted); text-align: center; }
.tools { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 6px; padding: 8px 10px 0; background: #fff; border-top: 1px solid var(--line); }
.tool { min-height: 44px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 22px; background: #f6f8fb; color: var(--ink); cursor: pointer; }
.tool.active { border-color: var(--zalo); background: #e3eeff; color: var(--zalo-dark); font-weight: 600; }
.composer { display: flex; gap: 8px; padding: 8px 10px 10px; background: #fff; }
#text { flex: 1; min-height: 48px; max-height: 140px; padding: 10px 12px; border: 1px solid #aab4c0; border-radius: 12px; resize: vertical; }
#send { min-width: 72px; min-height: 48px; border: 0; border-radius: 12px; background: var(--zalo); color: #fff; font-weight: 700; cursor: pointer; }
body.sending #send, body.sending .tool, body.sending .oa-button { opacity: .6; }
:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
.side-panel { min-height: 0; overflow: auto; background: #fff; padding: 8px 16px 16px; }
.phone-head { display: flex; justify-content: space-between; align-items: center; gap: 12px; width: 380px; }
.phone-head a { display: inline-flex; align-items: center; min-height: 44px; font-size: 16px; }
.phone { display: block; width: 380px; height: 740px; border: 10px solid #1b1f24; border-radius: 28px; background: #fff; }
.only-narrow { display: none; }
@media (max-width: 800px) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .picker { display: none; }
  .side-panel { display: none; }
  body.picker-open .picker { display: flex; position: fixed; inset: 0; z-index: 10; border: 0; }
  .only-narrow { display: inline-block; }
  .chat { border-right: 0; }
  .top { padding: 6px 12px; }
  .notice .long { display: none; }
  .top nav { font-size: 15px; }
  .bubble { max-width: 92%; }
}
`;

export function sandboxPage(appId: string) {
  const miniApp = miniAppPath(appId);
  return html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Cầu Nối – Thử nghiệm OA</title>
    <style>${raw(CSS)}</style>
  </head>
  <body data-standin="${STANDIN_PREFIX}">
    <header class="top">
      <div class="top-line">
        <span class="brand">Cầu Nối</span>
        <p class="notice"><strong>Chế độ thử nghiệm: Zalo được giả lập trên máy này.</strong>
          <span class="long">Chọn một người dùng mẫu để trò chuyện với OA Cầu Nối như người đó.</span></p>
      </div>
      <nav aria-label="Liên kết">
        <a href="/openapi.json">Tài liệu API (OpenAPI)</a> ·
        <a href="/api/public/communes">Các xã, phường</a> ·
        <a href="/api/villages">Các thôn, khối phố</a> ·
        <a href="/healthz">Tình trạng máy chủ</a> ·
        <a href="${miniApp}">Mini App (toàn màn hình)</a>
      </nav>
    </header>
    <main class="layout">
      <aside id="picker" class="picker" aria-label="Chọn người dùng">
        <div class="picker-head">
          <div class="row-head">
            <label for="persona-search">Trò chuyện với tư cách</label>
            <button type="button" id="close-picker" class="close-button only-narrow">Đóng</button>
          </div>
          <input id="persona-search" type="search" autocomplete="off" placeholder="Tìm tên, vai trò, thôn…" />
        </div>
        <div id="persona-list" role="listbox" aria-label="Người dùng mẫu"><div class="empty">Đang tải…</div></div>
      </aside>
      <section class="chat" aria-label="Trò chuyện với OA Cầu Nối">
        <div class="chat-head">
          <button type="button" id="open-picker" class="head-button only-narrow">☰ Đổi người</button>
          <div class="oa-avatar" aria-hidden="true">CN</div>
          <div>
            <div class="oa-name">Cầu Nối <span id="follow-state"></span></div>
            <div id="chat-who" class="who">Chưa chọn người dùng</div>
          </div>
        </div>
        <p id="status" class="status" role="status" hidden></p>
        <div id="messages" class="messages" aria-live="polite"><div class="empty">Đang tải…</div></div>
        <div class="tools">
          <button type="button" id="follow" class="tool">Quan tâm OA</button>
          <button type="button" id="unfollow" class="tool">Bỏ quan tâm</button>
          <button type="button" id="send-photo" class="tool">Gửi ảnh mẫu</button>
          <button type="button" id="send-location" class="tool">Gửi vị trí</button>
        </div>
        <form id="composer" class="composer">
          <textarea id="text" rows="1" placeholder="Nhập tin nhắn…" aria-label="Tin nhắn gửi OA"></textarea>
          <button type="submit" id="send">Gửi</button>
        </form>
      </section>
      <section id="side-panel" class="side-panel" aria-label="Mini App">
        <div class="phone-head"><strong>Mini App Cầu Nối</strong><a href="${miniApp}" target="_blank" rel="noopener">Mở riêng ↗</a></div>
        <iframe id="mini-app-frame" class="phone" src="${miniApp}" title="Mini App Cầu Nối" width="360" height="720"></iframe>
      </section>
    </main>
    <noscript><p class="status error">Trang thử nghiệm cần bật JavaScript.</p></noscript>
    <script>${raw(SANDBOX_CLIENT_JS)}</script>
  </body>
</html>`;
}

/** In live mode the sandbox does not exist. */
function notFound(c: Context<AppEnv>) {
  return c.json(new AppError("not_found", "Không tìm thấy địa chỉ này.").toBody(), 404);
}

async function page(c: Context<AppEnv>, next: Next) {
  if (!c.var.deps.config.sandbox) return next();
  c.header("cache-control", "no-store");
  return c.html(sandboxPage(c.var.deps.config.zalo.appId));
}

export const sandboxRoutes = new Hono<AppEnv>()
  .get("/", page)
  .get("/sandbox", page)
  .get("/sandbox/api/personas", (c) => {
    if (!c.var.deps.config.sandbox) return notFound(c);
    c.header("cache-control", "no-store");
    return c.json({ personas: listSandboxPersonas(c.var.deps.db, c.var.deps.now()) });
  })
  .get("/sandbox/sample-photo.png", (c) => {
    if (!c.var.deps.config.sandbox) return notFound(c);
    return c.body(new Uint8Array(samplePhotoPng()), 200, {
      "content-type": "image/png",
      "cache-control": "public, max-age=86400",
    });
  });
