/**
 * Labelled form fields with their hint and error under them (the admin screens, the activity
 * form): text, long text, a choice from a list, a checkbox, and the form's overall message.
 * Styles are the app's own (.field, .input, .textarea, .check-row in styles.css).
 */
import type { ReactNode } from "react";

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

/** The label and hint above a control, its error under it. */
function Field({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field-hint">{hint}</p>}
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** aria attributes tying a control to its error. */
function describedBy(id: string, error?: string) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
  } as const;
}

export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  type = "text",
  maxLength,
  placeholder,
  inputMode,
}: FieldProps & {
  value: string;
  onChange(value: string): void;
  type?: "text" | "date" | "datetime-local" | "url" | "tel" | "number";
  maxLength?: number;
  placeholder?: string;
  inputMode?: "numeric" | "tel" | "url" | "text";
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className={`input${error ? " invalid" : ""}`}
        type={type}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        inputMode={inputMode}
        {...describedBy(id, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  maxLength,
  rows,
}: FieldProps & { value: string; onChange(value: string): void; maxLength?: number; rows?: number }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className={`textarea${error ? " invalid" : ""}`}
        value={value}
        maxLength={maxLength}
        rows={rows}
        {...describedBy(id, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

export function SelectField<T extends string>({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: FieldProps & {
  value: T | "";
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange(value: T): void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={`input${error ? " invalid" : ""}`}
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {value === "" && !options.some((o) => o.value === "") && <option value="">– Chọn –</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckField({
  id,
  label,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
}) {
  return (
    <div className="field">
      <label className="check-row" htmlFor={id} style={{ fontWeight: 600, fontSize: "1rem" }}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The form's overall message (the server's, or "xem lại các mục…"). */
export function FormMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="banner error" role="alert">
      {message}
    </p>
  );
}
