/**
 * Compose an announcement: title, text, every village or chosen ones (checklist of the
 * commune's villages), a preview as residents will read it in Zalo, then send and open its
 * delivery report. Bad input comes back from the server per field and shows beside the field.
 */
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { adminApi } from "../../api/admin-endpoints";
import { invalidate, useResource } from "../../api/resource";
import { FormMessage, TextArea, TextField } from "../../components/form-fields";
import { Icon } from "../../icons";
import { AdminScreen, type FieldErrors, useCommune, useSubmit } from "../admin/kit";

interface Draft {
  title: string;
  body: string;
  everyVillage: boolean;
  villageIds: number[];
}

function check(d: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (d.title.trim().length < 5) errors.title = "Tiêu đề cần ít nhất 5 ký tự.";
  if (d.body.trim().length < 10) errors.body = "Nội dung thông báo cần ít nhất 10 ký tự.";
  if (!d.everyVillage && d.villageIds.length === 0) errors.villageIds = "Vui lòng chọn ít nhất một thôn.";
  return errors;
}

function VillageChecklist({
  draft,
  error,
  onChange,
}: {
  draft: Draft;
  error?: string;
  onChange(patch: Partial<Draft>): void;
}) {
  const { communeId } = useCommune();
  const { data } = useResource(`admin:villages:${communeId}`, () => adminApi.communeVillages(communeId));
  const villages = data.data.items;
  const toggle = (id: number, on: boolean) =>
    onChange({ villageIds: on ? [...draft.villageIds, id] : draft.villageIds.filter((v) => v !== id) });
  return (
    <fieldset className="field" aria-invalid={error ? true : undefined}>
      <legend>Gửi tới</legend>
      <div className="choice-list">
        <label className={`choice${draft.everyVillage ? " selected" : ""}`}>
          <input
            type="radio"
            name="target"
            checked={draft.everyVillage}
            onChange={() => onChange({ everyVillage: true })}
          />
          <span>Tất cả các thôn ({villages.length})</span>
        </label>
        <label className={`choice${draft.everyVillage ? "" : " selected"}`}>
          <input
            type="radio"
            name="target"
            checked={!draft.everyVillage}
            onChange={() => onChange({ everyVillage: false })}
          />
          <span>Chọn thôn</span>
        </label>
      </div>
      {!draft.everyVillage && (
        <div className="choice-list" style={{ marginTop: 10 }}>
          {villages.map((v) => {
            const on = draft.villageIds.includes(v.id);
            return (
              <label key={v.id} className={`choice${on ? " selected" : ""}`}>
                <input type="checkbox" checked={on} onChange={(e) => toggle(v.id, e.target.checked)} />
                <span>{v.name}</span>
              </label>
            );
          })}
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

function Preview({ draft }: { draft: Draft }) {
  const { communeId } = useCommune();
  const { data } = useResource(`admin:villages:${communeId}`, () => adminApi.communeVillages(communeId));
  const names = data.data.items.filter((v) => draft.villageIds.includes(v.id)).map((v) => v.name);
  return (
    <section className="section" aria-labelledby="preview-title">
      <h2 id="preview-title" className="section-title">
        Xem trước
      </h2>
      <p className="small muted" style={{ marginTop: 0 }}>
        Người dân quan tâm OA ở {draft.everyVillage ? "tất cả các thôn" : names.join(", ")} sẽ nhận tin nhắn
        này trên Zalo, và thấy nó ở mục “Thông báo”.
      </p>
      <div className="preview-card">
        <strong>📢 Thông báo: {draft.title.trim()}</strong>
        {"\n\n"}
        {draft.body.trim()}
      </div>
    </section>
  );
}

function Compose() {
  const { communeId } = useCommune();
  const navigate = useNavigate();
  const form = useSubmit();
  const [draft, setDraft] = useState<Draft>({ title: "", body: "", everyVillage: true, villageIds: [] });
  const [previewing, setPreviewing] = useState(false);
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    for (const key of Object.keys(patch)) form.clear(key === "everyVillage" ? "villageIds" : key);
  };

  const preview = () => {
    if (!form.invalid(check(draft))) setPreviewing(true);
  };
  const send = async () => {
    const created = await form.run(() =>
      adminApi.sendAnnouncement({
        communeId,
        title: draft.title.trim(),
        body: draft.body.trim(),
        ...(draft.everyVillage ? {} : { villageIds: draft.villageIds }),
      }),
    );
    if (created) {
      invalidate(`admin:announcements:${communeId}`);
      navigate(`/admin/announcements/${created.id}?queued=${created.queued}`, { replace: true });
    } else setPreviewing(false);
  };

  if (previewing) {
    return (
      <>
        <Preview draft={draft} />
        <FormMessage message={form.message} />
        <div className="btn-row">
          <button type="button" className="btn accent block" onClick={send} disabled={form.busy}>
            <Icon name="send" /> {form.busy ? "Đang gửi…" : "Gửi thông báo"}
          </button>
          <button
            type="button"
            className="btn secondary block"
            onClick={() => setPreviewing(false)}
            disabled={form.busy}
          >
            Sửa lại
          </button>
        </div>
      </>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        preview();
      }}
    >
      <TextField
        id="ann-title"
        label="Tiêu đề"
        value={draft.title}
        maxLength={200}
        error={form.errors.title}
        onChange={(title) => change({ title })}
      />
      <TextArea
        id="ann-body"
        label="Nội dung thông báo"
        hint="Viết ngắn gọn, rõ ràng: việc gì, ở đâu, khi nào."
        value={draft.body}
        maxLength={4000}
        rows={6}
        error={form.errors.body}
        onChange={(body) => change({ body })}
      />
      <VillageChecklist draft={draft} error={form.errors.villageIds} onChange={change} />
      <FormMessage message={form.message} />
      <button type="submit" className="btn block">
        Xem trước
      </button>
    </form>
  );
}

export default function ComposeAnnouncementPage() {
  return (
    <AdminScreen title="Soạn thông báo" back="/admin/announcements">
      <Compose />
    </AdminScreen>
  );
}
