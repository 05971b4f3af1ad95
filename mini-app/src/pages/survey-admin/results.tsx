/** Survey results of a commune: overall, by field, by month, and the latest comments (no one's identity). */
import { SURVEY_FIELD_LABELS } from "@cau-noi/shared/domain";
import { reportsApi } from "../../api/reports-endpoints";
import { useResource } from "../../api/resource";
import { BarChart, DataTable, Figures, formatNumber } from "../report-kit/charts";
import { monthLabel, type Period, viDate } from "../report-kit/period";
import { StaleNote } from "../report-kit/stale-note";

const avg = (n: number | null) => (n === null ? "–" : `${formatNumber(n)}/5`);

export function SurveyResults({ communeId, period }: { communeId: number; period: Period | null }) {
  const { data: cached } = useResource(
    `survey-results:${communeId}:${period?.from ?? ""}:${period?.to ?? ""}`,
    () => reportsApi.surveyResults(communeId, period?.from, period?.to),
  );
  const r = cached.data;
  const fields = r.byField.filter((f) => f.count > 0);
  return (
    <div className="survey-results">
      <StaleNote cached={cached} />
      <p className="small muted">
        Từ {viDate(r.from)} đến {viDate(r.to)}
      </p>
      <Figures
        items={[
          { label: "Lượt đánh giá", value: formatNumber(r.total.count), name: "survey.count" },
          { label: "Điểm trung bình", value: avg(r.total.average), name: "survey.average" },
        ]}
      />
      <BarChart
        title="Điểm trung bình theo lĩnh vực"
        data={fields.map((f) => ({
          label: SURVEY_FIELD_LABELS[f.field],
          value: f.average ?? 0,
          display: `${avg(f.average)} (${formatNumber(f.count)} lượt)`,
        }))}
        valueLabel="Điểm trung bình"
        max={5}
        color="#d08700"
      />
      {r.byMonth.length > 0 && (
        <section className="card report-section" aria-label="Theo tháng">
          <h3>Theo tháng</h3>
          <DataTable
            head={["Tháng", "Lĩnh vực", "Lượt", "Trung bình"]}
            rows={r.byMonth
              .filter((m) => m.count > 0)
              .map((m) => [monthLabel(m.month), SURVEY_FIELD_LABELS[m.field], m.count, avg(m.average)])}
          />
        </section>
      )}
      {r.comments.length > 0 && (
        <section className="card report-section" aria-label="Góp ý của người dân">
          <h3>Góp ý gần đây</h3>
          <ul className="list survey-comments">
            {r.comments.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id (answers stay anonymous)
              <li key={i} className="list-item">
                <div className="small muted">
                  {SURVEY_FIELD_LABELS[c.field]} · {c.rating} sao · {viDate(c.createdAt.slice(0, 10))}
                </div>
                <div>{c.comment}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
