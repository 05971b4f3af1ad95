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
  /** Exchanges a `getLocation()` token (single use, 2 minutes) for the coordinates. */
  locationFromToken(accessToken: string, locationToken: string): Promise<Coordinates>;
}

export interface Coordinates {
  latitude: number;
  longitude: number;
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

const locationRefused = () =>
  new AppError("validation_failed", "Không lấy được vị trí, anh/chị vui lòng bấm “Gửi kèm vị trí” lại.", {
    token: "Mã vị trí không hợp lệ hoặc đã hết hạn.",
  });

/** Zalo sends the coordinates as strings in most samples, numbers in some: accept both. */
function coordinate(value: unknown, limit: number): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

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
    async locationFromToken(accessToken, locationToken) {
      // Same exchange as the phone number (zalo-platform.md §5.2), verified against:
      // - Zalo's own getLocation page (miniapp.zaloplatforms.com/documents/api/getLocation) and the
      //   zmp-sdk@2.51.6 typings: `getLocation()` now returns `{ token }` (latitude, longitude,
      //   timestamp only @deprecated); the token goes to the server, which converts it.
      // - Public server code doing that conversion: `GET https://graph.zalo.me/v2.0/me/info`
      //   with headers `access_token` (user token), `code` (the location token) and `secret_key`
      //   (app secret) → `{ data: { latitude, longitude, provider, timestamp }, error: 0 }`.
      //   Zalo's conversion guide that page links to was not found, so this answer shape rests on
      //   that public code; coordinates come as strings or numbers there, so both are accepted.
      const body = await call(
        "/v2.0/me/info",
        { access_token: accessToken, code: locationToken, secret_key: options.appSecret },
        locationRefused,
      );
      const data = body.data as { latitude?: unknown; longitude?: unknown } | undefined;
      const latitude = coordinate(data?.latitude, 90);
      const longitude = coordinate(data?.longitude, 180);
      // A phone token exchanged here answers a number, not coordinates: refused the same way.
      if (latitude === null || longitude === null) throw locationRefused();
      return { latitude, longitude };
    },
  };
}
