/**
 * The mini app's offline submission queue (mini-app/src/state/offline-queue.ts), in node with a
 * fake storage, a fake fetch and a hand-driven timer: order, persistence across a restart,
 * retries, permanent failures, session renewal, and — with a server that dedupes by clientId
 * like ours — no duplicate however often a submission is resent.
 */
import { describe, expect, it } from "vitest";
import { OfflineQueue, type OfflineQueueOptions, type QueueStore } from "../mini-app/src/state/offline-queue";

class MemoryStore implements QueueStore {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

type Reply = { status: number; body?: unknown } | "store" | "network-error" | "lost-answer";

/**
 * A server that stores what it gets and dedupes by clientId, like POST /api/requests.
 * `script` decides the fate of each call in turn ("store" when empty and online); "lost-answer"
 * stores, then fails the fetch (the answer never reached the phone).
 */
function fakeServer() {
  const stored = new Map<string, { id: number; body: Record<string, unknown> }>();
  const calls: Array<{ url: string; clientId: string; auth: string | undefined }> = [];
  const script: Reply[] = [];
  let online = true;
  const fetch: OfflineQueueOptions["fetch"] = async (url, init) => {
    const body = JSON.parse(init.body) as Record<string, unknown>;
    const clientId = String(body.clientId);
    calls.push({ url, clientId, auth: init.headers.authorization });
    const reply = script.shift() ?? (online ? "store" : "network-error");
    if (reply === "network-error") throw new TypeError("Failed to fetch");
    if (typeof reply === "object") {
      return {
        ok: reply.status < 300,
        status: reply.status,
        text: async () => JSON.stringify(reply.body ?? {}),
      };
    }
    let existing = stored.get(clientId);
    const created = !existing;
    if (!existing) {
      existing = { id: stored.size + 1, body };
      stored.set(clientId, existing);
    }
    if (reply === "lost-answer") throw new TypeError("connection reset");
    return {
      ok: true,
      status: created ? 201 : 200,
      text: async () => JSON.stringify({ id: existing.id, text: body.text }),
    };
  };
  return {
    fetch,
    stored,
    calls,
    script,
    setOnline(value: boolean) {
      online = value;
    },
  };
}

function harness(overrides: Partial<OfflineQueueOptions> = {}, store = new MemoryStore()) {
  const server = fakeServer();
  const timers: Array<{ fn: () => void; ms: number }> = [];
  let ids = 0;
  const options: OfflineQueueOptions = {
    store,
    fetch: server.fetch,
    baseUrl: () => "https://api.example",
    headers: () => ({ authorization: "Bearer s1" }),
    newId: () => `client-id-${++ids}`,
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return timers.length;
    },
    clearTimer: () => undefined,
    ...overrides,
  };
  const queue = new OfflineQueue(options);
  return { queue, server, store, timers, options };
}

const help = (text: string) => ({ kind: "help", category: "vneid_level2", meetingMode: "home_visit", text });

describe("mini app offline queue", () => {
  it("sends at once when online, with the client id in the body, and keeps nothing", async () => {
    const { queue, server, store } = harness();
    const result = await queue.submit("/api/requests", help("Cài VNeID"), "Nhờ giúp: VNeID");
    expect(result.status).toBe("sent");
    expect(result.status === "sent" && result.response).toEqual({ id: 1, text: "Cài VNeID" });
    expect(server.calls).toEqual([
      { url: "https://api.example/api/requests", clientId: "client-id-1", auth: "Bearer s1" },
    ]);
    expect(server.stored.get("client-id-1")?.body).toMatchObject({ clientId: "client-id-1", kind: "help" });
    expect(queue.list()).toEqual([]);
    expect(JSON.parse(store.getItem("cau-noi.outbox.v1") ?? "null")).toEqual([]);
  });

  it("keeps offline submissions on the device, in order, and sends each once when back online", async () => {
    const { queue, server, store, options } = harness();
    server.setOnline(false);
    const first = await queue.submit("/api/requests", help("Thứ nhất"), "1");
    const second = await queue.submit("/api/requests", help("Thứ hai"), "2");
    expect(first.status).toBe("queued");
    expect(second.status).toBe("queued");
    expect(queue.list().map((i) => i.label)).toEqual(["1", "2"]);
    expect(queue.list()[0]?.error?.code).toBe("network");

    // The app is closed and opened again: the queue comes back from storage.
    const reopened = new OfflineQueue({ ...options, store });
    expect(reopened.list().map((i) => i.id)).toEqual(["client-id-1", "client-id-2"]);

    server.setOnline(true);
    server.calls.length = 0;
    const sent: string[] = [];
    reopened.onSent((item) => sent.push(item.id));
    await reopened.flush();
    expect(server.calls.map((c) => c.clientId)).toEqual(["client-id-1", "client-id-2"]);
    expect(sent).toEqual(["client-id-1", "client-id-2"]);
    expect(reopened.list()).toEqual([]);
    expect([...server.stored.values()].map((r) => r.body.text)).toEqual(["Thứ nhất", "Thứ hai"]);

    // Flushing again sends nothing.
    await reopened.flush();
    expect(server.calls).toHaveLength(2);
  });

  it("never creates a duplicate when the answer is lost and the submission is sent again", async () => {
    const { queue, server } = harness();
    server.script.push("lost-answer");
    const result = await queue.submit("/api/requests", help("Lần gửi mất phản hồi"), "x");
    expect(result.status).toBe("queued");
    expect(server.stored.size).toBe(1); // the server has it, the phone does not know
    await queue.flush();
    await queue.flush();
    expect(server.calls.map((c) => c.clientId)).toEqual(["client-id-1", "client-id-1"]);
    expect(server.stored.size).toBe(1);
    expect(queue.list()).toEqual([]);
  });

  it("does not let a later item overtake one that is waiting for a retry", async () => {
    const { queue, server, timers } = harness();
    server.script.push({ status: 503 });
    const first = await queue.submit("/api/requests", help("Đầu tiên"), "1");
    expect(first.status).toBe("queued");
    expect(timers.at(-1)?.ms).toBe(5_000);
    server.script.push({ status: 502 });
    const second = await queue.submit("/api/requests", help("Thứ hai"), "2");
    expect(second.status).toBe("queued");
    // The second round retried the first item and stopped there: "2" was never sent.
    expect(server.calls.map((c) => c.clientId)).toEqual(["client-id-1", "client-id-1"]);
    expect(timers.at(-1)?.ms).toBe(15_000);
    // The retry timer fires: both go, in order.
    timers.at(-1)?.fn();
    await queue.flush();
    expect(server.calls.map((c) => c.clientId).slice(2)).toEqual(["client-id-1", "client-id-2"]);
    expect(queue.list()).toEqual([]);
  });

  it("keeps a submission the server refuses for good, visible with its message, and goes on with the next", async () => {
    const { queue, server, store, options } = harness();
    server.setOnline(false);
    await queue.submit("/api/requests", help("bad"), "1");
    await queue.submit("/api/requests", help("Hợp lệ"), "2");
    server.setOnline(true);
    server.script.push({
      status: 400,
      body: {
        error: { code: "validation_failed", message: "Nội dung cần ít nhất 5 ký tự.", fields: { text: "…" } },
      },
    });
    await queue.flush();
    expect(queue.list()).toHaveLength(1);
    const failed = queue.list()[0];
    expect(failed).toMatchObject({ id: "client-id-1", state: "failed" });
    expect(failed?.error).toMatchObject({
      status: 400,
      code: "validation_failed",
      message: "Nội dung cần ít nhất 5 ký tự.",
    });
    expect(server.stored.has("client-id-2")).toBe(true);

    // Not retried by itself, not even after a restart.
    const callsBefore = server.calls.length;
    const reopened = new OfflineQueue({ ...options, store });
    await reopened.flush();
    expect(server.calls).toHaveLength(callsBefore);
    expect(reopened.list()[0]?.state).toBe("failed");

    // The person discards it.
    reopened.discard("client-id-1");
    expect(reopened.list()).toEqual([]);
    expect(JSON.parse(store.getItem("cau-noi.outbox.v1") ?? "null")).toEqual([]);
  });

  it("reports a refused submission to the caller right away, and does not keep it", async () => {
    const { queue, server } = harness();
    server.script.push({ status: 403, body: { error: { code: "forbidden", message: "Không có quyền." } } });
    const result = await queue.submit("/api/requests", help("Không được"), "x");
    expect(result.status).toBe("failed");
    expect(result.status === "failed" && result.error.message).toBe("Không có quyền.");
    // The form shows the message; fixing it is a new submission, nothing waits in the queue.
    expect(queue.list()).toEqual([]);
  });

  it("renews the session once on a 401 and sends again with the new token", async () => {
    let token = "old";
    let renewals = 0;
    const { queue, server } = harness({
      headers: () => ({ authorization: `Bearer ${token}` }),
      renewSession: async () => {
        renewals += 1;
        token = "new";
        return true;
      },
    });
    server.script.push({ status: 401, body: { error: { code: "unauthenticated", message: "Hết hạn." } } });
    const result = await queue.submit("/api/requests", help("Sau khi đăng nhập lại"), "x");
    expect(result.status).toBe("sent");
    expect(renewals).toBe(1);
    expect(server.calls.map((c) => c.auth)).toEqual(["Bearer old", "Bearer new"]);
  });

  it("holds another person's submissions until they are signed in again", async () => {
    let owner = "7";
    const { queue, server } = harness({ owner: () => owner });
    server.setOnline(false);
    await queue.submit("/api/requests", help("Của người số 7"), "x");
    server.setOnline(true);
    owner = "8";
    await queue.flush();
    expect(server.stored.size).toBe(0);
    expect(queue.list()[0]?.owner).toBe("7");
    owner = "7";
    await queue.flush();
    expect(server.stored.size).toBe(1);
    expect(queue.list()).toEqual([]);
  });

  it("shares one run between concurrent flushes (an online event during a retry sends once)", async () => {
    const { queue, server } = harness();
    server.setOnline(false);
    await queue.submit("/api/requests", help("Một lần thôi"), "x");
    server.setOnline(true);
    server.calls.length = 0;
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(server.calls).toHaveLength(1);
    expect(server.stored.size).toBe(1);
  });

  it("survives unreadable storage", async () => {
    const store = new MemoryStore();
    store.setItem("cau-noi.outbox.v1", "{not json");
    const { queue } = harness({}, store);
    expect(queue.list()).toEqual([]);
    const result = await queue.submit("/api/requests", help("Vẫn gửi được"), "x");
    expect(result.status).toBe("sent");
  });
});
