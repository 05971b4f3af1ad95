/**
 * One team as the commune admin manages it: the decision establishing it (number, date), its
 * active members with civic role and leader flag (change them, end a membership), and invites.
 */
import type { StructureMember, StructureTeam } from "@cau-noi/shared";
import type { CivicRole } from "@cau-noi/shared/domain";
import { useState } from "react";
import { adminApi } from "../../api/admin-endpoints";
import { CheckField, SelectField, TextField } from "../../components/form-fields";
import { Avatar } from "../../components/request-bits";
import { Icon } from "../../icons";
import { formatDate } from "../../lib/dates";
import { EditOrDelete, FormActions, useSubmit } from "../admin/kit";
import { CIVIC_ROLE_OPTIONS, InvitePanel } from "./invite";

function DecisionForm({ team, onDone }: { team: StructureTeam; onDone(message?: string): void }) {
  const [decisionNo, setDecisionNo] = useState(team.decisionNo ?? "");
  const [decisionDate, setDecisionDate] = useState(team.decisionDate ?? "");
  const form = useSubmit();
  const save = async () => {
    const saved = await form.run(() =>
      adminApi.updateTeam(team.id, {
        decisionNo: decisionNo.trim() || null,
        decisionDate: decisionDate || null,
      }),
    );
    if (saved) onDone(`Đã lưu quyết định của ${team.name}.`);
  };
  return (
    <div className="inline-form">
      <TextField
        id={`team-${team.id}-decision-no`}
        label="Số quyết định thành lập"
        placeholder="Ví dụ: 125/QĐ-UBND"
        value={decisionNo}
        maxLength={100}
        error={form.errors.decisionNo}
        onChange={(v) => {
          setDecisionNo(v);
          form.clear("decisionNo");
        }}
      />
      <TextField
        id={`team-${team.id}-decision-date`}
        label="Ngày quyết định"
        type="date"
        value={decisionDate}
        error={form.errors.decisionDate}
        onChange={(v) => {
          setDecisionDate(v);
          form.clear("decisionDate");
        }}
      />
      <FormActions form={form} label="Lưu" busyLabel="Lưu" onSave={save} onCancel={() => onDone()} />
    </div>
  );
}

function MemberForm({ member, onDone }: { member: StructureMember; onDone(message?: string): void }) {
  const [civicRole, setCivicRole] = useState<CivicRole>(member.civicRole);
  const [isLeader, setIsLeader] = useState(member.isLeader);
  const form = useSubmit();
  const save = async () => {
    const saved = await form.run(() =>
      adminApi.updateMembership(member.membershipId, { civicRole, isLeader }),
    );
    if (saved) onDone(`Đã cập nhật ${member.displayName}.`);
  };
  const prefix = `member-${member.membershipId}`;
  return (
    <div className="inline-form">
      <SelectField<CivicRole>
        id={`${prefix}-role`}
        label="Vai trò"
        value={civicRole}
        options={CIVIC_ROLE_OPTIONS}
        error={form.errors.civicRole}
        onChange={setCivicRole}
      />
      <CheckField id={`${prefix}-leader`} label="Tổ trưởng" checked={isLeader} onChange={setIsLeader} />
      <FormActions form={form} label="Lưu" busyLabel="Lưu" onSave={save} onCancel={() => onDone()} />
    </div>
  );
}

function MemberRow({ member, onChanged }: { member: StructureMember; onChanged(message: string): void }) {
  const [editing, setEditing] = useState(false);
  return (
    <li className="list-item">
      <div className="person">
        <Avatar name={member.displayName} url={member.avatarUrl} />
        <div className="grow">
          <div style={{ fontWeight: 700 }}>{member.displayName}</div>
          <div className="small">
            {member.civicRoleLabel}
            {member.isLeader && (
              <>
                {" · "}
                <span className="badge">Tổ trưởng</span>
              </>
            )}
          </div>
          <div className="small muted">Từ {formatDate(member.activeFrom)}</div>
        </div>
      </div>
      <EditOrDelete
        editing={editing}
        editor={
          <MemberForm
            member={member}
            onDone={(message) => {
              setEditing(false);
              if (message) onChanged(message);
            }}
          />
        }
        onEdit={() => setEditing(true)}
        editLabel="Đổi vai trò"
        what={`cho ${member.displayName} thôi tham gia tổ`}
        label="Kết thúc"
        confirmLabel="Cho thôi tham gia"
        onConfirm={async () => {
          const result = await adminApi.endMembership(member.membershipId);
          const held = result.openRequestIds;
          onChanged(
            `${member.displayName} đã thôi tham gia tổ.${
              held.length > 0
                ? ` Người này còn giữ yêu cầu số ${held.join(", ")} chưa xong: anh/chị vui lòng giao lại cho thành viên khác.`
                : ""
            }`,
          );
        }}
      />
    </li>
  );
}

export function TeamBlock({ team, onChanged }: { team: StructureTeam; onChanged(message: string): void }) {
  const [panel, setPanel] = useState<"decision" | "invite" | null>(null);
  const decision = team.decisionNo
    ? `Quyết định số ${team.decisionNo}${team.decisionDate ? ` ngày ${formatDate(team.decisionDate)}` : ""}`
    : "Chưa có quyết định thành lập";
  return (
    <div className="team-block">
      <div style={{ fontWeight: 700 }}>{team.name}</div>
      <div className="small muted">{decision}</div>
      {panel === "decision" ? (
        <DecisionForm
          team={team}
          onDone={(message) => {
            setPanel(null);
            if (message) onChanged(message);
          }}
        />
      ) : panel === "invite" ? (
        <InvitePanel teamId={team.id} onClose={() => setPanel(null)} />
      ) : (
        <div className="item-actions">
          <button type="button" className="btn accent" onClick={() => setPanel("invite")}>
            <Icon name="user" /> Mời thành viên
          </button>
          <button type="button" className="btn secondary" onClick={() => setPanel("decision")}>
            Sửa quyết định
          </button>
        </div>
      )}
      <h4 className="small muted" style={{ margin: "12px 0 6px" }}>
        Thành viên ({team.memberCount})
      </h4>
      {team.members.length === 0 ? (
        <p className="small muted" style={{ margin: 0 }}>
          Tổ chưa có thành viên: yêu cầu của thôn chuyển lên xã.
        </p>
      ) : (
        <ul className="list">
          {team.members.map((m) => (
            <MemberRow key={m.membershipId} member={m} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </div>
  );
}
