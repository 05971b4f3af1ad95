/**
 * Our client for Zalo's graph API (user identity of Mini App users). It talks HTTP to whatever
 * ZALO_GRAPH_URL points at: graph.zalo.me in live mode, the local stand-in in sandbox mode and
 * tests. See ../shared/reference/zalo-platform.md §5.2.
 */
import { createHmac } from "node:crypto";
import { AppError } from "../lib/errors";

export interface ZaloUser {
  id: string;
  name: string;
  avatarUrl: string | null;
}

export interface GraphClient {
  /** Verifies a Mini App access token (`getAccessToken()`) and returns whose it is. */
  getMe(accessToken: string): Promise<ZaloUser>;
  /** Exchanges a `getPhoneNumber()` token (single use, 2 minutes) for the number. */
  getPhoneNumber(accessToken: string, phoneToken: string): Promise<string>;
}

export interface GraphClientOptions {
  baseUrl: string;
  appSecret: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** `appsecret_proof` = hex(HMAC-SHA256(key = app secret, message = access token)). */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac("sha256", appSecret).update(accessToken).digest("hex");
}

const invalidToken = () =>
  new AppError("unauthenticated", "Phiên đăng nhập Zalo không hợp lệ, anh/chị vui lòng mở lại ứng dụng.");

const phoneRefused = () =>
  new AppError("validation_failed", "Không lấy được số điện thoại, anh/chị vui lòng thử lại.", {
    phoneToken: "Mã số điện thoại không hợp lệ hoặc đã hết hạn.",
  });

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/$/, "");

  async function call(
    path: string,
    headers: Record<string, string>,
    refused: () => AppError,
  ): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        headers,
        signal: AbortSignal.timeout(options.timeoutMs ?? 8000),
      });
    } catch {
      throw new AppError("upstream_failed", "Không kết nối được với Zalo, anh/chị vui lòng thử lại sau.");
    }
    if (response.status >= 500) {
      throw new AppError("upstream_failed", "Zalo đang bận, anh/chị vui lòng thử lại sau.");
    }
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    // Zalo reports errors in the body (often with HTTP 200): a non-zero `error` field.
    if (!body || response.status >= 400 || (typeof body.error === "number" && body.error !== 0)) {
      throw refused();
    }
    return body;
  }

  return {
    async getMe(accessToken) {
      const body = await call(
        "/v2.0/me?fields=id,name,picture",
        {
          access_token: accessToken,
          appsecret_proof: appSecretProof(accessToken, options.appSecret),
        },
        invalidToken,
      );
      if (typeof body.id !== "string" || body.id === "") throw invalidToken();
      const picture = body.picture as { data?: { url?: unknown } } | undefined;
      return {
        id: body.id,
        name: typeof body.name === "string" && body.name.trim() !== "" ? body.name : "Người dùng Zalo",
        avatarUrl: typeof picture?.data?.url === "string" ? picture.data.url : null,
      };
    },
    async getPhoneNumber(accessToken, phoneToken) {
      // The phone token is single use and lives two minutes: a refusal means "ask again".
      const body = await call(
        "/v2.0/me/info",
        { access_token: accessToken, code: phoneToken, secret_key: options.appSecret },
        phoneRefused,
      );
      const data = body.data as { number?: unknown } | undefined;
      if (typeof data?.number !== "string" || !/^\d{9,15}$/.test(data.number)) throw phoneRefused();
      return data.number;
    },
  };
}
