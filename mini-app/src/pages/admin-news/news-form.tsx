/** Add or edit a news item: title, summary, body, event date, pinned, whole commune or one village. */
import type { AdminNewsItem } from "@cau-noi/shared";
import { adminApi } from "../../api/admin-endpoints";
import { useResource } from "../../api/resource";
import { CheckField, SelectField, TextArea, TextField } from "../../components/form-fields";
import {
  EditorForm,
  type FieldErrors,
  fromLocalInput,
  toLocalInput,
  useCommune,
  useDraftForm,
} from "../admin/kit";

interface Draft {
  title: string;
  summary: string;
  body: string;
  isEvent: boolean;
  eventAt: string;
  pinned: boolean;
  /** "" = the whole commune. */
  villageId: string;
}

function draftOf(item: AdminNewsItem | null): Draft {
  return {
    title: item?.title ?? "",
    summary: item?.summary ?? "",
    body: item?.body ?? "",
    isEvent: item?.isEvent ?? false,
    eventAt: toLocalInput(item?.eventAt),
    pinned: item?.pinned ?? false,
    villageId: item?.villageId ? String(item.villageId) : "",
  };
}

function check(d: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (d.title.trim().length < 5) errors.title = "Tiêu đề cần ít nhất 5 ký tự.";
  if (d.summary.trim().length < 10) errors.summary = "Tóm tắt cần ít nhất 10 ký tự.";
  if (d.body.trim().length < 10) errors.body = "Nội dung cần ít nhất 10 ký tự.";
  if (d.isEvent && !fromLocalInput(d.eventAt)) errors.eventAt = "Vui lòng nhập thời gian diễn ra sự kiện.";
  return errors;
}

export function NewsForm({
  item,
  onSaved,
  onCancel,
}: {
  item: AdminNewsItem | null;
  onSaved(item: AdminNewsItem): void;
  onCancel(): void;
}) {
  const { communeId } = useCommune();
  const villages = useResource(`admin:villages:${communeId}`, () => adminApi.communeVillages(communeId)).data
    .data.items;
  const { draft, set, form } = useDraftForm<Draft>(() => draftOf(item));
  const prefix = item ? `news-${item.id}` : "news-new";

  const save = async () => {
    if (form.invalid(check(draft))) return;
    const fields = {
      title: draft.title.trim(),
      summary: draft.summary.trim(),
      body: draft.body.trim(),
      isEvent: draft.isEvent,
      eventAt: draft.isEvent ? (fromLocalInput(draft.eventAt) ?? null) : null,
      pinned: draft.pinned,
      villageId: draft.villageId ? Number(draft.villageId) : null,
    };
    const saved = await form.run(() =>
      item ? adminApi.updateNews(item.id, fields) : adminApi.createNews({ communeId, ...fields }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <EditorForm form={form} label={item ? "Lưu thay đổi" : "Đăng tin"} onSave={save} onCancel={onCancel}>
      <TextField
        id={`${prefix}-title`}
        label="Tiêu đề"
        value={draft.title}
        maxLength={200}
        error={form.errors.title}
        onChange={(title) => set({ title })}
      />
      <TextArea
        id={`${prefix}-summary`}
        label="Tóm tắt"
        hint="Một hai câu hiện trong danh sách tin."
        value={draft.summary}
        maxLength={500}
        rows={3}
        error={form.errors.summary}
        onChange={(summary) => set({ summary })}
      />
      <TextArea
        id={`${prefix}-body`}
        label="Nội dung"
        value={draft.body}
        maxLength={20000}
        rows={8}
        error={form.errors.body}
        onChange={(body) => set({ body })}
      />
      <SelectField
        id={`${prefix}-village`}
        label="Tin của"
        value={draft.villageId as string}
        options={[
          { value: "", label: "Cả xã" },
          ...villages.map((v) => ({ value: String(v.id), label: v.name })),
        ]}
        error={form.errors.villageId}
        onChange={(villageId) => set({ villageId })}
      />
      <CheckField
        id={`${prefix}-event`}
        label="Đây là sự kiện (có ngày giờ diễn ra)"
        checked={draft.isEvent}
        onChange={(isEvent) => set({ isEvent })}
      />
      {draft.isEvent && (
        <TextField
          id={`${prefix}-event-at`}
          label="Ngày giờ diễn ra"
          type="datetime-local"
          value={draft.eventAt}
          error={form.errors.eventAt}
          onChange={(eventAt) => set({ eventAt })}
        />
      )}
      <CheckField
        id={`${prefix}-pinned`}
        label="Ghim lên đầu danh sách"
        checked={draft.pinned}
        onChange={(pinned) => set({ pinned })}
      />
    </EditorForm>
  );
}
