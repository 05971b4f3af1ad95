/** "Dữ liệu cũ" under a section answered from the offline cache. */
import type { Cached } from "../../api/cache";

export function StaleNote({ cached }: { cached: Cached<unknown> }) {
  if (!cached.stale) return null;
  const when = new Date(cached.savedAt).toLocaleString("vi-VN", { dateStyle: "short", timeStyle: "short" });
  return (
    <p className="banner info small" role="status">
      Đang ngoại tuyến – số liệu lưu lúc {when}.
    </p>
  );
}
