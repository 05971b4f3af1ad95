/**
 * "Chỉ tiêu của tổ" for team leaders and members: the targets the commune set for their team(s)
 * whose period covers today, with what the team has done so far.
 */
import { Suspense } from "react";
import { Link } from "react-router-dom";
import { reportsApi } from "../../api/reports-endpoints";
import { useResource } from "../../api/resource";
import { Empty } from "../../components/error-state";
import { Screen } from "../../components/screen";
import { ListSkeleton } from "../../components/skeletons";
import { useProfile } from "../../state/profile";
import "../report-kit/report-kit.css";
import { StaleNote } from "../report-kit/stale-note";
import { TargetProgress } from "./progress";

function TeamTargets({ teamId, teamName }: { teamId: number; teamName: string }) {
  const { data: cached } = useResource(`team-targets:${teamId}`, () => reportsApi.teamTargets(teamId));
  const items = cached.data.items;
  return (
    <section className="card target-team" aria-label={teamName}>
      <h3>{teamName}</h3>
      <StaleNote cached={cached} />
      {items.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          Xã chưa giao chỉ tiêu cho tổ trong kỳ này.
        </p>
      ) : (
        items.map((t) => <TargetProgress key={t.id} target={t} />)
      )}
    </section>
  );
}

function MyTargets() {
  const { roles } = useProfile().data.data;
  if (roles.memberships.length === 0) {
    return (
      <Empty>
        Anh/chị chưa là thành viên Tổ công nghệ số cộng đồng nào. <Link to="/">Về trang chủ</Link>
      </Empty>
    );
  }
  return (
    <>
      <p className="lead">Chỉ tiêu xã giao cho tổ và kết quả đến hôm nay (tính từ các việc đã ghi nhận).</p>
      {roles.memberships.map((m) => (
        <Suspense key={m.teamId} fallback={<ListSkeleton rows={2} />}>
          <TeamTargets teamId={m.teamId} teamName={m.teamName} />
        </Suspense>
      ))}
    </>
  );
}

export default function TargetsPage() {
  return (
    <Screen title="Chỉ tiêu của tổ">
      <MyTargets />
    </Screen>
  );
}
