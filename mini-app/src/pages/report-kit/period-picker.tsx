/**
 * Choosing a period: quick presets (this month, last month, this quarter), a month or a quarter
 * from a list, or a custom date range checked before it is used.
 */
import { useState } from "react";
import {
  monthLabel,
  monthPeriod,
  type Period,
  periodLabel,
  presetPeriod,
  quarterPeriod,
  recentMonths,
  thisMonth,
  todayInVietnam,
  validPeriod,
} from "./period";

export type PickerMode = "this_month" | "last_month" | "this_quarter" | "month" | "quarter" | "custom";

const MODE_LABELS: Record<PickerMode, string> = {
  this_month: "Tháng này",
  last_month: "Tháng trước",
  this_quarter: "Quý này",
  month: "Tháng",
  quarter: "Quý",
  custom: "Khoảng ngày",
};

export const DASHBOARD_MODES: readonly PickerMode[] = ["this_month", "last_month", "this_quarter", "custom"];
export const REPORT_MODES: readonly PickerMode[] = ["month", "quarter", "custom"];

function recentQuarters(count: number): Array<{ key: string; period: Period; label: string }> {
  const { y, m } = todayInVietnam();
  const index = y * 4 + Math.ceil(m / 3) - 1;
  return Array.from({ length: count }, (_, i) => {
    const qy = Math.floor((index - i) / 4);
    const q = ((index - i) % 4) + 1;
    const period = quarterPeriod(qy, q);
    return { key: `${qy}-Q${q}`, period, label: periodLabel(period) };
  });
}

export function PeriodPicker({
  modes,
  value,
  onChange,
}: {
  modes: readonly PickerMode[];
  value: Period;
  onChange(period: Period): void;
}) {
  const [mode, setMode] = useState<PickerMode>(modes[0] ?? "this_month");
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const [error, setError] = useState<string | null>(null);
  const months = recentMonths(thisMonth(), 12);
  const quarters = recentQuarters(6);

  const choose = (next: PickerMode) => {
    setMode(next);
    setError(null);
    if (next === "this_month" || next === "last_month" || next === "this_quarter")
      onChange(presetPeriod(next));
    if (next === "month") onChange(presetPeriod("this_month"));
    if (next === "quarter") onChange(presetPeriod("this_quarter"));
  };
  const applyRange = () => {
    const range = { from, to };
    if (!validPeriod(range)) {
      setError("Anh/chị vui lòng chọn ngày bắt đầu không sau ngày kết thúc.");
      return;
    }
    setError(null);
    onChange(range);
  };

  return (
    <div className="period-picker">
      <fieldset className="segmented">
        <legend className="visually-hidden">Chọn kỳ</legend>
        {modes.map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} onClick={() => choose(m)}>
            {MODE_LABELS[m]}
          </button>
        ))}
      </fieldset>
      {mode === "month" && (
        <div className="field">
          <label htmlFor="period-month">Tháng</label>
          <select
            id="period-month"
            className="input"
            value={value.from.slice(0, 7)}
            onChange={(e) => {
              const [y = 0, m = 1] = e.target.value.split("-").map(Number);
              onChange(monthPeriod(y, m));
            }}
          >
            {months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m)}
              </option>
            ))}
          </select>
        </div>
      )}
      {mode === "quarter" && (
        <div className="field">
          <label htmlFor="period-quarter">Quý</label>
          <select
            id="period-quarter"
            className="input"
            value={quarters.find((q) => q.period.from === value.from)?.key ?? quarters[0]?.key}
            onChange={(e) => {
              const found = quarters.find((q) => q.key === e.target.value);
              if (found) onChange(found.period);
            }}
          >
            {quarters.map((q) => (
              <option key={q.key} value={q.key}>
                {q.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {mode === "custom" && (
        <div className="range">
          <div className="field">
            <label htmlFor="period-from">Từ ngày</label>
            <input
              id="period-from"
              className="input"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="period-to">Đến ngày</label>
            <input
              id="period-to"
              className="input"
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </div>
          <button type="button" className="btn secondary" onClick={applyRange}>
            Xem kỳ này
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="period-now" aria-live="polite">
        Kỳ: {periodLabel(value)}
      </p>
    </div>
  );
}
