/**
 * What a team member (or the leader, or a commune admin) can do on a request, by its state:
 * claim "Nhận việc này", start, add a note, release, resolve with an outcome, reject, assign.
 * Shown only to people who may work on it; the server decides again on every action.
 */
import type { Profile, RequestDetail } from "@cau-noi/shared";
import { OPEN_STATUSES } from "@cau-noi/shared/domain";
import { type FormEvent, useState } from "react";
import { staffApi } from "../../api/staff-endpoints";
import { FormMessage, TextArea } from "../../components/form-fields";
import { Icon } from "../../icons";
import { AssignPicker, workChanged } from "../queue/member-load";
import { RejectForm, ResolveForm, SubmitRow, useStaffSubmit } from "./outcome-forms";

export interface StaffRole {
  me: number;
  /** May claim, note and work on it (member of its team, or a commune admin). */
  works: boolean;
  /** May assign, reassign, release another's claim and reject (team leader, commune admin). */
  manages: boolean;
}

/** From my roles. Admins are trusted here for any request they can open; the server checks. */
export function staffRoleOf(profile: Profile, detail: RequestDetail): StaffRole {
  const { memberships, adminOf } = profile.roles;
  const inTeam = memberships.filter((m) => m.teamId === detail.teamId);
  const admin = adminOf.length > 0;
  return {
    me: profile.id,
    works: inTeam.length > 0 || admin,
    manages: inTeam.some((m) => m.isLeader) || admin,
  };
}

type Panel = "none" | "note" | "resolve" | "reject" | "assign" | "release";

function NoteForm({
  detail,
  onDone,
  onCancel,
}: {
  detail: RequestDetail;
  onDone(d: RequestDetail): void;
  onCancel(): void;
}) {
  const [text, setText] = useState("");
  const { busy, error, setError, run } = useStaffSubmit(onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setError("Vui lòng nhập ghi chú.");
    void run(() => staffApi.note(detail.id, text.trim()));
  };
  return (
    <form onSubmit={submit} noValidate className="card section">
      <TextArea
        id="staff-note"
        label="Ghi chú tiến độ"
        hint="Người gửi yêu cầu cũng xem được ghi chú này."
        value={text}
        maxLength={2000}
        onChange={setText}
      />
      <SubmitRow error={error} busy={busy} className="btn" label="Lưu ghi chú" onCancel={onCancel} />
    </form>
  );
}

export function StaffActions({
  detail,
  role,
  onChange,
}: {
  detail: RequestDetail;
  role: StaffRole;
  onChange(detail: RequestDetail): void;
}) {
  const [panel, setPanel] = useState<Panel>("none");
  const { busy, error, setError, run } = useStaffSubmit((next) => done(next));
  const open = (OPEN_STATUSES as readonly string[]).includes(detail.status);
  if (!role.works || !open) return null;

  const ownerId = detail.owner?.id ?? null;
  const mine = ownerId === role.me;
  const unclaimed = ownerId === null;
  const canStart = mine && (detail.status === "claimed" || detail.status === "escalated");
  const canResolve = (mine || role.manages) && detail.status !== "new" && (!unclaimed || role.manages);
  const canRelease = !unclaimed && (mine || role.manages);
  const done = (next: RequestDetail) => {
    setPanel("none");
    setError(null);
    workChanged();
    onChange(next);
  };

  return (
    <section className="section" aria-labelledby="staff-actions-title">
      <h2 id="staff-actions-title" className="section-title">
        Việc của Tổ công nghệ
      </h2>
      <FormMessage message={error} />
      {panel === "none" && (
        <div className="choice-list">
          {unclaimed && (
            <button
              type="button"
              className="btn accent block"
              disabled={busy}
              onClick={() => run(() => staffApi.claim(detail.id))}
            >
              <Icon name="check" /> Nhận việc này
            </button>
          )}
          {canStart && (
            <button
              type="button"
              className="btn block"
              disabled={busy}
              onClick={() => run(() => staffApi.start(detail.id))}
            >
              Bắt đầu xử lý
            </button>
          )}
          {canResolve && (
            <button type="button" className="btn accent block" onClick={() => setPanel("resolve")}>
              <Icon name="check" /> Báo đã xong
            </button>
          )}
          <button type="button" className="btn secondary block" onClick={() => setPanel("note")}>
            Thêm ghi chú
          </button>
          {role.manages && detail.teamId !== null && (
            <button type="button" className="btn secondary block" onClick={() => setPanel("assign")}>
              <Icon name="user" /> {unclaimed ? "Giao cho thành viên" : "Giao lại cho người khác"}
            </button>
          )}
          {canRelease && (
            <button type="button" className="btn secondary block" onClick={() => setPanel("release")}>
              Trả lại cho tổ
            </button>
          )}
          {role.manages && (
            <button type="button" className="btn danger-outline block" onClick={() => setPanel("reject")}>
              Không tiếp nhận
            </button>
          )}
        </div>
      )}
      {panel === "note" && <NoteForm detail={detail} onDone={done} onCancel={() => setPanel("none")} />}
      {panel === "resolve" && <ResolveForm detail={detail} onDone={done} onCancel={() => setPanel("none")} />}
      {panel === "reject" && <RejectForm detail={detail} onDone={done} onCancel={() => setPanel("none")} />}
      {panel === "assign" && detail.teamId !== null && (
        <div className="card section">
          <AssignPicker
            teamId={detail.teamId}
            requestId={detail.id}
            ownerId={ownerId}
            onDone={done}
            onCancel={() => setPanel("none")}
          />
        </div>
      )}
      {panel === "release" && (
        <div className="banner">
          <div className="grow">
            <p style={{ margin: "0 0 8px" }}>Trả việc này về hàng chờ để thành viên khác nhận?</p>
            <div className="btn-row">
              <button
                type="button"
                className="btn danger-outline"
                disabled={busy}
                onClick={() => run(() => staffApi.release(detail.id))}
              >
                Đúng, trả lại
              </button>
              <button type="button" className="btn link" onClick={() => setPanel("none")}>
                Không
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
