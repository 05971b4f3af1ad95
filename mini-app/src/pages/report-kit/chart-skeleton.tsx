/** The dashboard's shape while its figures load: four numbers, then chart cards. */
import { Loading, Skeleton } from "../../components/skeletons";

export function ChartsSkeleton({ charts = 3 }: { charts?: number }) {
  return (
    <div>
      <Loading label="Đang tải số liệu…" />
      <div className="figures" aria-hidden="true">
        {[1, 2, 3, 4].map((i) => (
          <Skeleton key={i} height={68} />
        ))}
      </div>
      {Array.from({ length: charts }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <div key={i} className="card chart" aria-hidden="true">
          <Skeleton height={20} width="55%" />
          <div style={{ height: 12 }} />
          <Skeleton height={14} />
          <div style={{ height: 8 }} />
          <Skeleton height={14} width="70%" />
          <div style={{ height: 8 }} />
          <Skeleton height={14} width="40%" />
        </div>
      ))}
    </div>
  );
}
