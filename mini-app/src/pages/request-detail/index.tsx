/**
 * One request: status, who took it (name, civic role, photo), deadlines, outcome, rating and
 * its full history (GET /api/requests/{id}). Team members, leaders and commune admins also get
 * the staff section (staff-actions.tsx): claim, start, note, release, resolve, reject, assign.
 * Someone who may not see the request gets the server's 404 as a "not found" screen.
 */
import type { Profile, RequestDetail } from "@cau-noi/shared";
import { CIVIC_ROLE_LABELS, MEETING_MODE_LABELS, OUTCOME_LABELS } from "@cau-noi/shared/domain";
import { Link, useParams, useSearchParams } from "react-router-dom";
import type { Cached } from "../../api/cache";
import { fresh } from "../../api/cache";
import { api } from "../../api/endpoints";
import { ApiError } from "../../api/errors";
import { invalidate, setResource, useResource } from "../../api/resource";
import { StaleBanner } from "../../components/offline-banner";
import { RateControls, RatingShown } from "../../components/rate-controls";
import { Avatar, categoryLabel, kindLabel, StatusBadge } from "../../components/request-bits";
import { Screen } from "../../components/screen";
import { DetailSkeleton } from "../../components/skeletons";
import { Icon } from "../../icons";
import { formatDateTime } from "../../lib/dates";
import { useProfile } from "../../state/profile";
import { requestKey } from "../../state/request-cache";
import { History } from "./history";
import { StaffActions, type StaffRole, staffRoleOf } from "./staff-actions";

function Owner({ detail, staff }: { detail: RequestDetail; staff: boolean }) {
  const owner = detail.owner;
  if (!owner) {
    return (
      <section className="section card">
        <div className="person">
          <span className="avatar" aria-hidden="true">
            <Icon name="clock" />
          </span>
          <div>
            <strong>Đang chờ thành viên Tổ công nghệ nhận</strong>
            <div className="small muted">Hạn nhận: {formatDateTime(detail.claimDueAt)}</div>
          </div>
        </div>
      </section>
    );
  }
  return (
    <section className="section card" aria-label={staff ? "Người phụ trách" : "Người giúp anh/chị"}>
      <div className="small muted" style={{ marginBottom: 6 }}>
        {staff ? "Người phụ trách" : "Người giúp anh/chị"}
      </div>
      <div className="person">
        <Avatar name={owner.displayName} url={owner.avatarUrl} />
        <div>
          <div style={{ fontWeight: 800, fontSize: "1.1rem" }}>{owner.displayName}</div>
          {owner.civicRole && <div>{CIVIC_ROLE_LABELS[owner.civicRole]}</div>}
          <div className="small muted">Tổ công nghệ số cộng đồng</div>
        </div>
      </div>
    </section>
  );
}

/**
 * Whether I filed it (or it was filed for me): only then may I rate it. The detail carries no
 * person ids, so staff compare the filer's name; for everyone else the server only answers
 * their own requests, team members' and admins' aside.
 */
function mayRate(profile: Profile, detail: RequestDetail, role: StaffRole): boolean {
  if (!role.works) return true;
  return detail.events.some((e) => e.action === "created" && e.actorName === profile.displayName);
}

/** A request that does not exist, or that this person may not see (the server answers 404 alike). */
function NotFound() {
  return (
    <div className="error-state" role="alert">
      <Icon name="alert" />
      <p className="lead">Không tìm thấy yêu cầu này.</p>
      <p className="muted">Yêu cầu không tồn tại, hoặc không thuộc phạm vi anh/chị được xem.</p>
      <Link to="/" className="btn">
        Về trang chủ
      </Link>
    </div>
  );
}

/** The detail, or null for a 404 (an expected answer, shown as a screen rather than an error). */
async function loadDetail(id: number) {
  try {
    return await api.requestDetail(id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function Detail({ id }: { id: number }) {
  const key = requestKey(id);
  const { data } = useResource(key, () => loadDetail(id));
  if (data === null) return <NotFound />;
  return <Loaded id={id} data={data} />;
}

function Loaded({ id, data }: { id: number; data: Cached<RequestDetail> }) {
  const key = requestKey(id);
  const profile = useProfile().data.data;
  const [params] = useSearchParams();
  const detail = data.data;
  const role = staffRoleOf(profile, detail);
  const rateable =
    mayRate(profile, detail, role) &&
    detail.rating === null &&
    (detail.status === "resolved" ||
      (detail.status === "closed" && detail.resolvedAt !== null && detail.rejectReason === null));
  const updated = (next: RequestDetail) => {
    setResource(key, fresh(next));
    invalidate("mine");
  };

  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {params.get("new") === "1" && (
        <div className="banner ok" role="status">
          <Icon name="check" />
          <div className="grow">
            <strong>Đã gửi yêu cầu số {detail.id}.</strong> Tổ công nghệ sẽ liên hệ anh/chị. Anh/chị theo dõi
            ở mục “Của tôi”.
          </div>
        </div>
      )}
      <section className="section card">
        <div className="row-between" style={{ marginBottom: 8 }}>
          <span className="small muted">
            {kindLabel(detail.kind)} · số {detail.id}
          </span>
          <StatusBadge status={detail.status} />
        </div>
        <h2 style={{ margin: "0 0 6px", fontSize: "1.2rem" }}>{categoryLabel(detail.category)}</h2>
        <p style={{ margin: "0 0 10px", whiteSpace: "pre-wrap" }}>{detail.text}</p>
        <dl className="kv">
          {detail.onBehalfName && (
            <>
              <dt>Giúp cho</dt>
              <dd>{detail.onBehalfName}</dd>
            </>
          )}
          {role.works && detail.requesterName && detail.requesterName !== detail.onBehalfName && (
            <>
              <dt>Người gửi</dt>
              <dd>{detail.requesterName}</dd>
            </>
          )}
          <dt>Thôn</dt>
          <dd>{detail.villageName}</dd>
          {detail.meetingMode && (
            <>
              <dt>Gặp ở</dt>
              <dd>{MEETING_MODE_LABELS[detail.meetingMode]}</dd>
            </>
          )}
          <dt>Gửi lúc</dt>
          <dd>{formatDateTime(detail.createdAt)}</dd>
          {(detail.status === "claimed" || detail.status === "in_progress") && (
            <>
              <dt>Hạn xử lý</dt>
              <dd>{formatDateTime(detail.resolveDueAt)}</dd>
            </>
          )}
          {detail.outcomeCode && (
            <>
              <dt>Kết quả</dt>
              <dd>{OUTCOME_LABELS[detail.outcomeCode] ?? detail.outcomeCode}</dd>
            </>
          )}
          {detail.receiptCode && (
            <>
              <dt>Mã hồ sơ</dt>
              <dd>{detail.receiptCode}</dd>
            </>
          )}
        </dl>
      </section>
      <Owner detail={detail} staff={role.works} />
      <StaffActions detail={detail} role={role} onChange={updated} />
      {rateable && (
        <section className="section card">
          <RateControls requestId={detail.id} canReopen={detail.status === "resolved"} onDone={updated} />
        </section>
      )}
      {detail.rating !== null && (
        <section className="section card">
          <div style={{ fontWeight: 700 }}>Anh/chị đã đánh giá</div>
          <RatingShown rating={detail.rating} />
        </section>
      )}
      <History events={detail.events} />
    </>
  );
}

export default function RequestDetailPage() {
  const id = Number(useParams().id);
  return (
    <Screen title="Chi tiết yêu cầu" fallback={<DetailSkeleton />}>
      {Number.isInteger(id) && id > 0 ? (
        <Detail id={id} />
      ) : (
        <p className="lead">Không tìm thấy yêu cầu này.</p>
      )}
    </Screen>
  );
}
