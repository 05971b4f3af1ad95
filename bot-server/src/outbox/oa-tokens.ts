/**
 * The OA token pair (zalo-platform.md §3), kept in the single `oa_tokens` row (id 1).
 *
 * Zalo's refresh tokens are single use: every refresh spends the old one and returns a new pair.
 * So a refresh is single-flight twice over: concurrent callers in this process share one promise,
 * and a lease in the row (`refreshing_until`, taken with a guarded UPDATE) keeps a second process
 * from refreshing at the same time. The new pair is written in one UPDATE before anyone uses it.
 * A rejected refresh keeps the old row, records why, and says loudly that a person must
 * re-authorize the OA; token values never reach the log.
 */
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { oaTokens } from "../db/schema";
import type { Config } from "../env";
import type { Logger } from "../lib/logger";
import type { OaClient } from "../zalo/oa-client";

export const TOKEN_ROW_ID = 1;
/** Zalo's OA access tokens live 25 h; the configured one is assumed fresh until Zalo says otherwise. */
export const ACCESS_TOKEN_TTL_MS = 25 * 3_600_000;
/** Refresh ahead of time when the access token has less than this left. */
export const PROACTIVE_REFRESH_MS = 3_600_000;
/** How long a refresh may hold the lease (the OAuth call times out after 10 s). */
const LEASE_MS = 60_000;
/** A token rejected this soon after we obtained it is not refreshed again (no refresh loop). */
const FRESH_TOKEN_MS = 60_000;
/** After a failed proactive refresh, wait this long before the next proactive try. */
const PROACTIVE_RETRY_MS = 60_000;
/** After a refresh that failed for a passing reason (network, 5xx), no new try before this. */
const REFRESH_RETRY_MS = 10_000;
/** `last_refresh_error` prefix of a refresh Zalo refused: only a new authorization helps. */
const REJECTED_PREFIX = "rejected: ";

export type TokenRow = typeof oaTokens.$inferSelect;

export interface TokenDeps {
  db: Db;
  oa: Pick<OaClient, "refreshAccessToken">;
  logger: Logger;
  now: () => Date;
}

export type RefreshResult =
  /** This call refreshed: the new pair is stored. */
  | { kind: "refreshed"; accessToken: string }
  /** The token was already replaced (by a refresh elsewhere): use this one. */
  | { kind: "current"; accessToken: string }
  /** Another process holds the refresh lease: try again shortly. */
  | { kind: "busy" }
  | { kind: "failed"; reason: string; needsReauthorization: boolean };

/** Per database handle: the refresh in progress in this process and what the last one gave. */
interface ProcessState {
  inflight?: Promise<RefreshResult>;
  lastIssued?: { accessToken: string; at: number };
  proactiveNotBefore: number;
  /** No refresh call before this (ms) after a passing failure. */
  retryNotBefore: number;
}
const states = new WeakMap<Db, ProcessState>();

function state(db: Db): ProcessState {
  let s = states.get(db);
  if (!s) {
    s = { proactiveNotBefore: 0, retryNotBefore: 0 };
    states.set(db, s);
  }
  return s;
}

export function readTokens(db: Db): TokenRow | undefined {
  return db.select().from(oaTokens).where(eq(oaTokens.id, TOKEN_ROW_ID)).get();
}

export type EnsureResult = "seeded" | "kept" | "replaced";

/**
 * Seeds the row from the configured pair when there is none. The configured pair replaces the
 * stored one in two cases only: in sandbox mode (the stand-in is new with every process and only
 * knows the sandbox pair), and when Zalo rejected the stored refresh token and the configured
 * pair is a different one (an administrator re-authorized the OA and put the new pair in the
 * environment). Otherwise the stored pair is newer than the configuration and stays.
 */
export function ensureTokens(db: Db, config: Config, now: Date, logger?: Logger): EnsureResult {
  const pair = {
    accessToken: config.zalo.oaAccessToken,
    refreshToken: config.zalo.oaRefreshToken,
    expiresAt: new Date(now.getTime() + ACCESS_TOKEN_TTL_MS),
    refreshingUntil: null,
    lastRefreshError: null,
    updatedAt: now,
  };
  const row = readTokens(db);
  if (!row) {
    db.insert(oaTokens)
      .values({ id: TOKEN_ROW_ID, ...pair })
      .onConflictDoNothing()
      .run();
    return "seeded";
  }
  const reauthorized =
    row.lastRefreshError?.startsWith(REJECTED_PREFIX) === true &&
    row.refreshToken !== config.zalo.oaRefreshToken;
  const differs = row.accessToken !== pair.accessToken || row.refreshToken !== pair.refreshToken;
  if ((config.sandbox && differs) || reauthorized) {
    db.update(oaTokens).set(pair).where(eq(oaTokens.id, TOKEN_ROW_ID)).run();
    if (reauthorized) logger?.info("OA token pair replaced by the configured one after a re-authorization");
    return "replaced";
  }
  return "kept";
}

export function currentAccessToken(db: Db): string | null {
  return readTokens(db)?.accessToken ?? null;
}

/** True when the stored refresh token was refused: only a person re-authorizing the OA helps. */
export function needsReauthorization(db: Db): boolean {
  return readTokens(db)?.lastRefreshError?.startsWith(REJECTED_PREFIX) === true;
}

/**
 * Gets a new pair because `rejectedToken` was refused (or, with `proactive`, is about to expire).
 * Single-flight: callers in this process share one refresh, and the row lease keeps other
 * processes out. Never throws.
 */
export function refreshTokens(
  deps: TokenDeps & { rejectedToken: string; proactive?: boolean },
): Promise<RefreshResult> {
  const s = state(deps.db);
  if (s.inflight) return s.inflight;
  const promise = doRefresh(deps, s).finally(() => {
    s.inflight = undefined;
  });
  s.inflight = promise;
  return promise;
}

/** Refreshes ahead of expiry; a no-op when the token has more than an hour left. */
export async function refreshIfExpiring(deps: TokenDeps): Promise<RefreshResult | null> {
  const row = readTokens(deps.db);
  const now = deps.now().getTime();
  const s = state(deps.db);
  if (!row || row.expiresAt.getTime() - now > PROACTIVE_REFRESH_MS) return null;
  if (now < s.proactiveNotBefore || row.lastRefreshError?.startsWith(REJECTED_PREFIX)) return null;
  const result = await refreshTokens({ ...deps, rejectedToken: row.accessToken, proactive: true });
  if (result.kind === "failed" || result.kind === "busy") {
    s.proactiveNotBefore = deps.now().getTime() + PROACTIVE_RETRY_MS;
  }
  return result;
}

async function doRefresh(
  deps: TokenDeps & { rejectedToken: string; proactive?: boolean },
  s: ProcessState,
): Promise<RefreshResult> {
  const { db, logger } = deps;
  const now = deps.now().getTime();
  const row = readTokens(db);
  if (!row) return { kind: "failed", reason: "no_oa_tokens", needsReauthorization: true };
  if (row.accessToken !== deps.rejectedToken) return { kind: "current", accessToken: row.accessToken };
  if (row.lastRefreshError?.startsWith(REJECTED_PREFIX)) {
    return { kind: "failed", reason: row.lastRefreshError, needsReauthorization: true };
  }
  if (
    !deps.proactive &&
    s.lastIssued?.accessToken === deps.rejectedToken &&
    now - s.lastIssued.at < FRESH_TOKEN_MS
  ) {
    // Zalo refuses a token it has just issued: refreshing again would only spend refresh tokens.
    logger.error("Zalo rejected a freshly refreshed OA access token; not refreshing again yet");
    return { kind: "failed", reason: "access_token_rejected_after_refresh", needsReauthorization: false };
  }

  if (now < s.retryNotBefore) {
    return { kind: "failed", reason: row.lastRefreshError ?? "refresh_backoff", needsReauthorization: false };
  }

  const leaseUntil = new Date(now + LEASE_MS);
  const lease = db
    .update(oaTokens)
    .set({ refreshingUntil: leaseUntil })
    .where(
      and(
        eq(oaTokens.id, TOKEN_ROW_ID),
        eq(oaTokens.accessToken, deps.rejectedToken),
        or(isNull(oaTokens.refreshingUntil), lt(oaTokens.refreshingUntil, new Date(now))),
      ),
    )
    .run();
  if (lease.changes === 0) {
    const latest = readTokens(db);
    if (latest && latest.accessToken !== deps.rejectedToken) {
      return { kind: "current", accessToken: latest.accessToken };
    }
    return { kind: "busy" };
  }

  let outcome: Awaited<ReturnType<TokenDeps["oa"]["refreshAccessToken"]>>;
  try {
    outcome = await deps.oa.refreshAccessToken(row.refreshToken);
  } catch (error) {
    outcome = { kind: "retry", reason: `error: ${(error as Error).name}` };
  }
  const at = deps.now();

  if (outcome.kind === "refreshed") {
    // One statement: the new access token, the new (single-use) refresh token and the expiry.
    db.update(oaTokens)
      .set({
        accessToken: outcome.accessToken,
        refreshToken: outcome.refreshToken,
        expiresAt: new Date(at.getTime() + outcome.expiresInSeconds * 1000),
        refreshingUntil: null,
        lastRefreshError: null,
        updatedAt: at,
      })
      .where(eq(oaTokens.id, TOKEN_ROW_ID))
      .run();
    s.lastIssued = { accessToken: outcome.accessToken, at: at.getTime() };
    logger.info(
      { proactive: deps.proactive === true, expiresInSeconds: outcome.expiresInSeconds },
      "OA access token refreshed",
    );
    return { kind: "refreshed", accessToken: outcome.accessToken };
  }

  const rejected = outcome.kind === "rejected";
  const code = outcome.kind === "rejected" ? outcome.code : undefined;
  const reason = rejected
    ? `${REJECTED_PREFIX}${outcome.reason}${code === undefined ? "" : ` (${code})`}`
    : `retry: ${outcome.reason}`;
  db.update(oaTokens)
    .set({ refreshingUntil: null, lastRefreshError: reason, updatedAt: at })
    .where(eq(oaTokens.id, TOKEN_ROW_ID))
    .run();
  if (rejected) {
    logger.error(
      { reason: outcome.reason, code },
      "Zalo refused the OA refresh token: an administrator must re-authorize the Official Account " +
        "and set ZALO_OA_ACCESS_TOKEN / ZALO_OA_REFRESH_TOKEN; messages cannot be sent until then",
    );
  } else {
    s.retryNotBefore = at.getTime() + REFRESH_RETRY_MS;
    logger.warn({ reason: outcome.reason }, "OA token refresh failed; will try again");
  }
  return { kind: "failed", reason, needsReauthorization: rejected };
}
