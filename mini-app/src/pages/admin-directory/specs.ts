/**
 * The four directory lists as data: their fields (label, input, required length), how a list
 * row reads, and how a form's text becomes the API body (empty optional → null, numbers,
 * booleans). One editor and one list serve all four.
 */
import { CONTACT_CATEGORIES, PLACE_CATEGORIES } from "@cau-noi/shared/domain";
import type { DirectoryKind } from "../../api/admin-endpoints";

/** The groups residents see on "Liên hệ" and "Du lịch – lưu trú – ẩm thực" (same words). */
const CONTACT_GROUPS: Record<(typeof CONTACT_CATEGORIES)[number], string> = {
  leadership: "Lãnh đạo UBND",
  hotline: "Đường dây nóng",
  police: "Công an",
  health: "Y tế",
  village: "Tổ công nghệ số các thôn, khối phố",
  other: "Liên hệ khác",
};
const PLACE_GROUPS: Record<(typeof PLACE_CATEGORIES)[number], string> = {
  lodging: "Cơ sở lưu trú",
  site: "Địa điểm du lịch",
  food: "Ẩm thực",
  specialty: "Đặc sản, quà tặng",
  ocop: "Sản phẩm OCOP",
};
const CONTACT_OPTIONS = CONTACT_CATEGORIES.map((value) => ({ value, label: CONTACT_GROUPS[value] }));
const PLACE_OPTIONS = PLACE_CATEGORIES.map((value) => ({ value, label: PLACE_GROUPS[value] }));
const groupLabel = (options: ReadonlyArray<{ value: string; label: string }>, value: unknown) =>
  options.find((o) => o.value === value)?.label ?? (typeof value === "string" ? value : "");

export type Draft = Record<string, string | boolean>;

export interface FieldSpec {
  name: string;
  label: string;
  input: "text" | "textarea" | "url" | "tel" | "date" | "number" | "check" | "select";
  /** For `select`: the values residents' pages group by, with their labels. */
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** Required with at least this many characters; absent = optional. */
  min?: number;
  max?: number;
  hint?: string;
  placeholder?: string;
}

/** A row of any directory list (the shared fields the list needs). */
export interface DirectoryRow {
  id: number;
  editable?: boolean;
  expired?: boolean;
  [field: string]: unknown;
}

export interface DirectorySpec {
  kind: DirectoryKind;
  tab: string;
  /** "liên hệ", "thủ tục"…: in "Thêm …", "Xóa … ?". */
  noun: string;
  fields: readonly FieldSpec[];
  title(row: DirectoryRow): string;
  lines(row: DirectoryRow): string[];
}

const s = (v: unknown) => (typeof v === "string" ? v : "");

export const SPECS: readonly DirectorySpec[] = [
  {
    kind: "contacts",
    tab: "Liên hệ",
    noun: "liên hệ",
    fields: [
      { name: "category", label: "Nhóm", input: "select", min: 2, options: CONTACT_OPTIONS },
      { name: "name", label: "Tên", input: "text", min: 2, max: 150 },
      { name: "title", label: "Chức vụ (không bắt buộc)", input: "text", max: 150 },
      { name: "phone", label: "Số điện thoại", input: "tel", min: 3, max: 20 },
      { name: "sortOrder", label: "Thứ tự hiển thị (không bắt buộc)", input: "number" },
    ],
    title: (r) => s(r.name),
    lines: (r) => [
      [groupLabel(CONTACT_OPTIONS, r.category), s(r.title)].filter(Boolean).join(" · "),
      s(r.phone),
    ],
  },
  {
    kind: "procedures",
    tab: "Thủ tục",
    noun: "thủ tục",
    fields: [
      { name: "field", label: "Lĩnh vực", input: "text", min: 2, max: 100, placeholder: "Ví dụ: Hộ tịch" },
      { name: "name", label: "Tên thủ tục", input: "text", min: 5, max: 300 },
      { name: "whatToBring", label: "Giấy tờ cần mang", input: "textarea", min: 5, max: 4000 },
      { name: "fee", label: "Lệ phí (không bắt buộc)", input: "text", max: 200 },
      { name: "processingTime", label: "Thời gian giải quyết (không bắt buộc)", input: "text", max: 200 },
      {
        name: "nationalPortalUrl",
        label: "Đường dẫn Cổng dịch vụ công quốc gia",
        input: "url",
        min: 10,
        max: 500,
        placeholder: "https://dichvucong.gov.vn/…",
      },
      {
        name: "provincialPortalUrl",
        label: "Đường dẫn Cổng dịch vụ công tỉnh (không bắt buộc)",
        input: "url",
        max: 500,
      },
      { name: "sortOrder", label: "Thứ tự hiển thị (không bắt buộc)", input: "number" },
    ],
    title: (r) => s(r.name),
    lines: (r) => [s(r.field), s(r.nationalPortalUrl)],
  },
  {
    kind: "places",
    tab: "Địa điểm",
    noun: "địa điểm",
    fields: [
      { name: "category", label: "Nhóm", input: "select", min: 2, options: PLACE_OPTIONS },
      { name: "name", label: "Tên", input: "text", min: 2, max: 200 },
      { name: "description", label: "Mô tả", input: "textarea", min: 5, max: 4000 },
      { name: "address", label: "Địa chỉ (không bắt buộc)", input: "text", max: 300 },
      { name: "phone", label: "Số điện thoại (không bắt buộc)", input: "tel", max: 20 },
    ],
    title: (r) => s(r.name),
    lines: (r) => [groupLabel(PLACE_OPTIONS, r.category), s(r.address)],
  },
  {
    kind: "jobs",
    tab: "Việc làm",
    noun: "tin việc làm",
    fields: [
      { name: "title", label: "Tên công việc, lớp học", input: "text", min: 5, max: 200 },
      { name: "employer", label: "Đơn vị tuyển dụng", input: "text", min: 2, max: 200 },
      { name: "description", label: "Mô tả", input: "textarea", min: 10, max: 4000 },
      {
        name: "contact",
        label: "Cách liên hệ, nộp hồ sơ",
        input: "text",
        min: 3,
        max: 300,
        placeholder: "Số điện thoại, địa chỉ…",
      },
      { name: "isTraining", label: "Đây là lớp đào tạo nghề", input: "check" },
      { name: "expiresOn", label: "Hiện đến hết ngày", input: "date", min: 10 },
    ],
    title: (r) => s(r.title),
    lines: (r) => [s(r.employer), r.isTraining ? "Lớp đào tạo" : "Việc làm"],
  },
];

export function draftOf(spec: DirectorySpec, row: DirectoryRow | null): Draft {
  const draft: Draft = {};
  for (const f of spec.fields) {
    const value = row?.[f.name];
    draft[f.name] =
      f.input === "check" ? value === true : value === null || value === undefined ? "" : String(value);
  }
  return draft;
}

/** Checks made on the phone, in the same words as the server's. */
export function checkDraft(spec: DirectorySpec, draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of spec.fields) {
    const value = draft[f.name];
    if (typeof value !== "string") continue;
    const text = value.trim();
    const what = f.label.replace(/ \(không bắt buộc\)$/, "").toLowerCase();
    if (f.min !== undefined && text.length === 0)
      errors[f.name] = f.input === "select" ? `Vui lòng chọn ${what}.` : `Vui lòng nhập ${what}.`;
    else if (f.min !== undefined && text.length < f.min && f.input !== "date" && f.input !== "select")
      errors[f.name] = `${f.label} cần ít nhất ${f.min} ký tự.`;
    else if (f.input === "url" && text && !/^https?:\/\//i.test(text))
      errors[f.name] = `${f.label.replace(/ \(không bắt buộc\)$/, "")} phải bắt đầu bằng https://`;
    else if (f.input === "number" && text && !/^\d+$/.test(text)) errors[f.name] = "Thứ tự không hợp lệ.";
  }
  return errors;
}

/** The API body: trimmed texts, null for an empty optional text, numbers and booleans typed. */
export function bodyOf(spec: DirectorySpec, draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const value = draft[f.name];
    if (f.input === "check") body[f.name] = value === true;
    else if (f.input === "number") {
      const text = String(value).trim();
      if (text) body[f.name] = Number(text);
    } else {
      const text = String(value).trim();
      body[f.name] = text === "" && f.min === undefined ? null : text;
    }
  }
  return body;
}
