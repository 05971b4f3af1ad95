/**
 * Export files: the periodic report (XLSX with the province table and funding sheets added, or
 * CSV), the province table alone, the funding evidence alone. Used by the HTTP download and the
 * CLI.
 */
import type { ReportExportQuery, ReportSheet } from "@cau-noi/shared";
import type { Db } from "../db/client";
import { buildReport, type ReportInput, type ReportOptions, requireScope } from "./build-report";
import { renderCsv } from "./csv";
import { buildFundingEvidence } from "./funding";
import { toPeriod } from "./period";
import { buildProvinceTable } from "./province-table";
import {
  fundingDocument,
  fundingSection,
  provinceDocument,
  provinceSection,
  reportDocument,
} from "./report-document";
import type { Document } from "./table-model";
import { withTouchedRequests } from "./touched";
import { renderXlsx } from "./xlsx";

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

export function exportDocument(
  db: Db,
  input: ReportInput,
  sheet: ReportSheet,
  format: ReportExportQuery["format"],
  options: ReportOptions = {},
): Document {
  if (sheet === "province")
    return provinceDocument(buildProvinceTable(db, input), requireScope(db, input.unitId).parents);
  if (sheet === "funding")
    return fundingDocument(buildFundingEvidence(db, input), requireScope(db, input.unitId).parents);
  const scope = requireScope(db, input.unitId);
  // The three builds share one copy of the period's requests (touched.ts).
  return withTouchedRequests(db, scope, toPeriod(input.from, input.to), () => {
    const document = reportDocument(buildReport(db, input, options));
    // A workbook has room for the extra sheets; a CSV stays the report (the others are separate files).
    if (format === "xlsx") {
      document.sections.push(provinceSection(buildProvinceTable(db, input)));
      document.sections.push(fundingSection(buildFundingEvidence(db, input)));
    }
    return document;
  });
}

export async function exportFile(
  db: Db,
  input: ReportInput,
  sheet: ReportSheet,
  format: ReportExportQuery["format"],
  options: ReportOptions = {},
): Promise<ExportFile> {
  return renderDocument(exportDocument(db, input, sheet, format, options), format);
}

export async function renderDocument(
  document: Document,
  format: ReportExportQuery["format"],
): Promise<ExportFile> {
  const body = format === "xlsx" ? await renderXlsx(document) : renderCsv(document);
  return { fileName: `${document.fileStem}.${format}`, contentType: CONTENT_TYPES[format], body };
}
