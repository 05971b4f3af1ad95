/** Add or edit a document: excerpt, number, date, issuer, link, summary. */
import type { AdminDocumentItem } from "@cau-noi/shared";
import { adminApi } from "../../api/admin-endpoints";
import { TextArea, TextField } from "../../components/form-fields";
import { EditorForm, type FieldErrors, useCommune, useDraftForm } from "../admin/kit";

interface Draft {
  title: string;
  number: string;
  issuedDate: string;
  issuer: string;
  url: string;
  summary: string;
}

function draftOf(item: AdminDocumentItem | null): Draft {
  return {
    title: item?.title ?? "",
    number: item?.number ?? "",
    issuedDate: item?.issuedDate ?? "",
    issuer: item?.issuer ?? "",
    url: item?.url ?? "",
    summary: item?.summary ?? "",
  };
}

function check(d: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (d.title.trim().length < 5) errors.title = "Trích yếu cần ít nhất 5 ký tự.";
  if (!d.number.trim()) errors.number = "Vui lòng nhập số, ký hiệu văn bản.";
  if (!d.issuedDate) errors.issuedDate = "Vui lòng nhập ngày ban hành.";
  if (d.issuer.trim().length < 2) errors.issuer = "Vui lòng nhập cơ quan ban hành.";
  if (d.url.trim() && !/^https?:\/\//i.test(d.url.trim()))
    errors.url = "Đường dẫn văn bản phải bắt đầu bằng https://";
  return errors;
}

export function DocumentForm({
  item,
  onSaved,
  onCancel,
}: {
  item: AdminDocumentItem | null;
  onSaved(item: AdminDocumentItem): void;
  onCancel(): void;
}) {
  const { communeId } = useCommune();
  const { draft, set, form } = useDraftForm<Draft>(() => draftOf(item));
  const prefix = item ? `doc-${item.id}` : "doc-new";

  const save = async () => {
    if (form.invalid(check(draft))) return;
    const fields = {
      title: draft.title.trim(),
      number: draft.number.trim(),
      issuedDate: draft.issuedDate,
      issuer: draft.issuer.trim(),
      url: draft.url.trim() || null,
      summary: draft.summary.trim() || null,
    };
    const saved = await form.run(() =>
      item ? adminApi.updateDocument(item.id, fields) : adminApi.createDocument({ communeId, ...fields }),
    );
    if (saved) onSaved(saved);
  };

  return (
    <EditorForm form={form} label={item ? "Lưu thay đổi" : "Đăng văn bản"} onSave={save} onCancel={onCancel}>
      <TextField
        id={`${prefix}-number`}
        label="Số, ký hiệu"
        placeholder="Ví dụ: 15/2026/QĐ-UBND"
        value={draft.number}
        maxLength={100}
        error={form.errors.number}
        onChange={(number) => set({ number })}
      />
      <TextField
        id={`${prefix}-date`}
        label="Ngày ban hành"
        type="date"
        value={draft.issuedDate}
        error={form.errors.issuedDate}
        onChange={(issuedDate) => set({ issuedDate })}
      />
      <TextField
        id={`${prefix}-issuer`}
        label="Cơ quan ban hành"
        placeholder="Ví dụ: UBND xã"
        value={draft.issuer}
        maxLength={200}
        error={form.errors.issuer}
        onChange={(issuer) => set({ issuer })}
      />
      <TextArea
        id={`${prefix}-title`}
        label="Trích yếu"
        value={draft.title}
        maxLength={300}
        rows={3}
        error={form.errors.title}
        onChange={(title) => set({ title })}
      />
      <TextField
        id={`${prefix}-url`}
        label="Đường dẫn văn bản (không bắt buộc)"
        type="url"
        inputMode="url"
        placeholder="https://"
        value={draft.url}
        error={form.errors.url}
        onChange={(url) => set({ url })}
      />
      <TextArea
        id={`${prefix}-summary`}
        label="Tóm tắt (không bắt buộc)"
        value={draft.summary}
        maxLength={2000}
        rows={3}
        error={form.errors.summary}
        onChange={(summary) => set({ summary })}
      />
    </EditorForm>
  );
}
