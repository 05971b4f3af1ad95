/** Big radio choices in a fieldset: help request, field report and question forms. */
import type { ReactNode } from "react";

export function RadioChoices<T extends string>({
  name,
  legend,
  options,
  value,
  error,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T | null;
  error?: string;
  onChange(value: T): void;
}) {
  return (
    <fieldset className="field" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="choice-list">
        {options.map((option) => (
          <label key={option.value} className={`choice${value === option.value ? " selected" : ""}`}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
