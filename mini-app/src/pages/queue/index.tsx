/**
 * "Tổ công nghệ – việc cần làm" (issue #4): the team's queue in three tabs with counts
 * (Chưa nhận / Của tôi / Quá hạn), large items that open the request, and for a leader each
 * member's load with assign / reassign. A member of several teams picks the team first.
 */
import { Suspense, useTransition } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { invalidate } from "../../api/resource";
import type { QueueView } from "../../api/staff-endpoints";
import { Empty } from "../../components/error-state";
import { Screen } from "../../components/screen";
import { ListSkeleton } from "../../components/skeletons";
import { Icon } from "../../icons";
import { useProfile } from "../../state/profile";
import { MemberLoad, workChanged } from "./member-load";
import { QueueList, useQueueView } from "./queue-list";
import "./queue.css";

const TABS: ReadonlyArray<{ view: Exclude<QueueView, "all_open">; label: string }> = [
  { view: "unclaimed", label: "Chưa nhận" },
  { view: "mine", label: "Của tôi" },
  { view: "overdue", label: "Quá hạn" },
];

function isTab(value: string | null): value is (typeof TABS)[number]["view"] {
  return TABS.some((t) => t.view === value);
}

function Tabs({
  teamId,
  view,
  onChange,
}: {
  teamId: number;
  view: QueueView;
  onChange(view: QueueView): void;
}) {
  const counts = useQueueView(teamId, view).data.data.counts;
  return (
    <div className="queue-tabs" role="tablist" aria-label="Việc của tổ">
      {TABS.map((tab) => (
        <button
          key={tab.view}
          type="button"
          role="tab"
          aria-selected={tab.view === view}
          onClick={() => onChange(tab.view)}
        >
          <span>{tab.label}</span>
          <span className={`count${tab.view === "overdue" && counts.overdue > 0 ? " late" : ""}`}>
            {counts[tab.view]}
          </span>
        </button>
      ))}
    </div>
  );
}

function StaffLinks({ teamId }: { teamId: number }) {
  return (
    <section className="section" aria-label="Việc khác của tổ">
      <div className="staff-links">
        <Link to={`/queue/on-behalf?team=${teamId}`} className="btn secondary">
          <Icon name="help" /> Nhận hộ người dân
        </Link>
        <Link to={`/activities/new?team=${teamId}`} className="btn secondary">
          <Icon name="build" /> Ghi nhận hoạt động
        </Link>
        <Link to={`/activities?team=${teamId}`} className="btn secondary">
          <Icon name="document" /> Hoạt động của tổ
        </Link>
        <Link to="/targets" className="btn secondary">
          <Icon name="check" /> Chỉ tiêu của tổ
        </Link>
      </div>
    </section>
  );
}

function TeamQueue() {
  const memberships = useProfile().data.data.roles.memberships;
  const [params, setParams] = useSearchParams();
  const [, startTransition] = useTransition();
  const teamParam = Number(params.get("team"));
  const membership = memberships.find((m) => m.teamId === teamParam) ?? memberships[0];
  const viewParam = params.get("view");
  const view: QueueView = isTab(viewParam) ? viewParam : "unclaimed";

  if (!membership) {
    return <Empty>Anh/chị chưa thuộc Tổ công nghệ số cộng đồng nào.</Empty>;
  }
  const teamId = membership.teamId;
  // Keep the old list on screen while the next one loads (no skeleton flash between tabs).
  const go = (next: { team?: number; view?: QueueView }) =>
    startTransition(() =>
      setParams({ team: String(next.team ?? teamId), view: next.view ?? view }, { replace: true }),
    );

  return (
    <>
      {memberships.length > 1 && (
        <fieldset className="btn-row section" style={{ border: 0, padding: 0, margin: "0 0 12px" }}>
          <legend className="visually-hidden">Chọn tổ</legend>
          {memberships.map((m) => (
            <button
              key={m.teamId}
              type="button"
              className={`btn${m.teamId === teamId ? "" : " secondary"}`}
              aria-pressed={m.teamId === teamId}
              onClick={() => go({ team: m.teamId })}
            >
              {m.teamName}
            </button>
          ))}
        </fieldset>
      )}
      {memberships.length === 1 && (
        <p className="lead" style={{ marginTop: 0 }}>
          {membership.teamName}
        </p>
      )}
      <Suspense fallback={<ListSkeleton />}>
        <Tabs teamId={teamId} view={view} onChange={(v) => go({ view: v })} />
        <div role="tabpanel">
          <QueueList
            teamId={teamId}
            view={view}
            leader={membership.isLeader}
            onAssigned={() => {
              workChanged();
            }}
          />
        </div>
      </Suspense>
      <div className="btn-row" style={{ margin: "12px 0" }}>
        <button type="button" className="btn link" onClick={() => invalidate(`queue:${teamId}:`)}>
          <Icon name="refresh" /> Tải lại
        </button>
      </div>
      {membership.isLeader && (
        <Suspense fallback={<ListSkeleton rows={2} />}>
          <MemberLoad teamId={teamId} />
        </Suspense>
      )}
      <StaffLinks teamId={teamId} />
    </>
  );
}

export default function QueuePage() {
  return (
    <Screen title="Việc của Tổ công nghệ">
      <TeamQueue />
    </Screen>
  );
}
