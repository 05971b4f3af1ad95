/**
 * "Quản trị xã": big labelled entries for every commune admin screen, plus the dashboard and
 * reports pages (issue #5, another area's routes).
 */
import type { CSSProperties } from "react";
import { Link } from "react-router-dom";
import { Icon, type IconName } from "../../icons";
import { AdminScreen, useCommune } from "./kit";

interface Entry {
  path: string;
  title: string;
  sub: string;
  icon: IconName;
  color: string;
}

const WORK: readonly Entry[] = [
  {
    path: "/admin/triage",
    title: "Phản ánh và câu hỏi",
    sub: "Xem, trả lời công khai, từ chối tin rác",
    icon: "report",
    color: "#c92a2a",
  },
  {
    path: "/admin/announcements",
    title: "Gửi thông báo",
    sub: "Cả xã hoặc từng thôn, xem kết quả gửi",
    icon: "announcements",
    color: "#d97706",
  },
  {
    path: "/admin/news",
    title: "Tin tức và văn bản",
    sub: "Đăng, sửa, gỡ tin tức – sự kiện, văn bản mới",
    icon: "news",
    color: "#0b5ed7",
  },
  {
    path: "/admin/structure",
    title: "Thôn, tổ và thành viên",
    sub: "Thôn, quyết định thành lập tổ, mời thành viên",
    icon: "team",
    color: "#7c3aed",
  },
  {
    path: "/admin/directory",
    title: "Danh bạ và thủ tục",
    sub: "Liên hệ, thủ tục, địa điểm, việc làm",
    icon: "contacts",
    color: "#2f7d32",
  },
  {
    path: "/admin/faq",
    title: "Câu hỏi thường gặp",
    sub: "Nội dung trợ lý tự động trả lời trên Zalo",
    icon: "question",
    color: "#2b6cb0",
  },
];

const REPORTS: readonly Entry[] = [
  {
    path: "/admin/dashboard",
    title: "Bảng điều khiển",
    sub: "Yêu cầu theo thôn, trạng thái, thời gian xử lý",
    icon: "queue",
    color: "#0c7a6b",
  },
  {
    path: "/admin/reports",
    title: "Báo cáo định kỳ",
    sub: "Báo cáo tháng, quý gửi cấp trên",
    icon: "document",
    color: "#5b4bc4",
  },
  {
    path: "/admin/kpi",
    title: "Chỉ số chuyển đổi số",
    sub: "VNeID, dịch vụ công, thanh toán không dùng tiền mặt",
    icon: "jobs",
    color: "#b35c00",
  },
  {
    path: "/admin/targets",
    title: "Chỉ tiêu các tổ",
    sub: "Giao và theo dõi chỉ tiêu của từng tổ",
    icon: "check",
    color: "#374151",
  },
  {
    path: "/admin/surveys",
    title: "Khảo sát hài lòng",
    sub: "Ý kiến người dân tại Bộ phận Một cửa",
    icon: "star",
    color: "#c2410c",
  },
];

function Entries({ entries, label }: { entries: readonly Entry[]; label: string }) {
  return (
    <ul className="admin-hub" aria-label={label}>
      {entries.map((e) => (
        <li key={e.path}>
          <Link to={e.path} className="admin-entry">
            <span className="entry-icon" style={{ "--entry-color": e.color } as CSSProperties}>
              <Icon name={e.icon} />
            </span>
            <span className="grow">
              <span className="entry-title">{e.title}</span>
              <span className="small muted">{e.sub}</span>
            </span>
            <Icon name="forward" />
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Hub() {
  const { communeName } = useCommune();
  return (
    <>
      <p className="lead" style={{ marginTop: 0 }}>
        {communeName}
      </p>
      <section className="section" aria-labelledby="admin-work">
        <h2 id="admin-work" className="section-title">
          Công việc quản trị
        </h2>
        <Entries entries={WORK} label="Công việc quản trị" />
      </section>
      <section className="section" aria-labelledby="admin-reports">
        <h2 id="admin-reports" className="section-title">
          Số liệu và báo cáo
        </h2>
        <Entries entries={REPORTS} label="Số liệu và báo cáo" />
      </section>
    </>
  );
}

export default function AdminHubPage() {
  return (
    <AdminScreen title="Quản trị xã" back="/">
      <Hub />
    </AdminScreen>
  );
}
