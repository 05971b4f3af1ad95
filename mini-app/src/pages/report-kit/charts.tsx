/**
 * Small charts drawn with CSS and inline SVG (no chart library: the bundle stays small). Each
 * chart is a <figure> whose drawing is hidden from screen readers and comes with the same figures
 * as a table ("Xem dạng bảng"), open by default in large-text mode where bars say less.
 */
import type { ReactNode } from "react";
import { useSettings } from "../../state/settings";

export interface Datum {
  label: string;
  value: number;
  /** Shown instead of the number (e.g. "85%", "2,5 giờ"). */
  display?: string;
}

export interface Series {
  label: string;
  color: string;
}

const nf = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
export const formatNumber = (n: number) => nf.format(n);
export const formatPercent = (share: number | null | undefined) =>
  share === null || share === undefined ? "–" : `${nf.format(share * 100)}%`;

/** Hours as Vietnamese readers say them: "45 phút", "3,5 giờ", "2,1 ngày". */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return "–";
  if (hours < 1) return `${Math.round(hours * 60)} phút`;
  if (hours < 48) return `${nf.format(hours)} giờ`;
  return `${nf.format(hours / 24)} ngày`;
}

function ChartFigure({
  title,
  caption,
  table,
  children,
  empty,
}: {
  title: string;
  caption?: ReactNode;
  table: ReactNode;
  children: ReactNode;
  empty: boolean;
}) {
  const { largeText } = useSettings();
  return (
    <figure className="chart card">
      <figcaption className="chart-title">{title}</figcaption>
      {caption && <p className="small muted chart-caption">{caption}</p>}
      {empty ? (
        <p className="muted chart-empty">Chưa có số liệu trong kỳ này.</p>
      ) : (
        <>
          <div aria-hidden="true">{children}</div>
          <details className="chart-table" open={largeText}>
            <summary>Xem dạng bảng</summary>
            {table}
          </details>
        </>
      )}
    </figure>
  );
}

/** Figures align right; words (a field, a reason) align left. */
const numeric = (cell: string | number) => typeof cell === "number" || /^[\d.,%/\s–-]*$|\/5$/.test(cell);

export function DataTable({
  head,
  rows,
  foot,
  caption,
}: {
  head: string[];
  rows: Array<Array<string | number>>;
  foot?: Array<string | number>;
  caption?: string;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their order
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={j} className={numeric(cell) ? undefined : "text"}>
                    {typeof cell === "number" ? formatNumber(cell) : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot && (
          <tfoot>
            <tr>
              {foot.map((cell, j) =>
                j === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={j} className={numeric(cell) ? undefined : "text"}>
                    {typeof cell === "number" ? formatNumber(cell) : cell}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Horizontal bars (labels above each bar, so long village names and large text fit a phone). */
export function BarChart({
  title,
  caption,
  data,
  valueLabel = "Số lượng",
  color = "var(--primary)",
  max,
}: {
  title: string;
  caption?: ReactNode;
  data: readonly Datum[];
  valueLabel?: string;
  color?: string;
  /** Full bar width (default: the largest value). */
  max?: number;
}) {
  const top = max ?? Math.max(0, ...data.map((d) => d.value));
  return (
    <ChartFigure
      title={title}
      caption={caption}
      empty={data.length === 0}
      table={<DataTable head={["", valueLabel]} rows={data.map((d) => [d.label, d.display ?? d.value])} />}
    >
      <ul className="bars">
        {data.map((d) => (
          <li key={d.label}>
            <div className="bar-label">
              <span>{d.label}</span>
              <strong>{d.display ?? formatNumber(d.value)}</strong>
            </div>
            <div className="bar-track">
              <div
                className="bar-fill"
                style={{ width: `${top > 0 ? (d.value / top) * 100 : 0}%`, background: color }}
              />
            </div>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}

export interface StackedRow {
  label: string;
  /** One value per series, in the order of `series`. */
  values: readonly number[];
}

/** One bar per row split by series (e.g. requests of each village by status), with a legend. */
export function StackedBarChart({
  title,
  caption,
  series,
  rows,
}: {
  title: string;
  caption?: ReactNode;
  series: readonly Series[];
  rows: readonly StackedRow[];
}) {
  const totals = rows.map((r) => r.values.reduce((a, b) => a + b, 0));
  const top = Math.max(0, ...totals);
  return (
    <ChartFigure
      title={title}
      caption={caption}
      empty={top === 0}
      table={
        <DataTable
          head={["", ...series.map((s) => s.label), "Tổng"]}
          rows={rows.map((r, i) => [r.label, ...r.values, totals[i] ?? 0])}
        />
      }
    >
      <Legend series={series} />
      <ul className="bars">
        {rows.map((r, i) => (
          <li key={r.label}>
            <div className="bar-label">
              <span>{r.label}</span>
              <strong>{formatNumber(totals[i] ?? 0)}</strong>
            </div>
            <div
              className="bar-track stacked"
              style={{ width: `${top > 0 ? ((totals[i] ?? 0) / top) * 100 : 0}%` }}
            >
              {r.values.map((v, j) =>
                v > 0 ? (
                  <div
                    key={series[j]?.label ?? j}
                    className="bar-fill"
                    style={{ flexGrow: v, background: series[j]?.color }}
                  />
                ) : null,
              )}
            </div>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}

function Legend({ series }: { series: readonly Series[] }) {
  return (
    <ul className="legend">
      {series.map((s) => (
        <li key={s.label}>
          <span className="swatch" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** A simple line over time (SVG, scaled to the card's width), first and last labels below. */
export function LineChart({
  title,
  caption,
  data,
  valueLabel = "Số lượng",
  color = "var(--primary)",
}: {
  title: string;
  caption?: ReactNode;
  data: readonly Datum[];
  valueLabel?: string;
  color?: string;
}) {
  const w = 300;
  const h = 110;
  const top = Math.max(1, ...data.map((d) => d.value));
  const step = data.length > 1 ? w / (data.length - 1) : 0;
  const points = data.map(
    (d, i) =>
      `${(data.length > 1 ? i * step : w / 2).toFixed(1)},${(h - (d.value / top) * (h - 8) - 4).toFixed(1)}`,
  );
  const first = data[0];
  const last = data[data.length - 1];
  const total = data.reduce((a, d) => a + d.value, 0);
  return (
    <ChartFigure
      title={title}
      caption={
        caption ??
        `Tổng: ${formatNumber(total)} · cao nhất: ${formatNumber(Math.max(0, ...data.map((d) => d.value)))}`
      }
      empty={data.every((d) => d.value === 0)}
      table={<DataTable head={["", valueLabel]} rows={data.map((d) => [d.label, d.display ?? d.value])} />}
    >
      <div className="line-chart">
        <span className="line-top small muted">{formatNumber(top)}</span>
        <svg
          viewBox={`0 0 ${w} ${h}`}
          preserveAspectRatio="none"
          className="line-svg"
          aria-hidden="true"
          focusable="false"
        >
          <line x1="0" y1={h - 1} x2={w} y2={h - 1} className="axis" />
          <polygon points={`0,${h} ${points.join(" ")} ${w},${h}`} fill={color} opacity="0.12" />
          <polyline
            points={points.join(" ")}
            fill="none"
            stroke={color}
            strokeWidth="2.5"
            vectorEffect="non-scaling-stroke"
          />
        </svg>
        <div className="row-between small muted">
          <span>{first?.label}</span>
          <span>{last?.label}</span>
        </div>
      </div>
    </ChartFigure>
  );
}

/** A share as a thick bar with its percentage (on-time share, a KPI rate, progress to a target). */
export function Meter({
  label,
  share,
  detail,
  target,
}: {
  label: ReactNode;
  /** 0…1, or null when nothing was counted. */
  share: number | null;
  detail?: ReactNode;
  /** A goal line, 0…1. */
  target?: number;
}) {
  const pct = share === null ? 0 : Math.max(0, Math.min(1, share)) * 100;
  const tone =
    share === null
      ? ""
      : share >= (target ?? 0.8)
        ? " good"
        : share >= (target ?? 0.8) * 0.6
          ? " fair"
          : " low";
  return (
    <div className="meter">
      <div className="bar-label">
        <span>{label}</span>
        <strong>{formatPercent(share)}</strong>
      </div>
      {/* The percentage is in the label above: the bar itself is only a picture of it. */}
      <div className={`meter-track${tone}`} aria-hidden="true">
        <div className="meter-fill" style={{ width: `${pct}%` }} />
        {target !== undefined && <div className="meter-target" style={{ left: `${target * 100}%` }} />}
      </div>
      {detail && <p className="small muted meter-detail">{detail}</p>}
    </div>
  );
}

/** A row of big numbers (total, open, overdue…), each a labelled figure. */
export function Figures({
  items,
}: {
  items: ReadonlyArray<{ label: string; value: ReactNode; tone?: "warn" | "ok"; name?: string }>;
}) {
  return (
    <dl className="figures">
      {items.map((it) => (
        <div key={it.label} className={`figure${it.tone ? ` ${it.tone}` : ""}`}>
          <dt>{it.label}</dt>
          <dd data-figure={it.name}>{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}
