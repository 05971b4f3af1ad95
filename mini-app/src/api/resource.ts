/**
 * Suspense data loading (the zmp templates' Content / Fallback / Wrapper pattern, without a
 * state library): `useResource(key, load)` suspends until the answer is there, throws the
 * `ApiError` to the nearest error boundary, and re-renders when `refresh`/`setResource` change
 * the entry. Entries live until invalidated: going back to a page shows it at once.
 */
import { useCallback, useSyncExternalStore } from "react";

type Entry =
  | { status: "pending"; promise: Promise<unknown> }
  | { status: "done"; value: unknown }
  | { status: "error"; error: unknown };

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function start<T>(key: string, load: () => Promise<T>): Entry {
  const promise = load().then(
    (value) => {
      if (entries.get(key) === entry) entries.set(key, { status: "done", value });
      changed();
    },
    (error: unknown) => {
      if (entries.get(key) === entry) entries.set(key, { status: "error", error });
      changed();
    },
  );
  const entry: Entry = { status: "pending", promise };
  entries.set(key, entry);
  return entry;
}

/** Drops the entries whose key starts with `prefix` ("" = all): they load again when shown. */
export function invalidate(prefix = ""): void {
  for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
  changed();
}

/**
 * Gives an entry a first value without notifying anyone (safe during render), unless it has one:
 * data saved on the phone shown at once while the fresh answer is on its way.
 */
export function prime<T>(key: string, value: T): boolean {
  if (entries.has(key)) return false;
  entries.set(key, { status: "done", value });
  return true;
}

/** Replaces an entry with a known value (the answer of a POST), without a loading state. */
export function setResource<T>(key: string, value: T): void {
  entries.set(key, { status: "done", value });
  changed();
}

export function useResource<T>(key: string, load: () => Promise<T>): { data: T; refresh: () => void } {
  useSyncExternalStore(subscribe, () => version);
  const refresh = useCallback(() => {
    const current = entries.get(key);
    // Keep showing the current data while the new answer comes: no skeleton flash.
    if (current?.status === "done") {
      void load().then(
        (value) => setResource(key, value),
        () => undefined,
      );
    } else invalidate(key);
  }, [key, load]);
  const entry = entries.get(key) ?? start(key, load);
  if (entry.status === "pending") throw entry.promise;
  if (entry.status === "error") throw entry.error;
  return { data: entry.value as T, refresh };
}

/** Removes a failed entry so the error boundary's "Thử lại" loads it again. */
export function retryFailed(): void {
  for (const [key, entry] of entries) if (entry.status === "error") entries.delete(key);
  changed();
}
