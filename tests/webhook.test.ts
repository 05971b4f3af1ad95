/**
 * The Zalo webhook over real HTTP (SPEC §4.1 webhook, §7 Nothing lost / Bad input): the
 * signature is checked on the raw bytes and a refused event is stored nowhere; retries and
 * replays are stored and processed once; every documented event shape is accepted, unknown or
 * malformed ones are kept and ignored with a reason; ids stay strings; a handler failure is
 * retried then kept as `failed` without blocking the events behind it; and two members tapping
 * "Nhận" at once end with one owner.
 */
import { randomBytes } from "node:crypto";
import { asc, count, eq, like } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outboxMessages, persons, requests, webhookEvents } from "../bot-server/src/db/schema";
import { DEMO_PERSONAS } from "../bot-server/src/demo/seed";
import { parseEnv, SANDBOX_ZALO } from "../bot-server/src/env";
import { createLogger } from "../bot-server/src/lib/logger";
import { enqueueMessage } from "../bot-server/src/outbox/enqueue";
import { createOutboxWorker } from "../bot-server/src/outbox/worker";
import { KNOWN_EVENT_NAMES, zaloEventSchema } from "../bot-server/src/webhook/events";
import { signatureHeader } from "../bot-server/src/webhook/signature";
import { createInboxWorker } from "../bot-server/src/webhook/worker";
import { oaClientFor } from "../bot-server/src/zalo/oa-client";
import { type Chat, startChat } from "./helpers/chat";
import { listen } from "./helpers/server";

let c: Chat;
const closers: Array<() => Promise<void> | void> = [];
beforeEach(async () => {
  c = await startChat();
});
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
  await c.close();
});

// ------------------------------------------------------------------------------------------
// Helpers: Zalo-shaped events, signed like Zalo signs them, posted over HTTP
// ------------------------------------------------------------------------------------------

const APP_ID = SANDBOX_ZALO.appId;
const OA_ID = SANDBOX_ZALO.oaId;
let tick = 0;
/** Epoch ms as a string, distinct per event (Zalo sends the timestamp as a string). */
const timestamp = () => String(c.clock.now.getTime() + ++tick);
const msgId = () => randomBytes(10).toString("hex");

const appUserIdOf = (key: string) => {
  const persona = DEMO_PERSONAS.find((p) => p.key === key);
  if (!persona) throw new Error(`no persona ${key}`);
  return persona.zaloAppUserId;
};

/** Signs the exact bytes: mac = SHA-256(app_id + raw body + timestamp + OA secret key). */
function sign(raw: string, options: { appId?: string; timestamp?: string; secret?: string } = {}) {
  const parsed = JSON.parse(raw) as { app_id: string; timestamp: string };
  return signatureHeader(
    options.appId ?? parsed.app_id,
    raw,
    options.timestamp ?? String(parsed.timestamp),
    options.secret ?? SANDBOX_ZALO.oaSecretKey,
  );
}

async function post(raw: string, signature: string | undefined) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== undefined) headers["x-zevent-signature"] = signature;
  const response = await fetch(`${c.url}/webhooks/zalo`, { method: "POST", headers, body: raw });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected loosely
  return { status: response.status, json: json as any };
}

/** Signs and posts an event object; returns the answer and the exact bytes posted. */
async function postEvent(event: Record<string, unknown>) {
  const raw = JSON.stringify(event);
  return { raw, ...(await post(raw, sign(raw))) };
}

const storedCount = () => c.db.select({ n: count() }).from(webhookEvents).get()?.n ?? 0;
const eventRows = () => c.db.select().from(webhookEvents).orderBy(asc(webhookEvents.id)).all();
const lastEvent = () => eventRows().at(-1);
const repliesTo = (eventId: number) =>
  c.db
    .select()
    .from(outboxMessages)
    .where(like(outboxMessages.idempotencyKey, `evt:${eventId}:%`))
    .orderBy(asc(outboxMessages.id))
    .all();

/** user → OA message event, as in zalo-platform.md §1.5. */
function fromUser(key: string, eventName: string, message: Record<string, unknown>) {
  return {
    app_id: APP_ID,
    sender: { id: c.followerOf(key) },
    recipient: { id: OA_ID },
    user_id_by_app: appUserIdOf(key),
    event_name: eventName,
    message: { ...message, msg_id: msgId() },
    timestamp: timestamp(),
  };
}

/** OA → user (receipts and echoes): sender is the OA, recipient the user. */
function fromOa(key: string, eventName: string, message: Record<string, unknown>) {
  return {
    app_id: APP_ID,
    sender: { id: OA_ID },
    recipient: { id: c.followerOf(key) },
    user_id_by_app: appUserIdOf(key),
    event_name: eventName,
    message,
    timestamp: timestamp(),
  };
}

const media = (type: string, payload: Record<string, unknown>) => ({ attachments: [{ type, payload }] });

/** One event of every documented type, in Zalo's shape (ids and timestamps as strings). */
function everyEventType(): Record<(typeof KNOWN_EVENT_NAMES)[number], Record<string, unknown>> {
  const who = "citizen-camthanh";
  const follow = (name: "follow" | "unfollow") => ({
    oa_id: OA_ID,
    follower: { id: c.followerOf(who) },
    user_id_by_app: appUserIdOf(who),
    event_name: name,
    source: "oa_profile",
    app_id: APP_ID,
    timestamp: timestamp(),
  });
  const cdn = "https://photo-stal-1.zadn.vn/example";
  return {
    follow: follow("follow"),
    unfollow: follow("unfollow"),
    user_send_text: fromUser(who, "user_send_text", { text: "cam on" }),
    user_send_image: fromUser(
      who,
      "user_send_image",
      media("image", { thumbnail: `${cdn}/t.jpg`, url: `${cdn}/a.jpg` }),
    ),
    user_send_location: fromUser(
      who,
      "user_send_location",
      media("location", { coordinates: { latitude: "15.8801", longitude: "108.3380" } }),
    ),
    user_send_link: fromUser(
      who,
      "user_send_link",
      media("link", { url: "https://dichvucong.gov.vn", thumbnail: `${cdn}/l.jpg`, description: "DVC" }),
    ),
    user_send_sticker: fromUser(
      who,
      "user_send_sticker",
      media("sticker", { id: "d1f5e3b2", url: `${cdn}/s.png` }),
    ),
    user_send_file: fromUser(
      who,
      "user_send_file",
      media("file", { url: `${cdn}/f.pdf`, name: "don.pdf", size: "24576", type: "pdf" }),
    ),
    user_send_audio: fromUser(who, "user_send_audio", media("audio", { url: `${cdn}/v.aac` })),
    user_send_video: fromUser(
      who,
      "user_send_video",
      media("video", { url: `${cdn}/v.mp4`, thumbnail: `${cdn}/v.jpg` }),
    ),
    user_send_gif: fromUser(
      who,
      "user_send_gif",
      media("gif", { url: `${cdn}/g.gif`, thumbnail: `${cdn}/g.jpg` }),
    ),
    user_submit_info: {
      app_id: APP_ID,
      sender: { id: c.followerOf(who) },
      recipient: { id: OA_ID },
      user_id_by_app: appUserIdOf(who),
      event_name: "user_submit_info",
      info: {
        name: "Nguyễn Thị Lan",
        phone: "0905123456",
        address: "Thôn 1",
        city: "Quảng Nam",
        district: "Hội An",
      },
      timestamp: timestamp(),
    },
    user_received_message: fromOa(who, "user_received_message", { msg_id: msgId() }),
    user_seen_message: fromOa(who, "user_seen_message", { msg_ids: [msgId(), msgId()] }),
    oa_send_text: fromOa(who, "oa_send_text", { text: "Dạ, em chào anh/chị", msg_id: msgId() }),
    oa_send_image: fromOa(who, "oa_send_image", {
      msg_id: msgId(),
      ...media("image", { url: `${cdn}/o.jpg` }),
    }),
    oa_send_gif: fromOa(who, "oa_send_gif", { msg_id: msgId(), ...media("gif", { url: `${cdn}/o.gif` }) }),
    oa_send_list: fromOa(who, "oa_send_list", {
      msg_id: msgId(),
      attachments: [{ type: "template", payload: { template_type: "list", elements: [{ title: "Tin" }] } }],
    }),
    oa_send_file: fromOa(who, "oa_send_file", {
      msg_id: msgId(),
      ...media("file", { url: `${cdn}/o.pdf`, name: "o.pdf", size: "100" }),
    }),
    oa_send_sticker: fromOa(who, "oa_send_sticker", {
      msg_id: msgId(),
      ...media("sticker", { id: "abc", url: `${cdn}/o.png` }),
    }),
  };
}

// ------------------------------------------------------------------------------------------

describe("signature", () => {
  it("accepts a correctly signed event and stores it", async () => {
    const before = storedCount();
    const { raw, status, json } = await postEvent(
      fromUser("citizen-camthanh", "user_send_text", { text: "hi" }),
    );
    expect(status).toBe(200);
    expect(json).toEqual({ received: true, duplicate: false });
    expect(storedCount()).toBe(before + 1);
    expect(lastEvent()).toMatchObject({ rawBody: raw, status: "pending", eventName: "user_send_text" });
  });

  it("refuses forged, unsigned, truncated, altered, foreign and non-JSON events and stores none", async () => {
    const event = fromUser("citizen-camthanh", "user_send_text", { text: "chuyển tiền cho tôi" });
    const raw = JSON.stringify(event);
    const good = sign(raw);
    const hex = good.slice(4);
    const altered = raw.replace("chuyển tiền cho tôi", "chuyển tiền cho nó");
    expect(altered).not.toBe(raw);
    const foreign = JSON.stringify({ ...event, app_id: "1999999999999999999" });
    const notJson = "event_name=user_send_text&text=hi";
    const cases: Array<[string, string, string | undefined]> = [
      ["wrong secret", raw, sign(raw, { secret: "not-the-oa-secret" })],
      ["app secret instead of OA secret", raw, sign(raw, { secret: SANDBOX_ZALO.appSecret })],
      ["missing header", raw, undefined],
      ["empty header", raw, ""],
      ["hex without mac=", raw, hex],
      ["mac= only", raw, "mac="],
      ["mac= too short", raw, `mac=${hex.slice(0, 63)}`],
      ["mac= too long", raw, `mac=${hex}00`],
      ["mac= non-hex of the right length", raw, `mac=${"z".repeat(64)}`],
      ["signed with another timestamp", raw, sign(raw, { timestamp: "1" })],
      ["body altered after signing", altered, good],
      ["wrong app_id (signed with the right secret)", foreign, sign(foreign)],
      ["not JSON", notJson, signatureHeader(APP_ID, notJson, "1", SANDBOX_ZALO.oaSecretKey)],
      ["JSON null", "null", signatureHeader(APP_ID, "null", "1", SANDBOX_ZALO.oaSecretKey)],
      ["JSON array", "[]", signatureHeader(APP_ID, "[]", "1", SANDBOX_ZALO.oaSecretKey)],
      ["empty body", "", signatureHeader(APP_ID, "", "", SANDBOX_ZALO.oaSecretKey)],
    ];
    const before = storedCount();
    for (const [name, body, signature] of cases) {
      const response = await post(body, signature);
      expect(response.status, name).toBe(401);
      expect(response.json?.error?.code, name).toBe("unauthenticated");
      expect(storedCount(), name).toBe(before);
    }
    expect(c.logs.filter((l) => l.includes("webhook refused"))).toHaveLength(cases.length);
    // Nothing refused reached the conversation either.
    expect(c.inbox.runOnce()).toBe(0);
    expect(c.drain()).toEqual([]);
    // The untouched event with its signature still goes through.
    expect((await post(raw, good)).status).toBe(200);
    expect(storedCount()).toBe(before + 1);
  });

  it("checks the raw bytes: the same JSON re-serialised with other spacing no longer matches", async () => {
    const event = fromUser("citizen-camthanh", "user_send_text", { text: "menu" });
    const compact = JSON.stringify(event);
    const pretty = JSON.stringify(event, null, 2);
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
    const before = storedCount();
    expect((await post(pretty, sign(compact))).status).toBe(401);
    expect((await post(`${compact} `, sign(compact))).status).toBe(401);
    expect(storedCount()).toBe(before);
    // Signed over its own bytes, the pretty form is fine, and stored byte for byte.
    expect((await post(pretty, sign(pretty))).status).toBe(200);
    expect(lastEvent()?.rawBody).toBe(pretty);
  });

  it("accepts an uppercase hex MAC (hex is case-insensitive)", async () => {
    const raw = JSON.stringify(fromUser("citizen-camthanh", "user_send_text", { text: "menu" }));
    const upper = `mac=${sign(raw).slice(4).toUpperCase()}`;
    expect((await post(raw, upper)).status).toBe(200);
  });
});

describe("replays and retries", () => {
  it("stores and processes an event posted three times once, with one set of replies", async () => {
    const who = c.followerOf("citizen-camthanh");
    const first = await c.standin.userSends(who, { text: "cam on" });
    const second = await c.standin.redeliver(first);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(c.inbox.runOnce()).toBe(1);
    // A retry after processing (Zalo did not see our 200 in time) changes nothing either.
    const third = await c.standin.redeliver(first);
    expect(third.status).toBe(200);
    expect(c.inbox.runOnce()).toBe(0);
    const rows = eventRows().filter((r) => r.rawBody === first.rawBody);
    expect(rows).toHaveLength(1);
    const row = rows[0] as (typeof rows)[number];
    const msg = (first.event.message as { msg_id: string }).msg_id;
    expect(row).toMatchObject({ dedupeKey: `msg:user_send_text:${msg}`, status: "processed", attempts: 1 });
    const replies = repliesTo(row.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.idempotencyKey).toBe(`evt:${row.id}:1`);
    expect(c.drain()).toHaveLength(1);
  });

  it("tells the caller it was a duplicate, and the answer is 200 either way", async () => {
    const { raw } = await postEvent(fromUser("citizen-camthanh", "user_send_text", { text: "menu" }));
    const again = await post(raw, sign(raw));
    expect(again).toEqual({ status: 200, json: { received: true, duplicate: true } });
  });

  it("dedupes an event without msg_id (follow) by a hash of its bytes", async () => {
    c.addStranger("3100000000000000077", "3200000000000000077", "Khách Mới");
    const followed = await c.standin.userSends("3100000000000000077", { follow: true });
    expect(followed.event).not.toHaveProperty("message");
    await c.standin.redeliver(followed);
    await c.standin.redeliver(followed);
    c.inbox.runOnce();
    const rows = eventRows().filter((r) => r.eventName === "follow");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.dedupeKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(rows[0]?.status).toBe("processed");
    const welcomes = repliesTo(rows[0]?.id as number);
    expect(welcomes.length).toBeGreaterThan(0);
    expect(welcomes.every((m) => m.recipientFollowerId === "3100000000000000077")).toBe(true);
    // A later follow (another timestamp, so other bytes) is a new event.
    c.clock.now = new Date(c.clock.now.getTime() + 60_000);
    await c.standin.userSends("3100000000000000077", { follow: true });
    expect(eventRows().filter((r) => r.eventName === "follow")).toHaveLength(2);
  });

  it("keeps a text and an echo with the same msg_id apart (the key includes the event name)", async () => {
    const shared = msgId();
    const text = fromUser("citizen-camthanh", "user_send_text", { text: "menu" });
    (text.message as { msg_id: string }).msg_id = shared;
    const echo = fromOa("citizen-camthanh", "oa_send_text", { text: "x", msg_id: shared });
    expect((await postEvent(text)).json.duplicate).toBe(false);
    expect((await postEvent(echo)).json.duplicate).toBe(false);
  });
});

describe("event types", () => {
  it("accepts, parses and processes every documented event in Zalo's shape", async () => {
    const events = everyEventType();
    expect(Object.keys(events).sort()).toEqual([...KNOWN_EVENT_NAMES].sort());
    const posted: Array<{ name: string; raw: string }> = [];
    for (const [name, event] of Object.entries(events)) {
      // Zalo's JSON: every id and the timestamp are strings.
      const raw = JSON.stringify(event);
      expect(raw, name).not.toMatch(/"(id|timestamp|app_id|oa_id|msg_id|user_id_by_app)":\s*\d/);
      const parsed = zaloEventSchema.safeParse(JSON.parse(raw));
      expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
      const response = await postEvent(event);
      expect(response.status, name).toBe(200);
      expect(response.json.duplicate, name).toBe(false);
      posted.push({ name, raw });
    }
    expect(c.inbox.runOnce()).toBe(posted.length);
    const rows = eventRows();
    for (const { name, raw } of posted) {
      const row = rows.find((r) => r.rawBody === raw);
      expect(row, name).toMatchObject({ eventName: name, status: "processed", error: null, attempts: 1 });
      // Receipts and echoes of what the OA sent are never answered (no echo loop).
      if (name.startsWith("oa_send_") || name.startsWith("user_received") || name.startsWith("user_seen")) {
        expect(repliesTo(row?.id as number), name).toEqual([]);
      }
    }
    // The text got its reply and the submitted phone was recorded with consent.
    const textRow = rows.find((r) => r.eventName === "user_send_text");
    expect(repliesTo(textRow?.id as number).length).toBeGreaterThan(0);
    const person = c.db
      .select()
      .from(persons)
      .where(eq(persons.oaFollowerId, c.followerOf("citizen-camthanh")))
      .get();
    expect(person?.phone).toBe("0905123456");
    expect(person?.phoneConsentAt).not.toBeNull();
  });

  it("keeps unknown and malformed events, ignores them with a reason and a log line, never a 5xx", async () => {
    const who = c.followerOf("citizen-camthanh");
    const base = fromUser("citizen-camthanh", "user_send_text", { text: "ok" });
    const junk: Array<[string, string]> = [
      ["unknown event name", JSON.stringify({ ...base, event_name: "user_send_business_card" })],
      [
        "unknown shop event",
        JSON.stringify({
          app_id: APP_ID,
          oa_id: OA_ID,
          event_name: "shop_has_order",
          timestamp: timestamp(),
        }),
      ],
      ["text without message.text", JSON.stringify({ ...base, message: { msg_id: msgId() } })],
      // A JSON number cannot hold a 19-digit id: written by hand, as a careless sender would.
      [
        "numeric sender id",
        `{"app_id":"${APP_ID}","sender":{"id":${who}},"recipient":{"id":"${OA_ID}"},"event_name":"user_send_text","message":{"text":"hi","msg_id":"${msgId()}"},"timestamp":"${timestamp()}"}`,
      ],
      [
        "numeric timestamp and no sender",
        JSON.stringify({ ...base, sender: undefined, timestamp: 1772416800000 }),
      ],
      ["image without attachments", JSON.stringify(fromUser("citizen-camthanh", "user_send_image", {}))],
      [
        "follow without follower",
        JSON.stringify({ app_id: APP_ID, oa_id: OA_ID, event_name: "follow", timestamp: timestamp() }),
      ],
      ["no event_name at all", JSON.stringify({ app_id: APP_ID, timestamp: timestamp(), hello: "world" })],
      ["event_name not a string", JSON.stringify({ app_id: APP_ID, timestamp: timestamp(), event_name: 42 })],
    ];
    const before = storedCount();
    for (const [name, raw] of junk) {
      const response = await post(raw, sign(raw));
      expect(response.status, name).toBe(200);
    }
    expect(storedCount()).toBe(before + junk.length);
    expect(c.inbox.runOnce()).toBe(junk.length);
    const rows = eventRows();
    for (const [name, raw] of junk) {
      const row = rows.find((r) => r.rawBody === raw);
      expect(row?.status, name).toBe("ignored");
      expect(row?.error, name).toMatch(/^unknown or malformed /);
      expect(row?.processedAt, name).not.toBeNull();
      expect(repliesTo(row?.id as number), name).toEqual([]);
      expect(
        c.logs.some((l) => l.includes("webhook event ignored") && l.includes(`"eventId":${row?.id}`)),
        name,
      ).toBe(true);
    }
    expect(rows.find((r) => r.rawBody === junk[7]?.[1])?.eventName).toBe("unknown");
    expect(c.drain()).toEqual([]);
    // Nothing stays pending: the next run has nothing to do.
    expect(c.inbox.runOnce()).toBe(0);
  });

  it("refuses an oversized event with a 4xx, never a 5xx", async () => {
    const raw = JSON.stringify(fromUser("citizen-camthanh", "user_send_text", { text: "x".repeat(300_000) }));
    const before = storedCount();
    const response = await post(raw, sign(raw));
    expect(response.status).toBe(413);
    expect(storedCount()).toBe(before);
  });
});

describe("ids stay strings", () => {
  it("stores and uses a 19-digit follower id exactly, all the way to Zalo", async () => {
    const followerId = "1234567890123456789";
    const appUserId = "9876543210987654321";
    // Through a double these ids would change: 1234567890123456800.
    expect(String(Number(followerId))).not.toBe(followerId);
    c.addStranger(followerId, appUserId, "Người Theo Dõi Mới");
    const followed = await c.standin.userSends(followerId, { follow: true });
    expect(followed.rawBody).toContain(`"follower":{"id":"${followerId}"}`);
    await c.standin.userSends(followerId, { text: "menu" });
    c.inbox.runOnce();
    const person = c.db.select().from(persons).where(eq(persons.oaFollowerId, followerId)).get();
    expect(person).toMatchObject({ oaFollowerId: followerId, zaloAppUserId: appUserId, oaFollowing: true });
    const queued = c.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.personId, person?.id as number))
      .all();
    expect(queued.length).toBeGreaterThan(1);
    expect(queued.every((m) => m.recipientFollowerId === followerId)).toBe(true);

    // The real outbox worker sends them to the stand-in (over HTTP), which knows the user only by
    // the exact id: any rounding would be answered -213 "not a follower".
    const zalo = await listen(c.standin.app.fetch);
    closers.push(zalo.close);
    const config = parseEnv({
      PORT: "0",
      LOG_LEVEL: "silent",
      ZALO_OPENAPI_URL: `${zalo.url}/openapi`,
      ZALO_OAUTH_URL: `${zalo.url}/oauth`,
    });
    const outbox = createOutboxWorker({
      db: c.db,
      oa: oaClientFor(config.zalo),
      config,
      logger: createLogger("silent"),
      now: () => c.clock.now,
    });
    while ((await outbox.runOnce()) > 0) {}
    const sent = c.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.personId, person?.id as number))
      .all();
    expect(sent.map((m) => [m.status, m.lastError])).toEqual(sent.map(() => ["sent", null]));
    const received = c.standin.sentMessages().filter((m) => m.followerId === followerId);
    expect(received).toHaveLength(sent.length);
    expect(received.map((m) => m.recipient)).toEqual(sent.map(() => ({ user_id: followerId })));
    expect(received.map((m) => m.messageId).sort()).toEqual(sent.map((m) => m.zaloMessageId).sort());
  });
});

describe("handler failures", () => {
  it("keeps a failing event pending, retries it, then marks it failed with its error; later events go on", async () => {
    const logs: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void logs.push(line) });
    const handled: number[] = [];
    const worker = createInboxWorker({
      db: c.db,
      logger,
      now: () => c.clock.now,
      maxAttempts: 3,
      handle: (tx, eventId, event) => {
        const text = event.event_name === "user_send_text" ? event.message.text : "";
        // Written before the failure: must vanish with it (one transaction per event).
        enqueueMessage(tx, {
          idempotencyKey: `evt:${eventId}:1`,
          recipientFollowerId: c.followerOf("citizen-camthanh"),
          purpose: "reply",
          message: { text: `echo ${text}` },
          now: c.clock.now,
        });
        if (text === "poison") throw new Error("handler exploded on purpose");
        handled.push(eventId);
      },
    });
    const who = c.followerOf("citizen-camthanh");
    for (const text of ["before", "poison", "after"]) {
      expect((await c.standin.userSends(who, { text })).status).toBe(200);
    }
    const [before, poison, after] = eventRows().slice(-3) as [
      typeof webhookEvents.$inferSelect,
      typeof webhookEvents.$inferSelect,
      typeof webhookEvents.$inferSelect,
    ];
    const status = (id: number) => c.db.select().from(webhookEvents).where(eq(webhookEvents.id, id)).get();

    worker.runOnce();
    expect(handled).toEqual([before.id, after.id]);
    expect(status(before.id)?.status).toBe("processed");
    expect(status(after.id)?.status).toBe("processed");
    expect(status(poison.id)).toMatchObject({ status: "pending", attempts: 1 });
    expect(status(poison.id)?.error).toContain("handler exploded on purpose");
    expect(repliesTo(poison.id)).toEqual([]);
    expect(repliesTo(after.id)).toHaveLength(1);

    worker.runOnce();
    expect(status(poison.id)).toMatchObject({ status: "pending", attempts: 2 });
    worker.runOnce();
    expect(status(poison.id)).toMatchObject({
      status: "failed",
      attempts: 3,
      error: "handler exploded on purpose",
    });
    expect(status(poison.id)?.processedAt).not.toBeNull();
    expect(repliesTo(poison.id)).toEqual([]);
    expect(worker.runOnce()).toBe(0);
    expect(handled).toEqual([before.id, after.id]);
    const failures = logs.filter((l) => l.includes("webhook event failed"));
    expect(failures).toHaveLength(3);
    expect(failures.every((l) => l.includes(`"eventId":${poison.id}`))).toBe(true);

    // The events are still served by the real handler afterwards: the poison stays failed.
    expect((await c.standin.userSends(who, { text: "menu" })).status).toBe(200);
    c.inbox.runOnce();
    expect(status(poison.id)?.status).toBe("failed");
    expect(lastEvent()?.status).toBe("processed");
  });
});

describe("the claim race over chat", () => {
  it("two members tap 'Nhận' at the same time: one owner, the other hears who", async () => {
    const citizen = c.followerOf("citizen-camthanh");
    let r = await c.say(citizen, "can giup cai vneid cho me toi");
    r = await c.tap(citizen, r, "Đến nhà");
    const request = c.db.select().from(requests).orderBy(asc(requests.id)).all().at(-1);
    const id = request?.id as number;
    expect(request?.status).toBe("new");
    c.drain();

    const member = c.followerOf("member-camthanh-t1");
    const leader = c.followerOf("leader-camthanh-t1");
    const taps = await Promise.all([
      c.standin.userSends(member, { text: `#claim ${id}` }),
      c.standin.userSends(leader, { text: `#claim ${id}` }),
    ]);
    expect(taps.map((t) => t.status)).toEqual([200, 200]);
    expect(c.inbox.runOnce()).toBe(2);
    const replies = c.drain();

    const claimed = c.db.select().from(requests).where(eq(requests.id, id)).get();
    expect(claimed?.status).toBe("claimed");
    const owner = c.db
      .select()
      .from(persons)
      .where(eq(persons.id, claimed?.ownerPersonId as number))
      .get();
    expect([member, leader]).toContain(owner?.oaFollowerId);
    const loser = owner?.oaFollowerId === member ? leader : member;
    const winner = owner?.oaFollowerId as string;
    const toWinner = replies.filter((m) => m.followerId === winner).map((m) => m.text);
    const toLoser = replies.filter((m) => m.followerId === loser).map((m) => m.text);
    expect(toWinner.join("\n")).toContain(`Anh/chị đã nhận yêu cầu #${id}`);
    expect(toLoser).toEqual([`Yêu cầu #${id} đã có người nhận: ${owner?.displayName}. Cảm ơn anh/chị!`]);
    const events = eventRows().slice(-2);
    expect(events.map((e) => e.status)).toEqual(["processed", "processed"]);
  });
});
