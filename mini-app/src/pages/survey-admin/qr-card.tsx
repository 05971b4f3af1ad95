/**
 * The one-stop desk's QR for a procedure field: the image (PNG from the server), its PNG and
 * the printable A4 poster (PDF) to download, and the link it opens.
 */
import { SURVEY_FIELD_LABELS, type SurveyField } from "@cau-noi/shared/domain";
import { reportsApi } from "../../api/reports-endpoints";
import { DownloadLink, exportUrl } from "../report-kit/download";

export function QrCard({ communeId, field }: { communeId: number; field: SurveyField }) {
  const label = SURVEY_FIELD_LABELS[field];
  const appId = typeof window === "undefined" ? undefined : window.APP_ID;
  return (
    <section className="card qr-card" aria-label={`Mã QR lĩnh vực ${label}`}>
      <img
        className="qr-image"
        src={exportUrl(reportsApi.surveyQrPath(communeId, field))}
        alt={`Mã QR khảo sát mức độ hài lòng, lĩnh vực ${label}`}
        width={220}
        height={220}
      />
      <p className="small muted qr-caption">
        Người dân quét mã bằng Zalo tại Bộ phận Một cửa để đánh giá lĩnh vực <strong>{label}</strong>.
        {appId && (
          <>
            {" "}
            Mã mở:{" "}
            <span className="qr-link">{`https://zalo.me/s/${appId}/survey?commune=${communeId}&field=${field}`}</span>
          </>
        )}
      </p>
      <div className="download-list">
        <DownloadLink path={reportsApi.surveyQrPath(communeId, field)} fileName={`qr-khao-sat-${field}.png`}>
          Tải ảnh mã QR (PNG)
        </DownloadLink>
        <DownloadLink
          path={reportsApi.surveyPosterPath(communeId, field)}
          fileName={`poster-khao-sat-${field}.pdf`}
        >
          Tải áp phích để in (PDF, khổ A4)
        </DownloadLink>
      </div>
    </section>
  );
}
