/**
 * Zalo OA webhook signature (zalo-platform.md §1.2): header `X-ZEvent-Signature: mac=<hex>` with
 * hex = SHA-256(app_id + raw body + timestamp + OA secret key), plain SHA-256 (not HMAC), where
 * app_id and timestamp are the values inside the JSON body. Checked on the raw bytes before any
 * parsing is trusted.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export function zaloEventMac(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash("sha256").update(`${appId}${rawBody}${timestamp}${oaSecretKey}`).digest("hex");
}

export function signatureHeader(
  appId: string,
  rawBody: string,
  timestamp: string,
  oaSecretKey: string,
): string {
  return `mac=${zaloEventMac(appId, rawBody, timestamp, oaSecretKey)}`;
}

/**
 * True when the header matches. `app_id` and `timestamp` are read from the body without
 * trusting anything else in it; a body that is not JSON, or lacks them, fails.
 */
export function verifyZaloSignature(
  header: string | undefined,
  rawBody: string,
  expectedAppId: string,
  oaSecretKey: string,
): { ok: true; appId: string; timestamp: string } | { ok: false; reason: string } {
  if (!header?.startsWith("mac=")) return { ok: false, reason: "missing_signature" };
  let appId: unknown;
  let timestamp: unknown;
  try {
    const parsed = JSON.parse(rawBody) as { app_id?: unknown; timestamp?: unknown };
    appId = parsed.app_id;
    timestamp = parsed.timestamp;
  } catch {
    return { ok: false, reason: "malformed_body" };
  }
  if (typeof appId !== "string" || (typeof timestamp !== "string" && typeof timestamp !== "number")) {
    return { ok: false, reason: "missing_fields" };
  }
  if (appId !== expectedAppId) return { ok: false, reason: "wrong_app" };
  const expected = zaloEventMac(appId, rawBody, String(timestamp), oaSecretKey);
  const given = header.slice(4).toLowerCase();
  const ok = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  return ok ? { ok: true, appId, timestamp: String(timestamp) } : { ok: false, reason: "bad_signature" };
}
