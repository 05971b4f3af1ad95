/** Setting a team's target for a period (PUT /api/admin/targets: the same team, period and metric replaces it). */
import { TARGET_METRIC_LABELS, TARGET_METRICS, type TargetMetric } from "@cau-noi/shared/domain";
import { type FormEvent, useState } from "react";
import { messageOf } from "../../api/errors";
import { reportsApi } from "../../api/reports-endpoints";
import { Icon } from "../../icons";
import { type Period, presetPeriod } from "../report-kit/period";
import { PeriodPicker, type PickerMode } from "../report-kit/period-picker";

const MODES: readonly PickerMode[] = ["this_month", "this_quarter", "custom"];

export interface TeamChoice {
  teamId: number;
  name: string;
}

export function TargetForm({ teams, onSaved }: { teams: readonly TeamChoice[]; onSaved(): void }) {
  const [teamId, setTeamId] = useState(teams[0]?.teamId ?? 0);
  const [metric, setMetric] = useState<TargetMetric>("requests_resolved");
  const [period, setPeriod] = useState<Period>(() => presetPeriod("this_month"));
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!teamId) return setResult({ ok: false, text: "Vui lòng chọn tổ." });
    if (!(target > 0)) return setResult({ ok: false, text: "Chỉ tiêu phải là số nguyên lớn hơn 0." });
    setBusy(true);
    setResult(null);
    try {
      await reportsApi.saveTarget({ teamId, metric, periodFrom: period.from, periodTo: period.to, target });
      setResult({ ok: true, text: "Đã giao chỉ tiêu." });
      setValue("");
      onSaved();
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  if (teams.length === 0) return <p className="muted">Xã chưa có tổ nào để giao chỉ tiêu.</p>;
  return (
    <form className="card" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="target-team">Tổ</label>
        <select
          id="target-team"
          className="input"
          value={teamId}
          onChange={(e) => setTeamId(Number(e.target.value))}
        >
          {teams.map((t) => (
            <option key={t.teamId} value={t.teamId}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="target-metric">Chỉ tiêu</label>
        <select
          id="target-metric"
          className="input"
          value={metric}
          onChange={(e) => setMetric(e.target.value as TargetMetric)}
        >
          {TARGET_METRICS.map((m) => (
            <option key={m} value={m}>
              {TARGET_METRIC_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      <span className="field-label">Thời gian</span>
      <PeriodPicker modes={MODES} value={period} onChange={setPeriod} />
      <div className="field">
        <label htmlFor="target-value">Mức chỉ tiêu (số lượng)</label>
        <input
          id="target-value"
          className="input"
          inputMode="numeric"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setResult(null);
          }}
        />
      </div>
      {result && (
        <p className={`banner ${result.ok ? "ok" : "error"}`} role={result.ok ? "status" : "alert"}>
          {result.text}
        </p>
      )}
      <button type="submit" className="btn block" disabled={busy}>
        <Icon name="check" /> {busy ? "Đang lưu…" : "Giao chỉ tiêu"}
      </button>
    </form>
  );
}
