/** The indicators of the last twelve months, one row per month; a tap on a month opens it in the form. */
import type { KpiResponse } from "@cau-noi/shared";
import { KPI_INDICATORS } from "@cau-noi/shared/domain";
import { formatPercent } from "../report-kit/charts";
import { monthLabel } from "../report-kit/period";

const SHORT: Record<(typeof KPI_INDICATORS)[number], string> = {
  online_dossier_rate: "Hồ sơ TT",
  online_payment_rate: "Thanh toán TT",
  vneid_level2_rate: "VNeID mức 2",
  e_health_record_rate: "Sổ SKĐT",
};

export function KpiHistory({ items, onPick }: { items: KpiResponse["items"]; onPick(month: string): void }) {
  const months = [...new Set(items.map((i) => i.month))].sort().reverse();
  if (months.length === 0) return <p className="muted">Chưa nhập tháng nào.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Chỉ tiêu các tháng đã nhập</caption>
        <thead>
          <tr>
            <th scope="col">Tháng</th>
            {KPI_INDICATORS.map((k) => (
              <th key={k} scope="col">
                {SHORT[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m}>
              <th scope="row">
                <button type="button" className="btn link" onClick={() => onPick(m)}>
                  {monthLabel(m)}
                </button>
              </th>
              {KPI_INDICATORS.map((k) => {
                const v = items.find((i) => i.month === m && i.indicator === k);
                return (
                  <td key={k} title={v ? `${v.numerator}/${v.denominator}` : undefined}>
                    {v ? formatPercent(v.rate) : "–"}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
