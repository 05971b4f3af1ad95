/** "3 giờ trước", "còn 2 ngày": ages and deadlines in words a member reads at a glance. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} phút`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} giờ`;
  return `${Math.round(ms / DAY)} ngày`;
}

/** How long ago: "vừa xong", "25 phút trước", "3 ngày trước". */
export function ageOf(iso: string, now = Date.now()): string {
  const ms = now - new Date(iso).getTime();
  if (!Number.isFinite(ms) || ms < MINUTE) return "vừa xong";
  return `${span(ms)} trước`;
}

/** Time left to a deadline, or how late it is. */
export function dueIn(iso: string, now = Date.now()): { text: string; late: boolean } {
  const ms = new Date(iso).getTime() - now;
  if (!Number.isFinite(ms)) return { text: "", late: false };
  return ms >= 0 ? { text: `còn ${span(ms)}`, late: false } : { text: `quá hạn ${span(-ms)}`, late: true };
}
