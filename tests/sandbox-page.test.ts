/**
 * The sandbox page (issue #3) over real HTTP: the page, the persona list, the sample photo, the
 * demo followers in the stand-in, and the page script itself — its escaping helpers, and its
 * wiring driven through a small fake DOM against the stand-in mounted at STANDIN_PREFIX, as
 * `npm start` mounts it.
 */
import { join } from "node:path";
import { runInNewContext, Script } from "node:vm";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../bot-server/src/app";
import { openDatabase } from "../bot-server/src/db/client";
import { persons } from "../bot-server/src/db/schema";
import { DEMO_PERSONAS, seedDemoData } from "../bot-server/src/demo/seed";
import { parseEnv, SANDBOX_ZALO, STANDIN_PREFIX } from "../bot-server/src/env";
import type { AppEnv } from "../bot-server/src/lib/context";
import { createLogger } from "../bot-server/src/lib/logger";
import { sniffImageType } from "../bot-server/src/photos/storage";
import { registerDemoFollowers } from "../bot-server/src/sandbox/followers";
import { SANDBOX_CLIENT_JS, sandboxRoutes } from "../bot-server/src/sandbox/page";
import type { SandboxPersona } from "../bot-server/src/sandbox/personas";
import { createGraphClient } from "../bot-server/src/zalo/graph-client";
import { createZaloStandin } from "../bot-server/src/zalo-standin";
import { tempDir } from "./helpers/db";
import { listen } from "./helpers/server";

const NOW = new Date("2027-03-15T02:30:00Z"); // Monday 09:30 in Vietnam

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** The app as `npm start` runs it in sandbox mode: our page first, the stand-in at /__zalo. */
async function start(options: { live?: boolean } = {}) {
  const handle = openDatabase(":memory:");
  closers.push(() => handle.close());
  seedDemoData(handle.db, NOW);
  const config = parseEnv({
    PORT: "0",
    DATABASE_PATH: ":memory:",
    UPLOAD_DIR: join(tempDir(), "uploads"),
    LOG_LEVEL: "silent",
    ...(options.live
      ? {
          ZALO_APP_ID: "1",
          ZALO_APP_SECRET: "s",
          ZALO_OA_ID: "2",
          ZALO_OA_SECRET_KEY: "k",
          ZALO_OA_ACCESS_TOKEN: "a",
          ZALO_OA_REFRESH_TOKEN: "r",
          SESSION_SECRET: "x".repeat(32),
        }
      : {}),
  });
  const deps = {
    config,
    db: handle.db,
    logger: createLogger("silent"),
    graph: createGraphClient({ baseUrl: "http://127.0.0.1:9/graph", appSecret: config.zalo.appSecret }),
    now: () => NOW,
  };
  const app = createApp(deps);
  const standin = createZaloStandin({ appSecret: SANDBOX_ZALO.appSecret });
  const webhookEvents: unknown[] = [];
  const outer = new Hono<AppEnv>()
    .post("/test-webhook", async (c) => {
      webhookEvents.push(await c.req.json());
      return c.json({ ok: true });
    })
    .route(STANDIN_PREFIX, standin.app)
    .use("*", async (c, next) => {
      c.set("deps", deps);
      await next();
    })
    .route("/", sandboxRoutes)
    .all("*", (c) => app.fetch(c.req.raw));
  const server = await listen(outer.fetch);
  closers.push(() => server.close());
  standin.setWebhookUrl(`${server.url}/test-webhook`);
  return { url: server.url, db: handle.db, standin, webhookEvents };
}

async function personasOf(url: string): Promise<SandboxPersona[]> {
  const response = await fetch(`${url}/sandbox/api/personas`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { personas: SandboxPersona[] }).personas;
}

function demo(key: string) {
  const persona = DEMO_PERSONAS.find((p) => p.key === key);
  if (!persona) throw new Error(`no persona ${key}`);
  return persona;
}

interface View {
  escapeHtml(value: unknown): string;
  safeUrl(value: unknown): string | null;
  foldText(value: string): string;
  matchesSearch(persona: Partial<SandboxPersona>, query: string): boolean;
  buttonHtml(button: unknown): string;
  entryHtml(entry: unknown, taps?: Record<string, { title: string; type: string }>): string;
  conversationHtml(entries: unknown[], taps?: Record<string, unknown>): string;
  personaHtml(persona: Partial<SandboxPersona>, selected: boolean): string;
  personaListHtml(personas: Partial<SandboxPersona>[], query: string, selectedId?: string): string;
}

/** The helpers exactly as the browser gets them: client.js run in a bare context (no DOM). */
function loadView(): View {
  return runInNewContext(`${SANDBOX_CLIENT_JS}\n;SandboxView;`, { URL }) as View;
}

const EVIL = `<img src=x onerror="alert(1)">'&`;
const EVIL_ESCAPED = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;";

describe("sandbox page", () => {
  it("serves one self-contained page with the picker, the chat and the usual links", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const page = await response.text();
    for (const id of [
      "persona-search",
      "persona-list",
      "messages",
      "composer",
      "text",
      "send",
      "side-panel",
    ]) {
      expect(page).toContain(`id="${id}"`);
    }
    expect(page).toContain("Chế độ thử nghiệm: Zalo được giả lập trên máy này");
    for (const label of ["Quan tâm OA", "Bỏ quan tâm", "Gửi ảnh mẫu", "Gửi vị trí", ">Gửi<"]) {
      expect(page).toContain(label);
    }
    expect(page).toContain('href="/openapi.json"');
    expect(page).toContain('href="/healthz"');
    expect(page).toContain(`data-standin="${STANDIN_PREFIX}"`);
    // Offline machine: nothing loaded from elsewhere.
    expect(page).not.toMatch(/<(link|script)[^>]+(src|href)=/i);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//i);
    // The inlined script is client.js, whole, and parses.
    const script = /<script>([\s\S]*)<\/script>/.exec(page)?.[1] ?? "";
    expect(script).toBe(SANDBOX_CLIENT_JS);
    expect(() => new Script(script)).not.toThrow();
    // The same page stays reachable at /sandbox.
    expect((await fetch(`${url}/sandbox`)).status).toBe(200);
  });

  it("lists every OA follower, demo personas first, with Vietnamese role labels and no phone numbers", async () => {
    const { url, db } = await start();
    const citizen = demo("citizen-camthanh");
    db.update(persons)
      .set({ phone: "0905123456" })
      .where(eq(persons.zaloAppUserId, citizen.zaloAppUserId))
      .run();
    const response = await fetch(`${url}/sandbox/api/personas`);
    const text = await response.text();
    expect(text).not.toContain("0905123456");
    expect(text).not.toMatch(/"phone/i);
    const { personas } = JSON.parse(text) as { personas: SandboxPersona[] };
    const followers = db.select({ id: persons.oaFollowerId }).from(persons).all();
    expect(personas).toHaveLength(followers.filter((p) => p.id !== null).length);
    expect(personas.slice(0, DEMO_PERSONAS.length).map((p) => p.appUserId)).toEqual(
      DEMO_PERSONAS.map((p) => p.zaloAppUserId),
    );
    const label = (key: string) => personas.find((p) => p.appUserId === demo(key).zaloAppUserId)?.roleLabel;
    expect(label("citizen-camthanh")).toBe("Người dân – Thôn 1, Cẩm Thanh");
    expect(label("citizen-campho")).toBe("Người dân – Khối phố 2, Cẩm Phô");
    expect(label("citizen-new")).toBe("Người dân – chưa chọn thôn");
    expect(label("member-camthanh-t1")).toBe("Thành viên tổ – Thôn 1, Cẩm Thanh");
    expect(label("leader-camthanh-t1")).toBe("Tổ trưởng – Thôn 1, Cẩm Thanh");
    expect(label("admin-camthanh")).toBe("Cán bộ xã – Cẩm Thanh");
    expect(label("admin-campho")).toBe("Cán bộ phường – Cẩm Phô");
    expect(label("viewer-hoian")).toBe("Người xem – Hội An");
    expect(label("viewer-quangnam")).toBe("Người xem – Quảng Nam");
    const first = personas[0];
    expect(first).toMatchObject({
      name: demo("citizen-camthanh").displayName,
      role: "citizen",
      demoLabel: demo("citizen-camthanh").label,
      following: true,
    });
    expect(first?.followerId).toMatch(/^\d{19}$/);
    // After the demo personas: staff, then team members, then residents.
    const rest = personas.slice(DEMO_PERSONAS.length).map((p) => p.role);
    const order = ["admin", "viewer", "leader", "member", "citizen"];
    expect(rest.map((r) => order.indexOf(r))).toEqual(
      [...rest.map((r) => order.indexOf(r))].sort((a, b) => a - b),
    );
    expect(rest).toContain("member");
    expect(rest).toContain("citizen");
  });

  it("serves the sample photo as a real PNG", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/sandbox/sample-photo.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(sniffImageType(bytes)?.mime).toBe("image/png");
    expect(bytes.length).toBeLessThan(20_000);
  });

  it("does not exist in live mode: the home page answers / and the persona list is not found", async () => {
    const { url } = await start({ live: true });
    const home = await (await fetch(`${url}/`)).text();
    expect(home).toContain("Cầu Nối");
    expect(home).not.toContain('id="persona-list"');
    expect((await fetch(`${url}/sandbox/api/personas`)).status).toBe(404);
    expect((await fetch(`${url}/sandbox/sample-photo.png`)).status).toBe(404);
    expect((await fetch(`${url}/sandbox`)).status).toBe(404);
  });
});

describe("registerDemoFollowers", () => {
  it("adds every person with both Zalo ids to the stand-in, following and interacting as the database says", async () => {
    const { db, standin } = await start();
    const leader = demo("leader-camthanh-t1");
    const member = demo("member-camthanh-t1");
    const at = Date.UTC(2027, 2, 15, 2, 30);
    const yesterday = new Date(at - 86_400_000);
    db.update(persons).set({ oaFollowing: false, oaLastInteractionAt: null }).run();
    db.update(persons)
      .set({ oaFollowing: true, oaLastInteractionAt: yesterday })
      .where(eq(persons.zaloAppUserId, leader.zaloAppUserId))
      .run();
    db.update(persons)
      .set({ oaFollowing: true })
      .where(eq(persons.zaloAppUserId, member.zaloAppUserId))
      .run();
    const count = registerDemoFollowers(standin, db, () => at);
    const people = db.select().from(persons).all();
    expect(count).toBe(people.filter((p) => p.oaFollowerId && p.zaloAppUserId).length);
    expect(standin.users()).toHaveLength(count);
    for (const persona of DEMO_PERSONAS) {
      const person = people.find((p) => p.zaloAppUserId === persona.zaloAppUserId);
      const user = standin.user(person?.oaFollowerId ?? "");
      expect(user).toMatchObject({ appUserId: persona.zaloAppUserId, name: persona.displayName });
      if (persona.key === leader.key) {
        expect(user).toMatchObject({ following: true, lastInteractionAt: yesterday.getTime() });
      } else if (persona.key === member.key) {
        expect(user).toMatchObject({ following: true, lastInteractionAt: at });
      } else {
        expect(user).toMatchObject({ following: false, lastInteractionAt: null });
      }
    }
    // Running it again (a restart) updates, it does not duplicate.
    expect(registerDemoFollowers(standin, db)).toBe(count);
    expect(standin.users()).toHaveLength(count);
  });
});

describe("page script helpers", () => {
  const view = loadView();

  it("escapes text and attribute values", () => {
    expect(view.escapeHtml(EVIL)).toBe(EVIL_ESCAPED);
    expect(view.escapeHtml(null)).toBe("");
    expect(view.escapeHtml(42)).toBe("42");
  });

  it("accepts only http(s) URLs and same-origin paths", () => {
    expect(view.safeUrl("https://zalo.me/s/1/")).toBe("https://zalo.me/s/1/");
    expect(view.safeUrl("/sandbox/sample-photo.png")).toBe("/sandbox/sample-photo.png");
    for (const bad of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,x",
      "//evil.example/x",
      "/\\evil",
      "",
      7,
    ]) {
      expect(view.safeUrl(bad)).toBeNull();
    }
  });

  it("renders chat text, images and cards escaped", () => {
    const out = view.entryHtml({
      direction: "out",
      messageId: "m1",
      at: 0,
      text: EVIL,
      attachment: {
        type: "template",
        payload: {
          template_type: "list",
          elements: [{ title: EVIL, subtitle: EVIL, image_url: "javascript:x" }],
        },
      },
      buttons: [],
    });
    expect(out).not.toContain("<img src=x");
    expect(out).toContain(EVIL_ESCAPED);
    expect(out).not.toContain("javascript:");
    const incoming = view.entryHtml({ direction: "in", kind: "text", messageId: "m2", at: 0, text: EVIL });
    expect(incoming).toContain(`<div class="text">${EVIL_ESCAPED}</div>`);
    const image = view.entryHtml({
      direction: "in",
      kind: "image",
      messageId: "m3",
      at: 0,
      imageUrl: `https://x.example/a.png?"><script>`,
      text: EVIL,
    });
    expect(image).not.toContain("<script>");
    expect(image).toContain('src="https://x.example/a.png?%22%3E%3Cscript%3E"');
    const location = view.entryHtml({
      direction: "in",
      kind: "location",
      messageId: "m4",
      at: 0,
      latitude: "<b>",
      longitude: "1",
    });
    expect(location).toContain("&lt;b&gt;, 1");
  });

  it("renders OA buttons as real buttons carrying their payload, links only for safe URLs", () => {
    const query = view.buttonHtml({ title: EVIL, type: "oa.query.hide", payload: `#claim:1" onclick="x` });
    expect(query).toMatch(/^<button type="button" class="oa-button" data-action="query"/);
    expect(query).toContain(`data-payload="#claim:1&quot; onclick=&quot;x"`);
    expect(query).toContain(`data-title="${EVIL_ESCAPED}"`);
    expect(query).not.toContain(`onclick="x"`);
    const link = view.buttonHtml({
      title: "Mở",
      type: "oa.open.url",
      payload: { url: "https://zalo.me/s/1/?a=1&b=2" },
    });
    expect(link).toContain(
      'href="https://zalo.me/s/1/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer"',
    );
    const bad = view.buttonHtml({
      title: "Mở",
      type: "oa.open.url",
      payload: { url: "javascript:alert(1)" },
    });
    expect(bad).not.toContain("href");
    expect(
      view.buttonHtml({ title: "Gọi", type: "oa.open.phone", payload: { phone_code: "0905123456" } }),
    ).toContain('href="tel:0905123456"');
    expect(
      view.buttonHtml({ title: "Gọi", type: "oa.open.phone", payload: { phone_code: "1;x" } }),
    ).not.toContain("href");
  });

  it("shows a hidden-payload tap as the button's title, as Zalo does", () => {
    const entry = { direction: "in", kind: "text", messageId: "m9", at: 0, text: "#claim:12" };
    expect(view.entryHtml(entry, { m9: { title: EVIL, type: "oa.query.hide" } })).toContain(
      `Đã bấm nút “${EVIL_ESCAPED}”`,
    );
    expect(view.entryHtml(entry, {})).toContain("#claim:12");
  });

  it("lists personas escaped, grouped, and searchable without diacritics", () => {
    const personas = [
      {
        followerId: "1",
        name: EVIL,
        roleLabel: "Người dân – Thôn 1, Cẩm Thanh",
        role: "citizen" as const,
        demoLabel: "x",
      },
      {
        followerId: "2",
        name: "Đặng Văn Khánh",
        roleLabel: "Thành viên tổ – Thôn 4, Cẩm Thanh",
        role: "member" as const,
        demoLabel: null,
      },
    ];
    const list = view.personaListHtml(personas, "", "2");
    expect(list).not.toContain("<img");
    expect(list).toContain(EVIL_ESCAPED);
    expect(list.indexOf("Người dùng mẫu")).toBeLessThan(list.indexOf("Thành viên tổ ("));
    expect(list).toMatch(/class="persona selected"[^>]*data-follower="2"/);
    expect(view.matchesSearch(personas[1] as SandboxPersona, "dang khanh thon 4")).toBe(true);
    expect(view.matchesSearch(personas[1] as SandboxPersona, "cam thanh thanh vien")).toBe(true);
    expect(view.matchesSearch(personas[1] as SandboxPersona, "cẩm phô")).toBe(false);
    expect(view.personaListHtml(personas, "<b>", undefined)).toContain("&lt;b&gt;");
  });
});

// ---------------------------------------------------------------------------------------------
// The page script against the real server, through a fake DOM just large enough for it
// ---------------------------------------------------------------------------------------------

type Listener = (event: Record<string, unknown>) => unknown;

class FakeElement {
  innerHTML = "";
  textContent = "";
  value = "";
  hidden = false;
  className = "";
  scrollTop = 0;
  scrollHeight = 0;
  clientHeight = 0;
  dataset: Record<string, string> = {};
  attributes: Record<string, string> = {};
  listeners: Record<string, Listener[]> = {};
  private classes = new Set<string>();
  classList = {
    add: (name: string) => void this.classes.add(name),
    remove: (name: string) => void this.classes.delete(name),
    contains: (name: string) => this.classes.has(name) || this.className.split(" ").includes(name),
    toggle: (name: string, on?: boolean) => {
      const wanted = on ?? !this.classes.has(name);
      if (wanted) this.classes.add(name);
      else this.classes.delete(name);
      return wanted;
    },
  };
  addEventListener(type: string, listener: Listener) {
    const list = this.listeners[type] ?? [];
    list.push(listener);
    this.listeners[type] = list;
  }
  async fire(type: string, event: Record<string, unknown> = {}) {
    for (const listener of this.listeners[type] ?? []) await listener({ preventDefault() {}, ...event });
  }
  setAttribute(name: string, value: string) {
    this.attributes[name] = value;
  }
  focus() {}
  requestSubmit() {
    void this.fire("submit");
  }
}

/** A click on an element that the page rendered as HTML: `closest` finds it by its attributes. */
function clickOn(container: FakeElement, pattern: RegExp) {
  const match = pattern.exec(container.innerHTML);
  if (!match) throw new Error(`nothing matches ${pattern} in ${container.innerHTML.slice(0, 400)}`);
  const tag = match[0];
  const dataset: Record<string, string> = {};
  for (const [, name = "", value = ""] of tag.matchAll(/data-([a-z]+)="([^"]*)"/g)) {
    dataset[name] = value
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  }
  return container.fire("click", { target: { closest: () => ({ dataset }) } });
}

async function until<T>(probe: () => T | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function runPage(url: string) {
  const elements = new Map<string, FakeElement>();
  const byId = (id: string) => {
    const element = elements.get(id) ?? new FakeElement();
    elements.set(id, element);
    return element;
  };
  const body = new FakeElement();
  body.dataset.standin = STANDIN_PREFIX;
  const doc = { body, hidden: false, getElementById: byId };
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;
  const store = new Map<string, string>();
  const win = {
    fetch: (path: string, init?: RequestInit) => fetch(new URL(path, url), init),
    location: { href: `${url}/`, hash: "" },
    history: { replaceState() {} },
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    },
    setTimeout: (fn: () => void, ms: number) => {
      if (stopped) return undefined;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopped) fn();
      }, ms);
      timers.add(timer);
      return timer;
    },
    clearTimeout: (timer: ReturnType<typeof setTimeout>) => {
      clearTimeout(timer);
      timers.delete(timer);
    },
  };
  runInNewContext(`${SANDBOX_CLIENT_JS}\n;startSandbox(SandboxView, doc, win);`, {
    doc,
    win,
    URL,
    URLSearchParams,
    Date,
  });
  closers.push(() => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
  });
  return { byId, body };
}

describe("page script", () => {
  it("picks the first demo persona, follows, chats, taps an OA button and sends a photo and a location", async () => {
    const { url, db, standin, webhookEvents } = await start();
    db.update(persons).set({ oaFollowing: false, oaLastInteractionAt: null }).run();
    registerDemoFollowers(standin, db);
    const { byId } = runPage(url);
    const citizen = demo("citizen-camthanh");
    const person = db.select().from(persons).where(eq(persons.zaloAppUserId, citizen.zaloAppUserId)).get();
    const followerId = person?.oaFollowerId ?? "";

    await until(() => byId("persona-list").innerHTML.includes(citizen.displayName), "the persona list");
    expect(byId("persona-list").innerHTML).toContain("Người dùng mẫu");
    await until(() => byId("chat-who").textContent.includes(citizen.displayName), "the first persona");
    await until(() => byId("messages").innerHTML.includes("Chưa có tin nhắn"), "the empty chat");
    await until(() => byId("follow-state").textContent === "Chưa quan tâm OA", "the not-following state");

    await byId("follow").fire("click");
    await until(() => byId("messages").innerHTML.includes("Bạn đã quan tâm OA"), "the follow event");
    expect(standin.user(followerId)?.following).toBe(true);
    await until(() => byId("follow-state").textContent === "Đang quan tâm OA", "the following state");

    byId("text").value = "giúp tôi cài VNeID";
    await byId("composer").fire("submit");
    expect(byId("text").value).toBe("");
    await until(() => byId("messages").innerHTML.includes("giúp tôi cài VNeID"), "the text");

    // The OA answers with buttons, through the stand-in's OA Open API as the product would.
    const sent = await fetch(`${url}${STANDIN_PREFIX}/openapi/v3.0/oa/message/cs`, {
      method: "POST",
      headers: { "content-type": "application/json", access_token: SANDBOX_ZALO.oaAccessToken },
      body: JSON.stringify({
        recipient: { user_id: followerId },
        message: {
          text: `Anh/chị ở thôn nào? ${EVIL}`,
          attachment: {
            type: "template",
            payload: {
              buttons: [
                { title: "Thôn 1", type: "oa.query.hide", payload: "#village:CAMTHANH-T1" },
                { title: "Mở Mini App", type: "oa.open.url", payload: { url: "https://zalo.me/s/1/" } },
              ],
            },
          },
        },
      }),
    });
    expect(((await sent.json()) as { error: number }).error).toBe(0);
    await until(() => byId("messages").innerHTML.includes("Anh/chị ở thôn nào?"), "the OA message");
    const messages = byId("messages");
    expect(messages.innerHTML).toContain(EVIL_ESCAPED);
    expect(messages.innerHTML).not.toContain("<img src=x");
    expect(messages.innerHTML).toContain('href="https://zalo.me/s/1/" target="_blank"');

    await clickOn(messages, /<button[^>]*data-payload="#village:CAMTHANH-T1"[^>]*>/);
    await until(() => messages.innerHTML.includes("Đã bấm nút “Thôn 1”"), "the tap");
    expect(messages.innerHTML).not.toContain("#village:CAMTHANH-T1<");
    const texts = standin
      .conversation(followerId)
      .filter((e) => e.direction === "in" && e.kind === "text")
      .map((e) => (e.direction === "in" ? e.text : ""));
    expect(texts).toEqual(["giúp tôi cài VNeID", "#village:CAMTHANH-T1"]);

    await byId("send-photo").fire("click");
    await until(() => messages.innerHTML.includes('src="http://127.0.0.1'), "the photo");
    await byId("send-location").fire("click");
    await until(() => messages.innerHTML.includes("Vị trí của tôi"), "the location");
    const last = standin
      .conversation(followerId)
      .filter((e) => e.direction === "in")
      .slice(-2);
    expect(last[0]).toMatchObject({ kind: "image", imageUrl: `${url}/sandbox/sample-photo.png` });
    expect(last[1]).toMatchObject({ kind: "location", latitude: "15.8801", longitude: "108.3380" });

    // Every action reached the webhook as a signed Zalo event.
    expect(webhookEvents.map((e) => (e as { event_name: string }).event_name)).toEqual([
      "follow",
      "user_send_text",
      "user_send_text",
      "user_send_image",
      "user_send_location",
    ]);
    expect(byId("status").hidden).toBe(true);
  });

  it("keeps each persona's conversation when switching, and says when the webhook did not take an event", async () => {
    const { url, db, standin } = await start();
    registerDemoFollowers(standin, db);
    const { byId } = runPage(url);
    const member = demo("member-camthanh-t1");
    await until(() => byId("persona-list").innerHTML.includes(member.displayName), "the persona list");
    await until(() => byId("messages").innerHTML.includes("Chưa có tin nhắn"), "the first chat");
    byId("text").value = "tin của người dân";
    await byId("composer").fire("submit");
    await until(() => byId("messages").innerHTML.includes("tin của người dân"), "the citizen's text");

    const personas = await personasOf(url);
    const followerOf = (key: string) =>
      personas.find((p) => p.appUserId === demo(key).zaloAppUserId)?.followerId;
    const list = byId("persona-list");
    await clickOn(list, new RegExp(`<button[^>]*data-follower="${followerOf("member-camthanh-t1")}"[^>]*>`));
    await until(() => byId("chat-who").textContent.includes(member.displayName), "the member");
    await until(() => byId("messages").innerHTML.includes("Chưa có tin nhắn"), "the member's empty chat");

    standin.setWebhookUrl(undefined);
    byId("text").value = "xin chào";
    await byId("composer").fire("submit");
    await until(() => !byId("status").hidden, "the warning");
    expect(byId("status").textContent).toContain("máy chủ Cầu Nối chưa nhận");

    await clickOn(list, new RegExp(`<button[^>]*data-follower="${followerOf("citizen-camthanh")}"[^>]*>`));
    await until(() => byId("messages").innerHTML.includes("tin của người dân"), "the citizen's chat again");
    expect(byId("messages").innerHTML).not.toContain("xin chào");
  });
});
