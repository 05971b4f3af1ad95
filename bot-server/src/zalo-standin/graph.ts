/**
 * The graph.zalo.me part of the local Zalo stand-in: `GET /v2.0/me` and `GET /v2.0/me/info`,
 * with the documented headers and error bodies (zalo-platform.md §5.2). Zalo's own Mini App
 * runtime hands out user access tokens; here `POST /sandbox/users/:id/access-token` plays that
 * role for the sandbox page and tests, `/sandbox/users/:id/phone-token` plays
 * `getPhoneNumber()` and `/sandbox/users/:id/location-token` plays `getLocation()`.
 * Both tokens are exchanged at the same `GET /v2.0/me/info` (single use, 2 minutes).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import { appSecretProof } from "../zalo/graph-client";

interface StandinUser {
  id: string;
  name: string;
  avatarUrl: string | null;
  phone: string | null;
}

export interface GraphStandinOptions {
  appSecret: string;
  now?: () => number;
  /** Zalo user access tokens live for about an hour. */
  accessTokenTtlMs?: number;
}

const PHONE_TOKEN_TTL_MS = 2 * 60_000;
const LOCATION_TOKEN_TTL_MS = 2 * 60_000;

interface LocationGrant {
  userId: string;
  expiresAt: number;
  latitude: number;
  longitude: number;
  issuedAt: number;
}

const isCoordinate = (value: unknown, limit: number): value is number =>
  typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= limit;

export function createGraphStandin(options: GraphStandinOptions) {
  const now = options.now ?? Date.now;
  const users = new Map<string, StandinUser>();
  const accessTokens = new Map<string, { userId: string; expiresAt: number }>();
  const phoneTokens = new Map<string, { userId: string; expiresAt: number }>();
  const locationTokens = new Map<string, LocationGrant>();

  const token = () => randomBytes(24).toString("base64url");
  const sameText = (a: string, b: string) =>
    a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

  function userFor(accessToken: string | undefined): StandinUser | undefined {
    if (!accessToken) return undefined;
    const entry = accessTokens.get(accessToken);
    if (!entry || entry.expiresAt <= now()) return undefined;
    return users.get(entry.userId);
  }

  const app = new Hono()
    .get("/v2.0/me", (c) => {
      const accessToken = c.req.header("access_token") ?? c.req.query("access_token");
      const user = userFor(accessToken);
      if (!user) return c.json({ error: 452, message: "Access token is invalid or expired" });
      const proof = c.req.header("appsecret_proof") ?? "";
      if (!sameText(proof, appSecretProof(accessToken as string, options.appSecret))) {
        return c.json({ error: -242, message: "Invalid appsecret_proof" });
      }
      return c.json({
        id: user.id,
        name: user.name,
        picture: { data: { url: user.avatarUrl ?? "https://h5.zdn.vn/static/images/avatar.png" } },
        is_sensitive: false,
      });
    })
    .get("/v2.0/me/info", (c) => {
      const user = userFor(c.req.header("access_token"));
      if (!user) return c.json({ error: 452, message: "Access token is invalid or expired" });
      if (!sameText(c.req.header("secret_key") ?? "", options.appSecret)) {
        return c.json({ error: -124, message: "Invalid secret key" });
      }
      const code = c.req.header("code") ?? "";
      const location = locationTokens.get(code);
      if (location) {
        locationTokens.delete(code); // single use, like the phone token
        if (location.expiresAt <= now() || location.userId !== user.id) {
          return c.json({ error: -1401, message: "Token is invalid or expired" });
        }
        // Strings, as in the public samples of this answer (zalo-platform.md §5.2).
        return c.json({
          data: {
            latitude: String(location.latitude),
            longitude: String(location.longitude),
            provider: "gps",
            timestamp: String(location.issuedAt),
          },
          error: 0,
          message: "Success",
        });
      }
      const entry = phoneTokens.get(code);
      // Single use: the token is spent whether or not it was still valid.
      phoneTokens.delete(code);
      if (!entry || entry.expiresAt <= now() || entry.userId !== user.id || !user.phone) {
        return c.json({ error: -1401, message: "Token is invalid or expired" });
      }
      return c.json({ data: { number: user.phone }, error: 0, message: "Success" });
    })
    .post("/sandbox/users/:id/access-token", async (c) => {
      const id = c.req.param("id");
      const body = (await c.req.json().catch(() => ({}))) as { name?: string; avatarUrl?: string };
      if (!/^\d{1,32}$/.test(id)) return c.json({ error: -201, message: "user id is invalid!" }, 400);
      const existing = users.get(id);
      users.set(id, {
        id,
        name: body.name ?? existing?.name ?? `Người dùng ${id.slice(-4)}`,
        avatarUrl: body.avatarUrl ?? existing?.avatarUrl ?? null,
        phone: existing?.phone ?? null,
      });
      const accessToken = token();
      const ttl = options.accessTokenTtlMs ?? 3_600_000;
      accessTokens.set(accessToken, { userId: id, expiresAt: now() + ttl });
      return c.json({ access_token: accessToken, expires_in: String(Math.floor(ttl / 1000)) });
    })
    .post("/sandbox/users/:id/phone-token", async (c) => {
      const user = users.get(c.req.param("id"));
      const body = (await c.req.json().catch(() => ({}))) as { phone?: string };
      if (!user || !body.phone || !/^84\d{9,10}$/.test(body.phone)) {
        return c.json({ error: -201, message: "phone is invalid!" }, 400);
      }
      user.phone = body.phone;
      const phoneToken = token();
      phoneTokens.set(phoneToken, { userId: user.id, expiresAt: now() + PHONE_TOKEN_TTL_MS });
      return c.json({ token: phoneToken });
    })
    .post("/sandbox/users/:id/location-token", async (c) => {
      const user = users.get(c.req.param("id"));
      const body = (await c.req.json().catch(() => ({}))) as { latitude?: unknown; longitude?: unknown };
      if (!user || !isCoordinate(body.latitude, 90) || !isCoordinate(body.longitude, 180)) {
        return c.json({ error: -201, message: "location is invalid!" }, 400);
      }
      const locationToken = token();
      locationTokens.set(locationToken, {
        userId: user.id,
        expiresAt: now() + LOCATION_TOKEN_TTL_MS,
        latitude: body.latitude,
        longitude: body.longitude,
        issuedAt: now(),
      });
      return c.json({ token: locationToken });
    });

  return { app };
}
