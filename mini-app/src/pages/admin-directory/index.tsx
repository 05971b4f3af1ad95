/**
 * The commune's directory: contacts, procedures with portal links, places, jobs. Add, edit and
 * delete in the list; residents' pages show the change at once. Procedures shared by every
 * commune are listed read-only.
 */
import { Suspense } from "react";
import { useSearchParams } from "react-router-dom";
import { adminApi } from "../../api/admin-endpoints";
import { invalidate, useResource } from "../../api/resource";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { ListSkeleton } from "../../components/skeletons";
import { formatDate } from "../../lib/dates";
import { AddOrForm, AdminScreen, EditOrDelete, Saved, useCommune, useListEditor } from "../admin/kit";
import { DirectoryEditor } from "./editor";
import { type DirectoryRow, type DirectorySpec, SPECS } from "./specs";

function Row({
  spec,
  row,
  editing,
  onEdit,
  onCancel,
  onDone,
}: {
  spec: DirectorySpec;
  row: DirectoryRow;
  editing: boolean;
  onEdit(): void;
  onCancel(): void;
  onDone(message: string): void;
}) {
  const editable = row.editable !== false;
  return (
    <li className="list-item">
      <div className="row-between">
        <span className="title">{spec.title(row)}</span>
        {row.expired === true && <span className="badge">Hết hạn</span>}
        {!editable && <span className="badge">Dùng chung</span>}
      </div>
      {spec
        .lines(row)
        .filter(Boolean)
        .map((line) => (
          <div key={line} className="small muted link-text" style={{ fontFamily: "inherit" }}>
            {line}
          </div>
        ))}
      {typeof row.expiresOn === "string" && (
        <div className="small muted">Hiện đến hết {formatDate(row.expiresOn)}</div>
      )}
      {!editable ? (
        <p className="small muted" style={{ margin: "6px 0 0" }}>
          Thủ tục dùng chung cho mọi xã, không sửa ở đây.
        </p>
      ) : (
        <EditOrDelete
          editing={editing}
          editor={
            <DirectoryEditor
              spec={spec}
              row={row}
              onSaved={() => onDone("Đã lưu thay đổi.")}
              onCancel={onCancel}
            />
          }
          onEdit={onEdit}
          what={`${spec.noun} “${spec.title(row)}”`}
          onConfirm={async () => {
            await adminApi.deleteDirectory(spec.kind, row.id);
            onDone(`Đã xóa ${spec.noun}.`);
          }}
        />
      )}
    </li>
  );
}

function DirectoryList({ spec }: { spec: DirectorySpec }) {
  const { communeId } = useCommune();
  const { data, refresh } = useResource(`admin:${spec.kind}:${communeId}`, () =>
    adminApi.directory(spec.kind, communeId),
  );
  const list = useListEditor(() => {
    // The residents' list of the same kind loads again when shown.
    invalidate(spec.kind);
    refresh();
  });
  const items = data.data.items as unknown as DirectoryRow[];
  return (
    <section className="section" aria-label={spec.tab}>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {list.saved && <Saved>{list.saved}</Saved>}
      <AddOrForm
        open={list.editing === "new"}
        form={
          <DirectoryEditor
            spec={spec}
            row={null}
            onSaved={() => list.done(`Đã thêm ${spec.noun}.`)}
            onCancel={list.cancel}
          />
        }
        onOpen={() => list.edit("new")}
      >
        Thêm {spec.noun}
      </AddOrForm>
      {items.length === 0 ? (
        <Empty>Chưa có mục nào.</Empty>
      ) : (
        <ul className="list" style={{ marginTop: 12 }}>
          {items.map((row) => (
            <Row
              key={row.id}
              spec={spec}
              row={row}
              editing={list.editing === row.id}
              onEdit={() => list.edit(row.id)}
              onCancel={list.cancel}
              onDone={list.done}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

export default function AdminDirectoryPage() {
  const [params, setParams] = useSearchParams();
  const spec = SPECS.find((s) => s.kind === params.get("tab")) ?? (SPECS[0] as DirectorySpec);
  return (
    <AdminScreen title="Danh bạ và thủ tục">
      <div className="seg">
        {SPECS.map((s) => (
          <button
            key={s.kind}
            type="button"
            aria-pressed={s.kind === spec.kind}
            onClick={() => setParams({ tab: s.kind }, { replace: true })}
          >
            {s.tab}
          </button>
        ))}
      </div>
      <Suspense fallback={<ListSkeleton />}>
        <DirectoryList key={spec.kind} spec={spec} />
      </Suspense>
    </AdminScreen>
  );
}
