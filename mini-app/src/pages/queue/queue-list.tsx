/** One tab of the team queue: large items with village, category, age and deadline. */
import type { RequestSummary } from "@cau-noi/shared";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useResource } from "../../api/resource";
import { type QueueView, staffApi } from "../../api/staff-endpoints";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { categoryLabel, OwnerLine, StatusBadge } from "../../components/request-bits";
import { Icon } from "../../icons";
import { formatDateTime } from "../../lib/dates";
import { showRequest } from "../../state/request-cache";
import { AssignPicker } from "./member-load";
import { ageOf, dueIn } from "./time-words";

export const queueKey = (teamId: number, view: QueueView) => `queue:${teamId}:${view}`;

export function useQueueView(teamId: number, view: QueueView) {
  return useResource(queueKey(teamId, view), () => staffApi.queue(teamId, view));
}

const EMPTY: Record<QueueView, string> = {
  unclaimed: "Không có yêu cầu nào đang chờ nhận.",
  mine: "Anh/chị chưa nhận việc nào đang làm dở.",
  overdue: "Không có việc nào quá hạn.",
  all_open: "Tổ không có việc nào đang mở.",
};

function Deadline({ item }: { item: RequestSummary }) {
  const unclaimed = item.owner === null;
  const due = dueIn(unclaimed ? item.claimDueAt : item.resolveDueAt);
  return (
    <span className={due.late ? "late" : undefined}>
      {unclaimed ? "Hạn nhận" : "Hạn xong"}: {formatDateTime(unclaimed ? item.claimDueAt : item.resolveDueAt)}{" "}
      ({due.text})
    </span>
  );
}

function QueueItem({
  item,
  teamId,
  leader,
  onAssigned,
}: {
  item: RequestSummary;
  teamId: number;
  leader: boolean;
  onAssigned(): void;
}) {
  const [assigning, setAssigning] = useState(false);
  return (
    <li className="list-item queue-item">
      <Link
        to={`/requests/${item.id}`}
        style={{ color: "inherit", textDecoration: "none", display: "block" }}
      >
        <div className="row-between">
          <span className="small muted">Số {item.id}</span>
          <StatusBadge status={item.status} />
        </div>
        <div className="row-between" style={{ marginTop: 4 }}>
          <span className="title" style={{ fontSize: "1.1rem" }}>
            {categoryLabel(item.category)}
          </span>
          <Icon name="forward" />
        </div>
        <div>
          <strong>{item.villageName}</strong>
          {item.onBehalfName ? ` · giúp ${item.onBehalfName}` : ""}
        </div>
        <div className="small meta">
          <span>Gửi {ageOf(item.createdAt)}</span>
          <Deadline item={item} />
        </div>
        {item.owner && (
          <div className="small">
            <OwnerLine owner={item.owner} />
          </div>
        )}
      </Link>
      {leader && (
        <div className="actions">
          {assigning ? (
            <AssignPicker
              teamId={teamId}
              requestId={item.id}
              ownerId={item.owner?.id ?? null}
              onCancel={() => setAssigning(false)}
              onDone={(detail) => {
                showRequest(detail);
                setAssigning(false);
                onAssigned();
              }}
            />
          ) : (
            <button type="button" className="btn secondary" onClick={() => setAssigning(true)}>
              <Icon name="user" /> {item.owner ? "Giao lại" : "Giao việc"}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

export function QueueList({
  teamId,
  view,
  leader,
  onAssigned,
}: {
  teamId: number;
  view: QueueView;
  leader: boolean;
  onAssigned(): void;
}) {
  const { data } = useQueueView(teamId, view);
  const items = data.data.items;
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {items.length === 0 ? (
        <Empty>{EMPTY[view]}</Empty>
      ) : (
        <ul className="list" aria-label="Danh sách việc">
          {items.map((item) => (
            <QueueItem key={item.id} item={item} teamId={teamId} leader={leader} onAssigned={onAssigned} />
          ))}
        </ul>
      )}
    </>
  );
}
