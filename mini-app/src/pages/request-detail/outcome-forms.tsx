/**
 * The two closing forms of a request: "Báo đã xong" with a structured outcome (OUTCOME_CODES of
 * the kind; the receipt code when a dossier was submitted) and "Không tiếp nhận" with a reason.
 */
import type { RequestDetail } from "@cau-noi/shared";
import {
  OUTCOME_CODES,
  OUTCOME_LABELS,
  REJECT_REASON_LABELS,
  REJECT_REASONS,
  type RejectReason,
} from "@cau-noi/shared/domain";
import { type FormEvent, useState } from "react";
import { ApiError, messageOf } from "../../api/errors";
import { staffApi } from "../../api/staff-endpoints";
import { FormMessage, TextArea } from "../../components/form-fields";

interface FormProps {
  detail: RequestDetail;
  onDone(detail: RequestDetail): void;
  onCancel(): void;
}

/** Runs a request action: busy flag, the server's message and field errors; the new detail goes to `onDone`. */
export function useStaffSubmit(onDone: (detail: RequestDetail) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const run = async (action: () => Promise<RequestDetail>) => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      onDone(await action());
    } catch (e) {
      setError(messageOf(e));
      if (e instanceof ApiError) setFields(e.fields);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fields, setError, run };
}

/** The form's message, then its submit button and "Thôi". */
export function SubmitRow({
  error,
  busy,
  className,
  label,
  onCancel,
}: {
  error: string | null;
  busy: boolean;
  className: string;
  label: string;
  onCancel(): void;
}) {
  return (
    <>
      <FormMessage message={error} />
      <div className="btn-row">
        <button type="submit" className={className} disabled={busy}>
          {busy ? "Đang lưu…" : label}
        </button>
        <button type="button" className="btn link" onClick={onCancel}>
          Thôi
        </button>
      </div>
    </>
  );
}

function Choice<T extends string>({
  name,
  value,
  label,
  checked,
  onChange,
}: {
  name: string;
  value: T;
  label: string;
  checked: boolean;
  onChange(value: T): void;
}) {
  return (
    <label className={`choice${checked ? " selected" : ""}`}>
      <input type="radio" name={name} value={value} checked={checked} onChange={() => onChange(value)} />
      <span>{label}</span>
    </label>
  );
}

export function ResolveForm({ detail, onDone, onCancel }: FormProps) {
  const [outcome, setOutcome] = useState<string | null>(null);
  const [receipt, setReceipt] = useState("");
  const [note, setNote] = useState("");
  const { busy, error, fields, setError, run } = useStaffSubmit(onDone);
  const needsReceipt = outcome === "dossier_submitted";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return setError("Vui lòng chọn kết quả.");
    if (needsReceipt && !receipt.trim()) return setError("Vui lòng nhập mã biên nhận hồ sơ.");
    void run(() =>
      staffApi.resolve(detail.id, {
        outcomeCode: outcome,
        ...(needsReceipt ? { receiptCode: receipt.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
  };

  return (
    <form onSubmit={submit} noValidate className="card section">
      <fieldset className="field">
        <legend>Kết quả hỗ trợ</legend>
        <div className="choice-list">
          {OUTCOME_CODES[detail.kind].map((code) => (
            <Choice
              key={code}
              name="outcome"
              value={code}
              label={OUTCOME_LABELS[code] ?? code}
              checked={outcome === code}
              onChange={(v) => {
                setOutcome(v);
                setError(null);
              }}
            />
          ))}
        </div>
        {fields.outcomeCode && <p className="field-error">{fields.outcomeCode}</p>}
      </fieldset>
      {needsReceipt && (
        <div className="field">
          <label htmlFor="receipt">Mã biên nhận hồ sơ</label>
          <input
            id="receipt"
            className={`input${fields.receiptCode ? " invalid" : ""}`}
            value={receipt}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => setReceipt(e.target.value)}
          />
          {fields.receiptCode && <p className="field-error">{fields.receiptCode}</p>}
        </div>
      )}
      <TextArea
        id="resolve-note"
        label="Ghi chú kết quả (không bắt buộc)"
        value={note}
        maxLength={2000}
        onChange={setNote}
      />
      <SubmitRow
        error={error}
        busy={busy}
        className="btn accent"
        label="Xác nhận đã xong"
        onCancel={onCancel}
      />
    </form>
  );
}

export function RejectForm({ detail, onDone, onCancel }: FormProps) {
  const [reason, setReason] = useState<RejectReason | null>(null);
  const [duplicateOf, setDuplicateOf] = useState("");
  const [note, setNote] = useState("");
  const { busy, error, fields, setError, run } = useStaffSubmit(onDone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) return setError("Vui lòng chọn lý do.");
    const duplicateOfId = Number(duplicateOf);
    if (reason === "duplicate" && !(Number.isInteger(duplicateOfId) && duplicateOfId > 0))
      return setError("Vui lòng nhập số của yêu cầu bị trùng.");
    void run(() =>
      staffApi.reject(detail.id, {
        reason,
        ...(reason === "duplicate" ? { duplicateOfId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
  };

  return (
    <form onSubmit={submit} noValidate className="card section">
      <fieldset className="field">
        <legend>Lý do không tiếp nhận</legend>
        <div className="choice-list">
          {REJECT_REASONS.map((r) => (
            <Choice
              key={r}
              name="reject-reason"
              value={r}
              label={REJECT_REASON_LABELS[r]}
              checked={reason === r}
              onChange={(v) => {
                setReason(v);
                setError(null);
              }}
            />
          ))}
        </div>
      </fieldset>
      {reason === "duplicate" && (
        <div className="field">
          <label htmlFor="duplicate-of">Trùng với yêu cầu số</label>
          <input
            id="duplicate-of"
            className={`input${fields.duplicateOfId ? " invalid" : ""}`}
            inputMode="numeric"
            value={duplicateOf}
            onChange={(e) => setDuplicateOf(e.target.value.replace(/\D/g, ""))}
          />
          {fields.duplicateOfId && <p className="field-error">{fields.duplicateOfId}</p>}
        </div>
      )}
      <TextArea
        id="reject-note"
        label="Ghi chú (không bắt buộc)"
        value={note}
        maxLength={1000}
        onChange={setNote}
      />
      <SubmitRow
        error={error}
        busy={busy}
        className="btn danger-outline"
        label="Xác nhận không tiếp nhận"
        onCancel={onCancel}
      />
    </form>
  );
}
