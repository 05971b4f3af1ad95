/**
 * Readability settings (SPEC §4.2: large text and high contrast for older users), saved on the
 * device and applied as classes on <html>: `text-large`, `contrast-high` (see styles.css).
 */
import { useSyncExternalStore } from "react";
import { readJson, writeJson } from "./storage";

export interface Settings {
  largeText: boolean;
  highContrast: boolean;
}

const KEY = "cau-noi.settings.v1";
const listeners = new Set<() => void>();
let current: Settings = { largeText: false, highContrast: false, ...readJson<Partial<Settings>>(KEY) };

function apply() {
  const root = document.documentElement;
  root.classList.toggle("text-large", current.largeText);
  root.classList.toggle("contrast-high", current.highContrast);
}

/** Call before the first render, so the first screen already has the right size. */
export function applySettings(): void {
  apply();
}

export function updateSettings(patch: Partial<Settings>): void {
  current = { ...current, ...patch };
  writeJson(KEY, current);
  apply();
  for (const listener of listeners) listener();
}

export function useSettings(): Settings {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => current,
  );
}
