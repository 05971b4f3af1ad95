/**
 * Invite a member to a team: choose the civic role (and leader), get a link that opens the mini
 * app's /join page, and its QR code to scan at a meeting. Share with Zalo's share sheet
 * (zmp-sdk openShareSheet) inside Zalo, the device's share menu elsewhere, or copy the link.
 */
import type { Invite } from "@cau-noi/shared";
import { CIVIC_ROLE_LABELS, CIVIC_ROLES, type CivicRole } from "@cau-noi/shared/domain";
import { useState } from "react";
import { openShareSheet } from "zmp-sdk/apis";
import { adminApi } from "../../api/admin-endpoints";
import { CheckField, FormMessage, SelectField } from "../../components/form-fields";
import { Icon } from "../../icons";
import { formatDate } from "../../lib/dates";
import { useSession } from "../../state/session";
import { useSubmit } from "../admin/kit";

export const CIVIC_ROLE_OPTIONS = CIVIC_ROLES.map((value) => ({ value, label: CIVIC_ROLE_LABELS[value] }));

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older webviews: copy through a selected text field.
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    const done = document.execCommand("copy");
    field.remove();
    return done;
  }
}

function InviteResult({ invite, onAnother }: { invite: Invite; onAnother(): void }) {
  const session = useSession();
  const [note, setNote] = useState<string | null>(null);
  const expires = formatDate(invite.expiresAt);
  const copy = async () =>
    setNote(
      (await copyText(invite.link))
        ? "Đã sao chép đường dẫn."
        : "Chưa sao chép được, anh/chị chạm giữ đường dẫn để sao chép.",
    );
  const share = async () => {
    const title = `Mời tham gia ${invite.teamName}`;
    try {
      if (session.sandbox === false) {
        await openShareSheet({ type: "link", data: { link: invite.link, chatOnly: false } });
        return;
      }
      if (typeof navigator.share === "function") {
        await navigator.share({ title, url: invite.link });
        return;
      }
    } catch {
      // Cancelled or not supported here: copying always works.
    }
    await copy();
  };
  return (
    <div className="qr-box" aria-live="polite">
      <strong>Lời mời vào {invite.teamName}</strong>
      <span className="small">
        Vai trò: {CIVIC_ROLE_LABELS[invite.civicRole]}
        {invite.isLeader ? " · Tổ trưởng" : ""}
      </span>
      <img src={invite.qrPngDataUrl} alt={`Mã QR mời vào ${invite.teamName}`} />
      <span className="small muted">
        Người được mời quét mã bằng Zalo, hoặc mở đường dẫn. Hết hạn ngày {expires}.
      </span>
      <span className="link-text" data-testid="invite-link">
        {invite.link}
      </span>
      <div className="btn-row" style={{ width: "100%" }}>
        <button type="button" className="btn block" onClick={share}>
          <Icon name="send" /> Chia sẻ qua Zalo
        </button>
        <button type="button" className="btn secondary block" onClick={copy}>
          Sao chép đường dẫn
        </button>
        <button type="button" className="btn link block" onClick={onAnother}>
          Tạo lời mời khác
        </button>
      </div>
      {note && (
        <p className="small" role="status" style={{ margin: 0 }}>
          {note}
        </p>
      )}
    </div>
  );
}

export function InvitePanel({ teamId, onClose }: { teamId: number; onClose(): void }) {
  const [civicRole, setCivicRole] = useState<CivicRole | "">("");
  const [isLeader, setIsLeader] = useState(false);
  const [invite, setInvite] = useState<Invite | null>(null);
  const form = useSubmit();
  if (invite) return <InviteResult invite={invite} onAnother={() => setInvite(null)} />;
  const create = async () => {
    if (form.invalid(civicRole ? {} : { civicRole: "Vui lòng chọn vai trò." }) || !civicRole) return;
    const made = await form.run(() => adminApi.createInvite({ teamId, civicRole, isLeader }));
    if (made) setInvite(made);
  };
  const prefix = `invite-${teamId}`;
  return (
    <div className="inline-form">
      <SelectField
        id={`${prefix}-role`}
        label="Vai trò của người được mời"
        value={civicRole}
        options={CIVIC_ROLE_OPTIONS}
        error={form.errors.civicRole}
        onChange={(v) => {
          setCivicRole(v);
          form.clear("civicRole");
        }}
      />
      <CheckField id={`${prefix}-leader`} label="Làm tổ trưởng" checked={isLeader} onChange={setIsLeader} />
      <FormMessage message={form.message} />
      <div className="btn-row">
        <button type="button" className="btn" onClick={create} disabled={form.busy}>
          {form.busy ? "Đang tạo…" : "Tạo lời mời"}
        </button>
        <button type="button" className="btn secondary" onClick={onClose} disabled={form.busy}>
          Hủy
        </button>
      </div>
    </div>
  );
}
