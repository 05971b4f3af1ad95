/** The help request form: its values, checks in plain Vietnamese, and the body for POST /api/requests. */
import type { CATEGORIES_BY_KIND, MeetingMode } from "@cau-noi/shared/domain";
import { CATEGORY_LABELS } from "@cau-noi/shared/domain";
import type { NewRequest } from "../../api/endpoints";

export type HelpCategory = (typeof CATEGORIES_BY_KIND.help)[number];

export interface HelpForm {
  category: HelpCategory | null;
  meetingMode: MeetingMode | null;
  note: string;
  forRelative: boolean;
  relativeName: string;
  relationship: string;
  relativePhone: string;
  /** null: my own home village. */
  relativeVillageId: number | null;
  relativeVillageName: string | null;
  consent: boolean;
}

export const EMPTY_FORM: HelpForm = {
  category: null,
  meetingMode: null,
  note: "",
  forRelative: false,
  relativeName: "",
  relationship: "",
  relativePhone: "",
  relativeVillageId: null,
  relativeVillageName: null,
  consent: false,
};

export type FormErrors = Partial<
  Record<"category" | "meetingMode" | "note" | "name" | "phone" | "consent" | "village", string>
>;

const PHONE = /^(\+?84|0)\d{9,10}$/;

export function normalizePhone(value: string): string {
  return value.replace(/[\s.-]/g, "");
}

export function checkForm(form: HelpForm, hasHomeVillage: boolean): FormErrors {
  const errors: FormErrors = {};
  if (!form.category) errors.category = "Anh/chị vui lòng chọn việc cần giúp.";
  if (!form.meetingMode) errors.meetingMode = "Anh/chị vui lòng chọn cách gặp.";
  if (form.note.trim().length > 2000) errors.note = "Ghi chú dài quá 2000 ký tự.";
  if (form.forRelative) {
    if (form.relativeName.trim().length < 2) errors.name = "Anh/chị vui lòng nhập họ tên người thân.";
    const phone = normalizePhone(form.relativePhone);
    if (phone && !PHONE.test(phone)) errors.phone = "Số điện thoại chưa đúng (ví dụ 0905123456).";
    if (!form.consent) errors.consent = "Cần có sự đồng ý của người thân.";
    if (!hasHomeVillage && form.relativeVillageId === null)
      errors.village = "Anh/chị vui lòng chọn thôn của người thân.";
  }
  return errors;
}

/** Server field names (`onBehalf.name`) → the form's. */
export function errorsFromServer(fields: Record<string, string>): FormErrors {
  const map: Record<string, keyof FormErrors> = {
    category: "category",
    meetingMode: "meetingMode",
    text: "note",
    "onBehalf.name": "name",
    "onBehalf.phone": "phone",
    "onBehalf.consent": "consent",
    villageId: "village",
  };
  const errors: FormErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    const field = map[key];
    if (field) errors[field] ??= message;
  }
  return errors;
}

export function toRequest(form: HelpForm): NewRequest {
  const category = form.category as HelpCategory;
  const note = form.note.trim();
  // The note is optional for the person; the API wants a text, so the category says it.
  const text =
    note.length >= 5 ? note : `Nhờ giúp: ${CATEGORY_LABELS[category] ?? category}${note ? ` – ${note}` : ""}`;
  const body: NewRequest = {
    kind: "help",
    category,
    meetingMode: form.meetingMode as MeetingMode,
    text,
  };
  if (form.forRelative) {
    const phone = normalizePhone(form.relativePhone);
    body.onBehalf = {
      name: form.relativeName.trim(),
      ...(form.relationship.trim() ? { relationship: form.relationship.trim() } : {}),
      ...(phone ? { phone } : {}),
      consent: true,
    };
    if (form.relativeVillageId !== null) body.villageId = form.relativeVillageId;
  }
  return body;
}
