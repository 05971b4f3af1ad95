/**
 * The FAQ the OA chatbot answers from: search (with or without diacritics), add, edit, switch
 * off, delete. Entries shared by every commune are listed read-only. The chatbot sees each
 * change at once.
 */
import type { AdminFaqItem } from "@cau-noi/shared";
import { foldVietnamese } from "@cau-noi/shared/text";
import { useState } from "react";
import { adminApi } from "../../api/admin-endpoints";
import { useResource } from "../../api/resource";
import { Empty } from "../../components/error-state";
import { CheckField, TextArea, TextField } from "../../components/form-fields";
import { StaleBanner } from "../../components/offline-banner";
import {
  AddOrForm,
  AdminScreen,
  EditOrDelete,
  EditorForm,
  type FieldErrors,
  Saved,
  useCommune,
  useDraftForm,
  useListEditor,
} from "../admin/kit";

interface Draft {
  question: string;
  answer: string;
  keywords: string;
  active: boolean;
}

function check(d: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (d.question.trim().length < 5) errors.question = "Câu hỏi cần ít nhất 5 ký tự.";
  if (d.answer.trim().length < 10) errors.answer = "Câu trả lời cần ít nhất 10 ký tự.";
  return errors;
}

function FaqForm({
  item,
  onSaved,
  onCancel,
}: {
  item: AdminFaqItem | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { communeId } = useCommune();
  const { draft, set, form } = useDraftForm<Draft>({
    question: item?.question ?? "",
    answer: item?.answer ?? "",
    keywords: item?.keywords ?? "",
    active: item?.active ?? true,
  });
  const prefix = `faq-${item?.id ?? "new"}`;
  const save = async () => {
    if (form.invalid(check(draft))) return;
    const fields = {
      question: draft.question.trim(),
      answer: draft.answer.trim(),
      keywords: draft.keywords.trim(),
      active: draft.active,
    };
    const saved = await form.run(() =>
      item ? adminApi.updateFaq(item.id, fields) : adminApi.createFaq({ communeId, ...fields }),
    );
    if (saved) onSaved();
  };
  return (
    <EditorForm form={form} label={item ? "Lưu thay đổi" : "Thêm câu hỏi"} onSave={save} onCancel={onCancel}>
      <TextField
        id={`${prefix}-question`}
        label="Câu hỏi"
        value={draft.question}
        maxLength={300}
        error={form.errors.question}
        onChange={(question) => set({ question })}
      />
      <TextArea
        id={`${prefix}-answer`}
        label="Câu trả lời"
        hint="Trợ lý gửi nguyên văn câu trả lời này trên Zalo."
        value={draft.answer}
        maxLength={4000}
        rows={5}
        error={form.errors.answer}
        onChange={(answer) => set({ answer })}
      />
      <TextField
        id={`${prefix}-keywords`}
        label="Từ khóa (không bắt buộc)"
        hint="Những từ người dân hay dùng, cách nhau bằng dấu cách, có dấu hoặc không dấu."
        value={draft.keywords}
        maxLength={500}
        error={form.errors.keywords}
        onChange={(keywords) => set({ keywords })}
      />
      <CheckField
        id={`${prefix}-active`}
        label="Đang dùng (trợ lý được trả lời bằng mục này)"
        checked={draft.active}
        onChange={(active) => set({ active })}
      />
    </EditorForm>
  );
}

function matches(item: AdminFaqItem, folded: string): boolean {
  if (!folded) return true;
  return foldVietnamese(`${item.question} ${item.answer} ${item.keywords}`).includes(folded);
}

function FaqList() {
  const { communeId } = useCommune();
  const { data, refresh } = useResource(`admin:faq:${communeId}`, () => adminApi.faq(communeId));
  const [query, setQuery] = useState("");
  const list = useListEditor(refresh);
  const folded = foldVietnamese(query);
  const items = data.data.items.filter((item) => matches(item, folded));
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      <div className="search-row">
        <label htmlFor="faq-search" className="visually-hidden">
          Tìm câu hỏi
        </label>
        <input
          id="faq-search"
          className="input"
          type="search"
          placeholder="Tìm câu hỏi, câu trả lời, từ khóa"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {list.saved && <Saved>{list.saved}</Saved>}
      <AddOrForm
        open={list.editing === "new"}
        form={<FaqForm item={null} onSaved={() => list.done("Đã thêm câu hỏi.")} onCancel={list.cancel} />}
        onOpen={() => list.edit("new")}
      >
        Thêm câu hỏi thường gặp
      </AddOrForm>
      <p className="small muted">
        {items.length} / {data.data.items.length} mục
      </p>
      {items.length === 0 ? (
        <Empty>Không có câu hỏi nào khớp.</Empty>
      ) : (
        <ul className="list">
          {items.map((item) => (
            <li key={item.id} className="list-item">
              <div className="row-between">
                <span className="title">{item.question}</span>
                {!item.active && <span className="badge">Đang tắt</span>}
                {!item.editable && <span className="badge">Dùng chung</span>}
              </div>
              <div className="small" style={{ whiteSpace: "pre-wrap" }}>
                {item.answer}
              </div>
              {item.keywords && <div className="small muted">Từ khóa: {item.keywords}</div>}
              {item.editable && (
                <EditOrDelete
                  editing={list.editing === item.id}
                  editor={
                    <FaqForm
                      item={item}
                      onSaved={() => list.done("Đã lưu thay đổi.")}
                      onCancel={list.cancel}
                    />
                  }
                  onEdit={() => list.edit(item.id)}
                  what={`câu hỏi “${item.question}”`}
                  onConfirm={async () => {
                    await adminApi.deleteFaq(item.id);
                    list.done("Đã xóa câu hỏi.");
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function AdminFaqPage() {
  return (
    <AdminScreen title="Câu hỏi thường gặp">
      <FaqList />
    </AdminScreen>
  );
}
