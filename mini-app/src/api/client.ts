/**
 * The one `request()` util of the mini app (conventions item 12): base URL from app-config
 * (`template.apiUrl`, else same origin), `Authorization: Bearer <session>`, JSON errors turned
 * into `ApiError`, one session renewal and retry on 401.
 *
 * Types come from the shared zod schemas (`schema: (s) => s.profileSchema`). The schemas
 * themselves are only loaded in development, where responses are checked against them; a
 * production bundle carries no zod (the selector is never called there).
 */
import type { output, ZodType } from "zod";
import { apiBaseUrl } from "../config";
import { ApiError, errorFromBody, networkError } from "./errors";

export type SharedModule = typeof import("@cau-noi/shared");

/** How the client gets and renews the session; installed by state/session.ts. */
export interface SessionHooks {
  token(): string | null;
  /** Gets a new session (Zalo token exchange again); false when that is impossible now. */
  renew(): Promise<boolean>;
}

let hooks: SessionHooks | null = null;
let renewing: Promise<boolean> | null = null;

export function installSessionHooks(next: SessionHooks): void {
  hooks = next;
}

/** One renewal at a time, shared by every call that got a 401 meanwhile. */
export function renewSession(): Promise<boolean> {
  if (!hooks) return Promise.resolve(false);
  renewing ??= hooks.renew().finally(() => {
    renewing = null;
  });
  return renewing;
}

export function sessionToken(): string | null {
  return hooks?.token() ?? null;
}

interface CallOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  /** Send the session (default true). */
  auth?: boolean;
  timeoutMs?: number;
}

export interface RequestOptions<S extends ZodType> extends CallOptions {
  /** Picks the shared schema of the answer: gives the type, and is checked in development. */
  schema: (shared: SharedModule) => S;
}

export function apiUrl(path: string): string {
  return `${apiBaseUrl()}${path}`;
}

/** A URL carrying the session as `session=`: an <img> or a plain link cannot send the header. */
export function sessionUrl(path: string): string {
  const token = sessionToken();
  if (!token) return apiUrl(path);
  return apiUrl(`${path}${path.includes("?") ? "&" : "?"}session=${encodeURIComponent(token)}`);
}

async function send(path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(apiUrl(path), { ...init, signal: controller.signal });
  } catch {
    throw networkError();
  } finally {
    clearTimeout(timer);
  }
}

function headersFor(hasBody: boolean, auth: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (hasBody) headers["content-type"] = "application/json";
  const token = auth ? sessionToken() : null;
  if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The answer's JSON; throws `ApiError` for anything but a 2xx. */
async function call(path: string, options: CallOptions): Promise<unknown> {
  const method = options.method ?? "GET";
  const auth = options.auth ?? true;
  const hasBody = options.body !== undefined;
  const timeoutMs = options.timeoutMs ?? (method === "GET" ? 15_000 : 25_000);
  const init = (): RequestInit => ({
    method,
    headers: headersFor(hasBody, auth),
    body: hasBody ? JSON.stringify(options.body) : undefined,
  });

  let response = await send(path, init(), timeoutMs);
  if (response.status === 401 && auth && (await renewSession())) {
    response = await send(path, init(), timeoutMs);
  }
  const body = await readJson(response);
  if (!response.ok) throw errorFromBody(response.status, body);
  return body;
}

export async function request<S extends ZodType>(
  path: string,
  options: RequestOptions<S>,
): Promise<output<S>> {
  const body = await call(path, options);
  if (import.meta.env.DEV) await checkShape(path, options.schema, body);
  return body as output<S>;
}

/** A call whose answer is not used (the sandbox stand-in's controls, which have no shared schema). */
export async function requestVoid(path: string, options: CallOptions): Promise<void> {
  await call(path, options);
}

/** Development only: warn when the server's answer drifts from the shared schema. */
async function checkShape(path: string, pick: (shared: SharedModule) => ZodType, body: unknown) {
  const shared = await import("@cau-noi/shared");
  const result = pick(shared).safeParse(body);
  if (!result.success)
    console.warn(`API ${path}: response does not match the shared schema`, result.error.issues);
}

export { ApiError };
