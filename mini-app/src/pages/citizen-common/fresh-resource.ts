/**
 * `useResource` keeps an answer until invalidated, so going back to a page shows it at once.
 * Public lists also change while the person looks elsewhere (the commune answers a report,
 * sends an announcement): when a page shows a list it had already shown before, it fetches it
 * again in the background and swaps the answer in, without a skeleton. Offline, the fetch
 * falls back to the saved copy and the page says "dữ liệu cũ".
 */
import { useEffect, useRef, useState } from "react";
import type { Cached } from "../../api/cache";
import { useResource } from "../../api/resource";

/** Lists shown since the app started: showing one again means coming back to it. */
const shown = new Set<string>();

export function useFreshResource<T>(key: string, load: () => Promise<Cached<T>>) {
  const resource = useResource(key, load);
  // Reached only once the data is there (useResource suspends before): a first showing just loaded it.
  const [returning] = useState(() => {
    const seen = shown.has(key);
    shown.add(key);
    return seen;
  });
  // `refresh` changes with every render (its loader is an inline function): call the latest, once.
  const refresh = useRef(resource.refresh);
  refresh.current = resource.refresh;
  useEffect(() => {
    if (returning) refresh.current();
  }, [returning]);
  return resource;
}
