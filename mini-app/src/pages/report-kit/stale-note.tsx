/** "Dữ liệu cũ" under a section answered from the offline cache. */
import type { Cached } from "../../api/cache";
import { formatDateTime } from "../../lib/dates";

export function StaleNote({ cached }: { cached: Cached<unknown> }) {
  if (!cached.stale) return null;
  const when = formatDateTime(cached.savedAt);
  return (
    <p className="banner info small" role="status">
      Đang ngoại tuyến – số liệu lưu lúc {when}.
    </p>
  );
}
