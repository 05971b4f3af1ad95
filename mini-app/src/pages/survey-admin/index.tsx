/**
 * Satisfaction surveys of the one-stop desk (issue #5, A-13, the Vĩnh Điện model): pick a
 * procedure field to get its QR (PNG, A4 poster), and read the results by field and month.
 */
import { SURVEY_FIELD_LABELS, SURVEY_FIELDS, type SurveyField } from "@cau-noi/shared/domain";
import { Suspense, useState } from "react";
import { Screen } from "../../components/screen";
import { DetailSkeleton } from "../../components/skeletons";
import { useProfile } from "../../state/profile";
import "../report-kit/report-kit.css";
import { ChartsSkeleton } from "../report-kit/chart-skeleton";
import { type Period, presetPeriod } from "../report-kit/period";
import { NotAllowed, reportUnits, UnitSelect } from "../report-kit/scope";
import { QrCard } from "./qr-card";
import { SurveyResults } from "./results";

type Span = "year" | "this_month" | "this_quarter";
const SPANS: Record<Span, string> = {
  year: "12 tháng gần đây",
  this_month: "Tháng này",
  this_quarter: "Quý này",
};

function SurveyAdmin() {
  const units = reportUnits(useProfile().data.data, "admin");
  const [communeId, setCommuneId] = useState(units[0]?.unitId ?? 0);
  const [field, setField] = useState<SurveyField>("civil_status");
  const [span, setSpan] = useState<Span>("year");
  if (units.length === 0) return <NotAllowed what="khảo sát hài lòng" />;
  const period: Period | null = span === "year" ? null : presetPeriod(span);
  return (
    <>
      <UnitSelect units={units} value={communeId} onChange={setCommuneId} label="Xã, phường" />
      <h2 className="section-title">Mã QR đặt tại Bộ phận Một cửa</h2>
      <div className="field">
        <label htmlFor="survey-field">Lĩnh vực thủ tục</label>
        <select
          id="survey-field"
          className="input"
          value={field}
          onChange={(e) => setField(e.target.value as SurveyField)}
        >
          {SURVEY_FIELDS.map((f) => (
            <option key={f} value={f}>
              {SURVEY_FIELD_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      <QrCard communeId={communeId} field={field} />
      <h2 className="section-title">Kết quả khảo sát</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Khoảng thời gian</legend>
        {(Object.keys(SPANS) as Span[]).map((s) => (
          <button key={s} type="button" aria-pressed={span === s} onClick={() => setSpan(s)}>
            {SPANS[s]}
          </button>
        ))}
      </fieldset>
      <Suspense fallback={<ChartsSkeleton charts={1} />}>
        <SurveyResults communeId={communeId} period={period} />
      </Suspense>
    </>
  );
}

export default function SurveyAdminPage() {
  return (
    <Screen title="Khảo sát mức độ hài lòng" fallback={<DetailSkeleton />}>
      <SurveyAdmin />
    </Screen>
  );
}
