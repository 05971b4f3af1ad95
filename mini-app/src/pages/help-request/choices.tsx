/** Big radio choices: what to help with, and where to meet. */
import {
  CATEGORIES_BY_KIND,
  CATEGORY_LABELS,
  MEETING_MODE_LABELS,
  MEETING_MODES,
  type MeetingMode,
} from "@cau-noi/shared/domain";
import type { ReactNode } from "react";
import type { HelpCategory } from "./form-state";

function Choices<T extends string>({
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

const CATEGORY_OPTIONS = CATEGORIES_BY_KIND.help.map((value) => ({
  value,
  label: CATEGORY_LABELS[value] ?? value,
}));
const MEETING_OPTIONS = MEETING_MODES.map((value) => ({ value, label: MEETING_MODE_LABELS[value] }));

export function CategoryChoice(props: {
  value: HelpCategory | null;
  error?: string;
  onChange(v: HelpCategory): void;
}) {
  return (
    <Choices name="category" legend="1. Anh/chị cần giúp việc gì?" options={CATEGORY_OPTIONS} {...props} />
  );
}

export function MeetingChoice(props: {
  value: MeetingMode | null;
  error?: string;
  onChange(v: MeetingMode): void;
}) {
  return (
    <Choices name="meetingMode" legend="2. Gặp Tổ công nghệ ở đâu?" options={MEETING_OPTIONS} {...props} />
  );
}
