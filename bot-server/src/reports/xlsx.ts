/**
 * XLSX rendering of an export document with exceljs: one sheet per section, the title lines on
 * top, each table under its bold title with a bold, shaded header row, column widths, number
 * formats (counts, decimals, percentages, đồng) and a bold total row.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import {
  type Cell,
  type CellFormat,
  type Column,
  cellFormat,
  cellValue,
  type Document,
  type Section,
} from "./table-model";

const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  int: "#,##0",
  decimal: "#,##0.00",
  percent: "0.0%",
  vnd: "#,##0",
};

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export async function renderXlsx(document: Document): Promise<Buffer> {
  // The streaming writer serialises each row as it is committed: a province's funding sheet
  // (thousands of rows) never sits in memory as cell objects.
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  workbook.creator = "Cầu Nối";
  workbook.title = document.heading[0] ?? "";
  const used = new Set<string>();
  for (const section of document.sections)
    addSheet(workbook, document, section, uniqueName(section.sheet, used));
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** Excel refuses duplicate or long sheet names and some characters. */
function uniqueName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate);
  return candidate;
}

function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  document: Document,
  section: Section,
  name: string,
) {
  const sheet = workbook.addWorksheet(name, { pageSetup: { orientation: "landscape", fitToWidth: 1 } });
  const widest = Math.max(...section.tables.map((t) => t.columns.length), 1);
  // Column widths: the widest column any table of the sheet puts there.
  for (let c = 0; c < widest; c++) {
    const width = Math.max(...section.tables.map((t) => t.columns[c]?.width ?? 0), 8);
    sheet.getColumn(c + 1).width = width;
  }
  const line = (values: Array<string | null>, font?: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow(values);
    if (font) row.getCell(1).font = font;
    row.commit();
  };
  document.heading.forEach((text, i) => {
    line([text], i === 0 ? { bold: true, size: 14 } : { italic: i > 1 });
  });
  line([]);
  line([section.title], { bold: true, size: 12 });
  for (const table of section.tables) {
    line([]);
    line([table.title], { bold: true });
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
    });
    header.commit();
    for (const cells of table.rows) addDataRow(sheet, table.columns, cells);
    if (table.total) addDataRow(sheet, table.columns, table.total, { bold: true });
  }
  sheet.commit();
}

function addDataRow(
  sheet: ExcelJS.Worksheet,
  columns: Column[],
  cells: Cell[],
  font?: Partial<ExcelJS.Font>,
) {
  const row = sheet.addRow(cells.map((cell) => cellValue(cell)));
  cells.forEach((cell, i) => {
    const target = row.getCell(i + 1);
    const format = NUMBER_FORMATS[cellFormat(cell, columns[i])];
    if (format && typeof target.value === "number") target.numFmt = format;
    target.border = THIN;
    if (font) target.font = font;
    if (typeof target.value === "string" && target.value.length > 60) target.alignment = { wrapText: true };
  });
  row.commit();
}
