/** One report on screen: its heading, every section, the notes, and the files to download. */
import type { ReportUnit } from "@cau-noi/shared";
import type { PeriodQuery } from "../../api/reports-endpoints";
import { formatDateTime } from "../../lib/dates";
import { useReport } from "../report-kit/hooks";
import { periodLabel } from "../report-kit/period";
import { StaleNote } from "../report-kit/stale-note";
import { Downloads } from "./downloads";
import { NotesSection } from "./notes-form";
import {
  ActivitiesSection,
  ChildRowsSection,
  KpiSection,
  NotificationsSection,
  OrganisationSection,
  RequestsSection,
  SurveySection,
} from "./report-sections";

export function ReportView({
  query,
  onOpenChild,
}: {
  query: PeriodQuery;
  onOpenChild?: (unit: ReportUnit) => void;
}) {
  const { data: cached, refresh } = useReport(query);
  const report = cached.data;
  const place = [report.unit.name, ...report.parents.map((p) => p.name)].join(", ");
  return (
    <div className="report">
      <StaleNote cached={cached} />
      <div className="card report-section">
        <h2 className="report-heading" style={{ margin: 0, fontSize: "1.1rem" }}>
          Báo cáo hoạt động Tổ công nghệ số cộng đồng
        </h2>
        <p style={{ margin: "4px 0 0" }}>
          <strong>{place}</strong> · {periodLabel(report.period)}
        </p>
        <p className="small muted" style={{ margin: "4px 0 0" }}>
          Lập lúc {formatDateTime(report.generatedAt)}
          {report.audience === "aggregate" && " · số liệu tổng hợp, không có thông tin cá nhân"}
        </p>
      </div>
      <OrganisationSection report={report} />
      <RequestsSection report={report} />
      <ActivitiesSection report={report} />
      <KpiSection report={report} />
      <SurveySection report={report} />
      <NotificationsSection report={report} />
      <ChildRowsSection report={report} onOpen={onOpenChild} />
      <NotesSection report={report} onSaved={refresh} />
      <Downloads query={query} unitCode={report.unit.code} showFunding={report.unit.level !== "village"} />
    </div>
  );
}
