/**
 * Turns request changes into OA messages: new requests page every active member of the routed
 * team, a claim tells the resident who is coming (name and civic role, so they can tell a real
 * member from a scammer), a resolution asks for a one-tap rating, "chưa xong" and escalations
 * reach the owner, the leader and then the commune. Runs inside the change's transaction and
 * writes only to the outbox.
 */
import {
  CATEGORY_LABELS,
  CIVIC_ROLE_LABELS,
  type CivicRole,
  MEETING_MODE_LABELS,
  type MeetingMode,
  OUTCOME_LABELS,
  REJECT_REASON_LABELS,
  REQUEST_KIND_LABELS,
  type RejectReason,
} from "@cau-noi/shared";
import { and, eq } from "drizzle-orm";
import { formatCommand } from "../chatbot/commands";
import type { Tx } from "../db/client";
import { adminUnits, memberships, persons, teams } from "../db/schema";
import { enqueueMessage, type OutgoingMessage } from "../outbox/enqueue";
import type { LifecycleChange, RequestRow } from "../requests/lifecycle";
import { communeAdmins, followerOf, type Recipient, teamRecipients } from "./recipients";

/** "Lê Thị Thành (Đoàn Thanh niên, Tổ CNSCĐ Thôn 1)": who the resident should expect. */
function describeOwner(tx: Tx, row: RequestRow): string {
  if (row.ownerPersonId === null) return "một thành viên tổ";
  const name = tx
    .select({ n: persons.displayName })
    .from(persons)
    .where(eq(persons.id, row.ownerPersonId))
    .get()?.n;
  const membership =
    row.teamId === null
      ? undefined
      : tx
          .select({ role: memberships.civicRole, teamName: teams.name })
          .from(memberships)
          .innerJoin(teams, eq(teams.id, memberships.teamId))
          .where(and(eq(memberships.teamId, row.teamId), eq(memberships.personId, row.ownerPersonId)))
          .get();
  if (!membership) return `${name ?? "cán bộ"} (cán bộ UBND xã)`;
  return `${name} (${CIVIC_ROLE_LABELS[membership.role as CivicRole]}, ${membership.teamName})`;
}

function villageName(tx: Tx, row: RequestRow): string {
  return (
    tx.select({ n: adminUnits.name }).from(adminUnits).where(eq(adminUnits.id, row.villageId)).get()?.n ?? ""
  );
}

const excerpt = (text: string, max = 160) => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
};

const claimButton = (id: number) => ({
  title: "Nhận việc này",
  payload: formatCommand({ verb: "claim", requestId: id }),
});

function ownerButtons(id: number) {
  return [
    { title: "Bắt đầu làm", payload: formatCommand({ verb: "start", requestId: id }) },
    { title: "Đã xong", payload: formatCommand({ verb: "done", requestId: id }) },
    { title: "Trả lại cho tổ", payload: formatCommand({ verb: "release", requestId: id }) },
  ];
}

function newRequestText(tx: Tx, row: RequestRow, heading: string): string {
  const lines = [
    `${heading} #${row.id} – ${villageName(tx, row)}`,
    `${REQUEST_KIND_LABELS[row.kind]}: ${CATEGORY_LABELS[row.category] ?? row.category}`,
    `“${excerpt(row.text)}”`,
  ];
  if (row.meetingMode) lines.push(`Cách gặp: ${MEETING_MODE_LABELS[row.meetingMode as MeetingMode]}`);
  if (row.onBehalfName) lines.push(`Giúp cho: ${row.onBehalfName}`);
  return lines.join("\n");
}

/** Builds the messages for one change; each gets a key unique to (event, recipient, part). */
export function notifyChange(tx: Tx, change: LifecycleChange, now: Date): void {
  const { row, eventId, action } = change;
  const send = (to: Recipient | undefined, part: string, purpose: string, message: OutgoingMessage) => {
    if (!to) return;
    enqueueMessage(tx, {
      idempotencyKey: `req:${row.id}:evt:${eventId}:${to.personId}:${part}`,
      recipientFollowerId: to.followerId,
      personId: to.personId,
      purpose,
      requestId: row.id,
      message,
      now,
    });
  };
  const requester = followerOf(tx, row.requesterPersonId ?? row.filedByPersonId);
  const actor = change.actorPersonId;
  const notMe = (r: Recipient) => r.personId !== actor;

  switch (action) {
    case "routed":
    case "released":
    case "auto_released": {
      const heading = action === "routed" ? "Yêu cầu mới" : "Yêu cầu cần người nhận lại";
      const members =
        row.teamId === null ? communeAdmins(tx, row.communeId, now) : teamRecipients(tx, row.teamId, now);
      for (const m of members.filter(notMe)) {
        send(m, "new", "notify_new_request", {
          text: `${newRequestText(tx, row, heading)}\nAi nhận trước sẽ phụ trách.`,
          buttons: [claimButton(row.id)],
        });
      }
      // Field reports and questions also reach the commune admins (SPEC §3).
      if (action === "routed" && row.kind !== "help" && row.teamId !== null) {
        for (const a of communeAdmins(tx, row.communeId, now)) {
          send(a, "admin", "notify_new_request", {
            text: newRequestText(tx, row, "Có phản ánh, câu hỏi mới"),
          });
        }
      }
      return;
    }
    case "claimed":
    case "assigned": {
      const owner = followerOf(tx, row.ownerPersonId);
      const intro =
        action === "assigned"
          ? `Anh/chị được giao yêu cầu #${row.id}.`
          : `Anh/chị đã nhận yêu cầu #${row.id}. Khi bắt đầu hoặc xong việc, bấm nút bên dưới.`;
      send(owner, "owner", "owner_actions", {
        text: `${intro}\n${newRequestText(tx, row, "Yêu cầu")}`,
        buttons: ownerButtons(row.id),
      });
      send(requester, "requester", "claimed", {
        text:
          `Yêu cầu #${row.id} của anh/chị đã có người nhận: ${describeOwner(tx, row)}.\n` +
          "Lưu ý: thành viên Tổ công nghệ số không bao giờ hỏi mã OTP, mật khẩu hay đề nghị chuyển tiền.",
      });
      return;
    }
    case "started":
      send(requester, "requester", "progress", {
        text: `${describeOwner(tx, row)} đang xử lý yêu cầu #${row.id} của anh/chị.`,
      });
      return;
    case "resolved": {
      const outcome = row.outcomeCode ? (OUTCOME_LABELS[row.outcomeCode] ?? row.outcomeCode) : "";
      const answer = row.publicAnswer ? `\nTrả lời: ${excerpt(row.publicAnswer, 600)}` : "";
      send(requester, "rate", "resolved", {
        text: `Yêu cầu #${row.id} đã xử lý xong: ${outcome}.${answer}\nAnh/chị chấm điểm giúp (1 đến 5 sao):`,
        buttons: ([1, 2, 3, 4, 5] as const).map((rating) => ({
          title: `${rating} sao`,
          payload: formatCommand({ verb: "rate", requestId: row.id, rating }),
        })),
      });
      send(requester, "notdone", "resolved", {
        text: "Nếu việc vẫn chưa xong, anh/chị bấm nút dưới đây để báo lại.",
        buttons: [{ title: "Chưa xong", payload: formatCommand({ verb: "notdone", requestId: row.id }) }],
      });
      return;
    }
    case "rated":
      send(followerOf(tx, row.ownerPersonId), "owner", "rated", {
        text: `Người dân đã chấm ${row.rating} sao cho yêu cầu #${row.id}. Cảm ơn anh/chị đã hỗ trợ!`,
      });
      return;
    case "reopened": {
      const reason = typeof change.detail?.reason === "string" ? `: “${excerpt(change.detail.reason)}”` : ".";
      const text = `Người dân báo yêu cầu #${row.id} chưa xong${reason}`;
      const owner = followerOf(tx, row.ownerPersonId);
      const leaders = teamRecipients(tx, row.teamId, now, true);
      send(owner, "owner", "reopened", { text, buttons: ownerButtons(row.id) });
      for (const leader of leaders.filter((l) => l.personId !== owner?.personId)) {
        send(leader, "leader", "reopened", {
          text,
          buttons: row.ownerPersonId === null ? [claimButton(row.id)] : [],
        });
      }
      if (row.ownerPersonId === null) {
        const isLeader = (m: Recipient) => leaders.some((l) => l.personId === m.personId);
        for (const m of teamRecipients(tx, row.teamId, now).filter((m) => !isLeader(m))) {
          send(m, "new", "notify_new_request", {
            text: `${text}\nAi nhận trước sẽ phụ trách.`,
            buttons: [claimButton(row.id)],
          });
        }
      }
      return;
    }
    case "escalated": {
      const level = change.detail?.level;
      if (level === 1) {
        const leaders = teamRecipients(tx, row.teamId, now, true);
        const to = leaders.length > 0 ? leaders : communeAdmins(tx, row.communeId, now);
        for (const l of to) {
          send(l, "escalation", "escalation", {
            text: `Yêu cầu #${row.id} (${villageName(tx, row)}) đã quá hạn mà chưa có người nhận. Tổ trưởng vui lòng nhận hoặc giao việc.`,
            buttons: [claimButton(row.id)],
          });
        }
      } else {
        for (const a of communeAdmins(tx, row.communeId, now)) {
          send(a, "escalation", "escalation", {
            text: `Yêu cầu #${row.id} (${villageName(tx, row)}) đã quá hạn xử lý. Người phụ trách: ${row.ownerPersonId === null ? "chưa có" : describeOwner(tx, row)}.`,
          });
        }
      }
      return;
    }
    case "rejected": {
      const reason = REJECT_REASON_LABELS[row.rejectReason as RejectReason] ?? "";
      const duplicate = row.duplicateOfId ? ` (trùng với yêu cầu #${row.duplicateOfId})` : "";
      send(requester, "requester", "rejected", {
        text: `Yêu cầu #${row.id} đã được đóng: ${reason}${duplicate}. Nếu cần, anh/chị có thể gửi lại yêu cầu mới.`,
      });
      return;
    }
    default:
      return;
  }
}
