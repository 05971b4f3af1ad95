/** "Đang ngoại tuyến – dữ liệu cũ": shown above data that came from the device's saved copy. */
import { useSyncExternalStore } from "react";
import { Icon } from "../icons";
import { formatDateTime } from "../lib/dates";

function subscribe(listener: () => void) {
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

export function StaleBanner({ stale, savedAt }: { stale: boolean; savedAt: string }) {
  if (!stale) return null;
  return (
    <div className="banner" role="status">
      <Icon name="offline" />
      <div className="grow">
        <strong>Đang ngoại tuyến – dữ liệu cũ</strong>
        <div className="small">Cập nhật lần cuối lúc {formatDateTime(savedAt)}.</div>
      </div>
    </div>
  );
}

/** The device says it has no network at all. */
export function NetworkBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div className="banner" role="status">
      <Icon name="offline" />
      <div className="grow">
        <strong>Đang ngoại tuyến</strong>
        <div className="small">Những gì anh/chị gửi sẽ được lưu lại và tự gửi khi có mạng.</div>
      </div>
    </div>
  );
}
