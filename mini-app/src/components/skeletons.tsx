/** Placeholders shown while data loads (Suspense fallbacks): the page keeps its shape. */

export function Skeleton({
  height = 20,
  width = "100%",
}: {
  height?: number | string;
  width?: number | string;
}) {
  return <span className="skeleton" style={{ height, width }} aria-hidden="true" />;
}

export function Loading({ label = "Đang tải…" }: { label?: string }) {
  return (
    <p className="visually-hidden" role="status">
      {label}
    </p>
  );
}

export function ListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div className="list">
      <Loading />
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <div key={i} className="list-item">
          <Skeleton height={20} width="60%" />
          <div style={{ height: 8 }} />
          <Skeleton height={16} width="90%" />
        </div>
      ))}
    </div>
  );
}

export function DetailSkeleton() {
  return (
    <div>
      <Loading />
      <div className="card section">
        <Skeleton height={24} width="50%" />
        <div style={{ height: 12 }} />
        <Skeleton height={18} />
        <div style={{ height: 8 }} />
        <Skeleton height={18} width="80%" />
      </div>
      <div className="card section">
        <Skeleton height={56} />
      </div>
      <ListSkeleton rows={2} />
    </div>
  );
}

/** The whole screen while a page's code arrives (lazy chunk on a slow network). */
export function PageSkeleton() {
  return (
    <div className="shell">
      <div className="app-header" />
      <div className="page">
        <ListSkeleton />
      </div>
    </div>
  );
}
