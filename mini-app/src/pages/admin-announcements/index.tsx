/**
 * Announcements of the commune: the ones sent (newest first, each opening its delivery report)
 * and "Soạn thông báo mới".
 */
import { Link } from "react-router-dom";
import { adminApi } from "../../api/admin-endpoints";
import { useResource } from "../../api/resource";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { Icon } from "../../icons";
import { formatDateTime } from "../../lib/dates";
import { AdminScreen, useCommune } from "../admin/kit";

function Sent() {
  const { communeId } = useCommune();
  const { data } = useResource(`admin:announcements:${communeId}`, () => adminApi.announcements(communeId));
  const items = data.data.items;
  return (
    <section className="section" aria-labelledby="sent-title">
      <h2 id="sent-title" className="section-title">
        Đã gửi
      </h2>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {items.length === 0 ? (
        <Empty>Xã chưa gửi thông báo nào.</Empty>
      ) : (
        <ul className="list">
          {items.map((a) => (
            <li key={a.id}>
              <Link to={`/admin/announcements/${a.id}`} className="list-item">
                <div className="row-between">
                  <span className="title">{a.title}</span>
                  <Icon name="forward" />
                </div>
                <div className="small muted">Gửi lúc {formatDateTime(a.publishedAt)} · Xem kết quả gửi</div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function AdminAnnouncementsPage() {
  return (
    <AdminScreen title="Gửi thông báo">
      <Link to="/admin/announcements/new" className="btn accent block">
        <Icon name="send" /> Soạn thông báo mới
      </Link>
      <Sent />
    </AdminScreen>
  );
}
