/**
 * Text helpers used on both sides: Vietnamese folding for tolerant search, and redaction of
 * personal data before anything is shown publicly.
 */

/** Lower-case, strip diacritics (đ → d), collapse spaces: "Khối phố 2" → "khoi pho 2". */
export function foldVietnamese(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Vietnamese phone numbers (0 or +84/84 followed by a 9-digit mobile or 10-digit landline
 * number, with optional spaces, dots or dashes between groups) and 9/12-digit identity numbers
 * (CMND/CCCD). Nine digits starting with 0 are an old CMND (Hà Nội), not a phone number.
 */
const PHONE_PATTERN = /(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){9,10}(?!\d)/g;
const ID_NUMBER_PATTERN = /(?<!\d)(?:\d{12}|\d{9})(?!\d)/g;

/** Masks phone and identity numbers a resident may have typed into a public report. */
export function redactPersonalData(input: string): string {
  return input
    .replace(PHONE_PATTERN, "[đã ẩn số điện thoại]")
    .replace(ID_NUMBER_PATTERN, "[đã ẩn số giấy tờ]");
}

/** True when the text still holds something that looks like a phone or identity number. */
export function containsPersonalNumber(input: string): boolean {
  return new RegExp(PHONE_PATTERN.source).test(input) || new RegExp(ID_NUMBER_PATTERN.source).test(input);
}
