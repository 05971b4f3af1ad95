/**
 * "Phản ánh hiện trường" (SPEC §2 #3, the Cẩm Phô model): every public report of the commune
 * with its status, photos and the commune's answer under it, so residents can follow what was
 * done. The reporter's identity is never shown (the public API does not carry it).
 */
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { citizenApi, type PublicFieldReport } from "../../api/citizen-endpoints";
import { categoryLabel, StatusBadge } from "../../components/request-bits";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { inSentence } from "../citizen-common/format";
import { WithHomeVillage } from "../citizen-common/home-village";
import { PagedList } from "../citizen-common/paged-list";
import { takeSent } from "./sent-flash";
import "../../styles/citizen.css";
import { formatDate } from "../../lib/dates";

function ReportCard({ report, communeName }: { report: PublicFieldReport; communeName: string }) {
  return (
    <li className="item-card" data-report-id={report.id}>
      <div className="item-head">
        <div className="grow">
          <div className="qa-label">{categoryLabel(report.category)}</div>
          <div className="meta" style={{ margin: 0 }}>
            <span>Số {report.id}</span>
            <span>{report.villageName}</span>
            <span>{formatDate(report.createdAt)}</span>
          </div>
        </div>
        <StatusBadge status={report.status} />
      </div>
      <p style={{ whiteSpace: "pre-line" }}>{report.text}</p>
      {report.placeText && <div className="meta">Nơi xảy ra: {report.placeText}</div>}
      {report.photoUrls.length > 0 && (
        <div className="photo-strip">
          {report.photoUrls.map((url, i) => (
            <a key={url} href={url} target="_blank" rel="noopener noreferrer" aria-label={`Xem ảnh ${i + 1}`}>
              <img src={url} alt={`Ảnh hiện trường ${i + 1}`} loading="lazy" />
            </a>
          ))}
        </div>
      )}
      {report.answer ? (
        <div className="answer-box">
          <span className="who">
            Kết quả xử lý của UBND {communeName}
            {report.answeredAt ? ` (${formatDate(report.answeredAt)})` : ""}
          </span>
          <p>{report.answer}</p>
        </div>
      ) : (
        <p className="waiting-line">Đang chờ UBND xem xét, xử lý.</p>
      )}
    </li>
  );
}

function SentBanner({ id }: { id: number }) {
  return (
    <div className="banner ok" role="status">
      <Icon name="check" />
      <div className="grow">
        <strong>Đã gửi phản ánh số {id}.</strong> Cảm ơn anh/chị. Kết quả xử lý sẽ hiện ngay dưới phản ánh;
        anh/chị cũng theo dõi được ở mục “Của tôi”.
      </div>
    </div>
  );
}

export default function FieldReportsPage() {
  const [params] = useSearchParams();
  const fromUrl = Number(params.get("sent"));
  const [sent] = useState(() => takeSent() ?? (Number.isInteger(fromUrl) && fromUrl > 0 ? fromUrl : null));
  return (
    <Screen title="Phản ánh hiện trường">
      {sent !== null && <SentBanner id={sent} />}
      <div className="page-actions">
        <Link to="/field-reports/new" state={{ fromList: true }} className="btn accent block">
          <Icon name="report" /> Gửi phản ánh
        </Link>
      </div>
      <WithHomeVillage>
        {(village) => (
          <PagedList
            key={village.communeId}
            resourceKey={`citizen:field-reports:${village.communeId}`}
            load={(before) => citizenApi.fieldReports(village.communeId, before)}
            empty="Chưa có phản ánh nào. Khi thấy đường hư, rác thải, mất trật tự…, anh/chị bấm “Gửi phản ánh”."
          >
            {(items) => (
              <section className="section" aria-labelledby="reports-title">
                <h2 id="reports-title" className="section-title">
                  Phản ánh của bà con và kết quả xử lý
                </h2>
                <ul className="list">
                  {items.map((report) => (
                    <ReportCard
                      key={report.id}
                      report={report}
                      communeName={inSentence(village.communeName)}
                    />
                  ))}
                </ul>
              </section>
            )}
          </PagedList>
        )}
      </WithHomeVillage>
    </Screen>
  );
}
