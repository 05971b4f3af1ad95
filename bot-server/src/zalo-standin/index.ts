/**
 * The local stand-in for Zalo's HTTP APIs (SPEC §4.3). Mounted by `npm start` in sandbox mode
 * under STANDIN_PREFIX, and started on its own port by tests. Same paths and payloads as Zalo:
 *
 *   /graph/...       graph.zalo.me        (graph.ts)       → {ZALO_GRAPH_URL}
 *   /openapi/...     openapi.zalo.me      (oa.ts)          → {ZALO_OPENAPI_URL}
 *   /oauth/...       oauth.zaloapp.com    (oa.ts)          → {ZALO_OAUTH_URL}
 *   /sandbox/oa/...  controls of the simulated OA followers (oa-sandbox.ts), not Zalo's
 *
 * The returned object is the Hono app plus the OA state controls (`OaStandinHandle`).
 */
import { Hono } from "hono";
import { SANDBOX_ZALO } from "../env";
import { createGraphStandin } from "./graph";
import { createOaStandin, type OaStandinHandle, type OaStandinOptions } from "./oa";

export type {
  AddUserInput,
  ConversationEntry,
  Delivery,
  FaultKind,
  FaultTarget,
  OaButton,
  OaStandinHandle,
  OaUser,
  SentMessage,
  UserAction,
  UserSendResult,
} from "./oa";

export interface ZaloStandinOptions extends Partial<Omit<OaStandinOptions, "appSecret">> {
  appSecret: string;
  /** Lifetime of Mini App user access tokens at the graph stand-in (about an hour on Zalo). */
  userAccessTokenTtlMs?: number;
}

export type ZaloStandin = OaStandinHandle & { app: Hono };

/** Credentials not given default to SANDBOX_ZALO's, so `{ appSecret }` alone still works. */
export function createZaloStandin(options: ZaloStandinOptions): ZaloStandin {
  const graph = createGraphStandin({
    appSecret: options.appSecret,
    now: options.now,
    accessTokenTtlMs: options.userAccessTokenTtlMs,
  });
  const oa = createOaStandin({
    ...options,
    appId: options.appId ?? SANDBOX_ZALO.appId,
    oaId: options.oaId ?? SANDBOX_ZALO.oaId,
    oaSecretKey: options.oaSecretKey ?? SANDBOX_ZALO.oaSecretKey,
    accessToken: options.accessToken ?? SANDBOX_ZALO.oaAccessToken,
    refreshToken: options.refreshToken ?? SANDBOX_ZALO.oaRefreshToken,
  });
  const app = new Hono()
    .route("/graph", graph.app)
    .route("/openapi", oa.openapi)
    .route("/oauth", oa.oauth)
    .route("/sandbox/oa", oa.sandbox);
  return { app, ...oa.handle };
}
