/**
 * Dates as older readers expect them: dd/mm/yyyy with four-digit years, 24-hour times and
 * weekday names, in the phone's time zone (Vietnam for the people using it). The one place
 * the mini app formats an instant or a day for reading.
 */

const pad = (n: number) => String(n).padStart(2, "0");
const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

function instant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "03/02/2026" from an ISO time, or from a plain date "2026-02-03" (kept as written). */
export function formatDate(value: string | null | undefined): string {
  const plain = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const d = instant(value);
  return d ? `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}` : "";
}

/** "14:05, 03/02/2026". */
export function formatDateTime(iso: string | null | undefined): string {
  const d = instant(iso);
  return d ? `${pad(d.getHours())}:${pad(d.getMinutes())}, ${formatDate(iso)}` : "";
}

/** "8:00, Thứ Bảy 14/03/2026": when an event takes place. */
export function formatEventTime(iso: string | null | undefined): string {
  const d = instant(iso);
  return d ? `${d.getHours()}:${pad(d.getMinutes())}, ${WEEKDAYS[d.getDay()]} ${formatDate(iso)}` : "";
}
