/**
 * A month's indicators from outside systems: for each, how many of how many (numerator /
 * denominator) and where the figure comes from; the rate is computed as they type.
 */
import type { KpiResponse } from "@cau-noi/shared";
import { KPI_INDICATOR_LABELS, KPI_INDICATORS, type KpiIndicator } from "@cau-noi/shared/domain";
import { type FormEvent, useState } from "react";
import { messageOf } from "../../api/errors";
import { reportsApi } from "../../api/reports-endpoints";
import { Icon } from "../../icons";
import { formatPercent } from "../report-kit/charts";
import { monthLabel } from "../report-kit/period";

interface Row {
  numerator: string;
  denominator: string;
  source: string;
}

type Rows = Record<KpiIndicator, Row>;

const HINTS: Record<KpiIndicator, string> = {
  online_dossier_rate: "Hồ sơ nộp trực tuyến / tổng số hồ sơ (Cổng Dịch vụ công)",
  online_payment_rate: "Hồ sơ thanh toán trực tuyến / hồ sơ có phí, lệ phí",
  vneid_level2_rate: "Người đã kích hoạt định danh mức 2 / người đủ điều kiện",
  e_health_record_rate: "Người có sổ sức khỏe điện tử / dân số",
};

function rowsFrom(items: KpiResponse["items"], month: string): Rows {
  const rows = {} as Rows;
  for (const indicator of KPI_INDICATORS) {
    const found = items.find((i) => i.month === month && i.indicator === indicator);
    rows[indicator] = found
      ? {
          numerator: String(found.numerator),
          denominator: String(found.denominator),
          source: found.source ?? "",
        }
      : { numerator: "", denominator: "", source: "" };
  }
  return rows;
}

const toInt = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/** A row's problem, or null when it is empty or complete and sensible. */
function rowError(row: Row): string | null {
  if (!row.numerator.trim() && !row.denominator.trim()) return null;
  const n = toInt(row.numerator);
  const d = toInt(row.denominator);
  if (Number.isNaN(n) || Number.isNaN(d)) return "Vui lòng nhập cả hai số (số nguyên, không âm).";
  if (d <= 0) return "Mẫu số phải lớn hơn 0.";
  if (n > d) return "Tử số không được lớn hơn mẫu số.";
  return null;
}

export function KpiForm({
  communeId,
  month,
  items,
  onSaved,
}: {
  communeId: number;
  month: string;
  items: KpiResponse["items"];
  onSaved(answer: KpiResponse): void;
}) {
  const [rows, setRows] = useState<Rows>(() => rowsFrom(items, month));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (indicator: KpiIndicator, patch: Partial<Row>) => {
    setRows((r) => ({ ...r, [indicator]: { ...r[indicator], ...patch } }));
    setResult(null);
  };
  const filled = KPI_INDICATORS.filter((k) => rows[k].numerator.trim() || rows[k].denominator.trim());
  const errors = KPI_INDICATORS.map((k) => [k, rowError(rows[k])] as const).filter(([, e]) => e);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (errors.length > 0 || filled.length === 0) {
      setResult({
        ok: false,
        text:
          filled.length === 0
            ? "Vui lòng nhập ít nhất một chỉ tiêu."
            : "Anh/chị vui lòng xem lại các ô được đánh dấu đỏ.",
      });
      return;
    }
    setBusy(true);
    try {
      const answer = await reportsApi.saveKpi({
        communeId,
        month,
        values: filled.map((k) => ({
          indicator: k,
          numerator: toInt(rows[k].numerator),
          denominator: toInt(rows[k].denominator),
          ...(rows[k].source.trim() ? { source: rows[k].source.trim() } : {}),
        })),
      });
      setResult({ ok: true, text: `Đã lưu chỉ tiêu ${monthLabel(month).toLowerCase()}.` });
      onSaved(answer);
    } catch (error) {
      setResult({ ok: false, text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      {KPI_INDICATORS.map((k) => {
        const row = rows[k];
        const error = rowError(row);
        const n = toInt(row.numerator);
        const d = toInt(row.denominator);
        const rate = !error && d > 0 && !Number.isNaN(n) ? n / d : null;
        return (
          <fieldset key={k} className="card field kpi-row" aria-invalid={error ? true : undefined}>
            <legend className="kpi-legend">{KPI_INDICATOR_LABELS[k]}</legend>
            <p className="field-hint">{HINTS[k]}</p>
            <div className="kpi-numbers">
              <div>
                <label htmlFor={`${k}-num`}>Đạt (tử số)</label>
                <input
                  id={`${k}-num`}
                  className={`input${error ? " invalid" : ""}`}
                  inputMode="numeric"
                  value={row.numerator}
                  onChange={(e) => set(k, { numerator: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`${k}-den`}>Tổng số (mẫu số)</label>
                <input
                  id={`${k}-den`}
                  className={`input${error ? " invalid" : ""}`}
                  inputMode="numeric"
                  value={row.denominator}
                  onChange={(e) => set(k, { denominator: e.target.value })}
                />
              </div>
              <output className="kpi-rate" htmlFor={`${k}-num ${k}-den`} aria-live="polite">
                <span className="small muted">Tỷ lệ</span>
                <strong>{formatPercent(rate)}</strong>
              </output>
            </div>
            {error && <p className="field-error">{error}</p>}
            <label htmlFor={`${k}-src`} className="small" style={{ display: "block", marginTop: 8 }}>
              Nguồn số liệu (không bắt buộc)
            </label>
            <input
              id={`${k}-src`}
              className="input"
              placeholder="Ví dụ: Cổng Dịch vụ công tỉnh"
              maxLength={200}
              value={row.source}
              onChange={(e) => set(k, { source: e.target.value })}
            />
          </fieldset>
        );
      })}
      {result && (
        <p className={`banner ${result.ok ? "ok" : "error"}`} role={result.ok ? "status" : "alert"}>
          {result.text}
        </p>
      )}
      <button type="submit" className="btn block" disabled={busy}>
        <Icon name="check" /> {busy ? "Đang lưu…" : `Lưu chỉ tiêu ${monthLabel(month).toLowerCase()}`}
      </button>
    </form>
  );
}
