/**
 * Publishing: news and events, and new documents of the commune. Add, edit and delete right in
 * the list; what is saved shows at once on the residents' "Tin tức – sự kiện" and "Văn bản mới".
 */
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { adminApi } from "../../api/admin-endpoints";
import { invalidate, useResource } from "../../api/resource";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { Icon } from "../../icons";
import { formatDate, formatDateTime } from "../../lib/dates";
import { AdminScreen, ConfirmDelete, Saved, useCommune } from "../admin/kit";
import { DocumentForm } from "./document-form";
import { NewsForm } from "./news-form";

type Editing = number | "new" | null;

function NewsList() {
  const { communeId } = useCommune();
  const { data, refresh } = useResource(`admin:news:${communeId}`, () => adminApi.news(communeId));
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = (message: string) => {
    setEditing(null);
    setSaved(message);
    // Residents' lists read through their own entries: load them again when shown.
    invalidate("news");
    refresh();
  };
  const items = data.data.items;
  return (
    <section className="section" aria-label="Tin tức – sự kiện">
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {saved && <Saved>{saved}</Saved>}
      {editing === "new" ? (
        <NewsForm item={null} onSaved={() => done("Đã đăng tin.")} onCancel={() => setEditing(null)} />
      ) : (
        <button
          type="button"
          className="btn accent block"
          onClick={() => {
            setSaved(null);
            setEditing("new");
          }}
        >
          <Icon name="news" /> Đăng tin mới
        </button>
      )}
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
              {editing === n.id ? (
                <NewsForm
                  item={n}
                  onSaved={() => done("Đã lưu thay đổi.")}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className="item-actions">
                  <button
                    type="button"
                    className="btn secondary"
                    onClick={() => {
                      setSaved(null);
                      setEditing(n.id);
                    }}
                  >
                    Sửa
                  </button>
                  <ConfirmDelete
                    what={`tin “${n.title}”`}
                    onConfirm={async () => {
                      await adminApi.deleteNews(n.id);
                      done("Đã gỡ tin.");
                    }}
                  />
                </div>
              )}
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
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = (message: string) => {
    setEditing(null);
    setSaved(message);
    invalidate("documents");
    refresh();
  };
  const items = data.data.items;
  return (
    <section className="section" aria-label="Văn bản mới">
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {saved && <Saved>{saved}</Saved>}
      {editing === "new" ? (
        <DocumentForm
          item={null}
          onSaved={() => done("Đã đăng văn bản.")}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button
          type="button"
          className="btn accent block"
          onClick={() => {
            setSaved(null);
            setEditing("new");
          }}
        >
          <Icon name="document" /> Đăng văn bản mới
        </button>
      )}
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
              {editing === d.id ? (
                <DocumentForm
                  item={d}
                  onSaved={() => done("Đã lưu thay đổi.")}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <div className="item-actions">
                  <button
                    type="button"
                    className="btn secondary"
                    onClick={() => {
                      setSaved(null);
                      setEditing(d.id);
                    }}
                  >
                    Sửa
                  </button>
                  <ConfirmDelete
                    what={`văn bản số ${d.number}`}
                    onConfirm={async () => {
                      await adminApi.deleteDocument(d.id);
                      done("Đã gỡ văn bản.");
                    }}
                  />
                </div>
              )}
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
