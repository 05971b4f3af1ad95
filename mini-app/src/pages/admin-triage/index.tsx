/**
 * Triage: the commune's field reports and questions, open or answered, newest first; each opens
 * its detail where the commune answers publicly, resolves or rejects it.
 */
import type { AdminRequestState } from "@cau-noi/shared";
import { Suspense } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { adminApi } from "../../api/admin-endpoints";
import { useResource } from "../../api/resource";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { categoryLabel, StatusBadge } from "../../components/request-bits";
import { ListSkeleton } from "../../components/skeletons";
import { Icon } from "../../icons";
import { formatDateTime } from "../../lib/dates";
import { AdminScreen, useCommune } from "../admin/kit";

type Kind = "field_report" | "question";
const KINDS: ReadonlyArray<{ key: Kind; label: string }> = [
  { key: "field_report", label: "Phản ánh" },
  { key: "question", label: "Câu hỏi" },
];
const STATES: ReadonlyArray<{ key: AdminRequestState; label: string }> = [
  { key: "open", label: "Đang mở" },
  { key: "resolved", label: "Đã xử lý" },
  { key: "all", label: "Tất cả" },
];

function List({ kind, state }: { kind: Kind; state: AdminRequestState }) {
  const { communeId } = useCommune();
  const { data } = useResource(`admin:requests:${communeId}:${kind}:${state}`, () =>
    adminApi.requests(communeId, kind, state),
  );
  const items = data.data.items;
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      <p className="small muted" style={{ marginTop: 0 }}>
        Đang mở: <strong>{data.data.counts.open}</strong> · Đã xử lý:{" "}
        <strong>{data.data.counts.resolved}</strong>
      </p>
      {items.length === 0 ? (
        <Empty>Không có mục nào.</Empty>
      ) : (
        <ul className="list">
          {items.map((r) => (
            <li key={r.id}>
              <Link to={`/admin/triage/${r.id}`} className="list-item">
                <div className="row-between">
                  <span className="small muted">
                    Số {r.id} · {r.villageName}
                  </span>
                  <StatusBadge status={r.status} />
                </div>
                <div className="row-between" style={{ marginTop: 4 }}>
                  <span className="title">{categoryLabel(r.category)}</span>
                  <Icon name="forward" />
                </div>
                <div className="small">{r.text.length > 140 ? `${r.text.slice(0, 140)}…` : r.text}</div>
                <div className="small muted">
                  {formatDateTime(r.createdAt)}
                  {r.publicAnswer ? " · Đã trả lời công khai" : ""}
                  {r.rejectReason ? " · Đã từ chối" : ""}
                  {r.overdue ? " · Quá hạn" : ""}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function AdminTriagePage() {
  const [params, setParams] = useSearchParams();
  const kind: Kind = params.get("kind") === "question" ? "question" : "field_report";
  const stateParam = params.get("state");
  const state: AdminRequestState = stateParam === "resolved" || stateParam === "all" ? stateParam : "open";
  const go = (next: { kind?: Kind; state?: AdminRequestState }) =>
    setParams({ kind: next.kind ?? kind, state: next.state ?? state }, { replace: true });
  return (
    <AdminScreen title="Phản ánh và câu hỏi">
      <div className="seg">
        {KINDS.map((k) => (
          <button key={k.key} type="button" aria-pressed={kind === k.key} onClick={() => go({ kind: k.key })}>
            {k.label}
          </button>
        ))}
      </div>
      <div className="seg">
        {STATES.map((s) => (
          <button
            key={s.key}
            type="button"
            aria-pressed={state === s.key}
            onClick={() => go({ state: s.key })}
          >
            {s.label}
          </button>
        ))}
      </div>
      <Suspense fallback={<ListSkeleton />}>
        <List kind={kind} state={state} />
      </Suspense>
    </AdminScreen>
  );
}
