/** My requests, reports and questions (GET /api/requests/mine); rate or reopen resolved ones right here. */
import { Link } from "react-router-dom";
import { api } from "../../api/endpoints";
import { useResource } from "../../api/resource";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { RateControls, RatingShown } from "../../components/rate-controls";
import { categoryLabel, kindLabel, OwnerLine, StatusBadge } from "../../components/request-bits";
import { Icon } from "../../icons";
import { formatDateTime } from "../../lib/dates";
import { showRequest } from "../../state/request-cache";

export function RequestList() {
  const { data, refresh } = useResource("mine", () => api.myRequests());
  const items = data.data.items;
  return (
    <section className="section" aria-labelledby="mine-title">
      <h2 id="mine-title" className="section-title">
        Yêu cầu đã gửi
      </h2>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {items.length === 0 ? (
        <Empty>
          Anh/chị chưa gửi yêu cầu nào.
          <div style={{ marginTop: 12 }}>
            <Link to="/help" className="btn accent">
              Nhờ Tổ công nghệ giúp
            </Link>
          </div>
        </Empty>
      ) : (
        <ul className="list">
          {items.map((item) => (
            <li key={item.id} className="list-item">
              <Link
                to={`/requests/${item.id}`}
                style={{ color: "inherit", textDecoration: "none", display: "block" }}
              >
                <div className="row-between">
                  <span className="small muted">
                    {kindLabel(item.kind)} · số {item.id}
                  </span>
                  <StatusBadge status={item.status} />
                </div>
                <div className="row-between" style={{ marginTop: 4 }}>
                  <span className="title">{categoryLabel(item.category)}</span>
                  <Icon name="forward" />
                </div>
                <div className="small">
                  <OwnerLine owner={item.owner} />
                </div>
                <div className="small muted">Gửi lúc {formatDateTime(item.createdAt)}</div>
              </Link>
              {item.status === "resolved" && item.rating === null && (
                <div style={{ marginTop: 10, borderTop: "1px solid var(--line)", paddingTop: 10 }}>
                  <RateControls
                    requestId={item.id}
                    onDone={(detail) => {
                      showRequest(detail);
                      refresh();
                    }}
                  />
                </div>
              )}
              {item.rating !== null && (
                <div style={{ marginTop: 6 }}>
                  <RatingShown rating={item.rating} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
