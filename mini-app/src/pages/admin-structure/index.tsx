/**
 * Villages, teams and members of the commune: each village with its Tổ CNSCĐ (decision,
 * members with civic role and leader flag, invites), add / rename / deactivate a village, and
 * the commune's support pools.
 */
import type { StructureVillage } from "@cau-noi/shared";
import { useState } from "react";
import { adminApi } from "../../api/admin-endpoints";
import { invalidate, useResource } from "../../api/resource";
import { TextField } from "../../components/form-fields";
import { StaleBanner } from "../../components/offline-banner";
import { Icon } from "../../icons";
import {
  AddOrForm,
  AdminScreen,
  ConfirmDelete,
  type FieldErrors,
  FormActions,
  Saved,
  useCommune,
  useSubmit,
} from "../admin/kit";
import { TeamBlock } from "./team-block";

function AddVillage({ onDone }: { onDone(message?: string): void }) {
  const { communeId } = useCommune();
  const [name, setName] = useState("");
  const [decisionNo, setDecisionNo] = useState("");
  const [decisionDate, setDecisionDate] = useState("");
  const form = useSubmit();
  const save = async () => {
    const errors: FieldErrors = name.trim().length < 2 ? { name: "Vui lòng nhập tên thôn, khối phố." } : {};
    if (form.invalid(errors)) return;
    const made = await form.run(() =>
      adminApi.createVillage({
        communeId,
        name: name.trim(),
        decisionNo: decisionNo.trim() || null,
        decisionDate: decisionDate || null,
      }),
    );
    if (made) onDone(`Đã thêm ${made.name}${made.team ? ` và ${made.team.name}` : ""}.`);
  };
  return (
    <div className="inline-form">
      <TextField
        id="village-new-name"
        label="Tên thôn, khối phố"
        placeholder="Ví dụ: Thôn 9"
        value={name}
        maxLength={100}
        error={form.errors.name ?? form.errors.code}
        onChange={(v) => {
          setName(v);
          form.clear("name");
        }}
      />
      <TextField
        id="village-new-decision-no"
        label="Số quyết định thành lập tổ (không bắt buộc)"
        value={decisionNo}
        maxLength={100}
        error={form.errors.decisionNo}
        onChange={setDecisionNo}
      />
      <TextField
        id="village-new-decision-date"
        label="Ngày quyết định (không bắt buộc)"
        type="date"
        value={decisionDate}
        error={form.errors.decisionDate}
        onChange={setDecisionDate}
      />
      <FormActions form={form} label="Thêm thôn" onSave={save} onCancel={() => onDone()} />
    </div>
  );
}

function Rename({ village, onDone }: { village: StructureVillage; onDone(message?: string): void }) {
  const [name, setName] = useState(village.name);
  const form = useSubmit();
  const save = async () => {
    if (form.invalid(name.trim().length < 2 ? { name: "Vui lòng nhập tên thôn, khối phố." } : {})) return;
    const saved = await form.run(() => adminApi.updateVillage(village.id, { name: name.trim() }));
    if (saved) onDone(`Đã đổi tên thành ${saved.name}.`);
  };
  return (
    <div className="inline-form">
      <TextField
        id={`village-${village.id}-name`}
        label="Tên mới"
        value={name}
        maxLength={100}
        error={form.errors.name}
        onChange={(v) => {
          setName(v);
          form.clear("name");
        }}
      />
      <FormActions form={form} label="Lưu" busyLabel="Lưu" onSave={save} onCancel={() => onDone()} />
    </div>
  );
}

function VillageCard({
  village,
  onChanged,
}: {
  village: StructureVillage;
  onChanged(message: string): void;
}) {
  const [renaming, setRenaming] = useState(false);
  const members = village.team?.memberCount ?? 0;
  return (
    <li>
      <details className="village-card">
        <summary>
          <span className="grow">
            <span className="entry-title">{village.name}</span>
            <span className="small muted">
              {village.active ? `${members} thành viên` : "Ngừng hoạt động"}
              {village.active && members === 0 ? " · chưa có ai" : ""}
            </span>
          </span>
          <Icon name="forward" />
        </summary>
        <div className="village-body">
          {renaming ? (
            <Rename
              village={village}
              onDone={(message) => {
                setRenaming(false);
                if (message) onChanged(message);
              }}
            />
          ) : (
            <div className="item-actions" style={{ marginTop: 0 }}>
              <button type="button" className="btn secondary" onClick={() => setRenaming(true)}>
                Đổi tên
              </button>
              {village.active ? (
                <ConfirmDelete
                  what={village.name}
                  label="Ngừng hoạt động"
                  confirmLabel="Ngừng hoạt động"
                  onConfirm={async () => {
                    await adminApi.updateVillage(village.id, { active: false });
                    onChanged(`${village.name} đã ngừng hoạt động (lịch sử vẫn được giữ).`);
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="btn secondary"
                  onClick={async () => {
                    await adminApi.updateVillage(village.id, { active: true });
                    onChanged(`${village.name} hoạt động trở lại.`);
                  }}
                >
                  Hoạt động lại
                </button>
              )}
            </div>
          )}
          {village.team ? (
            <TeamBlock team={village.team} onChanged={onChanged} />
          ) : (
            <p className="small muted">Thôn chưa có tổ công nghệ số.</p>
          )}
        </div>
      </details>
    </li>
  );
}

function Structure() {
  const { communeId } = useCommune();
  const { data, refresh } = useResource(`admin:structure:${communeId}`, () => adminApi.structure(communeId));
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const changed = (message: string) => {
    setSaved(message);
    // Village lists elsewhere (announcements, news) follow renames and new villages.
    invalidate(`admin:villages:${communeId}`);
    refresh();
  };
  const { counts, villages, pools } = data.data;
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      <div className="stat-grid">
        <div className="stat">
          <span className="num">{counts.activeVillages}</span>Thôn đang hoạt động
        </div>
        <div className="stat ok">
          <span className="num">{counts.activeMembers}</span>Thành viên
        </div>
        <div className="stat">
          <span className="num">{counts.leaders}</span>Tổ trưởng
        </div>
        <div className={`stat${counts.villagesWithoutMembers > 0 ? " warn" : ""}`}>
          <span className="num">{counts.villagesWithoutMembers}</span>Thôn chưa có thành viên
        </div>
      </div>
      {saved && <Saved>{saved}</Saved>}
      <AddOrForm
        open={adding}
        form={
          <AddVillage
            onDone={(message) => {
              setAdding(false);
              if (message) changed(message);
            }}
          />
        }
        onOpen={() => setAdding(true)}
      >
        Thêm thôn, khối phố
      </AddOrForm>
      <section className="section" aria-labelledby="villages-title">
        <h2 id="villages-title" className="section-title">
          Các thôn và tổ công nghệ số
        </h2>
        <ul className="admin-hub">
          {villages.map((v) => (
            <VillageCard key={v.id} village={v} onChanged={changed} />
          ))}
        </ul>
      </section>
      {pools.length > 0 && (
        <section className="section" aria-labelledby="pools-title">
          <h2 id="pools-title" className="section-title">
            Tổ hỗ trợ của xã
          </h2>
          {pools.map((team) => (
            <div key={team.id} className="card section">
              <TeamBlock team={team} onChanged={changed} />
            </div>
          ))}
        </section>
      )}
    </>
  );
}

export default function AdminStructurePage() {
  return (
    <AdminScreen title="Thôn, tổ và thành viên">
      <Structure />
    </AdminScreen>
  );
}
