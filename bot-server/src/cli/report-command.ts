/**
 * `report --unit <code> --from <YYYY-MM-DD> --to <YYYY-MM-DD> --out <file.xlsx|file.csv>
 * [--sheet report|province|funding]`: the periodic report of a village, commune, district or
 * province written to a file, the format taken from the extension. Everything is checked before
 * anything is written, and the file appears whole (written next to it, then renamed).
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import { isRealDate, periodDays, REPORT_MAX_DAYS, REPORT_SHEETS, type ReportSheet } from "@cau-noi/shared";
import { loadEnv } from "../env";
import { buildReport, requireScope } from "../reports/build-report";
import { exportDocument, renderDocument } from "../reports/exports";
import { toPeriod } from "../reports/period";
import { withTouchedRequests } from "../reports/touched";
import { getUnitByCode } from "../units/queries";
import { CliError, parse, printJson, required, UsageError, withDatabase } from "./commands";

function checkDate(name: string, value: string): string {
  if (!isRealDate(value.trim())) {
    throw new CliError("invalid_value", `invalid --${name} "${value}": expected an existing date YYYY-MM-DD`);
  }
  return value.trim();
}

function formatOf(out: string): "xlsx" | "csv" {
  const ext = extname(out).toLowerCase();
  if (ext === ".xlsx" || ext === ".csv") return ext.slice(1) as "xlsx" | "csv";
  throw new CliError("invalid_value", `--out must end in .xlsx or .csv (got "${out}")`);
}

export async function reportCommand(args: string[]) {
  const { values } = parse(args, {
    unit: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    out: { type: "string" },
    sheet: { type: "string" },
  });
  const code = required(values, "unit", "code").trim();
  const from = checkDate("from", required(values, "from", "YYYY-MM-DD"));
  const to = checkDate("to", required(values, "to", "YYYY-MM-DD"));
  const out = resolve(required(values, "out", "file.xlsx|file.csv"));
  const sheet = (values.sheet ?? "report").trim() as ReportSheet;
  if (!REPORT_SHEETS.includes(sheet)) {
    throw new UsageError(`unknown --sheet "${values.sheet}" (one of: ${REPORT_SHEETS.join(", ")})`);
  }
  if (from > to) throw new CliError("invalid_value", `--from ${from} is after --to ${to}`);
  if (periodDays(from, to) > REPORT_MAX_DAYS) {
    throw new CliError("invalid_value", `the period is longer than ${REPORT_MAX_DAYS} days`);
  }
  const format = formatOf(out);
  await withDatabase(loadEnv(), async ({ db }) => {
    const unit = getUnitByCode(db, code);
    if (!unit) throw new CliError("not_found", `no unit with code "${code}"`);
    const input = { unitId: unit.id, from, to };
    // The file and the summary share one pass over the period's requests.
    const { document, report } = withTouchedRequests(
      db,
      requireScope(db, unit.id),
      toPeriod(from, to),
      () => ({
        document: exportDocument(db, input, sheet, format, { audience: "full" }),
        report: buildReport(db, input),
      }),
    );
    const file = await renderDocument(document, format);
    const partial = `${out}.partial`;
    try {
      writeFileSync(partial, file.body);
      renameSync(partial, out);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    const summary = {
      unit: { code: unit.code, name: unit.name, level: unit.level },
      from,
      to,
      sheet,
      format,
      path: out,
      bytes: file.body.byteLength,
      figures: {
        teams: report.organisation.teams,
        members: report.organisation.members.activeInPeriod,
        requestsCreated: report.requests.created,
        requestsResolved: report.requests.resolved,
        onTimeShare: report.requests.onTime.share,
        activities: report.activities.count,
        residentsReached: report.activities.residentsReached,
      },
    };
    if (values.json) return printJson(summary);
    const f = summary.figures;
    console.log(
      `Wrote the ${sheet} of ${unit.name} (${unit.code}), ${from} … ${to}, to ${out} ` +
        `(${file.body.byteLength.toLocaleString("en-US")} bytes): ${f.teams} teams, ${f.members} members, ` +
        `${f.requestsCreated} requests filed, ${f.requestsResolved} resolved, ${f.activities} activities`,
    );
  });
}
