/**
 * Monthly indicators (issue #5, A-10): a commune admin copies the month's figures from outside
 * systems (online dossiers, online payments, VNeID level 2, e-health records) as numerator and
 * denominator; the rate is computed; the months entered so far are listed below.
 */
import type { KpiResponse } from "@cau-noi/shared";
import { Suspense, useState } from "react";
import { reportsApi } from "../../api/reports-endpoints";
import { setResource, useResource } from "../../api/resource";
import { Screen } from "../../components/screen";
import { DetailSkeleton } from "../../components/skeletons";
import { useProfile } from "../../state/profile";
import "../report-kit/report-kit.css";
import { monthLabel, recentMonths, thisMonth } from "../report-kit/period";
import { NotAllowed, reportUnits, UnitSelect } from "../report-kit/scope";
import { StaleNote } from "../report-kit/stale-note";
import { KpiHistory } from "./history";
import { KpiForm } from "./kpi-form";

const kpiKey = (communeId: number) => `kpi:${communeId}`;

function KpiSections({ communeId }: { communeId: number }) {
  const { data: cached } = useResource(kpiKey(communeId), () => reportsApi.kpi(communeId));
  const [month, setMonth] = useState(thisMonth());
  const months = recentMonths(thisMonth(), 12);
  const saved = (answer: KpiResponse) => {
    // The answer covers the saved month only: merge it into the twelve months shown.
    const others = cached.data.items.filter((i) => i.month !== month);
    setResource(kpiKey(communeId), {
      data: { ...cached.data, items: [...others, ...answer.items.filter((i) => i.month === month)] },
      stale: false,
      savedAt: new Date().toISOString(),
    });
  };
  return (
    <>
      <StaleNote cached={cached} />
      <div className="field">
        <label htmlFor="kpi-month">Tháng nhập số liệu</label>
        <select id="kpi-month" className="input" value={month} onChange={(e) => setMonth(e.target.value)}>
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
            </option>
          ))}
        </select>
      </div>
      <KpiForm
        key={`${communeId}:${month}`}
        communeId={communeId}
        month={month}
        items={cached.data.items}
        onSaved={saved}
      />
      <h2 className="section-title">Các tháng đã nhập</h2>
      <KpiHistory items={cached.data.items} onPick={setMonth} />
    </>
  );
}

function Kpi() {
  const units = reportUnits(useProfile().data.data, "admin");
  const [communeId, setCommuneId] = useState(units[0]?.unitId ?? 0);
  if (units.length === 0) return <NotAllowed what="chỉ tiêu của xã" />;
  return (
    <>
      <UnitSelect units={units} value={communeId} onChange={setCommuneId} label="Xã, phường" />
      <Suspense fallback={<DetailSkeleton />}>
        <KpiSections communeId={communeId} />
      </Suspense>
    </>
  );
}

export default function KpiPage() {
  return (
    <Screen title="Chỉ tiêu chuyển đổi số hằng tháng" fallback={<DetailSkeleton />}>
      <Kpi />
    </Screen>
  );
}
