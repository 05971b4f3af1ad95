/**
 * Periodic reports for commune admins (issue #5, A-12): this month's report of their commune is
 * one tap away (the Excel file at the top); below, any month, quarter or date range on screen,
 * with the difficulties and proposals to fill in and every export.
 */
import { Suspense, useState } from "react";
import { Link } from "react-router-dom";
import { reportsApi } from "../../api/reports-endpoints";
import { Screen } from "../../components/screen";
import { DetailSkeleton } from "../../components/skeletons";
import { useProfile } from "../../state/profile";
import "../report-kit/report-kit.css";
import { DownloadLink } from "../report-kit/download";
import { type Period, periodLabel, presetPeriod } from "../report-kit/period";
import { PeriodPicker, REPORT_MODES } from "../report-kit/period-picker";
import { NotAllowed, reportUnits, UnitSelect } from "../report-kit/scope";
import { ReportView } from "./report-view";

function ThisMonthCard({ unitId, unitName }: { unitId: number; unitName: string }) {
  const month = presetPeriod("this_month");
  return (
    <div className="card section">
      <p style={{ margin: "0 0 10px" }}>
        Báo cáo <strong>{periodLabel(month).toLowerCase()}</strong> của <strong>{unitName}</strong>, lập từ số
        liệu đến thời điểm này:
      </p>
      <DownloadLink
        className="btn accent block"
        path={reportsApi.exportPath({ unitId, ...month }, "xlsx", "report")}
        fileName={`bao-cao-${month.from.slice(0, 7)}.xlsx`}
      >
        Lập báo cáo {periodLabel(month).toLowerCase()} (Excel)
      </DownloadLink>
    </div>
  );
}

function AdminReports() {
  const profile = useProfile().data.data;
  const units = reportUnits(profile, "admin");
  const [unitId, setUnitId] = useState(units[0]?.unitId ?? 0);
  const [period, setPeriod] = useState<Period>(() => presetPeriod("this_month"));
  const unit = units.find((u) => u.unitId === unitId);
  if (!unit) return <NotAllowed what="báo cáo của xã" />;
  return (
    <>
      <UnitSelect units={units} value={unitId} onChange={setUnitId} label="Xã, phường" />
      <ThisMonthCard unitId={unit.unitId} unitName={unit.name} />
      <h2 className="section-title">Xem báo cáo theo kỳ</h2>
      <PeriodPicker modes={REPORT_MODES} value={period} onChange={setPeriod} />
      <Suspense fallback={<DetailSkeleton />}>
        <ReportView query={{ unitId, ...period }} />
      </Suspense>
      <Link to="/admin/dashboard" className="btn link block">
        Xem biểu đồ số liệu
      </Link>
    </>
  );
}

export default function AdminReportsPage() {
  return (
    <Screen title="Báo cáo định kỳ" fallback={<DetailSkeleton />}>
      <AdminReports />
    </Screen>
  );
}
