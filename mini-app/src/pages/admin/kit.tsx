/**
 * What every commune admin screen shares: the commune being administered (from my roles), the
 * screen frame that refuses non-admins, a submit helper that puts the server's Vietnamese field
 * errors (`ApiError.fields`) next to the fields (components/form-fields.tsx), and a two-step delete.
 */
import { createContext, type ReactNode, useContext, useState } from "react";
import { ApiError, messageOf } from "../../api/errors";
import { FormMessage } from "../../components/form-fields";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { useProfile } from "../../state/profile";
import "./admin.css";

export interface AdminCommune {
  communeId: number;
  communeName: string;
}

const CommuneContext = createContext<AdminCommune | null>(null);

/** The commune of the current admin screen (inside <AdminScreen>). */
export function useCommune(): AdminCommune {
  const commune = useContext(CommuneContext);
  if (!commune) throw new Error("useCommune outside <AdminScreen>");
  return commune;
}

/** Refuses people who administer no commune; an admin of several works on the first. */
function AdminGate({ children }: { children: ReactNode }) {
  const first = useProfile().data.data.roles.adminOf[0];
  if (!first) {
    return (
      <div className="banner error" role="alert">
        <Icon name="alert" />
        <div className="grow">Chỉ cán bộ xã mới dùng được mục này.</div>
      </div>
    );
  }
  return (
    <CommuneContext.Provider value={{ communeId: first.unitId, communeName: first.unitName }}>
      {children}
    </CommuneContext.Provider>
  );
}

export function AdminScreen({
  title,
  back = "/admin",
  children,
  fallback,
}: {
  title: string;
  back?: string | boolean;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return (
    <Screen title={title} back={back} fallback={fallback}>
      <AdminGate>{children}</AdminGate>
    </Screen>
  );
}

// ---- forms ------------------------------------------------------------------------------------

/** Field errors keyed by the server's field name (`title`, `onBehalf.name`, …). */
export type FieldErrors = Record<string, string>;

/** Runs a save: busy flag, the server's message and field errors, nothing thrown. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setMessage(null);
    setErrors({});
    try {
      return await work();
    } catch (error) {
      setMessage(messageOf(error));
      if (error instanceof ApiError) setErrors(error.fields);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  /** Checks made on the phone before sending: shown the same way as the server's. */
  const invalid = (found: FieldErrors): boolean => {
    setErrors(found);
    const bad = Object.keys(found).length > 0;
    setMessage(bad ? "Anh/chị vui lòng xem lại các mục được đánh dấu đỏ." : null);
    return bad;
  };
  /** The field was changed: its error goes, and the form's message once no error is left. */
  const clear = (field: string) => {
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _gone, ...rest } = current;
      // Idempotent, so safe inside an updater.
      if (Object.keys(rest).length === 0) setMessage(null);
      return rest;
    });
  };
  return { busy, message, errors, run, invalid, clear };
}

/** A form's draft with its submit state: changing a field clears that field's error. */
export function useDraftForm<D extends object>(initial: D | (() => D)) {
  const [draft, setDraft] = useState<D>(initial);
  const form = useSubmit();
  const set = (patch: Partial<D>) => {
    setDraft((d) => ({ ...d, ...patch }));
    for (const key of Object.keys(patch)) form.clear(key);
  };
  return { draft, set, form };
}

/**
 * The form's message, then save and "Hủy" (both locked while saving). With `onSave` the save
 * button only runs it; without, it submits the surrounding <form>.
 */
export function FormActions({
  form,
  label,
  busyLabel = "Đang lưu…",
  onSave,
  onCancel,
}: {
  form: { busy: boolean; message: string | null };
  label: string;
  busyLabel?: string;
  onSave?(): unknown;
  onCancel(): void;
}) {
  return (
    <>
      <FormMessage message={form.message} />
      <div className="btn-row">
        <button
          type={onSave ? "button" : "submit"}
          className="btn"
          onClick={onSave && (() => void onSave())}
          disabled={form.busy}
        >
          {form.busy ? busyLabel : label}
        </button>
        <button type="button" className="btn secondary" onClick={() => onCancel()} disabled={form.busy}>
          Hủy
        </button>
      </div>
    </>
  );
}

/** An add/edit form inside a list: its fields, then the message and save / "Hủy". */
export function EditorForm({
  form,
  label,
  onSave,
  onCancel,
  children,
}: {
  form: { busy: boolean; message: string | null };
  label: string;
  onSave(): unknown;
  onCancel(): void;
  children: ReactNode;
}) {
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
    >
      {children}
      <FormActions form={form} label={label} onCancel={onCancel} />
    </form>
  );
}

// ---- lists with add, edit and delete in place ---------------------------------------------------

/**
 * Which row of a list is open for editing ("new" = the add form) and the last saved message.
 * `after` runs once a save or delete is done (reload the list, invalidate residents' copies).
 */
export function useListEditor(after: () => void) {
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return {
    editing,
    saved,
    edit: (id: number | "new") => {
      setSaved(null);
      setEditing(id);
    },
    cancel: () => setEditing(null),
    done: (message: string) => {
      setEditing(null);
      setSaved(message);
      after();
    },
  };
}

/** The add form when open, else the wide button that opens it. */
export function AddOrForm({
  open,
  form,
  onOpen,
  children,
}: {
  open: boolean;
  form: ReactNode;
  onOpen(): void;
  /** The button's label. */
  children: ReactNode;
}) {
  if (open) return <>{form}</>;
  return (
    <button type="button" className="btn accent block" onClick={onOpen}>
      {children}
    </button>
  );
}

/** A row's editor when open, else its edit button and two-step delete. */
export function EditOrDelete({
  editing,
  editor,
  onEdit,
  editLabel = "Sửa",
  ...remove
}: {
  editing: boolean;
  editor: ReactNode;
  onEdit(): void;
  editLabel?: string;
} & ConfirmDeleteProps) {
  if (editing) return <>{editor}</>;
  return (
    <div className="item-actions">
      <button type="button" className="btn secondary" onClick={onEdit}>
        {editLabel}
      </button>
      <ConfirmDelete {...remove} />
    </div>
  );
}

export function Saved({ children }: { children: ReactNode }) {
  return (
    <div className="banner ok" role="status">
      <Icon name="check" />
      <div className="grow">{children}</div>
    </div>
  );
}

/** Delete in two taps: "Xóa" asks "Xóa … ?" with a clear yes and no. */
interface ConfirmDeleteProps {
  /** "tin “Họp dân Thôn 1”": shown in the question. */
  what: string;
  onConfirm(): Promise<void> | void;
  label?: string;
  confirmLabel?: string;
}

export function ConfirmDelete({
  what,
  onConfirm,
  label = "Xóa",
  confirmLabel = "Xóa hẳn",
}: ConfirmDeleteProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" className="btn danger-outline" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="confirm-box" role="alertdialog" aria-label={`${label} ${what}`}>
      <p style={{ margin: "0 0 10px" }}>
        <strong>
          {label} {what}?
        </strong>{" "}
        Việc này không hoàn tác được.
      </p>
      <div className="btn-row">
        <button type="button" className="btn danger" onClick={confirm} disabled={busy}>
          {busy ? "Đang xử lý…" : confirmLabel}
        </button>
        <button type="button" className="btn secondary" onClick={() => setAsking(false)} disabled={busy}>
          Không
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Value of a datetime-local input ("2026-03-02T08:30") from an ISO instant, in device time. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** ISO instant from a datetime-local value, or undefined when empty/invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
