/** What to help with, and where to meet (the shared big radio choices). */
import {
  CATEGORIES_BY_KIND,
  CATEGORY_LABELS,
  MEETING_MODE_LABELS,
  MEETING_MODES,
  type MeetingMode,
} from "@cau-noi/shared/domain";
import { RadioChoices } from "../citizen-common/radio-choices";
import type { HelpCategory } from "./form-state";

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
    <RadioChoices
      name="category"
      legend="1. Anh/chị cần giúp việc gì?"
      options={CATEGORY_OPTIONS}
      {...props}
    />
  );
}

export function MeetingChoice(props: {
  value: MeetingMode | null;
  error?: string;
  onChange(v: MeetingMode): void;
}) {
  return (
    <RadioChoices
      name="meetingMode"
      legend="2. Gặp Tổ công nghệ ở đâu?"
      options={MEETING_OPTIONS}
      {...props}
    />
  );
}
