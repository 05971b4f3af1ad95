/** The request's event log (SPEC §3 "rõ người, rõ việc, rõ tiến độ"), in plain Vietnamese. */
import type { RequestDetail } from "@cau-noi/shared";
import { OUTCOME_LABELS, REJECT_REASON_LABELS, type RejectReason } from "@cau-noi/shared/domain";
import { formatDateTime } from "../../lib/dates";

type Event = RequestDetail["events"][number];

const ROUTED: Record<string, string> = {
  team: "Chuyển tới Tổ công nghệ của thôn",
  pool: "Chuyển tới tổ hỗ trợ của xã",
  commune: "Chuyển tới cán bộ xã",
};

function describe(event: Event): string {
  const who = event.actorName ?? "";
  const detail = event.detail ?? {};
  switch (event.action) {
    case "created":
      return detail.onBehalf ? "Gửi yêu cầu giúp người thân" : "Gửi yêu cầu";
    case "routed":
      return ROUTED[String(detail.routedTo)] ?? "Đã chuyển tới nơi xử lý";
    case "claimed":
      return `${who || "Một thành viên"} đã nhận giúp`;
    case "started":
      return `${who || "Người giúp"} bắt đầu xử lý`;
    case "noted":
      return `${who || "Tổ công nghệ"} ghi chú: ${String(detail.text ?? "")}`;
    case "released":
      return "Trả lại cho tổ để người khác nhận";
    case "auto_released":
      return "Quá hạn chưa xử lý, trả lại cho tổ";
    case "assigned":
      return `Giao cho thành viên${who ? ` (do ${who} giao)` : ""}`;
    case "escalated":
      return "Quá hạn, đã báo tổ trưởng / cán bộ xã";
    case "resolved":
      return `Đã xử lý xong: ${OUTCOME_LABELS[String(detail.outcomeCode)] ?? "xong"}${detail.receiptCode ? ` (mã hồ sơ ${String(detail.receiptCode)})` : ""}`;
    case "rated":
      return `Anh/chị đã đánh giá ${String(detail.rating)} sao`;
    case "reopened":
      return "Báo chưa xong, mở lại";
    case "rejected":
      return `Không tiếp nhận: ${REJECT_REASON_LABELS[detail.reason as RejectReason] ?? "khác"}`;
    case "auto_closed":
      return "Tự đóng sau 7 ngày";
    default:
      return event.action;
  }
}

export function History({ events }: { events: RequestDetail["events"] }) {
  return (
    <section className="section">
      <h2 className="section-title">Quá trình xử lý</h2>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.id}>
            <div style={{ fontWeight: 600 }}>{describe(event)}</div>
            <div className="small muted">{formatDateTime(event.createdAt)}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
