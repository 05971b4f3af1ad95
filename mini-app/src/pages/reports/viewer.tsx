/**
 * "Báo cáo tổng hợp" for district and province viewers (and leaders, for their village): the
 * report and the charts of their area, counts only, never a person's name. A tap on a commune
 * (or village) opens its own report; the trail above leads back.
 */
import type { ReportUnit } from "@cau-noi/shared";
import { Suspense, useState } from "react";
import { Screen } from "../../components/screen";
import { DetailSkeleton } from "../../components/skeletons";
import { useProfile } from "../../state/profile";
import "../report-kit/report-kit.css";
import { DashboardCharts } from "../dashboard/charts-section";
import { ChartsSkeleton } from "../report-kit/chart-skeleton";
import { type Period, presetPeriod } from "../report-kit/period";
import { PeriodPicker, type PickerMode } from "../report-kit/period-picker";
import { NotAllowed, reportUnits, UnitSelect } from "../report-kit/scope";
import { ReportView } from "./report-view";

const MODES: readonly PickerMode[] = ["month", "quarter", "custom"];

interface Crumb {
  id: number;
  name: string;
}

function ViewerReports() {
  const profile = useProfile().data.data;
  const units = reportUnits(profile, "any");
  const [rootId, setRootId] = useState(units[0]?.unitId ?? 0);
  const [trail, setTrail] = useState<Crumb[]>([]);
  const [period, setPeriod] = useState<Period>(() => presetPeriod("this_month"));
  const [tab, setTab] = useState<"report" | "charts">("report");
  const root = units.find((u) => u.unitId === rootId);
  if (!root) return <NotAllowed what="báo cáo tổng hợp" />;
  const current = trail[trail.length - 1] ?? { id: root.unitId, name: root.name };
  const query = { unitId: current.id, ...period };
  const open = (unit: ReportUnit) => setTrail((t) => [...t, { id: unit.id, name: unit.name }]);
  return (
    <>
      <UnitSelect
        units={units}
        value={rootId}
        onChange={(id) => {
          setRootId(id);
          setTrail([]);
        }}
        label="Địa bàn"
      />
      {trail.length > 0 && (
        <nav className="breadcrumbs" aria-label="Đơn vị đang xem">
          <button type="button" className="btn link" onClick={() => setTrail([])}>
            {root.name}
          </button>
          {trail.map((c, i) => (
            <span key={c.id}>
              ›{" "}
              {i === trail.length - 1 ? (
                <strong aria-current="page">{c.name}</strong>
              ) : (
                <button type="button" className="btn link" onClick={() => setTrail((t) => t.slice(0, i + 1))}>
                  {c.name}
                </button>
              )}
            </span>
          ))}
        </nav>
      )}
      <PeriodPicker modes={MODES} value={period} onChange={setPeriod} />
      <fieldset className="segmented">
        <legend className="visually-hidden">Cách xem</legend>
        <button type="button" aria-pressed={tab === "report"} onClick={() => setTab("report")}>
          Báo cáo
        </button>
        <button type="button" aria-pressed={tab === "charts"} onClick={() => setTab("charts")}>
          Biểu đồ
        </button>
      </fieldset>
      {tab === "report" ? (
        <Suspense fallback={<DetailSkeleton />}>
          <ReportView query={query} onOpenChild={open} />
        </Suspense>
      ) : (
        <Suspense fallback={<ChartsSkeleton />}>
          <DashboardCharts query={query} />
        </Suspense>
      )}
    </>
  );
}

export default function ViewerReportsPage() {
  return (
    <Screen title="Báo cáo tổng hợp" fallback={<DetailSkeleton />}>
      <ViewerReports />
    </Screen>
  );
}
