/**
 * The offline submission queue: things a person creates (help requests, field reports, team
 * activities) are stored on the device first and sent in order when the network allows.
 *
 * - Each item carries a client-generated id, sent as `clientId`; the server answers a repeat of
 *   the same `clientId` with the first result (bot-server/src/requests/lifecycle.ts), so a resend
 *   after a lost answer or a killed app never creates a duplicate.
 * - An item leaves the queue only after a 2xx. A 4xx that can never pass (bad input, forbidden)
 *   marks it "failed": it stays visible with the server's message until the person discards it.
 *   Anything else (no network, 5xx, 408, 429) is retried with backoff, and at once on `flush()`
 *   (the app calls it on the browser's `online` event). Items go out strictly in order: a
 *   transient failure stops the round, so a later item never overtakes an earlier one.
 * - Items belong to the person signed in when they were made: with another session on the
 *   device (sandbox persona switch), they wait.
 *
 * No React, no DOM: storage, fetch, clock and timers are injected (tests/mini-app-offline-queue.test.ts).
 */

export interface QueueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface QueueError {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export interface QueuedSubmission {
  /** Client-generated id, also the body's `clientId`. */
  id: string;
  path: string;
  body: Record<string, unknown>;
  /** What the person sees in "Của tôi" while it waits ("Nhờ giúp: VNeID mức 2"). */
  label: string;
  /** Whose session may send it (null: anyone's). */
  owner: string | null;
  createdAt: string;
  attempts: number;
  /** "failed": a 4xx that will never pass; kept until discarded. */
  state: "pending" | "failed";
  /** The last error: the reason of a failure, or of the last transient miss. */
  error: QueueError | null;
}

export type SubmitResult =
  | { status: "sent"; item: QueuedSubmission; response: unknown }
  | { status: "queued"; item: QueuedSubmission }
  | { status: "failed"; item: QueuedSubmission; error: QueueError };

type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface OfflineQueueOptions {
  store: QueueStore;
  fetch: FetchLike;
  /** Prepended to each item's path ("" = same origin). */
  baseUrl?: () => string;
  /** Current auth headers (`authorization: Bearer …`). */
  headers?: () => Record<string, string>;
  /** Who is signed in now (compared with `item.owner`). */
  owner?: () => string | null;
  /** Called on a 401: renew the session; true if a retry is worth it. */
  renewSession?: () => Promise<boolean>;
  now?: () => number;
  newId?: () => string;
  /** Waits before retry number n (1-based); the last value repeats. */
  retryDelaysMs?: readonly number[];
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  storageKey?: string;
}

export const DEFAULT_RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000] as const;

/** 4xx except those a later try may pass (401 after renewal, 408, 425, 429). */
function permanent(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 408, 425, 429].includes(status);
}

export function randomId(): string {
  const c = (
    globalThis as {
      crypto?: { randomUUID?: () => string; getRandomValues?: (bytes: Uint8Array) => Uint8Array };
    }
  ).crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  // Old WebViews: a v4 UUID from getRandomValues (or Math.random as the very last resort).
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === "function") c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function parse(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorOf(status: number, body: unknown): QueueError {
  const error = (body as { error?: Partial<QueueError> } | null)?.error;
  if (error && typeof error.message === "string") {
    return {
      status,
      code: typeof error.code === "string" ? error.code : `http_${status}`,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
    };
  }
  return {
    status,
    code: `http_${status}`,
    message:
      status >= 500
        ? "Hệ thống đang gặp sự cố, sẽ tự gửi lại sau."
        : "Máy chủ không nhận nội dung này, anh/chị vui lòng kiểm tra lại.",
  };
}

const NETWORK: QueueError = {
  status: 0,
  code: "network",
  message: "Chưa có mạng, sẽ tự gửi khi có mạng trở lại.",
};

type Outcome = "sent" | "failed" | "transient" | "skipped";

export class OfflineQueue {
  private items: QueuedSubmission[];
  private readonly sending = new Set<string>();
  private readonly responses = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private readonly sentListeners = new Set<(item: QueuedSubmission, response: unknown) => void>();
  private flushing: Promise<void> | null = null;
  private again = false;
  private timer: unknown = null;
  private readonly key: string;
  /** Grows on every change (items or sending state): a snapshot key for React. */
  version = 0;

  constructor(private readonly options: OfflineQueueOptions) {
    this.key = options.storageKey ?? "cau-noi.outbox.v1";
    this.items = this.load();
  }

  /** Items waiting or failed, oldest first. */
  list(): readonly QueuedSubmission[] {
    return this.items;
  }

  isSending(id: string): boolean {
    return this.sending.has(id);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Called once per item that reached the server, with the server's answer. */
  onSent(listener: (item: QueuedSubmission, response: unknown) => void): () => void {
    this.sentListeners.add(listener);
    return () => void this.sentListeners.delete(listener);
  }

  /**
   * Stores the submission, then tries to send the queue. Resolves after this item's first try:
   * "sent" with the server's answer, "failed" (refused for good: the form that submitted it shows
   * the server's message, so it is not kept), or "queued" (will be retried).
   */
  async submit(path: string, body: Record<string, unknown>, label: string): Promise<SubmitResult> {
    const id = this.options.newId?.() ?? randomId();
    const item: QueuedSubmission = {
      id,
      path,
      body: { ...body, clientId: id },
      label,
      owner: this.options.owner?.() ?? null,
      createdAt: new Date(this.now()).toISOString(),
      attempts: 0,
      state: "pending",
      error: null,
    };
    this.items = [...this.items, item];
    this.save();
    await this.flush();
    const current = this.items.find((i) => i.id === id);
    if (!current) {
      const response = this.responses.get(id);
      this.responses.delete(id);
      return { status: "sent", item, response };
    }
    if (current.state === "failed" && current.error) {
      this.discard(id);
      return { status: "failed", item: current, error: current.error };
    }
    return { status: "queued", item: current };
  }

  /** Sends what can be sent now, in order. Concurrent calls share one run (and one more after it). */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.cancelTimer();
    this.flushing = (async () => {
      do {
        this.again = false;
        await this.round();
      } while (this.again);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** A failed item, sent again as it is (same client id). */
  retry(id: string): Promise<void> {
    this.update(id, { state: "pending", error: null });
    return this.flush();
  }

  discard(id: string): void {
    this.items = this.items.filter((i) => i.id !== id);
    this.save();
  }

  /** Stops the retry timer (tests, page unload). */
  stop(): void {
    this.cancelTimer();
  }

  private async round(): Promise<void> {
    for (const item of [...this.items]) {
      if (!this.items.some((i) => i.id === item.id)) continue; // discarded meanwhile
      if (item.state === "failed") continue;
      const outcome = await this.sendOne(item);
      if (outcome === "transient") {
        this.schedule(this.items.find((i) => i.id === item.id)?.attempts ?? 1);
        return;
      }
    }
  }

  private async sendOne(item: QueuedSubmission): Promise<Outcome> {
    const owner = this.options.owner?.() ?? null;
    if (item.owner !== null && item.owner !== owner) return "skipped";
    this.sending.add(item.id);
    this.emit();
    try {
      let response = await this.post(item);
      if (response && response.status === 401 && (await this.options.renewSession?.())) {
        response = await this.post(item);
      }
      this.update(item.id, { attempts: item.attempts + 1 });
      if (!response) {
        this.update(item.id, { error: NETWORK });
        return "transient";
      }
      const body = parse(await response.text().catch(() => ""));
      if (response.ok) {
        this.items = this.items.filter((i) => i.id !== item.id);
        this.save();
        this.responses.set(item.id, body);
        for (const listener of this.sentListeners) listener(item, body);
        return "sent";
      }
      const error = errorOf(response.status, body);
      if (permanent(response.status)) {
        this.update(item.id, { state: "failed", error });
        return "failed";
      }
      this.update(item.id, { error });
      return "transient";
    } finally {
      this.sending.delete(item.id);
      this.emit();
    }
  }

  /** The HTTP answer, or null when there was none (offline, DNS, reset). */
  private async post(item: QueuedSubmission) {
    try {
      return await this.options.fetch(`${this.options.baseUrl?.() ?? ""}${item.path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...this.options.headers?.() },
        body: JSON.stringify(item.body),
      });
    } catch {
      return null;
    }
  }

  private schedule(attempts: number): void {
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const delay = delays[Math.min(Math.max(attempts, 1), delays.length) - 1] ?? 60_000;
    const setTimer = this.options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
    this.cancelTimer();
    this.timer = setTimer(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    const clear = this.options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as number));
    clear(this.timer);
    this.timer = null;
  }

  private update(id: string, patch: Partial<QueuedSubmission>): void {
    this.items = this.items.map((i) => (i.id === id ? { ...i, ...patch } : i));
    this.save();
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private load(): QueuedSubmission[] {
    try {
      const raw = this.options.store.getItem(this.key);
      const parsed = raw ? (JSON.parse(raw) as unknown) : [];
      return Array.isArray(parsed)
        ? (parsed as QueuedSubmission[]).filter((i) => i && typeof i.id === "string")
        : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    try {
      this.options.store.setItem(this.key, JSON.stringify(this.items));
    } catch {
      // Storage full: the queue still works from memory until the app is closed.
    }
    this.emit();
  }

  private emit(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
