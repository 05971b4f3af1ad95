/**
 * "Ghi nhận hoạt động" (issue #5): log a team activity — date, place, topic, form, members from
 * the team roster, residents reached, leaflets, up to 5 photos, a note. A new entry goes through
 * the offline queue with a clientId (logged at a village hall without signal, sent once later);
 * an entry can be corrected within ACTIVITY_EDIT_DAYS days, then it is locked (history kept).
 */
import type { ActivityDetail } from "@cau-noi/shared";
import { ACTIVITY_EDIT_DAYS } from "@cau-noi/shared/domain";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { fresh } from "../../api/cache";
import { ApiError, messageOf } from "../../api/errors";
import { invalidate, setResource, useResource } from "../../api/resource";
import { CREATE_ACTIVITY_PATH, staffApi } from "../../api/staff-endpoints";
import { StaleBanner } from "../../components/offline-banner";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { formatDateTime } from "../../lib/dates";
import { useProfile } from "../../state/profile";
import { queue } from "../../state/queue";
import { useRoster } from "../queue/member-load";
import { ActivityFields } from "./fields";
import {
  type ActivityErrors,
  type ActivityFormValues,
  checkActivity,
  emptyForm,
  errorsFromServer,
  formOf,
  toCreate,
  toUpdate,
} from "./form-state";

export const activityKey = (id: number) => `activity:${id}`;

function useFormState(initial: () => ActivityFormValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ActivityErrors>({});
  const set = (patch: Partial<ActivityFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as Array<keyof ActivityFormValues>) delete next[key];
      return next;
    });
  };
  return { values, errors, setErrors, set };
}

function Problem({ message, errors }: { message: string | null; errors: ActivityErrors }) {
  if (!message && Object.keys(errors).length === 0) return null;
  return (
    <p className="banner error" role="alert">
      {message ?? "Anh/chị vui lòng xem lại các mục được đánh dấu đỏ."}
    </p>
  );
}

function Queued({ teamId }: { teamId: number }) {
  return (
    <div className="section">
      <div className="banner ok" role="status">
        <Icon name="check" />
        <div className="grow">
          <strong>Đã lưu hoạt động trên máy.</strong>
          <div>Hiện chưa có mạng. Khi có mạng trở lại, hoạt động sẽ tự gửi – anh/chị không cần nhập lại.</div>
        </div>
      </div>
      <Link to={`/activities?team=${teamId}`} className="btn block">
        Xem hoạt động của tổ
      </Link>
    </div>
  );
}

function CreateForm({ teamId }: { teamId: number }) {
  const me = useProfile().data.data;
  const roster = useRoster(teamId).data;
  const navigate = useNavigate();
  const { values, errors, setErrors, set } = useFormState(() => emptyForm(me.id));
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  if (queued) return <Queued teamId={teamId} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkActivity(values);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const body = toCreate(teamId, values);
    const result = await queue.submit(CREATE_ACTIVITY_PATH, { ...body }, `Hoạt động: ${body.topic}`);
    setBusy(false);
    if (result.status === "sent") {
      const detail = result.response as ActivityDetail;
      setResource(activityKey(detail.id), fresh(detail));
      invalidate("activities:");
      navigate(`/activities?team=${teamId}&saved=${detail.id}`, { replace: true });
    } else if (result.status === "queued") {
      setQueued(true);
    } else {
      setErrors(errorsFromServer(result.error.fields ?? {}));
      setMessage(result.error.message);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <StaleBanner stale={roster.stale} savedAt={roster.savedAt} />
      <p className="lead" style={{ marginTop: 0 }}>
        {roster.data.teamName}. Hoạt động sửa được trong {ACTIVITY_EDIT_DAYS} ngày sau khi ghi.
      </p>
      <ActivityFields values={values} errors={errors} roster={roster.data} set={set} />
      <Problem message={message} errors={errors} />
      <button type="submit" className="btn accent block" disabled={busy}>
        <Icon name="send" /> {busy ? "Đang gửi…" : "Ghi nhận hoạt động"}
      </button>
    </form>
  );
}

function Locked({ activity }: { activity: ActivityDetail }) {
  const expired = new Date(activity.editableUntil).getTime() <= Date.now();
  return (
    <div className="banner" role="alert">
      <Icon name="alert" />
      <div className="grow">
        <strong>{expired ? "Hoạt động này đã khóa." : "Anh/chị không sửa được hoạt động này."}</strong>
        <div>
          {expired
            ? `Hoạt động chỉ sửa được trong ${ACTIVITY_EDIT_DAYS} ngày sau khi ghi (đến ${formatDateTime(activity.editableUntil)}). Lịch sử các lần sửa vẫn được giữ; nếu cần điều chỉnh, anh/chị vui lòng báo cán bộ xã.`
            : "Chỉ người ghi, tổ trưởng hoặc cán bộ xã mới sửa được."}
        </div>
      </div>
    </div>
  );
}

function EditForm({ activity }: { activity: ActivityDetail }) {
  const roster = useRoster(activity.teamId).data;
  const navigate = useNavigate();
  const { values, errors, setErrors, set } = useFormState(() => formOf(activity));
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkActivity(values);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const saved = await staffApi.updateActivity(activity.id, toUpdate(values));
      setResource(activityKey(saved.id), fresh(saved));
      invalidate("activities:");
      navigate(`/activities?team=${saved.teamId}&saved=${saved.id}`, { replace: true });
    } catch (e) {
      setMessage(messageOf(e));
      if (e instanceof ApiError) setErrors(errorsFromServer(e.fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="lead" style={{ marginTop: 0 }}>
        Sửa được đến {formatDateTime(activity.editableUntil)}. Mỗi lần sửa đều được lưu lại.
      </p>
      <ActivityFields values={values} errors={errors} roster={roster.data} set={set} />
      <Problem message={message} errors={errors} />
      <button type="submit" className="btn accent block" disabled={busy}>
        <Icon name="check" /> {busy ? "Đang lưu…" : "Lưu thay đổi"}
      </button>
    </form>
  );
}

function Edit({ id }: { id: number }) {
  const { data } = useResource(activityKey(id), () => staffApi.activity(id));
  const activity = data.data;
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {activity.canEdit ? (
        <EditForm activity={activity} />
      ) : (
        <>
          <Locked activity={activity} />
          <Link to={`/activities?team=${activity.teamId}`} className="btn secondary block">
            Về danh sách hoạt động
          </Link>
        </>
      )}
    </>
  );
}

function Create() {
  const memberships = useProfile().data.data.roles.memberships;
  const team = Number(useSearchParams()[0].get("team"));
  const membership = memberships.find((m) => m.teamId === team) ?? memberships[0];
  if (!membership) return <p className="lead">Chỉ thành viên Tổ công nghệ mới ghi nhận hoạt động được.</p>;
  return <CreateForm teamId={membership.teamId} />;
}

export default function ActivityFormPage() {
  const id = Number(useParams().id);
  const editing = Number.isInteger(id) && id > 0;
  return (
    <Screen title={editing ? "Sửa hoạt động" : "Ghi nhận hoạt động"}>
      {editing ? <Edit id={id} /> : <Create />}
    </Screen>
  );
}
