/**
 * The dashboard's charts for one unit and period (GET /api/dashboard/charts), plus the on-time
 * share from the period's report. Shared by the admin dashboard and the viewers' /reports page:
 * viewers get the same aggregates, which never name a person.
 */
import { REQUEST_STATUS_LABELS, REQUEST_STATUSES, type RequestStatus } from "@cau-noi/shared/domain";
import type { PeriodQuery } from "../../api/reports-endpoints";
import {
  BarChart,
  type Datum,
  Figures,
  formatHours,
  formatNumber,
  LineChart,
  Meter,
  StackedBarChart,
} from "../report-kit/charts";
import { useCharts, useReport } from "../report-kit/hooks";
import { viDate } from "../report-kit/period";
import { StaleNote } from "../report-kit/stale-note";

const STATUS_COLORS: Record<RequestStatus, string> = {
  new: "#c2410c",
  claimed: "#0b5ed7",
  in_progress: "#5b4bc4",
  escalated: "#b42318",
  resolved: "#16794c",
  closed: "#6b7280",
};

function shortDate(iso: string) {
  return viDate(iso).slice(0, 5);
}

export function DashboardCharts({ query }: { query: PeriodQuery }) {
  const { data: cached } = useCharts(query);
  const { data: reportCached } = useReport(query);
  const charts = cached.data;
  const report = reportCached.data;
  const req = report.requests;
  const overTime: Datum[] = charts.requestsOverTime.map((p) => ({
    label: charts.bucket === "day" ? shortDate(p.start) : `Tuần từ ${shortDate(p.start)}`,
    value: p.created,
  }));
  const resolvedOverTime: Datum[] = charts.requestsOverTime.map((p) => ({
    label: charts.bucket === "day" ? shortDate(p.start) : `Tuần từ ${shortDate(p.start)}`,
    value: p.resolved,
  }));
  const statusSeries = REQUEST_STATUSES.map((s) => ({
    label: REQUEST_STATUS_LABELS[s],
    color: STATUS_COLORS[s],
  }));
  const unitRows = charts.byUnitStatus.map((u) => ({
    label: u.unit.name,
    values: REQUEST_STATUSES.map((s) => u.byStatus.find((b) => b.status === s)?.count ?? 0),
  }));
  // Only the statuses that occur: a legend of six colours for two bars helps nobody.
  const used = REQUEST_STATUSES.map((_, i) => unitRows.some((r) => (r.values[i] ?? 0) > 0));
  const childWord = charts.unit.level === "commune" ? "thôn, khối phố" : "đơn vị";
  return (
    <div className="dashboard-charts">
      <StaleNote cached={cached} />
      <Figures
        items={[
          { label: "Yêu cầu mới", value: formatNumber(req.created) },
          { label: "Đã xử lý xong", value: formatNumber(req.resolved), tone: "ok" },
          {
            label: "Còn cần xử lý",
            value: formatNumber(req.stillOpen),
            tone: req.stillOpen > 0 ? "warn" : undefined,
          },
          {
            label: "Hài lòng (TB)",
            value: charts.ratings.average === null ? "–" : `${formatNumber(charts.ratings.average)}/5`,
          },
        ]}
      />
      <div className="card chart">
        <p className="chart-title">Xử lý đúng hạn</p>
        <Meter
          label="Tỷ lệ xử lý xong đúng hạn"
          share={req.onTime.share}
          target={0.8}
          detail={`${formatNumber(req.onTime.onTime)}/${formatNumber(req.onTime.resolved)} yêu cầu xử lý xong trong hạn · vạch đen: mục tiêu 80%`}
        />
      </div>
      <LineChart title="Yêu cầu mới theo thời gian" data={overTime} valueLabel="Yêu cầu mới" />
      <LineChart
        title="Yêu cầu xử lý xong theo thời gian"
        data={resolvedOverTime}
        valueLabel="Đã xử lý xong"
        color="var(--ok)"
      />
      <StackedBarChart
        title={`Yêu cầu theo ${childWord} và trạng thái`}
        caption="Yêu cầu gửi trong kỳ, theo trạng thái hiện nay"
        series={statusSeries.filter((_, i) => used[i])}
        rows={unitRows.map((r) => ({ label: r.label, values: r.values.filter((_, i) => used[i]) }))}
      />
      <BarChart
        title="Yêu cầu theo nội dung"
        data={charts.byCategory.map((c) => ({ label: c.label, value: c.count }))}
        color="#5b4bc4"
      />
      <DurationChart title="Thời gian đến khi có người nhận" histogram={charts.timeToClaim} />
      <DurationChart
        title="Thời gian đến khi xử lý xong"
        histogram={charts.timeToResolve}
        color="var(--ok)"
      />
      <BarChart
        title="Đánh giá của người dân"
        caption={
          charts.ratings.count === 0
            ? undefined
            : `${formatNumber(charts.ratings.count)} lượt đánh giá · trung bình ${formatNumber(charts.ratings.average ?? 0)}/5 sao`
        }
        data={
          charts.ratings.count === 0
            ? []
            : [...charts.ratings.distribution]
                .reverse()
                .map((d) => ({ label: `${d.rating} sao`, value: d.count }))
        }
        valueLabel="Lượt đánh giá"
        color="#d08700"
      />
      <BarChart
        title="Hoạt động của các tổ theo tháng"
        caption={`${formatNumber(report.activities.count)} buổi · ${formatNumber(report.activities.residentsReached)} lượt người dân được tiếp cận`}
        data={
          charts.activitiesPerMonth.every((m) => m.count === 0)
            ? []
            : charts.activitiesPerMonth.map((m) => ({
                label: `Tháng ${Number(m.month.slice(5))}/${m.month.slice(0, 4)}`,
                value: m.count,
                display: `${formatNumber(m.count)} buổi, ${formatNumber(m.residentsReached)} người`,
              }))
        }
        valueLabel="Buổi hoạt động"
        color="#0c7a6b"
      />
    </div>
  );
}

function DurationChart({
  title,
  histogram,
  color,
}: {
  title: string;
  histogram: {
    medianHours: number | null;
    p90Hours: number | null;
    buckets: Array<{ label: string; count: number }>;
  };
  color?: string;
}) {
  const total = histogram.buckets.reduce((a, b) => a + b.count, 0);
  return (
    <BarChart
      title={title}
      caption={
        total === 0
          ? undefined
          : `Một nửa số yêu cầu: trong ${formatHours(histogram.medianHours)} · 9/10 yêu cầu: trong ${formatHours(histogram.p90Hours)}`
      }
      data={total === 0 ? [] : histogram.buckets.map((b) => ({ label: b.label, value: b.count }))}
      valueLabel="Số yêu cầu"
      color={color}
    />
  );
}
