/**
 * Commune dashboard (issue #5, A-09): requests over time, by village and status, by category,
 * time to claim and to resolve, on-time share, ratings and activities, for a chosen period.
 */
import { Suspense, useState } from "react";
import { Link } from "react-router-dom";
import { Screen } from "../../components/screen";
import { useProfile } from "../../state/profile";
import "../report-kit/report-kit.css";
import { ChartsSkeleton } from "../report-kit/chart-skeleton";
import { type Period, presetPeriod } from "../report-kit/period";
import { DASHBOARD_MODES, PeriodPicker } from "../report-kit/period-picker";
import { NotAllowed, reportUnits, UnitSelect } from "../report-kit/scope";
import { DashboardCharts } from "./charts-section";

function Dashboard() {
  const profile = useProfile().data.data;
  const units = reportUnits(profile, "admin");
  const [unitId, setUnitId] = useState(units[0]?.unitId ?? 0);
  const [period, setPeriod] = useState<Period>(() => presetPeriod("this_month"));
  if (units.length === 0) return <NotAllowed what="số liệu của xã" />;
  const query = { unitId, ...period };
  return (
    <>
      <UnitSelect units={units} value={unitId} onChange={setUnitId} label="Xã, phường" />
      <PeriodPicker modes={DASHBOARD_MODES} value={period} onChange={setPeriod} />
      <Suspense fallback={<ChartsSkeleton />}>
        <DashboardCharts query={query} />
      </Suspense>
      <Link to="/admin/reports" className="btn secondary block">
        Lập báo cáo định kỳ
      </Link>
    </>
  );
}

export default function DashboardPage() {
  return (
    <Screen title="Bảng số liệu của xã" fallback={<ChartsSkeleton />}>
      <Dashboard />
    </Screen>
  );
}
