/**
 * "Hoạt động của tổ" (issue #5): the team's log, newest first, with what is still waiting on
 * this phone (logged offline) on top; each entry says whether it can still be corrected.
 */
import type { Activity } from "@cau-noi/shared";
import { ACTIVITY_EDIT_DAYS, ACTIVITY_FORM_LABELS } from "@cau-noi/shared/domain";
import { Suspense } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { invalidate, useResource } from "../../api/resource";
import { CREATE_ACTIVITY_PATH, staffApi } from "../../api/staff-endpoints";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { Screen } from "../../components/screen";
import { ListSkeleton } from "../../components/skeletons";
import { Icon } from "../../icons";
import { formatDateTime } from "../../lib/dates";
import { useProfile } from "../../state/profile";
import { queue, useQueue } from "../../state/queue";

// An activity logged offline reached the server: the team's log changes.
queue.onSent((item) => {
  if (item.path === CREATE_ACTIVITY_PATH) invalidate("activities:");
});

const activitiesKey = (teamId: number) => `activities:${teamId}`;

function dateLabel(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function Waiting() {
  const items = useQueue()
    .list()
    .filter((i) => i.path === CREATE_ACTIVITY_PATH);
  if (items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="waiting-title">
      <h2 id="waiting-title" className="section-title">
        Chưa gửi được ({items.length})
      </h2>
      <ul className="list">
        {items.map((item) => (
          <li key={item.id} className="list-item">
            <div className="title">{item.label}</div>
            <div className={item.state === "failed" ? "field-error" : "small muted"}>
              {item.state === "failed" ? item.error?.message : "Sẽ tự gửi khi có mạng trở lại."}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActivityItem({ activity, saved }: { activity: Activity; saved: boolean }) {
  return (
    <li className="list-item" aria-current={saved ? "true" : undefined}>
      {/* Long form names ("Ngày hội hỗ trợ (Ngày thứ 7)") wrap instead of widening the page. */}
      <div className="row-between" style={{ flexWrap: "wrap" }}>
        <span className="small muted">{dateLabel(activity.activityDate)}</span>
        <span className="badge" style={{ whiteSpace: "normal" }}>
          {ACTIVITY_FORM_LABELS[activity.form]}
        </span>
      </div>
      <div className="title" style={{ fontSize: "1.1rem", marginTop: 4 }}>
        {activity.topic}
      </div>
      <div>{activity.place}</div>
      <div className="small" style={{ marginTop: 4 }}>
        {activity.residentsReached} người dân · {activity.leaflets} tờ rơi · {activity.photoIds.length} ảnh
      </div>
      <div className="small muted">Tham gia: {activity.members.map((m) => m.displayName).join(", ")}</div>
      <div className="small muted">Người ghi: {activity.author.displayName}</div>
      <div style={{ marginTop: 8 }}>
        {activity.canEdit ? (
          <Link to={`/activities/${activity.id}/edit`} className="btn secondary">
            Sửa (đến {formatDateTime(activity.editableUntil)})
          </Link>
        ) : (
          <span className="small muted">
            <Icon name="clock" size={16} /> Đã khóa – chỉ sửa được trong {ACTIVITY_EDIT_DAYS} ngày sau khi ghi
          </span>
        )}
      </div>
    </li>
  );
}

function ActivityList({ teamId, savedId }: { teamId: number; savedId: number }) {
  const { data } = useResource(activitiesKey(teamId), () => staffApi.activities(teamId));
  const items = data.data.items;
  return (
    <section className="section" aria-labelledby="activities-title">
      <h2 id="activities-title" className="section-title">
        90 ngày gần nhất
      </h2>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {items.length === 0 ? (
        <Empty>Tổ chưa ghi nhận hoạt động nào.</Empty>
      ) : (
        <ul className="list">
          {items.map((a) => (
            <ActivityItem key={a.id} activity={a} saved={a.id === savedId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TeamActivities() {
  const memberships = useProfile().data.data.roles.memberships;
  const [params] = useSearchParams();
  const team = Number(params.get("team"));
  const savedId = Number(params.get("saved"));
  const membership = memberships.find((m) => m.teamId === team) ?? memberships[0];
  if (!membership) return <Empty>Anh/chị chưa thuộc Tổ công nghệ số cộng đồng nào.</Empty>;
  return (
    <>
      {savedId > 0 && (
        <div className="banner ok" role="status">
          <Icon name="check" />
          <div className="grow">
            <strong>Đã ghi nhận hoạt động.</strong>
          </div>
        </div>
      )}
      <p className="lead" style={{ marginTop: 0 }}>
        {membership.teamName}
      </p>
      <Link to={`/activities/new?team=${membership.teamId}`} className="btn accent block">
        <Icon name="build" /> Ghi nhận hoạt động
      </Link>
      <Waiting />
      <Suspense fallback={<ListSkeleton />}>
        <ActivityList teamId={membership.teamId} savedId={savedId} />
      </Suspense>
    </>
  );
}

export default function ActivitiesPage() {
  return (
    <Screen title="Hoạt động của tổ">
      <TeamActivities />
    </Screen>
  );
}
