/** Submissions still on this device: waiting for the network, being sent, or refused by the server. */
import { Icon } from "../../icons";
import { formatDateTime } from "../../lib/dates";
import { useQueue } from "../../state/queue";

export function QueuedList() {
  const queue = useQueue();
  const items = queue.list();
  if (items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="queued-title">
      <h2 id="queued-title" className="section-title">
        Chưa gửi được ({items.length})
      </h2>
      <ul className="list">
        {items.map((item) => {
          const sending = queue.isSending(item.id);
          const failed = item.state === "failed";
          return (
            <li key={item.id} className="list-item">
              <div className="row-between">
                <span className="title">{item.label}</span>
                <span className={`badge ${failed ? "failed" : "new"}`}>
                  {sending ? "Đang gửi…" : failed ? "Không gửi được" : "Chờ có mạng"}
                </span>
              </div>
              <div className="small muted">Tạo lúc {formatDateTime(item.createdAt)}</div>
              {item.error && (
                <p className={failed ? "field-error" : "small muted"} style={{ margin: "6px 0" }}>
                  {failed ? item.error.message : "Sẽ tự gửi khi có mạng trở lại."}
                </p>
              )}
              <div className="btn-row" style={{ marginTop: 6 }}>
                {!failed && (
                  <button
                    type="button"
                    className="btn secondary"
                    disabled={sending}
                    onClick={() => void queue.flush()}
                  >
                    <Icon name="refresh" /> Gửi ngay
                  </button>
                )}
                {failed && (
                  <button type="button" className="btn danger-outline" onClick={() => queue.discard(item.id)}>
                    Xóa
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
