/**
 * The offline cache: the last successful answer of each list GET, kept in device storage and
 * shown (with a "dữ liệu cũ" banner) when the network fails. Bounded: the oldest entries go
 * first, so it never grows toward nativeStorage's 5 MB.
 */
import type { output, ZodType } from "zod";
import { readJson, removeKey, writeJson } from "../state/storage";
import { type RequestOptions, request } from "./client";
import type { ApiError } from "./errors";

const PREFIX = "cau-noi.cache:";
const INDEX_KEY = "cau-noi.cache.index";
const MAX_ENTRIES = 40;

interface Stored<T> {
  savedAt: string;
  value: T;
}

export interface Cached<T> {
  data: T;
  /** True when the network failed and this is the copy saved at `savedAt`. */
  stale: boolean;
  savedAt: string;
}

function index(): string[] {
  return readJson<string[]>(INDEX_KEY) ?? [];
}

export function writeCache(key: string, value: unknown, now = new Date()): void {
  const keys = [key, ...index().filter((k) => k !== key)];
  for (const old of keys.splice(MAX_ENTRIES)) removeKey(PREFIX + old);
  writeJson(INDEX_KEY, keys);
  writeJson(PREFIX + key, { savedAt: now.toISOString(), value } satisfies Stored<unknown>);
}

export function readCache<T>(key: string): Stored<T> | null {
  return readJson<Stored<T>>(PREFIX + key);
}

/** An answer just received from the server (not a saved copy). */
export function fresh<T>(data: T): Cached<T> {
  return { data, stale: false, savedAt: new Date().toISOString() };
}

/** Forget everything (another person signed in on this device). */
export function clearCache(): void {
  for (const key of index()) removeKey(PREFIX + key);
  removeKey(INDEX_KEY);
}

/** Worth falling back to the saved copy: no answer at all, or the server is down. */
function unreachable(error: unknown): boolean {
  const status = (error as ApiError | undefined)?.status;
  return status === 0 || (typeof status === "number" && status >= 500);
}

/** A GET that saves its answer, and answers from the saved copy when the network fails. */
export async function cachedGet<S extends ZodType>(
  path: string,
  options: Omit<RequestOptions<S>, "method" | "body">,
): Promise<Cached<output<S>>> {
  try {
    const data = await request(path, options);
    writeCache(path, data);
    return fresh(data);
  } catch (error) {
    const saved = unreachable(error) ? readCache<output<S>>(path) : null;
    if (!saved) throw error;
    return { data: saved.value, stale: true, savedAt: saved.savedAt };
  }
}
