/**
 * `npm run cli -- report`, run as a real child process on a demo database: the file it writes
 * carries the same figures as buildReport on that database; bad units, dates and extensions fail
 * with exit code 1 (usage errors 2) and write nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../bot-server/src/db/client";
import { buildReport } from "../bot-server/src/reports/build-report";
import { buildProvinceTable } from "../bot-server/src/reports/province-table";
import { getUnitByCode } from "../bot-server/src/units/queries";
import { tempDir } from "./helpers/db";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dir = tempDir("cau-noi-report-cli-");
const databasePath = join(dir, "cau-noi.db");

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "bot-server/src/cli/index.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      // biome-ignore lint/style/noProcessEnv: the child inherits PATH etc.; the CLI reads its config via loadEnv
      ...process.env,
      DATABASE_PATH: databasePath,
      DEMO_DATA: "true",
      LOG_LEVEL: "silent",
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** This month in Vietnam time: the demo requests are recent. */
function thisMonth() {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, "0")}` };
}

let handle: DatabaseHandle | undefined;
afterAll(() => handle?.close());

describe("cli report", { timeout: 120_000 }, () => {
  const period = thisMonth();
  /** `cli report` for the unit over this month, written to `out`. */
  const runReport = (unit: string, out: string, ...more: string[]) =>
    cli(["report", "--unit", unit, "--from", period.from, "--to", period.to, "--out", out, ...more]);

  it("writes the commune's XLSX with the figures buildReport computes, and a JSON summary", async () => {
    const out = join(dir, "bao-cao.xlsx");
    const run = runReport("CAMTHANH", out, "--json");
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ sheet: "report", format: "xlsx", path: out });

    handle = openDatabase(databasePath);
    const unit = getUnitByCode(handle.db, "CAMTHANH");
    const report = buildReport(handle.db, { unitId: unit?.id ?? 0, ...period });
    expect(report.requests.created).toBeGreaterThan(0); // not a comparison of zeros
    expect(summary.figures).toMatchObject({
      teams: report.organisation.teams,
      members: report.organisation.members.activeInPeriod,
      requestsCreated: report.requests.created,
      requestsResolved: report.requests.resolved,
      activities: report.activities.count,
    });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("II.1 Yêu cầu") as ExcelJS.Worksheet;
    const value = (label: string) => {
      let found: unknown;
      sheet.eachRow((row) => {
        if (found === undefined && row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(value("Yêu cầu mới trong kỳ")).toBe(report.requests.created);
    expect(value("Đã xử lý xong trong kỳ")).toBe(report.requests.resolved);
    expect(String(sheet.getCell("A2").value)).toContain("Xã Cẩm Thanh");
    expect(workbook.worksheets.map((s) => s.name)).toContain("Phụ lục I");
  });

  it("writes the province table as CSV with --sheet province", () => {
    const out = join(dir, "phu-luc-i.csv");
    const run = runReport("QNAM", out, "--sheet", "province");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Wrote the province of Quảng Nam (QNAM)");
    const text = readFileSync(out, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    handle ??= openDatabase(databasePath);
    const province = getUnitByCode(handle.db, "QNAM");
    const table = buildProvinceTable(handle.db, { unitId: province?.id ?? 0, ...period });
    const total = text.split("\r\n").find((line) => line.startsWith(",Tổng,"));
    expect(total?.split(",").slice(2, 4)).toEqual([
      `${table.totals.villagesWithTeam}/${table.totals.villages}`,
      String(table.totals.members),
    ]);
    expect(table.totals.members).toBeGreaterThan(0);
  });

  it("fails clearly, with exit code 1 or 2, and writes no file", () => {
    const before = readdirSync(dir).sort();
    const cases: Array<[string[], number, RegExp]> = [
      [
        ["--unit", "NO-SUCH", "--from", period.from, "--to", period.to, "--out", join(dir, "a.xlsx")],
        1,
        /no unit with code "NO-SUCH"/,
      ],
      [
        ["--unit", "CAMTHANH", "--from", "2026-02-30", "--to", period.to, "--out", join(dir, "b.xlsx")],
        1,
        /invalid --from "2026-02-30"/,
      ],
      [
        ["--unit", "CAMTHANH", "--from", "01/03/2026", "--to", period.to, "--out", join(dir, "c.xlsx")],
        1,
        /invalid --from/,
      ],
      [
        ["--unit", "CAMTHANH", "--from", period.to, "--to", period.from, "--out", join(dir, "d.xlsx")],
        1,
        /is after --to/,
      ],
      [
        ["--unit", "CAMTHANH", "--from", period.from, "--to", period.to, "--out", join(dir, "e.pdf")],
        1,
        /must end in \.xlsx or \.csv/,
      ],
      [["--unit", "CAMTHANH", "--from", period.from, "--out", join(dir, "f.xlsx")], 2, /missing --to/],
      [
        [
          "--unit",
          "CAMTHANH",
          "--from",
          period.from,
          "--to",
          period.to,
          "--out",
          join(dir, "g.xlsx"),
          "--sheet",
          "all",
        ],
        2,
        /unknown --sheet "all"/,
      ],
    ];
    for (const [args, status, message] of cases) {
      const run = cli(["report", ...args, "--json"]);
      expect(run.status, args.join(" ")).toBe(status);
      expect(run.stderr).toMatch(message);
      expect(JSON.parse(run.stdout).error.message).toMatch(message);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, "a.xlsx"))).toBe(false);
  });
});
