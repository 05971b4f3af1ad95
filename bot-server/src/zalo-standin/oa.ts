/**
 * The openapi.zalo.me and oauth.zaloapp.com parts of the local Zalo stand-in (SPEC §4.3), plus
 * the simulated followers the sandbox page and tests act as. Shapes and codes follow
 * ../shared/reference/zalo-platform.md §1–§4: errors come with HTTP 200 and `{ error, message }`.
 *
 * Three Hono apps, mounted by `createZaloStandin`:
 * - `openapi` (at `/openapi`): `POST /v3.0/oa/message/cs`, `GET /v3.0/oa/user/detail`, and the
 *   retired `POST /v2.0/oa/message` (`-240`). Every call, in this order: injected fault →
 *   `access_token` header missing/unknown `-216` → expired `-220` → `appsecret_proof` (only when
 *   sent) `-242` → rate limit `-32` → body `-201` → recipient `-213` / `-244` / `-230`.
 * - `oauth` (at `/oauth`): `POST /v4/oa/access_token`, refresh grant only.
 * - `sandbox` (at `/sandbox/oa`): controls for the sandbox page and tests (oa-sandbox.ts).
 *
 * Decisions where Zalo's documentation is silent (each is a guess, not Zalo's word):
 * - Blocked users: `-244 User has restricted this message type from your OA` (S17's table).
 * - A refresh keeps the previous access token valid until its own expiry. One third-party note
 *   says Zalo kills it at once; set `revokeAccessTokenOnRefresh` to simulate that.
 * - A refresh token lives 3 months from its own issue (`refreshTokenTtlMs`).
 * - OAuth failures (HTTP 200, `{ error, error_name, error_reason, error_description, ref_doc }`):
 *   `-14002` app_id, `-14004` secret_key, `-14005` authorization code (the stand-in never issues
 *   one), `-14018` grant_type, `-14014` refresh token unknown, used or expired. The codes are
 *   those reported by community code against the live API, not a published table.
 * - The rate limit is a fixed one-minute window ("resets each minute") over the authenticated
 *   calls of the whole app; refused calls do not count. Headers `X-RateLimit-Limit` and
 *   `X-RateLimit-Remain` are set on authenticated answers.
 * - `quota` in a send answer is `{ quota_type: "reply" | "billable", remain: 8, total: 8 }`:
 *   free within 48 h of the last interaction (unlimited since 2026), billable up to 7 days.
 * - Messages to a user who does not follow the OA are refused (`-213`) even if they wrote first.
 */

import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";
import { Hono } from "hono";
import { signatureHeader } from "../webhook/signature";
import { appSecretProof } from "../zalo/graph-client";
import { buildEvent, parseUserAction, type UserAction, type UserActionKind } from "./oa-events";
import { type OaButton, parseCsMessage } from "./oa-messages";
import { sandboxRoutes } from "./oa-sandbox";

export type { UserAction } from "./oa-events";
export type { OaButton } from "./oa-messages";

export interface OaStandinOptions {
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  /** The OA token pair the product starts with (its configured ZALO_OA_*_TOKEN). */
  accessToken: string;
  refreshToken: string;
  /** Where signed webhook events are POSTed; nothing is posted while unset. */
  webhookUrl?: string;
  now?: () => number;
  /** Calls per minute over all OA Open API calls; Zalo's is 4,000. */
  rateLimitPerMinute?: number;
  /** OA access tokens live 25 h (`expires_in: "90000"`). */
  accessTokenTtlMs?: number;
  /** OA refresh tokens live 3 months. */
  refreshTokenTtlMs?: number;
  /** The consultation-message window: 7 days since the user's last interaction. */
  interactionWindowMs?: number;
  /** Revoke the previous access token when a refresh succeeds (default: keep it until expiry). */
  revokeAccessTokenOnRefresh?: boolean;
  /** How long a webhook POST may take before it counts as failed (Zalo wants 200 within 2 s). */
  webhookTimeoutMs?: number;
  /** Used for webhook POSTs; the global fetch by default. */
  fetch?: typeof fetch;
}

export type FaultKind = "http500" | "network" | "rate_limit" | "token_expired";
export type FaultTarget = "openapi" | "oauth";
export const FAULT_KINDS: readonly FaultKind[] = ["http500", "network", "rate_limit", "token_expired"];

export interface AddUserInput {
  /** The OA-scoped user id (`sender.id`, `follower.id`, `recipient.user_id`). */
  followerId: string;
  /** The app-scoped id (`user_id_by_app`, the Mini App user id). */
  appUserId: string;
  name: string;
  avatar?: string;
  /** Default true. */
  following?: boolean;
  /** Default false. */
  blocked?: boolean;
  /** Epoch ms of the last interaction; default now. `null`: never interacted. */
  lastInteractionAt?: number | null;
  /** What user/detail returns as `shared_info`; absent when the user shared nothing. */
  sharedInfo?: { name?: string; phone?: string; address?: string; city?: string; district?: string };
}

export interface OaUser {
  followerId: string;
  appUserId: string;
  name: string;
  avatar: string;
  following: boolean;
  blocked: boolean;
  lastInteractionAt: number | null;
  sharedInfo: AddUserInput["sharedInfo"] | null;
}

export interface SentMessage {
  messageId: string;
  followerId: string;
  appUserId: string;
  /** Epoch ms. */
  at: number;
  /** The recipient as the product sent it. */
  recipient: { user_id: string } | { message_id: string };
  text: string | null;
  attachment: Record<string, unknown> | null;
  buttons: OaButton[];
  quoteMessageId: string | null;
}

export type ConversationEntry =
  | ({ direction: "out" } & SentMessage)
  | {
      direction: "in";
      kind: UserActionKind;
      /** `message.msg_id`; for follow/unfollow a stand-in id that appears in no event. */
      messageId: string;
      at: number;
      text?: string;
      imageUrl?: string;
      latitude?: string;
      longitude?: string;
    };

export interface Delivery {
  /** HTTP status of the webhook answer; null when nothing answered (or no webhook is set). */
  status: number | null;
  error?: string;
  elapsedMs: number;
}

export interface UserSendResult extends Delivery {
  event: Record<string, unknown>;
  /** The exact bytes that were signed and posted. */
  rawBody: string;
  /** The `X-ZEvent-Signature` header value. */
  signature: string;
}

/** State controls of the OA stand-in, for tests and the sandbox page. */
export interface OaStandinHandle {
  /** Adds a simulated user, or updates one (log and unspecified state are kept). */
  addUser(input: AddUserInput): OaUser;
  user(followerId: string): OaUser | undefined;
  users(): OaUser[];
  /**
   * Acts as the user in Zalo: updates following / last interaction, builds the webhook event
   * (zalo-platform.md §1.5), signs it and POSTs it to the webhook URL. A button tap is
   * `{ text: payload }`. Throws for an unknown user or an invalid action.
   */
  userSends(followerId: string, action: UserAction): Promise<UserSendResult>;
  /** Posts the exact bytes of an earlier event again, with their signature, as Zalo's retries do. */
  redeliver(event: Pick<UserSendResult, "rawBody" | "signature">): Promise<Delivery>;
  /** The user's log, both directions, oldest first (at most 2,000 entries). */
  conversation(followerId: string): ConversationEntry[];
  /** Every OA → user message accepted by `/message/cs`, in order. */
  sentMessages(): SentMessage[];
  /** The next `count` calls to `target` (default the OA Open API) fail with `kind`. */
  failNext(count: number, kind: FaultKind, target?: FaultTarget): void;
  clearFaults(): void;
  pendingFaults(): Record<FaultTarget, FaultKind[]>;
  /** Every access token issued so far expires now: calls then get -220 until a refresh. */
  expireAccessToken(): void;
  setBlocked(followerId: string, blocked: boolean): void;
  /** Epoch ms, or null for "never interacted". */
  setLastInteraction(followerId: string, at: number | null): void;
  /** Changes the following flag without sending a follow/unfollow event. */
  setFollowing(followerId: string, following: boolean): void;
  setWebhookUrl(url: string | undefined): void;
  webhookUrl(): string | undefined;
  /** Successful refreshes at the token endpoint. */
  refreshCount(): number;
  /** Calls received by the OA Open API, whatever their outcome (faults and errors included). */
  callCount(): number;
  /** Tokens currently accepted: unexpired access tokens, unspent refresh tokens. */
  liveTokens(): { accessTokens: string[]; refreshTokens: string[] };
}

const DEFAULT_AVATAR = "https://h5.zdn.vn/static/images/avatar.png";
const NUMERIC_ID = /^\d{1,32}$/;
const CONVERSATION_CAP = 2000;
const SENT_CAP = 100_000;
const FREE_REPLY_MS = 48 * 3_600_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const REF_DOC =
  "https://developers.zalo.me/docs/official-account/bat-dau/xac-thuc-va-uy-quyen-cho-ung-dung-new";

const MESSAGES = {
  [-32]: "Your application reached limit call api",
  [-201]: "is invalid!",
  [-213]: "User has not followed OA",
  [-216]: "Access token is invalid",
  [-220]: "access_token is expired or removed",
  [-230]: "User has not interacted with the OA in the past 7 days",
  [-240]: "MessageV2 API has been shut down, please switch to MessageV3",
  [-242]: "Invalid appsecret_proof provided in the API argument",
  [-244]: "User has restricted this message type from your OA",
} as const;

const OAUTH_ERRORS = {
  [-14002]: ["Invalid appId", "The app_id is not an active app."],
  [-14004]: ["Invalid secret key", "The secret_key header does not match the app."],
  [-14005]: ["Invalid authorization code", "The authorization code is invalid, expired or already used."],
  [-14014]: ["Invalid refresh token", "The refresh token is invalid, expired or already used."],
  [-14018]: ["Invalid grant type", "grant_type must be refresh_token or authorization_code."],
} as const;

type ZaloCode = keyof typeof MESSAGES;

function newId(): string {
  return randomBytes(16).toString("hex");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

function sameText(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** DD/MM/YYYY in Vietnam time (UTC+7, no DST). */
function vietnamDate(ms: number): string {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function checkUserInput(input: unknown): AddUserInput {
  if (!isObject(input)) throw new TypeError("addUser: expected an object");
  const { followerId, appUserId, name, avatar, following, blocked, lastInteractionAt, sharedInfo } = input;
  if (typeof followerId !== "string" || !NUMERIC_ID.test(followerId)) {
    throw new TypeError("addUser: followerId must be a numeric string");
  }
  if (typeof appUserId !== "string" || !NUMERIC_ID.test(appUserId)) {
    throw new TypeError("addUser: appUserId must be a numeric string");
  }
  if (typeof name !== "string" || name.trim() === "" || name.length > 100) {
    throw new TypeError("addUser: name must be 1–100 characters");
  }
  if (avatar !== undefined && (typeof avatar !== "string" || !/^https?:\/\//.test(avatar))) {
    throw new TypeError("addUser: avatar must be an http(s) URL");
  }
  if (following !== undefined && typeof following !== "boolean") throw new TypeError("addUser: following");
  if (blocked !== undefined && typeof blocked !== "boolean") throw new TypeError("addUser: blocked");
  if (lastInteractionAt !== undefined && lastInteractionAt !== null && !Number.isFinite(lastInteractionAt)) {
    throw new TypeError("addUser: lastInteractionAt must be epoch ms or null");
  }
  if (sharedInfo !== undefined && !isObject(sharedInfo)) throw new TypeError("addUser: sharedInfo");
  return input as unknown as AddUserInput;
}

export function createOaStandin(options: OaStandinOptions) {
  const now = options.now ?? Date.now;
  const rateLimit = options.rateLimitPerMinute ?? 4000;
  const accessTtl = options.accessTokenTtlMs ?? 90_000_000;
  const refreshTtl = options.refreshTokenTtlMs ?? 90 * 86_400_000;
  const windowMs = options.interactionWindowMs ?? 7 * 86_400_000;
  const webhookTimeout = options.webhookTimeoutMs ?? 5000;
  const doFetch = options.fetch ?? fetch;
  let webhookUrl = options.webhookUrl;

  const accessTokens = new Map<string, { expiresAt: number }>([
    [options.accessToken, { expiresAt: now() + accessTtl }],
  ]);
  const refreshTokens = new Map<string, { expiresAt: number }>([
    [options.refreshToken, { expiresAt: now() + refreshTtl }],
  ]);
  const users = new Map<string, OaUser>();
  const conversations = new Map<string, ConversationEntry[]>();
  /** Incoming msg_id → follower id, so a reply can be addressed with `recipient.message_id`. */
  const incomingMessages = new Map<string, string>();
  const sent: SentMessage[] = [];
  const faults: Record<FaultTarget, FaultKind[]> = { openapi: [], oauth: [] };
  const rate = { minute: -1, count: 0 };
  const counters = { calls: 0, refreshes: 0 };

  function log(followerId: string, entry: ConversationEntry) {
    let entries = conversations.get(followerId);
    if (!entries) {
      entries = [];
      conversations.set(followerId, entries);
    }
    entries.push(entry);
    if (entries.length > CONVERSATION_CAP) entries.splice(0, entries.length - CONVERSATION_CAP);
  }

  function requireUser(followerId: string): OaUser {
    const user = users.get(followerId);
    if (!user) throw new Error(`Zalo stand-in: no user ${followerId}`);
    return user;
  }

  const zaloError = (c: Context, code: ZaloCode, field?: string) =>
    c.json({ error: code, message: field ? `${field} ${MESSAGES[-201]}` : MESSAGES[code] });

  function injectFault(c: Context, kind: FaultKind) {
    switch (kind) {
      case "rate_limit":
        return zaloError(c, -32);
      case "token_expired":
        return zaloError(c, -220);
      case "http500":
        return c.html("<html><body><h1>500 Internal Server Error</h1></body></html>", 500);
      case "network": {
        // Under @hono/node-server the socket is closed without an answer: fetch rejects with
        // "fetch failed" (SocketError: other side closed). Elsewhere (app.request in a unit
        // test) there is no socket, and a gateway error page stands in for it.
        const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
        if (incoming?.socket) {
          incoming.socket.destroy();
          return RESPONSE_ALREADY_SENT.clone();
        }
        return c.html("<html><body><h1>503 Service Unavailable</h1></body></html>", 503);
      }
    }
  }

  // ---------------------------------------------------------------- openapi.zalo.me
  const openapi = new Hono()
    .use("*", async (c, next) => {
      counters.calls += 1;
      const fault = faults.openapi.shift();
      if (fault) return injectFault(c, fault);
      const token = c.req.header("access_token");
      const entry = token ? accessTokens.get(token) : undefined;
      if (!token || !entry) return zaloError(c, -216);
      if (entry.expiresAt <= now()) return zaloError(c, -220);
      const proof = c.req.header("appsecret_proof");
      if (proof !== undefined && !sameText(proof, appSecretProof(token, options.appSecret))) {
        return zaloError(c, -242);
      }
      const minute = Math.floor(now() / 60_000);
      if (minute !== rate.minute) {
        rate.minute = minute;
        rate.count = 0;
      }
      c.header("X-RateLimit-Limit", String(rateLimit));
      if (rate.count >= rateLimit) {
        c.header("X-RateLimit-Remain", "0");
        return zaloError(c, -32);
      }
      rate.count += 1;
      c.header("X-RateLimit-Remain", String(rateLimit - rate.count));
      await next();
    })
    .post("/v3.0/oa/message/cs", async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return zaloError(c, -201, "body");
      }
      const parsed = parseCsMessage(body);
      if (!parsed.ok) return zaloError(c, -201, parsed.field);
      const message = parsed.message;
      let followerId: string | undefined;
      if ("user_id" in message.recipient) {
        followerId = message.recipient.user_id;
      } else {
        followerId = incomingMessages.get(message.recipient.message_id);
        if (!followerId) return zaloError(c, -201, "message_id");
      }
      const user = users.get(followerId);
      if (!user?.following) return zaloError(c, -213);
      if (user.blocked) return zaloError(c, -244);
      const at = now();
      const since = user.lastInteractionAt === null ? Number.POSITIVE_INFINITY : at - user.lastInteractionAt;
      if (since > windowMs) return zaloError(c, -230);
      const record: SentMessage = {
        messageId: newId(),
        followerId: user.followerId,
        appUserId: user.appUserId,
        at,
        recipient: message.recipient,
        text: message.text,
        attachment: message.attachment,
        buttons: message.buttons,
        quoteMessageId: message.quoteMessageId,
      };
      sent.push(record);
      if (sent.length > SENT_CAP) sent.splice(0, sent.length - SENT_CAP);
      log(user.followerId, { direction: "out", ...record });
      return c.json({
        data: {
          message_id: record.messageId,
          user_id: user.followerId,
          sent_time: String(at),
          quota: { quota_type: since <= FREE_REPLY_MS ? "reply" : "billable", remain: 8, total: 8 },
        },
        error: 0,
        message: "Success",
      });
    })
    .get("/v3.0/oa/user/detail", (c) => {
      let data: unknown;
      try {
        data = JSON.parse(c.req.query("data") ?? "");
      } catch {
        return zaloError(c, -201, "data");
      }
      if (!isObject(data)) return zaloError(c, -201, "data");
      if (typeof data.user_id !== "string" || !NUMERIC_ID.test(data.user_id))
        return zaloError(c, -201, "user_id");
      const user = users.get(data.user_id);
      if (!user) return zaloError(c, -213);
      return c.json({
        data: {
          user_id: user.followerId,
          user_id_by_app: user.appUserId,
          user_external_id: "",
          display_name: user.name,
          user_alias: "",
          is_sensitive: false,
          user_last_interaction_date:
            user.lastInteractionAt === null ? "" : vietnamDate(user.lastInteractionAt),
          user_is_follower: user.following,
          avatar: user.avatar,
          avatars: { "120": user.avatar, "240": user.avatar },
          tags_and_notes_info: { notes: [], tag_names: [] },
          ...(user.sharedInfo
            ? {
                shared_info: {
                  address: user.sharedInfo.address ?? "",
                  city: user.sharedInfo.city ?? "",
                  district: user.sharedInfo.district ?? "",
                  phone: user.sharedInfo.phone ?? "",
                  name: user.sharedInfo.name ?? "",
                },
              }
            : {}),
        },
        error: 0,
        message: "Success",
      });
    })
    .post("/v2.0/oa/message", (c) => zaloError(c, -240));

  // ---------------------------------------------------------------- oauth.zaloapp.com
  const oauthError = (c: Context, code: keyof typeof OAUTH_ERRORS) => {
    const [name, description] = OAUTH_ERRORS[code];
    return c.json({
      error: code,
      error_name: name,
      error_reason: "",
      error_description: description,
      ref_doc: REF_DOC,
    });
  };

  const oauth = new Hono().post("/v4/oa/access_token", async (c) => {
    const fault = faults.oauth.shift();
    if (fault) return injectFault(c, fault);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
    if (field("app_id") !== options.appId) return oauthError(c, -14002);
    if (!sameText(c.req.header("secret_key") ?? "", options.appSecret)) return oauthError(c, -14004);
    const grant = field("grant_type");
    if (grant === "authorization_code") return oauthError(c, -14005);
    if (grant !== "refresh_token") return oauthError(c, -14018);
    const presented = field("refresh_token") ?? "";
    const entry = refreshTokens.get(presented);
    // Single use: whatever happens next, this refresh token is spent.
    refreshTokens.delete(presented);
    if (!entry || entry.expiresAt <= now()) return oauthError(c, -14014);
    if (options.revokeAccessTokenOnRefresh) {
      for (const token of accessTokens.values()) token.expiresAt = Math.min(token.expiresAt, now());
    }
    const accessToken = newToken();
    const refreshToken = newToken();
    accessTokens.set(accessToken, { expiresAt: now() + accessTtl });
    refreshTokens.set(refreshToken, { expiresAt: now() + refreshTtl });
    counters.refreshes += 1;
    return c.json({
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: String(Math.floor(accessTtl / 1000)),
    });
  });

  // ---------------------------------------------------------------- state controls
  function addUser(input: AddUserInput): OaUser {
    const checked = checkUserInput(input);
    const existing = users.get(checked.followerId);
    const user: OaUser = {
      followerId: checked.followerId,
      appUserId: checked.appUserId,
      name: checked.name,
      avatar: checked.avatar ?? existing?.avatar ?? DEFAULT_AVATAR,
      following: checked.following ?? existing?.following ?? true,
      blocked: checked.blocked ?? existing?.blocked ?? false,
      lastInteractionAt:
        checked.lastInteractionAt !== undefined
          ? checked.lastInteractionAt
          : (existing?.lastInteractionAt ?? now()),
      sharedInfo: checked.sharedInfo ?? existing?.sharedInfo ?? null,
    };
    users.set(user.followerId, user);
    return { ...user };
  }

  async function deliver(rawBody: string, signature: string): Promise<Delivery> {
    const started = Date.now();
    if (!webhookUrl) return { status: null, error: "no webhook URL", elapsedMs: 0 };
    try {
      const response = await doFetch(webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": signature },
        body: rawBody,
        signal: AbortSignal.timeout(webhookTimeout),
      });
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status, elapsedMs: Date.now() - started };
    } catch (error) {
      return {
        status: null,
        error: String((error as Error).message ?? error),
        elapsedMs: Date.now() - started,
      };
    }
  }

  async function userSends(followerId: string, input: UserAction): Promise<UserSendResult> {
    const user = requireUser(followerId);
    const parsed = parseUserAction(input);
    if (!parsed.ok) throw new TypeError(`userSends: ${parsed.message}`);
    const { kind, action } = parsed;
    const at = now();
    const msgId = newId();
    const event = buildEvent(
      {
        appId: options.appId,
        oaId: options.oaId,
        followerId: user.followerId,
        userIdByApp: user.appUserId,
        timestamp: String(at),
        msgId,
      },
      action,
    );
    // State changes before the POST: the product may answer while handling the event.
    if (kind === "unfollow") {
      user.following = false;
    } else {
      if (kind === "follow") user.following = true;
      user.lastInteractionAt = at;
    }
    if (kind !== "follow" && kind !== "unfollow") incomingMessages.set(msgId, user.followerId);
    log(user.followerId, {
      direction: "in",
      kind,
      messageId: msgId,
      at,
      ...("text" in action ? { text: action.text } : {}),
      ...("imageUrl" in action
        ? { imageUrl: action.imageUrl, ...(action.caption ? { text: action.caption } : {}) }
        : {}),
      ...("latitude" in action
        ? { latitude: String(action.latitude), longitude: String(action.longitude) }
        : {}),
    });
    const rawBody = JSON.stringify(event);
    const signature = signatureHeader(options.appId, rawBody, String(at), options.oaSecretKey);
    const delivery = await deliver(rawBody, signature);
    return { event, rawBody, signature, ...delivery };
  }

  function failNext(count: number, kind: FaultKind, target: FaultTarget = "openapi") {
    if (!Number.isInteger(count) || count < 0 || count > 10_000) throw new RangeError("failNext: count");
    if (!FAULT_KINDS.includes(kind)) throw new TypeError(`failNext: unknown kind ${kind}`);
    if (target !== "openapi" && target !== "oauth") throw new TypeError(`failNext: unknown target ${target}`);
    if (target === "oauth" && (kind === "rate_limit" || kind === "token_expired")) {
      throw new TypeError(`failNext: ${kind} does not apply to the token endpoint`);
    }
    for (let i = 0; i < count; i++) faults[target].push(kind);
  }

  const handle: OaStandinHandle = {
    addUser,
    user: (followerId: string): OaUser | undefined => {
      const user = users.get(followerId);
      return user ? { ...user } : undefined;
    },
    users: (): OaUser[] => [...users.values()].map((user) => ({ ...user })),
    userSends,
    redeliver: (sent: Pick<UserSendResult, "rawBody" | "signature">) => deliver(sent.rawBody, sent.signature),
    conversation: (followerId: string): ConversationEntry[] =>
      structuredClone(conversations.get(followerId) ?? []),
    sentMessages: (): SentMessage[] => structuredClone(sent),
    failNext,
    clearFaults: () => {
      faults.openapi.length = 0;
      faults.oauth.length = 0;
    },
    pendingFaults: () => ({ openapi: [...faults.openapi], oauth: [...faults.oauth] }),
    expireAccessToken: () => {
      for (const token of accessTokens.values()) token.expiresAt = Math.min(token.expiresAt, now());
    },
    setBlocked: (followerId: string, blocked: boolean) => {
      requireUser(followerId).blocked = blocked;
    },
    setLastInteraction: (followerId: string, at: number | null) => {
      requireUser(followerId).lastInteractionAt = at;
    },
    setFollowing: (followerId: string, following: boolean) => {
      requireUser(followerId).following = following;
    },
    setWebhookUrl: (url: string | undefined) => {
      webhookUrl = url;
    },
    webhookUrl: () => webhookUrl,
    refreshCount: () => counters.refreshes,
    callCount: () => counters.calls,
    liveTokens: () => ({
      accessTokens: [...accessTokens].filter(([, t]) => t.expiresAt > now()).map(([token]) => token),
      refreshTokens: [...refreshTokens].filter(([, t]) => t.expiresAt > now()).map(([token]) => token),
    }),
  };

  return { openapi, oauth, sandbox: sandboxRoutes(handle), handle };
}
