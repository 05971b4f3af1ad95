/**
 * "Văn bản mới" (SPEC §2 #2): the commune's newly issued documents with number, date, issuing
 * body and summary; the full text opens when the commune attached a link.
 */
import { citizenApi, type DocumentItem } from "../../api/citizen-endpoints";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { inSentence } from "../citizen-common/format";
import { WithHomeVillage } from "../citizen-common/home-village";
import { PagedList } from "../citizen-common/paged-list";
import { ExternalLink } from "../citizen-common/pieces";
import "../../styles/citizen.css";
import { formatDate } from "../../lib/dates";

function DocumentCard({ doc }: { doc: DocumentItem }) {
  return (
    <li className="item-card">
      <div className="meta">
        <span className="tag">Số {doc.number}</span>
        <span>Ngày {formatDate(doc.issuedDate)}</span>
      </div>
      <h3>{doc.title}</h3>
      {doc.summary && <p>{doc.summary}</p>}
      <div className="meta">Cơ quan ban hành: {doc.issuer}</div>
      {doc.url ? (
        <ExternalLink url={doc.url} where="in-app">
          <Icon name="document" /> Xem toàn văn
        </ExternalLink>
      ) : (
        <p className="small muted">Toàn văn xem tại Bộ phận Một cửa hoặc trang thông tin điện tử của xã.</p>
      )}
    </li>
  );
}

export default function DocumentsPage() {
  return (
    <Screen title="Văn bản mới">
      <WithHomeVillage>
        {(village) => (
          <PagedList
            key={village.communeId}
            resourceKey={`citizen:documents:${village.communeId}`}
            load={(before) => citizenApi.documents(village.communeId, before)}
            empty="Chưa có văn bản mới. Anh/chị vui lòng quay lại sau."
          >
            {(items) => (
              <>
                <p className="page-intro">Văn bản mới ban hành của {inSentence(village.communeName)}.</p>
                <ul className="list">
                  {items.map((doc) => (
                    <DocumentCard key={doc.id} doc={doc} />
                  ))}
                </ul>
              </>
            )}
          </PagedList>
        )}
      </WithHomeVillage>
    </Screen>
  );
}
