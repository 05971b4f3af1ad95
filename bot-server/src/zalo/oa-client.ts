/**
 * Our client for the Zalo OA Open API and OAuth v4 (zalo-platform.md §2–§3). It only speaks
 * HTTP and classifies answers; retrying, pacing and token storage are the outbox's job.
 */
import type { ZaloConfig } from "../env";
import { appSecretProof } from "./graph-client";

export type SendOutcome =
  | { kind: "sent"; messageId: string }
  /** Worth trying again later: network failure, 5xx, rate limit. */
  | { kind: "retry"; reason: string; code?: number; rateLimited?: boolean }
  /** The access token is invalid or expired: refresh, then try again. */
  | { kind: "token"; reason: string; code: number }
  /** Will never succeed as it is: not a follower, outside the window, blocked, bad payload. */
  | { kind: "permanent"; reason: string; code: number };

export type RefreshOutcome =
  | { kind: "refreshed"; accessToken: string; refreshToken: string; expiresInSeconds: number }
  | { kind: "retry"; reason: string }
  | { kind: "rejected"; reason: string; code?: number };

export interface OaClientOptions {
  openApiUrl: string;
  oauthUrl: string;
  appId: string;
  appSecret: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Zalo error codes (§2.4) that mean "do not try again with the same payload and recipient". */
const PERMANENT_REASONS: Record<number, string> = {
  [-201]: "invalid_payload",
  [-204]: "oa_disabled",
  [-205]: "oa_not_found",
  [-209]: "api_not_supported",
  [-211]: "out_of_quota",
  [-212]: "api_not_registered",
  [-213]: "not_a_follower",
  [-218]: "out_of_quota",
  [-223]: "oa_not_authorized",
  [-224]: "oa_tier_too_low",
  [-230]: "outside_interaction_window",
  [-232]: "outside_interaction_window",
  [-240]: "api_retired",
  [-242]: "invalid_appsecret_proof",
  [-244]: "blocked_by_user",
};

export function createOaClient(options: OaClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const openApi = options.openApiUrl.replace(/\/$/, "");
  const oauth = options.oauthUrl.replace(/\/$/, "");
  const timeout = () => AbortSignal.timeout(options.timeoutMs ?? 10_000);

  async function sendCs(accessToken: string, message: unknown): Promise<SendOutcome> {
    let response: Response;
    try {
      response = await doFetch(`${openApi}/v3.0/oa/message/cs`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          access_token: accessToken,
          appsecret_proof: appSecretProof(accessToken, options.appSecret),
        },
        body: JSON.stringify(message),
        signal: timeout(),
      });
    } catch (error) {
      return { kind: "retry", reason: `network: ${(error as Error).name}` };
    }
    if (response.status >= 500) return { kind: "retry", reason: `http_${response.status}` };
    const body = (await response.json().catch(() => null)) as {
      error?: number;
      message?: string;
      data?: { message_id?: string };
    } | null;
    if (!body || typeof body.error !== "number")
      return { kind: "retry", reason: `unreadable_answer_${response.status}` };
    const code = body.error;
    if (code === 0 && typeof body.data?.message_id === "string")
      return { kind: "sent", messageId: body.data.message_id };
    if (code === -216 || code === -220) return { kind: "token", reason: "access_token_invalid", code };
    if (code === -32) return { kind: "retry", reason: "rate_limited", code, rateLimited: true };
    const permanent = PERMANENT_REASONS[code];
    if (permanent) return { kind: "permanent", reason: permanent, code };
    // Unknown codes: retry a bounded number of times rather than drop the message.
    return { kind: "retry", reason: `zalo_error_${code}`, code };
  }

  async function refreshAccessToken(refreshToken: string): Promise<RefreshOutcome> {
    let response: Response;
    try {
      response = await doFetch(`${oauth}/v4/oa/access_token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: options.appSecret },
        body: new URLSearchParams({
          refresh_token: refreshToken,
          app_id: options.appId,
          grant_type: "refresh_token",
        }),
        signal: timeout(),
      });
    } catch (error) {
      return { kind: "retry", reason: `network: ${(error as Error).name}` };
    }
    if (response.status >= 500) return { kind: "retry", reason: `http_${response.status}` };
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (body && typeof body.access_token === "string" && typeof body.refresh_token === "string") {
      const expires = Number(body.expires_in);
      return {
        kind: "refreshed",
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresInSeconds: Number.isFinite(expires) && expires > 0 ? expires : 90_000,
      };
    }
    const code = typeof body?.error === "number" ? body.error : undefined;
    return {
      kind: "rejected",
      reason: String(body?.error_name ?? body?.error_description ?? "refresh_rejected"),
      code,
    };
  }

  return { sendCs, refreshAccessToken };
}

export type OaClient = ReturnType<typeof createOaClient>;

/** The client for the configured Zalo (or its stand-in in sandbox mode and tests). */
export function oaClientFor(
  zalo: Pick<ZaloConfig, "openApiUrl" | "oauthUrl" | "appId" | "appSecret">,
): OaClient {
  return createOaClient({
    openApiUrl: zalo.openApiUrl,
    oauthUrl: zalo.oauthUrl,
    appId: zalo.appId,
    appSecret: zalo.appSecret,
  });
}
