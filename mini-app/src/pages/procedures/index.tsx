/**
 * "Nộp hồ sơ trực tuyến" (SPEC §2 #4, the Cẩm Phô model): the procedures people file most, by
 * field, with what to bring, fee and processing time, and buttons straight to the provincial
 * and national public-service portals (opened in the phone's browser, where VNeID login works).
 */
import { foldVietnamese } from "@cau-noi/shared/text";
import { useState } from "react";
import { Link } from "react-router-dom";
import { citizenApi, type ProcedureItem } from "../../api/citizen-endpoints";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { useFreshResource } from "../citizen-common/fresh-resource";
import { WithHomeVillage } from "../citizen-common/home-village";
import { ExternalLink, groupBy } from "../citizen-common/pieces";
import "../../styles/citizen.css";

function Procedure({ item }: { item: ProcedureItem }) {
  const bring = item.whatToBring
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    <li>
      <details className="procedure">
        <summary>
          <span className="grow">{item.name}</span>
          <Icon name="forward" className="chevron" />
        </summary>
        <div className="body">
          <div className="qa-label">Cần chuẩn bị</div>
          <ul>
            {bring.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <dl className="kv" style={{ marginBottom: 12 }}>
            {item.fee && (
              <>
                <dt>Lệ phí</dt>
                <dd>{item.fee}</dd>
              </>
            )}
            {item.processingTime && (
              <>
                <dt>Thời gian</dt>
                <dd>{item.processingTime}</dd>
              </>
            )}
          </dl>
          <div className="page-actions">
            {item.provincialPortalUrl && (
              <ExternalLink url={item.provincialPortalUrl} where="browser" className="btn block">
                <Icon name="send" /> Nộp trên Cổng Dịch vụ công tỉnh
              </ExternalLink>
            )}
            <ExternalLink
              url={item.nationalPortalUrl}
              where="browser"
              className={item.provincialPortalUrl ? "btn secondary block" : "btn block"}
            >
              <Icon name="send" /> Cổng Dịch vụ công quốc gia
            </ExternalLink>
          </div>
        </div>
      </details>
    </li>
  );
}

function Procedures({ communeId }: { communeId: number }) {
  const { data } = useFreshResource(`citizen:procedures:${communeId}`, () =>
    citizenApi.procedures(communeId),
  );
  const [query, setQuery] = useState("");
  const words = foldVietnamese(query).split(" ").filter(Boolean);
  const items = data.data.items.filter((p) => {
    const hay = foldVietnamese(`${p.name} ${p.field}`);
    return words.every((w) => hay.includes(w));
  });
  const groups = groupBy(items, (p) => p.field);
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      <p className="page-intro">
        Chọn thủ tục để xem giấy tờ cần chuẩn bị, rồi bấm nút để nộp hồ sơ trên Cổng Dịch vụ công bằng tài
        khoản VNeID.
      </p>
      <label className="field-label" htmlFor="procedure-search">
        Tìm thủ tục
      </label>
      <input
        id="procedure-search"
        className="input"
        type="search"
        autoComplete="off"
        placeholder="Ví dụ: khai sinh"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {data.data.items.length === 0 ? (
        <Empty>Chưa có thủ tục nào được đăng. Anh/chị vui lòng quay lại sau.</Empty>
      ) : groups.length === 0 ? (
        <p className="lead muted" role="status">
          Không tìm thấy thủ tục nào khớp với “{query}”.
        </p>
      ) : (
        groups.map(([field, list]) => (
          <section key={field} className="section" aria-label={field}>
            <h2 className="section-title">{field}</h2>
            <ul className="list">
              {list.map((item) => (
                <Procedure key={item.id} item={item} />
              ))}
            </ul>
          </section>
        ))
      )}
      <section className="section card">
        <strong>Chưa biết cách nộp, chưa có tài khoản VNeID?</strong>
        <p style={{ margin: "6px 0 10px" }}>Tổ công nghệ số của thôn sẽ giúp anh/chị, không mất phí.</p>
        <Link to="/help" className="btn accent block">
          Nhờ Tổ công nghệ giúp
        </Link>
      </section>
    </>
  );
}

export default function ProceduresPage() {
  return (
    <Screen title="Nộp hồ sơ trực tuyến">
      <WithHomeVillage>{(village) => <Procedures communeId={village.communeId} />}</WithHomeVillage>
    </Screen>
  );
}
