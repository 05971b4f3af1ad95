/**
 * The app's offline queue (state/offline-queue.ts) wired to this device and session: storage,
 * fetch, auth header, the current person, and the moments worth a new try (back online, app
 * shown again, a person signed in).
 */
import { useSyncExternalStore } from "react";
import { apiUrl, renewSession, sessionToken } from "../api/client";
import { invalidate } from "../api/resource";
import { OfflineQueue } from "./offline-queue";
import { personKey, session } from "./session";
import { storage } from "./storage";

export const queue = new OfflineQueue({
  store: { getItem: (k) => storage().getItem(k), setItem: (k, v) => storage().setItem(k, v) },
  fetch: (url, init) => fetch(url, init),
  baseUrl: () => apiUrl(""),
  headers: (): Record<string, string> => {
    const token = sessionToken();
    return token ? { authorization: `Bearer ${token}` } : {};
  },
  owner: () => personKey(),
  renewSession,
});

// Whatever reached the server changes "Của tôi".
queue.onSent(() => invalidate("mine"));

export function startQueue(): void {
  window.addEventListener("online", () => void queue.flush());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void queue.flush();
  });
  session.onIdentity(() => void queue.flush());
}

export function useQueue(): OfflineQueue {
  useSyncExternalStore(
    (listener) => queue.subscribe(listener),
    () => queue.version,
  );
  return queue;
}
