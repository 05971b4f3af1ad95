/**
 * A periodic report on screen, in the structure of the Tuy Phước review report (004_*.txt):
 * I. organisation, II. results (requests, activities, indicators, survey, messages), the child
 * units, then III/IV difficulties and proposals. Viewers get the same sections as counts only.
 */
import type { Report, ReportUnit } from "@cau-noi/shared";
import type { ReactNode } from "react";
import { DataTable, Figures, formatHours, formatNumber, formatPercent } from "../report-kit/charts";
import { monthLabel } from "../report-kit/period";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card report-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

const avg = (n: number | null) => (n === null ? "–" : `${formatNumber(n)}/5`);

export function OrganisationSection({ report }: { report: Report }) {
  const o = report.organisation;
  const roles = o.byCivicRole.filter((r) => r.count > 0);
  return (
    <Section title="I. Tổ chức, thành viên">
      <Figures
        items={[
          { label: "Thôn, khối phố", value: formatNumber(o.villages), name: "villages" },
          { label: "Tổ CNSCĐ thôn", value: formatNumber(o.teams), name: "teams" },
          { label: "Thành viên cuối kỳ", value: formatNumber(o.members.atPeriodEnd), name: "members" },
          { label: "Tổ trưởng", value: formatNumber(o.members.leaders), name: "leaders" },
        ]}
      />
      <p className="small">
        {formatNumber(o.villagesWithTeam)}/{formatNumber(o.villages)} thôn, khối phố đã có tổ
        {o.poolTeams > 0 ? ` · ${formatNumber(o.poolTeams)} tổ hỗ trợ cấp xã` : ""} · trong kỳ:{" "}
        {formatNumber(o.members.joined)} người vào tổ, {formatNumber(o.members.left)} người rời tổ.
      </p>
      {roles.length > 0 && (
        <DataTable
          caption="Thành phần thành viên"
          head={["Thành phần", "Số người", "Tỷ lệ"]}
          rows={roles.map((r) => [r.label, r.count, formatPercent(r.share)])}
        />
      )}
    </Section>
  );
}

export function RequestsSection({ report }: { report: Report }) {
  const r = report.requests;
  return (
    <Section title="II.1. Hỗ trợ người dân, phản ánh, hỏi đáp">
      <Figures
        items={[
          { label: "Yêu cầu mới trong kỳ", value: formatNumber(r.created), name: "requests.created" },
          { label: "Đã xử lý xong", value: formatNumber(r.resolved), tone: "ok", name: "requests.resolved" },
          { label: "Còn cần xử lý", value: formatNumber(r.stillOpen), name: "requests.stillOpen" },
          { label: "Đúng hạn", value: formatPercent(r.onTime.share), name: "requests.onTime" },
        ]}
      />
      <DataTable
        caption="Yêu cầu theo loại"
        head={["Loại", "Số lượng"]}
        rows={r.byKind.map((k) => [k.label, k.count])}
        foot={["Tổng", r.created]}
      />
      {r.byCategory.length > 0 && (
        <>
          <h4 className="report-sub">Theo nội dung</h4>
          <DataTable head={["Nội dung", "Số lượng"]} rows={r.byCategory.map((c) => [c.label, c.count])} />
        </>
      )}
      {r.byOutcome.length > 0 && (
        <>
          <h4 className="report-sub">Kết quả hỗ trợ</h4>
          <DataTable head={["Kết quả", "Số lượng"]} rows={r.byOutcome.map((c) => [c.label, c.count])} />
        </>
      )}
      <ul className="report-facts">
        <li>
          Xử lý xong trong kỳ: <strong>{formatNumber(r.resolved)}</strong>
          {r.resolvedFiledBefore > 0 &&
            ` (trong đó ${formatNumber(r.resolvedFiledBefore)} yêu cầu từ kỳ trước)`}
          ; đúng hạn {formatNumber(r.onTime.onTime)}/{formatNumber(r.onTime.resolved)}.
        </li>
        <li>
          Thời gian đến khi có người nhận: trung vị {formatHours(r.timeToClaim.medianHours)}, 90%{" "}
          {formatHours(r.timeToClaim.p90Hours)}.
        </li>
        <li>
          Thời gian đến khi xử lý xong: trung vị {formatHours(r.timeToResolve.medianHours)}, 90%{" "}
          {formatHours(r.timeToResolve.p90Hours)}.
        </li>
        <li>
          Người dân báo “chưa xong”: {formatNumber(r.reopened.requests)} yêu cầu (
          {formatNumber(r.reopened.times)} lần).
        </li>
        <li>
          Từ chối (tin rác, ngoài phạm vi, trùng): {formatNumber(r.rejected)}
          {r.byRejectReason.length > 0 &&
            ` – ${r.byRejectReason.map((x) => `${x.label}: ${x.count}`).join("; ")}`}
          .
        </li>
        <li>
          Đánh giá của người dân: {formatNumber(r.ratings.count)} lượt, trung bình {avg(r.ratings.average)}.
        </li>
      </ul>
    </Section>
  );
}

export function ActivitiesSection({ report }: { report: Report }) {
  const a = report.activities;
  return (
    <Section title="II.2. Hoạt động tuyên truyền, hỗ trợ">
      <Figures
        items={[
          { label: "Buổi hoạt động", value: formatNumber(a.count), name: "activities.count" },
          { label: "Lượt người dân", value: formatNumber(a.residentsReached), name: "activities.residents" },
        ]}
      />
      {a.count === 0 ? (
        <p className="muted">Chưa ghi nhận hoạt động nào trong kỳ.</p>
      ) : (
        <>
          <DataTable
            caption="Hoạt động theo hình thức"
            head={["Hình thức", "Buổi", "Người dân", "Tờ rơi"]}
            rows={a.byForm
              .filter((f) => f.count > 0)
              .map((f) => [f.label, f.count, f.residentsReached, f.leaflets])}
            foot={["Tổng", a.count, a.residentsReached, a.leaflets]}
          />
          {a.byTopic.length > 0 && (
            <>
              <h4 className="report-sub">Theo chủ đề</h4>
              <DataTable
                head={["Chủ đề", "Buổi", "Người dân"]}
                rows={a.byTopic.slice(0, 10).map((t) => [t.topic, t.count, t.residentsReached])}
              />
            </>
          )}
        </>
      )}
    </Section>
  );
}

export function KpiSection({ report }: { report: Report }) {
  return (
    <Section title="II.3. Chỉ tiêu chuyển đổi số">
      {report.kpis.length === 0 ? (
        <p className="muted">Chưa nhập chỉ tiêu tháng nào trong kỳ.</p>
      ) : (
        <DataTable
          head={["Chỉ tiêu", "Tháng", "Đạt/Tổng", "Tỷ lệ"]}
          rows={report.kpis.map((k) => [
            k.label,
            monthLabel(k.month),
            `${formatNumber(k.numerator)}/${formatNumber(k.denominator)}`,
            formatPercent(k.rate),
          ])}
        />
      )}
    </Section>
  );
}

export function SurveySection({ report }: { report: Report }) {
  const s = report.survey;
  return (
    <Section title="II.4. Khảo sát mức độ hài lòng tại Bộ phận Một cửa">
      {s.count === 0 ? (
        <p className="muted">Chưa có lượt đánh giá nào trong kỳ.</p>
      ) : (
        <DataTable
          head={["Lĩnh vực", "Lượt", "Trung bình"]}
          rows={s.byField.filter((f) => f.count > 0).map((f) => [f.label, f.count, avg(f.average)])}
          foot={["Tổng", s.count, avg(s.average)]}
        />
      )}
    </Section>
  );
}

export function NotificationsSection({ report }: { report: Report }) {
  const n = report.notifications;
  if (n.undelivered === 0) return null;
  return (
    <Section title="II.5. Tin nhắn chưa đến được người nhận">
      <DataTable
        head={["Lý do", "Số tin"]}
        rows={n.byReason.map((r) => [r.label, r.count])}
        foot={["Tổng", n.undelivered]}
      />
    </Section>
  );
}

const LEVEL_WORD: Record<string, string> = {
  province: "tỉnh, thành phố",
  district: "huyện, thị xã",
  commune: "xã, phường",
  village: "thôn, khối phố",
};

/** The child units (villages of a commune, communes of a district); a tap opens one's report. */
export function ChildRowsSection({
  report,
  onOpen,
}: {
  report: Report;
  onOpen?: (unit: ReportUnit) => void;
}) {
  if (report.rows.length === 0) return null;
  const level = report.rows[0]?.unit.level ?? "village";
  return (
    <Section title={`Theo ${LEVEL_WORD[level] ?? "đơn vị"}`}>
      <DataTable
        head={["Đơn vị", "Tổ", "Thành viên", "Yêu cầu", "Xong", "Đúng hạn", "Hoạt động"]}
        rows={report.rows.map((r) => [
          r.unit.name,
          r.teams,
          r.members,
          r.requestsCreated,
          r.requestsResolved,
          formatPercent(r.onTimeShare),
          r.activities,
        ])}
      />
      {onOpen && level !== "village" && (
        <div className="link-list child-links">
          {report.rows.map((r) => (
            <button
              key={r.unit.id}
              type="button"
              className="btn secondary block"
              onClick={() => onOpen(r.unit)}
            >
              Xem báo cáo {r.unit.name}
            </button>
          ))}
        </div>
      )}
    </Section>
  );
}
