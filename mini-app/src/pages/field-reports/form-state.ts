/** The field report form: its values, checks in plain Vietnamese, and the body for POST /api/requests. */
import type { CATEGORIES_BY_KIND } from "@cau-noi/shared/domain";
import type { NewRequest } from "../../api/endpoints";
import type { Position } from "./location";

export type ReportCategory = (typeof CATEGORIES_BY_KIND.field_report)[number];

export interface ReportForm {
  category: ReportCategory | null;
  text: string;
  placeText: string;
  location: Position | null;
}

export const EMPTY_REPORT: ReportForm = { category: null, text: "", placeText: "", location: null };

export type ReportErrors = Partial<Record<"category" | "text" | "placeText", string>>;

export function checkReport(form: ReportForm): ReportErrors {
  const errors: ReportErrors = {};
  if (!form.category) errors.category = "Anh/chị vui lòng chọn lĩnh vực phản ánh.";
  const text = form.text.trim();
  if (text.length < 5) errors.text = "Anh/chị vui lòng mô tả sự việc (ít nhất 5 ký tự).";
  else if (text.length > 2000) errors.text = "Nội dung dài quá 2000 ký tự.";
  if (form.placeText.trim().length > 200) errors.placeText = "Nơi xảy ra dài quá 200 ký tự.";
  return errors;
}

/** Server field names → the form's (`location.latitude` and the like have no field of their own). */
export function reportErrorsFromServer(fields: Record<string, string>): ReportErrors {
  const errors: ReportErrors = {};
  if (fields.category) errors.category = fields.category;
  if (fields.text) errors.text = fields.text;
  if (fields.placeText) errors.placeText = fields.placeText;
  return errors;
}

export function toReportRequest(form: ReportForm, photoIds: string[]): NewRequest {
  const placeText = form.placeText.trim();
  return {
    kind: "field_report",
    category: form.category as ReportCategory,
    text: form.text.trim(),
    photoIds,
    ...(placeText ? { placeText } : {}),
    ...(form.location ? { location: form.location } : {}),
  };
}
