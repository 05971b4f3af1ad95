/** The report's files: XLSX and CSV of the report, the province table (Phụ lục I) and the funding sheet. */
import type { PeriodQuery } from "../../api/reports-endpoints";
import { reportsApi } from "../../api/reports-endpoints";
import { DownloadLink } from "../report-kit/download";

function fileStem(q: PeriodQuery, code: string) {
  return `${code}-${q.from}-${q.to}`;
}

export function Downloads({
  query,
  unitCode,
  showFunding,
}: {
  query: PeriodQuery;
  unitCode: string;
  showFunding: boolean;
}) {
  const stem = fileStem(query, unitCode);
  return (
    <section className="section" aria-labelledby="downloads-title">
      <h2 id="downloads-title" className="section-title">
        Tải tệp báo cáo
      </h2>
      <div className="download-list">
        <DownloadLink path={reportsApi.exportPath(query, "xlsx", "report")} fileName={`bao-cao-${stem}.xlsx`}>
          Báo cáo (Excel)
        </DownloadLink>
        <DownloadLink path={reportsApi.exportPath(query, "csv", "report")} fileName={`bao-cao-${stem}.csv`}>
          Báo cáo (CSV)
        </DownloadLink>
        <DownloadLink
          path={reportsApi.exportPath(query, "xlsx", "province")}
          fileName={`phu-luc-to-cnscd-${stem}.xlsx`}
        >
          Bảng tổ, thôn và thành viên (Phụ lục I)
        </DownloadLink>
        {showFunding && (
          <DownloadLink
            path={reportsApi.exportPath(query, "xlsx", "funding")}
            fileName={`kinh-phi-${stem}.xlsx`}
          >
            Bảng đề nghị hỗ trợ kinh phí các tổ
          </DownloadLink>
        )}
      </div>
    </section>
  );
}
