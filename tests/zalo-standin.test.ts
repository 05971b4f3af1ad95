/**
 * The Zalo stand-in's OA Open API, OAuth and sandbox controls, over real HTTP: the shapes and
 * error codes of ../shared/reference/zalo-platform.md §1–§4 that the product relies on.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { SANDBOX_ZALO } from "../bot-server/src/env";
import { verifyZaloSignature } from "../bot-server/src/webhook/signature";
import { createZaloStandin, type ZaloStandinOptions } from "../bot-server/src/zalo-standin";

type Fetch = (request: Request) => Response | Promise<Response>;

const T0 = Date.UTC(2027, 2, 15, 2, 30); // 15/03/2027 09:30 in Vietnam
const DAY = 86_400_000;
const ALICE = { followerId: "2468458835291979221", appUserId: "5521772797175877301", name: "Nguyễn Thị Lan" };
const BOB = { followerId: "2468458835291979222", appUserId: "5521772797175877302", name: "Trần Văn Bình" };

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

function listen(fetch: Fetch): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      closers.push(() => new Promise<void>((done) => server.close(() => done())));
      resolve(`http://127.0.0.1:${info.port}`);
    });
  });
}

async function start(options: Partial<ZaloStandinOptions> = {}) {
  const clock = { now: T0 };
  const standin = createZaloStandin({ appSecret: SANDBOX_ZALO.appSecret, now: () => clock.now, ...options });
  const url = await listen(standin.app.fetch);
  standin.addUser(ALICE);

  async function zalo(method: string, path: string, init: { token?: string | null; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    const token = init.token === undefined ? SANDBOX_ZALO.oaAccessToken : init.token;
    if (token !== null) headers.access_token = token;
    let body: string | undefined;
    if (init.body !== undefined) {
      headers["content-type"] = "application/json";
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    }
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: Zalo answers are inspected loosely
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  const sendText = (userId: string, text: string, token?: string | null) =>
    zalo("POST", "/openapi/v3.0/oa/message/cs", {
      token,
      body: { recipient: { user_id: userId }, message: { text } },
    });

  const userDetail = (data: string, token?: string) =>
    zalo("GET", `/openapi/v3.0/oa/user/detail?data=${encodeURIComponent(data)}`, { token });

  async function refresh(
    refreshToken: string,
    over: { appId?: string; secret?: string; grant?: string } = {},
  ) {
    const response = await fetch(`${url}/oauth/v4/oa/access_token`, {
      method: "POST",
      headers: { secret_key: over.secret ?? SANDBOX_ZALO.appSecret },
      body: new URLSearchParams({
        refresh_token: refreshToken,
        app_id: over.appId ?? SANDBOX_ZALO.appId,
        grant_type: over.grant ?? "refresh_token",
      }),
    });
    expect(response.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: Zalo answers are inspected loosely
    return (await response.json()) as any;
  }

  return { standin, url, clock, zalo, sendText, userDetail, refresh };
}

/** A tiny webhook receiver that checks the signature the way the product does. */
async function webhookReceiver() {
  const received: Array<{ raw: string; signature: string | undefined; verified: boolean }> = [];
  const app = new Hono().post("/webhooks/zalo", async (c) => {
    const raw = await c.req.text();
    const signature = c.req.header("x-zevent-signature");
    const check = verifyZaloSignature(signature, raw, SANDBOX_ZALO.appId, SANDBOX_ZALO.oaSecretKey);
    received.push({ raw, signature, verified: check.ok });
    return check.ok ? c.text("ok") : c.text("bad signature", 401);
  });
  const url = await listen(app.fetch);
  return { url: `${url}/webhooks/zalo`, received };
}

describe("POST /v3.0/oa/message/cs", () => {
  it("sends a text to a recent follower and records it once", async () => {
    const { standin, sendText } = await start();
    const response = await sendText(ALICE.followerId, "Xin chào chị Lan");
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ error: 0, message: "Success" });
    const data = response.json.data;
    expect(data.user_id).toBe(ALICE.followerId);
    expect(typeof data.message_id).toBe("string");
    expect(data.sent_time).toBe(String(T0));
    expect(data.quota).toMatchObject({ quota_type: "reply" });
    expect(response.headers.get("x-ratelimit-limit")).toBe("4000");
    expect(response.headers.get("x-ratelimit-remain")).toBe("3999");

    const second = await sendText(ALICE.followerId, "Tin thứ hai");
    expect(second.json.data.message_id).not.toBe(data.message_id);
    const sent = standin.sentMessages();
    expect(sent.map((m) => m.text)).toEqual(["Xin chào chị Lan", "Tin thứ hai"]);
    expect(sent[0]).toMatchObject({ messageId: data.message_id, followerId: ALICE.followerId, at: T0 });
    expect(standin.conversation(ALICE.followerId).map((e) => e.direction)).toEqual(["out", "out"]);
  });

  it("accepts buttons and keeps them in the conversation", async () => {
    const { standin, zalo } = await start();
    const buttons = [
      { title: "Nhận việc", type: "oa.query.hide", payload: "#claim 42" },
      { title: "Mở ứng dụng", type: "oa.open.url", payload: { url: "https://zalo.me/s/123/" } },
      { title: "Gọi tổ", type: "oa.open.phone", payload: { phone_code: "84912345678" } },
      { title: "Xem yêu cầu", type: "oa.query.show", payload: "#view 42" },
    ];
    const response = await zalo("POST", "/openapi/v3.0/oa/message/cs", {
      body: {
        recipient: { user_id: ALICE.followerId },
        message: { text: "Có yêu cầu mới ở thôn 3", attachment: { type: "template", payload: { buttons } } },
      },
    });
    expect(response.json.error).toBe(0);
    const [entry] = standin.conversation(ALICE.followerId);
    expect(entry).toMatchObject({ direction: "out", text: "Có yêu cầu mới ở thôn 3" });
    expect(entry && "buttons" in entry ? entry.buttons : []).toEqual(buttons);

    const list = await zalo("POST", "/openapi/v3.0/oa/message/cs", {
      body: {
        recipient: { user_id: ALICE.followerId },
        message: {
          attachment: {
            type: "template",
            payload: {
              template_type: "list",
              elements: [
                { title: "Yêu cầu #42", subtitle: "Cài VNeID", image_url: "https://example.org/a.png" },
              ],
              buttons: [buttons[0]],
            },
          },
        },
      },
    });
    expect(list.json.error).toBe(0);
  });

  it("answers -216 for a missing or unknown token, before looking at the body", async () => {
    const { standin, sendText, zalo } = await start();
    expect((await sendText(ALICE.followerId, "x", null)).json).toEqual({
      error: -216,
      message: "Access token is invalid",
    });
    expect((await sendText(ALICE.followerId, "x", "not-a-token")).json.error).toBe(-216);
    const garbage = await zalo("POST", "/openapi/v3.0/oa/message/cs", { token: "nope", body: "{" });
    expect(garbage.status).toBe(200);
    expect(garbage.json.error).toBe(-216);
    expect(standin.sentMessages()).toEqual([]);
  });

  it("answers -220 once the access token has expired (forced, or after 25 h)", async () => {
    const first = await start();
    first.standin.expireAccessToken();
    expect((await first.sendText(ALICE.followerId, "x")).json).toEqual({
      error: -220,
      message: "access_token is expired or removed",
    });

    const second = await start();
    second.clock.now = T0 + 90_000_000 - 1;
    second.standin.setLastInteraction(ALICE.followerId, second.clock.now);
    expect((await second.sendText(ALICE.followerId, "x")).json.error).toBe(0);
    second.clock.now = T0 + 90_000_000;
    expect((await second.sendText(ALICE.followerId, "x")).json.error).toBe(-220);
  });

  it("answers -32 over the per-minute rate limit, and serves again the next minute", async () => {
    const { clock, sendText, userDetail } = await start({ rateLimitPerMinute: 3 });
    clock.now = Math.floor(T0 / 60_000) * 60_000 + 10_000;
    expect((await sendText(ALICE.followerId, "1")).json.error).toBe(0);
    expect((await userDetail(JSON.stringify({ user_id: ALICE.followerId }))).json.error).toBe(0);
    expect((await sendText(ALICE.followerId, "3")).json.error).toBe(0);
    const over = await sendText(ALICE.followerId, "4");
    expect(over.json).toEqual({ error: -32, message: "Your application reached limit call api" });
    expect(over.headers.get("x-ratelimit-remain")).toBe("0");
    clock.now += 50_000;
    expect((await sendText(ALICE.followerId, "5")).json.error).toBe(0);
  });

  it("answers -201 naming the invalid field", async () => {
    const { standin, zalo } = await start();
    const post = (body: unknown) => zalo("POST", "/openapi/v3.0/oa/message/cs", { body });
    const to = { user_id: ALICE.followerId };
    const cases: Array<[unknown, string]> = [
      ["{not json", "body"],
      [{ message: { text: "x" } }, "recipient"],
      [{ recipient: { user_id: 2468458835291979 }, message: { text: "x" } }, "user_id"],
      [{ recipient: to }, "message"],
      [{ recipient: to, message: {} }, "message"],
      [{ recipient: to, message: { text: "" } }, "text"],
      [{ recipient: to, message: { text: "a".repeat(2001) } }, "text"],
      [
        {
          recipient: to,
          message: {
            text: "x",
            attachment: {
              type: "template",
              payload: { buttons: [{ title: "A", type: "oa.query.secret", payload: "p" }] },
            },
          },
        },
        "type",
      ],
      [
        {
          recipient: to,
          message: {
            text: "x",
            attachment: {
              type: "template",
              payload: { buttons: [{ title: "B".repeat(36), type: "oa.query.hide", payload: "p" }] },
            },
          },
        },
        "title",
      ],
      [
        {
          recipient: to,
          message: {
            text: "x",
            attachment: {
              type: "template",
              payload: {
                buttons: [{ title: "C", type: "oa.open.url", payload: { url: "javascript:alert(1)" } }],
              },
            },
          },
        },
        "url",
      ],
      [{ recipient: { message_id: "unknown-message" }, message: { text: "x" } }, "message_id"],
    ];
    for (const [body, field] of cases) {
      const response = await post(body);
      expect(response.status).toBe(200);
      expect(response.json, JSON.stringify(body).slice(0, 80)).toEqual({
        error: -201,
        message: `${field} is invalid!`,
      });
    }
    // 2,000 Vietnamese characters are fine, whichever Unicode form they arrive in.
    const decomposed = "ệ".normalize("NFD").repeat(2000);
    expect((await post({ recipient: to, message: { text: decomposed } })).json.error).toBe(0);
    expect(standin.sentMessages()).toHaveLength(1);
  });

  it("answers -213 for unknown users and users who do not follow the OA", async () => {
    const { standin, sendText } = await start();
    expect((await sendText("1234567890123456789", "x")).json).toEqual({
      error: -213,
      message: "User has not followed OA",
    });
    standin.addUser({ ...BOB, following: false });
    expect((await sendText(BOB.followerId, "x")).json.error).toBe(-213);
    await standin.userSends(BOB.followerId, { follow: true });
    expect((await sendText(BOB.followerId, "x")).json.error).toBe(0);
    await standin.userSends(BOB.followerId, { unfollow: true });
    expect((await sendText(BOB.followerId, "x")).json.error).toBe(-213);
  });

  it("answers -244 to a user who blocked the OA", async () => {
    const { standin, sendText } = await start();
    standin.setBlocked(ALICE.followerId, true);
    expect((await sendText(ALICE.followerId, "x")).json).toEqual({
      error: -244,
      message: "User has restricted this message type from your OA",
    });
    standin.setBlocked(ALICE.followerId, false);
    expect((await sendText(ALICE.followerId, "x")).json.error).toBe(0);
  });

  it("answers -230 outside the 7-day interaction window until the user writes again", async () => {
    const { standin, clock, sendText } = await start();
    standin.setLastInteraction(ALICE.followerId, T0 - 7 * DAY);
    const billable = await sendText(ALICE.followerId, "x");
    expect(billable.json.error).toBe(0);
    expect(billable.json.data.quota.quota_type).toBe("billable");
    clock.now = T0 + 1;
    expect((await sendText(ALICE.followerId, "x")).json).toEqual({
      error: -230,
      message: "User has not interacted with the OA in the past 7 days",
    });
    await standin.userSends(ALICE.followerId, { text: "Chào OA" });
    expect((await sendText(ALICE.followerId, "x")).json.error).toBe(0);
    standin.setLastInteraction(ALICE.followerId, null);
    expect((await sendText(ALICE.followerId, "x")).json.error).toBe(-230);
  });

  it("replies to a user's message by message_id", async () => {
    const { standin, zalo } = await start();
    const incoming = await standin.userSends(ALICE.followerId, { text: "can giup cai vneid" });
    const msgId = (incoming.event.message as { msg_id: string }).msg_id;
    const reply = await zalo("POST", "/openapi/v3.0/oa/message/cs", {
      body: { recipient: { message_id: msgId }, message: { text: "Dạ, tổ sẽ liên hệ ạ" } },
    });
    expect(reply.json.error).toBe(0);
    expect(reply.json.data.user_id).toBe(ALICE.followerId);
    expect(standin.conversation(ALICE.followerId).map((e) => e.direction)).toEqual(["in", "out"]);
  });

  it("answers -240 on the retired v2 message API", async () => {
    const { zalo } = await start();
    const response = await zalo("POST", "/openapi/v2.0/oa/message", { body: {} });
    expect(response.json.error).toBe(-240);
  });
});

describe("GET /v3.0/oa/user/detail", () => {
  it("returns the documented fields", async () => {
    const { standin, userDetail } = await start();
    standin.addUser({
      ...BOB,
      avatar: "https://example.org/binh.jpg",
      lastInteractionAt: Date.UTC(2027, 2, 14, 18, 0), // 15/03/2027 01:00 in Vietnam
      sharedInfo: { phone: "84912345678", name: "Bình" },
    });
    const response = await userDetail(JSON.stringify({ user_id: BOB.followerId }));
    expect(response.json).toMatchObject({ error: 0, message: "Success" });
    expect(response.json.data).toMatchObject({
      user_id: BOB.followerId,
      user_id_by_app: BOB.appUserId,
      display_name: BOB.name,
      avatar: "https://example.org/binh.jpg",
      avatars: { "120": "https://example.org/binh.jpg", "240": "https://example.org/binh.jpg" },
      user_is_follower: true,
      user_last_interaction_date: "15/03/2027",
      shared_info: { phone: "84912345678", name: "Bình", address: "", city: "", district: "" },
    });
    const alice = await userDetail(JSON.stringify({ user_id: ALICE.followerId }));
    expect(alice.json.data.shared_info).toBeUndefined();
  });

  it("answers -201 for a malformed data parameter and -213 for an unknown user", async () => {
    const { userDetail, zalo } = await start();
    expect((await zalo("GET", "/openapi/v3.0/oa/user/detail")).json).toEqual({
      error: -201,
      message: "data is invalid!",
    });
    expect((await userDetail("{oops")).json.error).toBe(-201);
    expect((await userDetail(JSON.stringify({ user_id: 42 }))).json).toEqual({
      error: -201,
      message: "user_id is invalid!",
    });
    expect((await userDetail(JSON.stringify({ user_id: "999" }))).json.error).toBe(-213);
    expect((await userDetail(JSON.stringify({ user_id: ALICE.followerId }), "bad")).json.error).toBe(-216);
  });
});

describe("POST /v4/oa/access_token", () => {
  it("rotates the pair: a new pair works, the old refresh token is spent", async () => {
    const { standin, refresh, sendText } = await start();
    const pair = await refresh(SANDBOX_ZALO.oaRefreshToken);
    expect(Object.keys(pair).sort()).toEqual(["access_token", "expires_in", "refresh_token"]);
    expect(pair.expires_in).toBe("90000");
    expect(typeof pair.expires_in).toBe("string");
    expect(pair.access_token).not.toBe(SANDBOX_ZALO.oaAccessToken);
    expect(pair.refresh_token).not.toBe(SANDBOX_ZALO.oaRefreshToken);
    expect(standin.refreshCount()).toBe(1);

    const again = await refresh(SANDBOX_ZALO.oaRefreshToken);
    expect(again).toMatchObject({ error: -14014, error_name: "Invalid refresh token" });
    expect(typeof again.error_description).toBe("string");
    expect(again.access_token).toBeUndefined();
    expect(standin.refreshCount()).toBe(1);

    expect((await sendText(ALICE.followerId, "new token", pair.access_token)).json.error).toBe(0);
    // The previous access token stays valid until its own expiry (documented choice).
    expect((await sendText(ALICE.followerId, "old token")).json.error).toBe(0);

    const next = await refresh(pair.refresh_token);
    expect(next.expires_in).toBe("90000");
    expect(standin.refreshCount()).toBe(2);
    expect(standin.liveTokens().refreshTokens).toEqual([next.refresh_token]);
  });

  it("can revoke the previous access token on refresh", async () => {
    const { refresh, sendText } = await start({ revokeAccessTokenOnRefresh: true });
    const pair = await refresh(SANDBOX_ZALO.oaRefreshToken);
    expect((await sendText(ALICE.followerId, "old")).json.error).toBe(-220);
    expect((await sendText(ALICE.followerId, "new", pair.access_token)).json.error).toBe(0);
  });

  it("refuses a wrong app id, secret key or grant type without spending the refresh token", async () => {
    const { standin, refresh } = await start();
    expect(await refresh(SANDBOX_ZALO.oaRefreshToken, { appId: "123" })).toMatchObject({
      error: -14002,
      error_name: "Invalid appId",
    });
    expect((await refresh(SANDBOX_ZALO.oaRefreshToken, { secret: "wrong" })).error).toBe(-14004);
    expect((await refresh(SANDBOX_ZALO.oaRefreshToken, { grant: "password" })).error).toBe(-14018);
    expect((await refresh("never-issued")).error).toBe(-14014);
    expect(standin.refreshCount()).toBe(0);
    expect((await refresh(SANDBOX_ZALO.oaRefreshToken)).expires_in).toBe("90000");
  });

  it("lets the refresh token expire after 3 months", async () => {
    const { clock, refresh } = await start();
    clock.now = T0 + 90 * DAY;
    expect((await refresh(SANDBOX_ZALO.oaRefreshToken)).error).toBe(-14014);
  });
});

describe("userSends", () => {
  it("posts a correctly signed user_send_text event with string ids", async () => {
    const hook = await webhookReceiver();
    const { standin, clock } = await start({ webhookUrl: hook.url });
    clock.now = T0 + 5000;
    const result = await standin.userSends(ALICE.followerId, { text: "Cần giúp cài VNeID" });
    expect(result.status).toBe(200);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]?.verified).toBe(true);
    expect(hook.received[0]?.raw).toBe(result.rawBody);
    expect(hook.received[0]?.signature).toBe(result.signature);
    expect(result.signature).toMatch(/^mac=[0-9a-f]{64}$/);
    const event = JSON.parse(result.rawBody);
    expect(event).toEqual({
      app_id: SANDBOX_ZALO.appId,
      sender: { id: ALICE.followerId },
      recipient: { id: SANDBOX_ZALO.oaId },
      user_id_by_app: ALICE.appUserId,
      event_name: "user_send_text",
      message: { text: "Cần giúp cài VNeID", msg_id: expect.any(String) },
      timestamp: String(T0 + 5000),
    });
    expect(Object.keys(event)).toEqual([
      "app_id",
      "sender",
      "recipient",
      "user_id_by_app",
      "event_name",
      "message",
      "timestamp",
    ]);
    expect(standin.user(ALICE.followerId)?.lastInteractionAt).toBe(T0 + 5000);
    expect(standin.conversation(ALICE.followerId)).toEqual([
      {
        direction: "in",
        kind: "text",
        messageId: event.message.msg_id,
        at: T0 + 5000,
        text: "Cần giúp cài VNeID",
      },
    ]);

    const tap = await standin.userSends(ALICE.followerId, { text: "#claim 42" });
    expect(JSON.parse(tap.rawBody).message.msg_id).not.toBe(event.message.msg_id);

    // Zalo's retry: the same bytes and signature again.
    const retry = await standin.redeliver(result);
    expect(retry.status).toBe(200);
    expect(hook.received[2]?.raw).toBe(result.rawBody);
    expect(hook.received[2]?.verified).toBe(true);
  });

  it("builds image, location, follow and unfollow events", async () => {
    const hook = await webhookReceiver();
    const { standin } = await start({ webhookUrl: hook.url });
    standin.addUser({ ...BOB, following: false, lastInteractionAt: null });

    const image = JSON.parse(
      (await standin.userSends(ALICE.followerId, { imageUrl: "https://example.org/rac.jpg" })).rawBody,
    );
    expect(image.event_name).toBe("user_send_image");
    expect(image.message.attachments[0]).toEqual({
      type: "image",
      payload: { thumbnail: "https://example.org/rac.jpg", url: "https://example.org/rac.jpg" },
    });

    const location = JSON.parse(
      (await standin.userSends(ALICE.followerId, { latitude: 16.0544, longitude: "108.2022" })).rawBody,
    );
    expect(location.event_name).toBe("user_send_location");
    expect(location.message.attachments[0]).toEqual({
      type: "location",
      payload: { coordinates: { latitude: "16.0544", longitude: "108.2022" } },
    });

    const follow = JSON.parse((await standin.userSends(BOB.followerId, { follow: true })).rawBody);
    expect(follow).toEqual({
      oa_id: SANDBOX_ZALO.oaId,
      follower: { id: BOB.followerId },
      user_id_by_app: BOB.appUserId,
      event_name: "follow",
      source: "oa_profile",
      app_id: SANDBOX_ZALO.appId,
      timestamp: String(T0),
    });
    expect(standin.user(BOB.followerId)).toMatchObject({ following: true, lastInteractionAt: T0 });

    const unfollow = JSON.parse((await standin.userSends(BOB.followerId, { unfollow: true })).rawBody);
    expect(unfollow.event_name).toBe("unfollow");
    expect(standin.user(BOB.followerId)?.following).toBe(false);

    expect(hook.received.every((r) => r.verified)).toBe(true);
    expect(hook.received).toHaveLength(4);
  });

  it("reports a webhook that is down or not configured, and rejects bad input", async () => {
    const { standin } = await start();
    const offline = await standin.userSends(ALICE.followerId, { text: "hello" });
    expect(offline.status).toBeNull();
    standin.setWebhookUrl("http://127.0.0.1:9/webhooks/zalo");
    const down = await standin.userSends(ALICE.followerId, { text: "hello" });
    expect(down.status).toBeNull();
    expect(down.error).toBeTruthy();
    await expect(standin.userSends("42", { text: "x" })).rejects.toThrow(/no user/);
    await expect(standin.userSends(ALICE.followerId, { text: "" })).rejects.toThrow(/text/);
    await expect(standin.userSends(ALICE.followerId, { latitude: 200, longitude: 0 })).rejects.toThrow();
  });
});

describe("fault injection", () => {
  it("fails the next calls as asked, then serves normally", async () => {
    const { standin, sendText, url } = await start();
    standin.failNext(1, "http500");
    standin.failNext(1, "network");
    standin.failNext(1, "rate_limit");
    standin.failNext(1, "token_expired");

    const http500 = await sendText(ALICE.followerId, "1");
    expect(http500.status).toBe(500);
    expect(http500.json).toBeNull();

    await expect(
      fetch(`${url}/openapi/v3.0/oa/message/cs`, {
        method: "POST",
        headers: { access_token: SANDBOX_ZALO.oaAccessToken, "content-type": "application/json" },
        body: JSON.stringify({ recipient: { user_id: ALICE.followerId }, message: { text: "2" } }),
      }),
    ).rejects.toThrow(/fetch failed/);

    expect((await sendText(ALICE.followerId, "3")).json.error).toBe(-32);
    expect((await sendText(ALICE.followerId, "4")).json.error).toBe(-220);
    expect((await sendText(ALICE.followerId, "5")).json.error).toBe(0);
    expect(standin.sentMessages().map((m) => m.text)).toEqual(["5"]);
    expect(standin.callCount()).toBe(5);
  });

  it("fails the token endpoint without spending the refresh token", async () => {
    const { standin, refresh, url } = await start();
    standin.failNext(1, "network", "oauth");
    standin.failNext(1, "http500", "oauth");
    await expect(
      fetch(`${url}/oauth/v4/oa/access_token`, {
        method: "POST",
        headers: { secret_key: SANDBOX_ZALO.appSecret },
        body: new URLSearchParams({
          refresh_token: SANDBOX_ZALO.oaRefreshToken,
          app_id: SANDBOX_ZALO.appId,
          grant_type: "refresh_token",
        }),
      }),
    ).rejects.toThrow(/fetch failed/);
    const failed = await fetch(`${url}/oauth/v4/oa/access_token`, { method: "POST" });
    expect(failed.status).toBe(500);
    expect((await refresh(SANDBOX_ZALO.oaRefreshToken)).expires_in).toBe("90000");
    expect(() => standin.failNext(1, "rate_limit", "oauth")).toThrow();
  });
});

describe("sandbox HTTP controls", () => {
  it("adds users, acts as them, reads conversations and injects faults over HTTP", async () => {
    const hook = await webhookReceiver();
    const { standin, url, sendText } = await start({ webhookUrl: hook.url });
    const post = (path: string, body: unknown) =>
      fetch(`${url}/sandbox/oa${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    const added = await post("/users", BOB);
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({ followerId: BOB.followerId, following: true, blocked: false });
    expect((await post("/users", { followerId: 12, appUserId: "1", name: "x" })).status).toBe(400);

    const sent = await post(`/users/${BOB.followerId}/send`, { text: "phan anh rac thai" });
    expect(sent.status).toBe(200);
    const result = (await sent.json()) as { status: number; event: { event_name: string } };
    expect(result).toMatchObject({ status: 200, event: { event_name: "user_send_text" } });
    expect(hook.received.at(-1)?.verified).toBe(true);
    expect((await post("/users/42/send", { text: "x" })).status).toBe(404);
    expect((await post(`/users/${BOB.followerId}/send`, { nothing: true })).status).toBe(400);

    await sendText(BOB.followerId, "Dạ, đã nhận phản ánh");
    const conversation = await (await fetch(`${url}/sandbox/oa/users/${BOB.followerId}/conversation`)).json();
    expect((conversation as Array<{ direction: string }>).map((e) => e.direction)).toEqual(["in", "out"]);
    const all = (await (await fetch(`${url}/sandbox/oa/sent`)).json()) as unknown[];
    expect(all).toHaveLength(1);

    expect((await post(`/users/${BOB.followerId}/blocked`, { blocked: true })).status).toBe(200);
    expect((await sendText(BOB.followerId, "x")).json.error).toBe(-244);
    await post(`/users/${BOB.followerId}/blocked`, { blocked: false });
    await post(`/users/${BOB.followerId}/last-interaction`, { at: T0 - 30 * DAY });
    expect((await sendText(BOB.followerId, "x")).json.error).toBe(-230);

    expect((await post("/faults", { count: 2, kind: "rate_limit" })).status).toBe(200);
    expect((await post("/faults", { count: 1, kind: "boom" })).status).toBe(400);
    expect((await sendText(ALICE.followerId, "x")).json.error).toBe(-32);
    await post("/access-token/expire", {});
    const stats = (await (await fetch(`${url}/sandbox/oa/stats`)).json()) as Record<string, unknown>;
    expect(stats).toMatchObject({ refreshCount: 0, pendingFaults: { openapi: ["rate_limit"], oauth: [] } });
    await fetch(`${url}/sandbox/oa/faults`, { method: "DELETE" });
    expect((await sendText(ALICE.followerId, "x")).json.error).toBe(-220);
    expect(standin.callCount()).toBe((stats.callCount as number) + 1);
  });

  it("defaults every credential to SANDBOX_ZALO", async () => {
    const standin = createZaloStandin({ appSecret: SANDBOX_ZALO.appSecret });
    expect(standin.liveTokens()).toEqual({
      accessTokens: [SANDBOX_ZALO.oaAccessToken],
      refreshTokens: [SANDBOX_ZALO.oaRefreshToken],
    });
  });
});

describe("graph: getLocation tokens and GET /v2.0/me/info", () => {
  async function graphUser(url: string, appUserId: string, name: string) {
    const response = await fetch(`${url}/graph/sandbox/users/${appUserId}/access-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async function locationToken(url: string, appUserId: string, body: unknown) {
    const response = await fetch(`${url}/graph/sandbox/users/${appUserId}/location-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: Zalo answers are inspected loosely
    return { status: response.status, json: (await response.json()) as any };
  }

  async function exchange(url: string, headers: Record<string, string>) {
    // biome-ignore lint/suspicious/noExplicitAny: Zalo answers are inspected loosely
    return (await (await fetch(`${url}/graph/v2.0/me/info`, { headers })).json()) as any;
  }

  it("exchanges a location token once for the coordinates, as strings", async () => {
    const { url } = await start();
    const accessToken = await graphUser(url, ALICE.appUserId, ALICE.name);
    const issued = await locationToken(url, ALICE.appUserId, { latitude: 15.8794, longitude: 108.3612 });
    expect(issued.status).toBe(200);
    const headers = {
      access_token: accessToken,
      code: issued.json.token,
      secret_key: SANDBOX_ZALO.appSecret,
    };
    const answer = await exchange(url, headers);
    expect(answer).toMatchObject({
      error: 0,
      data: { latitude: "15.8794", longitude: "108.3612", provider: expect.any(String) },
    });
    expect(typeof answer.data.timestamp).toBe("string");
    // Single use: the same token again is refused.
    expect((await exchange(url, headers)).error).toBe(-1401);
  });

  it("refuses forged, expired and someone else's tokens, a wrong secret and a bad access token", async () => {
    const { url, clock } = await start();
    const alice = await graphUser(url, ALICE.appUserId, ALICE.name);
    await graphUser(url, BOB.appUserId, BOB.name);
    const secret = SANDBOX_ZALO.appSecret;
    expect((await exchange(url, { access_token: alice, code: "forged", secret_key: secret })).error).toBe(
      -1401,
    );

    const bobs = (await locationToken(url, BOB.appUserId, { latitude: 15.9, longitude: 108.3 })).json.token;
    expect((await exchange(url, { access_token: alice, code: bobs, secret_key: secret })).error).toBe(-1401);

    const late = (await locationToken(url, ALICE.appUserId, { latitude: 15.9, longitude: 108.3 })).json.token;
    clock.now += 2 * 60_000 + 1;
    expect((await exchange(url, { access_token: alice, code: late, secret_key: secret })).error).toBe(-1401);

    const fresh = (await locationToken(url, ALICE.appUserId, { latitude: 15.9, longitude: 108.3 })).json
      .token;
    expect((await exchange(url, { access_token: alice, code: fresh, secret_key: "wrong" })).error).toBe(-124);
    expect((await exchange(url, { access_token: "nope", code: fresh, secret_key: secret })).error).toBe(452);
    // Neither refusal spent the token: the proper call still gets the position.
    expect((await exchange(url, { access_token: alice, code: fresh, secret_key: secret })).error).toBe(0);
  });

  it("issues location tokens only for known users and valid coordinates", async () => {
    const { url } = await start();
    await graphUser(url, ALICE.appUserId, ALICE.name);
    expect((await locationToken(url, "999", { latitude: 15.9, longitude: 108.3 })).json.error).toBe(-201);
    expect((await locationToken(url, ALICE.appUserId, { latitude: 91, longitude: 108.3 })).status).toBe(400);
    expect((await locationToken(url, ALICE.appUserId, { latitude: "15.9", longitude: 108.3 })).status).toBe(
      400,
    );
    expect((await locationToken(url, ALICE.appUserId, {})).json.error).toBe(-201);
  });
});
