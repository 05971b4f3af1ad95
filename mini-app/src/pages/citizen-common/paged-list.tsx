/**
 * A public list that pages with `before` (bot-server: items with a smaller id come next): the
 * first page through `useResource` (Suspense, offline copy, refreshed when shown again), the
 * next ones on "Xem thêm". Later pages are not kept offline: the first page is what matters.
 */
import { type ReactNode, useState } from "react";
import type { Cached } from "../../api/cache";
import { CITIZEN_PAGE_SIZE } from "../../api/citizen-endpoints";
import { messageOf } from "../../api/errors";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { useFreshResource } from "./fresh-resource";

interface Props<T extends { id: number }> {
  resourceKey: string;
  load(before?: number): Promise<Cached<{ items: T[] }>>;
  /** Renders the items (a list, or sections of one). */
  children(items: T[]): ReactNode;
  empty: ReactNode;
}

export function PagedList<T extends { id: number }>({ resourceKey, load, children, empty }: Props<T>) {
  const { data } = useFreshResource(resourceKey, () => load());
  const [more, setMore] = useState<T[]>([]);
  const [lastSize, setLastSize] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const first = data.data.items;
  const seen = new Set(first.map((i) => i.id));
  const items = [...first, ...more.filter((i) => !seen.has(i.id))];
  const hasMore = (lastSize ?? first.length) >= CITIZEN_PAGE_SIZE;

  const loadMore = async () => {
    const before = Math.min(...items.map((i) => i.id));
    setBusy(true);
    setError(null);
    try {
      const page = await load(before);
      setMore((current) => [...current, ...page.data.items]);
      setLastSize(page.data.items.length);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {items.length === 0 ? <Empty>{empty}</Empty> : children(items)}
      {items.length > 0 && hasMore && (
        <div className="section" style={{ marginTop: 14 }}>
          <button type="button" className="btn secondary block" disabled={busy} onClick={loadMore}>
            {busy ? "Đang tải…" : "Xem thêm"}
          </button>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </>
  );
}
