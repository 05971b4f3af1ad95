/**
 * `useResource` keeps an answer until invalidated, so going back to a page shows it at once.
 * Public lists also change while the person looks elsewhere (the commune answers a report,
 * sends an announcement): when the shown copy is older than a moment, fetch it again in the
 * background and swap it in, without a skeleton.
 */
import { useEffect } from "react";
import type { Cached } from "../../api/cache";
import { useResource } from "../../api/resource";

const FRESH_MS = 2_000;

export function useFreshResource<T>(key: string, load: () => Promise<Cached<T>>) {
  const resource = useResource(key, load);
  const { savedAt } = resource.data;
  const { refresh } = resource;
  useEffect(() => {
    if (Date.now() - Date.parse(savedAt) > FRESH_MS) refresh();
  }, [refresh, savedAt]);
  return resource;
}
