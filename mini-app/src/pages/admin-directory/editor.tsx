/** Add or edit one directory entry from its spec (specs.ts); the server's field errors show beside each field. */
import { adminApi, type DirectoryCreate, type DirectoryUpdate } from "../../api/admin-endpoints";
import { CheckField, SelectField, TextArea, TextField } from "../../components/form-fields";
import { EditorForm, useCommune, useDraftForm } from "../admin/kit";
import { bodyOf, checkDraft, type DirectoryRow, type DirectorySpec, type Draft, draftOf } from "./specs";

export function DirectoryEditor({
  spec,
  row,
  onSaved,
  onCancel,
}: {
  spec: DirectorySpec;
  row: DirectoryRow | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { communeId } = useCommune();
  const { draft, set: patch, form } = useDraftForm<Draft>(() => draftOf(spec, row));
  const set = (name: string, value: string | boolean) => patch({ [name]: value });
  const prefix = `${spec.kind}-${row?.id ?? "new"}`;

  const save = async () => {
    if (form.invalid(checkDraft(spec, draft))) return;
    const body = bodyOf(spec, draft);
    const saved = await form.run(() =>
      row
        ? adminApi.updateDirectory(spec.kind, row.id, body as DirectoryUpdate<typeof spec.kind>)
        : adminApi.createDirectory(spec.kind, { communeId, ...body } as DirectoryCreate<typeof spec.kind>),
    );
    if (saved) onSaved();
  };

  return (
    <EditorForm
      form={form}
      label={row ? "Lưu thay đổi" : `Thêm ${spec.noun}`}
      onSave={save}
      onCancel={onCancel}
    >
      {spec.fields.map((f) => {
        const id = `${prefix}-${f.name}`;
        const value = draft[f.name];
        if (f.input === "check")
          return (
            <CheckField
              key={f.name}
              id={id}
              label={f.label}
              checked={value === true}
              error={form.errors[f.name]}
              onChange={(v) => set(f.name, v)}
            />
          );
        if (f.input === "select") {
          const current = String(value);
          // A group typed elsewhere (older data) stays selectable as it is.
          const options =
            current && !f.options?.some((o) => o.value === current)
              ? [...(f.options ?? []), { value: current, label: current }]
              : (f.options ?? []);
          return (
            <SelectField
              key={f.name}
              id={id}
              label={f.label}
              value={current}
              options={options}
              error={form.errors[f.name]}
              onChange={(v) => set(f.name, v)}
            />
          );
        }
        if (f.input === "textarea")
          return (
            <TextArea
              key={f.name}
              id={id}
              label={f.label}
              hint={f.hint}
              value={String(value)}
              maxLength={f.max}
              rows={4}
              error={form.errors[f.name]}
              onChange={(v) => set(f.name, v)}
            />
          );
        return (
          <TextField
            key={f.name}
            id={id}
            label={f.label}
            hint={f.hint}
            placeholder={f.placeholder}
            type={f.input === "number" ? "text" : f.input}
            inputMode={f.input === "number" ? "numeric" : f.input === "tel" ? "tel" : undefined}
            value={String(value)}
            maxLength={f.max}
            error={form.errors[f.name]}
            onChange={(v) => set(f.name, v)}
          />
        );
      })}
    </EditorForm>
  );
}
