/**
 * Small synchronous key-value storage: zmp-sdk `nativeStorage` inside Zalo (5 MB, kept by the
 * Zalo app), `localStorage` in a browser, memory as a last resort (private mode, or a host where
 * zmp-sdk rejects its APIs, zalo-platform.md §5.7). Values are strings; JSON helpers below.
 */
import { nativeStorage } from "zmp-sdk/apis";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PROBE = "cau-noi.probe";

function works(store: KeyValueStore): boolean {
  try {
    store.setItem(PROBE, "1");
    const ok = store.getItem(PROBE) === "1";
    store.removeItem(PROBE);
    return ok;
  } catch {
    return false;
  }
}

function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

function pickStore(): KeyValueStore {
  const native: KeyValueStore = {
    // nativeStorage answers "" for a missing key.
    getItem: (key) => nativeStorage.getItem(key) || null,
    setItem: (key, value) => nativeStorage.setItem(key, value),
    removeItem: (key) => nativeStorage.removeItem(key),
  };
  if (works(native)) return native;
  try {
    if (typeof localStorage !== "undefined" && works(localStorage)) return localStorage;
  } catch {
    // Access to localStorage itself can throw (blocked cookies).
  }
  return memoryStore();
}

let chosen: KeyValueStore | undefined;

/** The storage of this device, chosen once. */
export function storage(): KeyValueStore {
  chosen ??= pickStore();
  return chosen;
}

export function readJson<T>(key: string): T | null {
  try {
    const raw = storage().getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** False when the value could not be stored (storage full): callers keep it in memory. */
export function writeJson(key: string, value: unknown): boolean {
  try {
    storage().setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(key: string): void {
  try {
    storage().removeItem(key);
  } catch {
    // Nothing to do: the entry simply stays.
  }
}
