/** Dates and texts as older readers expect them: dd/mm/yyyy, weekday names, short paragraphs. */

const pad = (n: number) => String(n).padStart(2, "0");
const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

/** "03/02/2026" from an ISO time, or from a plain date "2026-02-03" (kept as written). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return "";
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "8:00, Thứ Bảy 14/03/2026": when an event takes place. */
export function formatEventTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getHours()}:${pad(d.getMinutes())}, ${WEEKDAYS[d.getDay()]} ${formatDate(iso)}`;
}

/** Paragraphs of a body written with blank lines between them. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "Xã Cẩm Thanh" → "xã Cẩm Thanh", as written inside a sentence ("UBND xã Cẩm Thanh"). */
export function inSentence(unitName: string): string {
  return unitName.replace(/^(Xã|Phường|Thị trấn)(?= )/, (word) => word.toLowerCase());
}
