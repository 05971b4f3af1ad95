/**
 * GET /: a plain page that says what is running and where to look. The mini app and the
 * sandbox chat replace it in the next issues; until then it links the API and, in sandbox mode,
 * explains how to act as a demo person.
 */
import { Hono } from "hono";
import { html } from "hono/html";
import { DEMO_PERSONAS } from "../demo/seed";
import { STANDIN_PREFIX } from "../env";
import type { AppEnv } from "../lib/context";

export const homeRoutes = new Hono<AppEnv>().get("/", (c) => {
  const { sandbox } = c.var.deps.config;
  const personas = DEMO_PERSONAS.map(
    (p) =>
      html`<tr><td>${p.label}</td><td>${p.displayName}</td><td><code>${p.zaloAppUserId}</code></td></tr>`,
  );
  return c.html(html`<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Cầu Nối</title>
    <style>
      body { font: 18px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
      h1 { color: #0b5ed7; } code { background: #f2f4f7; padding: 0 .25rem; border-radius: 4px; }
      table { border-collapse: collapse; } td { border-bottom: 1px solid #ddd; padding: .3rem .6rem; }
      a { color: #0b5ed7; }
    </style>
  </head>
  <body>
    <h1>Cầu Nối</h1>
    <p>Kết nối người dân với Tổ công nghệ số cộng đồng của thôn, khối phố mình, ngay trong Zalo.</p>
    <p>Máy chủ đang chạy ở chế độ <strong>${sandbox ? "thử nghiệm (sandbox)" : "chính thức"}</strong>.</p>
    <ul>
      <li><a href="/openapi.json">Tài liệu API (OpenAPI)</a></li>
      <li><a href="/api/public/communes">Các xã, phường</a> · <a href="/api/villages">các thôn, khối phố</a></li>
      <li><a href="/healthz">Tình trạng máy chủ</a></li>
    </ul>
    ${
      sandbox
        ? html`<h2>Đăng nhập thử bằng người dùng mẫu</h2>
            <p>Ở chế độ thử nghiệm, Zalo được giả lập tại <code>${STANDIN_PREFIX}</code>. Lấy mã truy cập Zalo cho một người rồi đổi lấy phiên làm việc:</p>
            <pre><code>curl -s -X POST localhost:PORT${STANDIN_PREFIX}/graph/sandbox/users/ZALO_ID/access-token
curl -s -X POST localhost:PORT/api/session -H 'content-type: application/json' -d '{"accessToken":"..."}'</code></pre>
            <table>${personas}</table>`
        : ""
    }
  </body>
</html>`);
});
