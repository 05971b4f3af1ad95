/**
 * Who is using the app, and our session for them (SPEC §4.2 identity).
 *
 * - Live mode (inside Zalo): zmp-sdk `getAccessToken()` → `POST /api/session` → our session
 *   token, kept in memory and device storage, renewed the same way on a 401.
 * - Sandbox mode (the server's `GET /healthz` says `sandbox: true`): zmp-sdk's localhost mock
 *   gives an empty token, so the person picks a demo persona; the local Zalo stand-in issues a
 *   Zalo token for them, exchanged the same way. Nothing of this runs, or is shown, in live mode.
 *
 * A store without React (`subscribe` / `snapshot`) plus the `useSession()` hook.
 */
import { useSyncExternalStore } from "react";
import { getAccessToken } from "zmp-sdk/apis";
import { clearCache } from "../api/cache";
import { installSessionHooks } from "../api/client";
import { api } from "../api/endpoints";
import { ApiError, NETWORK_MESSAGE } from "../api/errors";
import { invalidate } from "../api/resource";
import { readJson, removeKey, writeJson } from "./storage";

export interface Persona {
  appUserId: string;
  name: string;
  /** The OA-side id in the Zalo stand-in (for the sandbox "Quan tâm OA"). */
  followerId?: string;
}

export interface SessionSnapshot {
  phase: "starting" | "choose-persona" | "signing-in" | "ready" | "failed";
  /** null until the server said which mode it runs in. */
  sandbox: boolean | null;
  token: string | null;
  /** Sandbox: the demo person acted as. */
  persona: Persona | null;
  /** Sandbox: the switcher is open over a working session. */
  choosing: boolean;
  error: string | null;
}

interface Stored {
  token: string;
  expiresAt: string;
  sandbox: boolean;
  persona: Persona | null;
}

const KEY = "cau-noi.session.v1";
/** Renew a little before the server would refuse the token. */
const EXPIRY_MARGIN_MS = 60_000;

let state: SessionSnapshot = {
  phase: "starting",
  sandbox: null,
  token: null,
  persona: null,
  choosing: false,
  error: null,
};
const listeners = new Set<() => void>();
const identityListeners = new Set<() => void>();

function set(patch: Partial<SessionSnapshot>) {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export const session = {
  snapshot: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  /** Called after a (new) person signed in: flush their queued submissions, reload data. */
  onIdentity(listener: () => void) {
    identityListeners.add(listener);
    return () => void identityListeners.delete(listener);
  },
};

/** The person id inside our session token (a JWT's `sub`), used to tag queued submissions. */
export function personKey(token = state.token): string | null {
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === "string" ? sub : null;
  } catch {
    return null;
  }
}

function remember(token: string, expiry: string, sandbox: boolean, persona: Persona | null) {
  const previous = personKey();
  writeJson(KEY, { token, expiresAt: expiry, sandbox, persona } satisfies Stored);
  set({ token, persona, sandbox, phase: "ready", choosing: false, error: null });
  if (previous !== personKey(token)) {
    // Someone else now: nothing of the previous person's data may show.
    if (previous !== null) clearCache();
    invalidate();
  }
  for (const listener of identityListeners) listener();
}

async function zaloExchange(): Promise<void> {
  let zaloToken = "";
  try {
    zaloToken = await getAccessToken();
  } catch {
    zaloToken = "";
  }
  if (!zaloToken) {
    throw new ApiError(0, "no_zalo_token", "Anh/chị vui lòng mở Cầu Nối trong ứng dụng Zalo để đăng nhập.");
  }
  const answer = await api.session(zaloToken);
  remember(answer.token, answer.expiresAt, false, null);
}

async function personaExchange(persona: Persona): Promise<void> {
  const zalo = await api.sandboxZaloToken(persona.appUserId, persona.name);
  const answer = await api.session(zalo.access_token);
  remember(answer.token, answer.expiresAt, true, persona);
}

/** A new session for the same person; false when not possible now (offline, not in Zalo). */
async function renew(): Promise<boolean> {
  try {
    if (state.sandbox && state.persona) await personaExchange(state.persona);
    else if (state.sandbox === false) await zaloExchange();
    else return false;
    return true;
  } catch {
    return false;
  }
}

installSessionHooks({ token: () => state.token, renew });

async function health(): Promise<boolean | null> {
  try {
    return (await api.health()).sandbox;
  } catch {
    return null;
  }
}

/** Start-up: reuse a saved session at once (first screen fast), learn the mode, sign in. */
export async function startSession(): Promise<void> {
  const stored = readJson<Stored>(KEY);
  const fresh = stored ? Date.parse(stored.expiresAt) - EXPIRY_MARGIN_MS > Date.now() : false;
  if (stored) {
    // Even an expired token lets the cached screens show offline; a 401 renews it.
    set({ token: stored.token, persona: stored.persona, sandbox: stored.sandbox, phase: "ready" });
  }
  const sandbox = await health();
  if (sandbox === null) {
    if (!stored) set({ phase: "failed", error: NETWORK_MESSAGE });
    return;
  }
  if (stored && stored.sandbox !== sandbox) {
    // The server changed mode: a sandbox persona must not survive into live mode, or back.
    removeKey(KEY);
    set({ token: null, persona: null, phase: "starting" });
  }
  set({ sandbox });
  if (sandbox && fromSandboxPage) {
    followSandboxPage();
    return;
  }
  const keep = stored && stored.sandbox === sandbox;
  if (keep && fresh) return;
  if (sandbox) {
    if (keep && stored.persona) {
      if (!(await renew())) set({ phase: "choose-persona" });
    } else set({ phase: "choose-persona", token: null });
    return;
  }
  try {
    set({ phase: keep ? "ready" : "signing-in" });
    await zaloExchange();
  } catch (error) {
    if (!keep) set({ phase: "failed", error: error instanceof ApiError ? error.message : NETWORK_MESSAGE });
  }
}

/**
 * The sandbox page shows this app in a phone frame beside the OA chat: when a persona is picked
 * there, the page posts it here (same origin only) and the mini app follows.
 */
let fromSandboxPage: Persona | null = null;
export const SANDBOX_PERSONA_MESSAGE = "cau-noi:sandbox-persona";

function followSandboxPage() {
  const wanted = fromSandboxPage;
  if (!wanted || !state.sandbox || state.phase === "signing-in") return;
  fromSandboxPage = null;
  if (state.persona?.appUserId !== wanted.appUserId || state.phase !== "ready") void choosePersona(wanted);
}

if (typeof window !== "undefined") {
  window.addEventListener("message", (event: MessageEvent) => {
    if (event.origin !== window.location.origin) return;
    const data = event.data as Record<string, unknown> | null;
    if (data?.type !== SANDBOX_PERSONA_MESSAGE) return;
    if (typeof data.appUserId !== "string" || typeof data.name !== "string") return;
    fromSandboxPage = {
      appUserId: data.appUserId,
      name: data.name,
      ...(typeof data.followerId === "string" ? { followerId: data.followerId } : {}),
    };
    followSandboxPage();
  });
}

/** Sandbox: act as this demo person from now on; false when that failed (error in the state). */
export async function choosePersona(persona: Persona): Promise<boolean> {
  if (!state.sandbox) return false;
  const before = state.phase;
  set({ phase: "signing-in", error: null });
  try {
    await personaExchange(persona);
    return true;
  } catch (error) {
    set({
      phase: before === "ready" ? "ready" : "choose-persona",
      error: error instanceof ApiError ? error.message : NETWORK_MESSAGE,
    });
    return false;
  }
}

/** Sandbox: open or close the switcher over the current session. */
export function setChoosing(choosing: boolean): void {
  if (state.sandbox) set({ choosing, error: null });
}

export function retryStart(): void {
  set({ phase: "starting", error: null });
  void startSession();
}

export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.snapshot);
}
