/**
 * Public holidays in Vietnam (Bộ luật Lao động 2019, Art. 112) as announced for civil servants,
 * including the compensatory days. Tết and the Hùng Kings day follow the lunar calendar and the
 * government announces the exact days each year: add or correct days with the HOLIDAYS setting.
 */
export const VIETNAM_HOLIDAYS: readonly string[] = [
  // 2025
  "2025-01-01",
  ...range("2025-01-25", "2025-02-02"), // Tết Ất Tỵ
  "2025-04-07", // Giỗ Tổ Hùng Vương
  "2025-04-30",
  "2025-05-01",
  "2025-05-02",
  "2025-09-01",
  "2025-09-02",
  // 2026
  "2026-01-01",
  ...range("2026-02-14", "2026-02-22"), // Tết Bính Ngọ
  "2026-04-27", // Giỗ Tổ Hùng Vương (26/4 is a Sunday)
  "2026-04-30",
  "2026-05-01",
  "2026-09-01",
  "2026-09-02",
  // 2027 (Tết estimated around 6/2/2027 until the official announcement)
  "2027-01-01",
  ...range("2027-02-04", "2027-02-10"), // Tết Đinh Mùi
  "2027-04-16", // Giỗ Tổ Hùng Vương
  "2027-04-30",
  "2027-05-03", // 1/5 is a Saturday
  "2027-09-02",
  "2027-09-03",
];

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
