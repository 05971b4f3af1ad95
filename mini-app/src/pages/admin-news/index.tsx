/**
 * Publishing: news and events, and new documents of the commune. Add, edit and delete right in
 * the list; what is saved shows at once on the residents' "Tin tức – sự kiện" and "Văn bản mới".
 */
import { useSearchParams } from "react-router-dom";
import { adminApi } from "../../api/admin-endpoints";
import { invalidate, useResource } from "../../api/resource";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { Icon } from "../../icons";
import { formatDate, formatDateTime } from "../../lib/dates";
import { AddOrForm, AdminScreen, EditOrDelete, Saved, useCommune, useListEditor } from "../admin/kit";
import { DocumentForm } from "./document-form";
import { NewsForm } from "./news-form";

function NewsList() {
  const { communeId } = useCommune();
  const { data, refresh } = useResource(`admin:news:${communeId}`, () => adminApi.news(communeId));
  const list = useListEditor(() => {
    // Residents' lists read through their own entries: load them again when shown.
    invalidate("news");
    refresh();
  });
  const items = data.data.items;
  return (
    <section className="section" aria-label="Tin tức – sự kiện">
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {list.saved && <Saved>{list.saved}</Saved>}
      <AddOrForm
        open={list.editing === "new"}
        form={<NewsForm item={null} onSaved={() => list.done("Đã đăng tin.")} onCancel={list.cancel} />}
        onOpen={() => list.edit("new")}
      >
        <Icon name="news" /> Đăng tin mới
      </AddOrForm>
      {items.length === 0 ? (
        <Empty>Chưa có tin nào.</Empty>
      ) : (
        <ul className="list" style={{ marginTop: 12 }}>
          {items.map((n) => (
            <li key={n.id} className="list-item">
              <div className="row-between">
                <span className="small muted">
                  {n.unitName} · {formatDateTime(n.publishedAt)}
                </span>
                {n.pinned && <span className="badge">Đã ghim</span>}
              </div>
              <div className="title">{n.title}</div>
              <div className="small">{n.summary}</div>
              {n.isEvent && n.eventAt && (
                <div className="small muted">Sự kiện: {formatDateTime(n.eventAt)}</div>
              )}
              <EditOrDelete
                editing={list.editing === n.id}
                editor={
                  <NewsForm item={n} onSaved={() => list.done("Đã lưu thay đổi.")} onCancel={list.cancel} />
                }
                onEdit={() => list.edit(n.id)}
                what={`tin “${n.title}”`}
                onConfirm={async () => {
                  await adminApi.deleteNews(n.id);
                  list.done("Đã gỡ tin.");
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DocumentList() {
  const { communeId } = useCommune();
  const { data, refresh } = useResource(`admin:documents:${communeId}`, () => adminApi.documents(communeId));
  const list = useListEditor(() => {
    invalidate("documents");
    refresh();
  });
  const items = data.data.items;
  return (
    <section className="section" aria-label="Văn bản mới">
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {list.saved && <Saved>{list.saved}</Saved>}
      <AddOrForm
        open={list.editing === "new"}
        form={
          <DocumentForm item={null} onSaved={() => list.done("Đã đăng văn bản.")} onCancel={list.cancel} />
        }
        onOpen={() => list.edit("new")}
      >
        <Icon name="document" /> Đăng văn bản mới
      </AddOrForm>
      {items.length === 0 ? (
        <Empty>Chưa có văn bản nào.</Empty>
      ) : (
        <ul className="list" style={{ marginTop: 12 }}>
          {items.map((d) => (
            <li key={d.id} className="list-item">
              <div className="small muted">
                Số {d.number} · {formatDate(d.issuedDate)} · {d.issuer}
              </div>
              <div className="title">{d.title}</div>
              {d.url && (
                <a className="small link-text" href={d.url} target="_blank" rel="noreferrer">
                  {d.url}
                </a>
              )}
              <EditOrDelete
                editing={list.editing === d.id}
                editor={
                  <DocumentForm
                    item={d}
                    onSaved={() => list.done("Đã lưu thay đổi.")}
                    onCancel={list.cancel}
                  />
                }
                onEdit={() => list.edit(d.id)}
                what={`văn bản số ${d.number}`}
                onConfirm={async () => {
                  await adminApi.deleteDocument(d.id);
                  list.done("Đã gỡ văn bản.");
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const TABS = [
  { key: "news", label: "Tin tức – sự kiện" },
  { key: "documents", label: "Văn bản" },
] as const;

export default function AdminNewsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "documents" ? "documents" : "news";
  return (
    <AdminScreen title="Tin tức và văn bản">
      <div className="seg">
        {TABS.map((t) => (
          <button
            key={t.key}
            type="button"
            aria-pressed={tab === t.key}
            onClick={() => setParams({ tab: t.key }, { replace: true })}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === "news" ? <NewsList /> : <DocumentList />}
    </AdminScreen>
  );
}
