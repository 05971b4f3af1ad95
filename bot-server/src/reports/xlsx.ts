/**
 * XLSX rendering of an export document with exceljs: one sheet per section, the title lines on
 * top, each table under its bold title with a bold, shaded header row, column widths, number
 * formats (counts, decimals, percentages, đồng) and a bold total row.
 */
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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cầu Nối";
  workbook.title = document.heading[0] ?? "";
  const used = new Set<string>();
  for (const section of document.sections)
    addSheet(workbook, document, section, uniqueName(section.sheet, used));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel refuses duplicate or long sheet names and some characters. */
function uniqueName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate);
  return candidate;
}

function addSheet(workbook: ExcelJS.Workbook, document: Document, section: Section, name: string) {
  const sheet = workbook.addWorksheet(name, { pageSetup: { orientation: "landscape", fitToWidth: 1 } });
  const widest = Math.max(...section.tables.map((t) => t.columns.length), 1);
  // Column widths: the widest column any table of the sheet puts there.
  for (let c = 0; c < widest; c++) {
    const width = Math.max(...section.tables.map((t) => t.columns[c]?.width ?? 0), 8);
    sheet.getColumn(c + 1).width = width;
  }
  document.heading.forEach((line, i) => {
    const row = sheet.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 14 } : { italic: i > 1 };
  });
  sheet.addRow([]);
  sheet.addRow([section.title]).font = { bold: true, size: 12 };
  for (const table of section.tables) {
    sheet.addRow([]);
    sheet.addRow([table.title]).font = { bold: true };
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.border = THIN;
    });
    for (const cells of table.rows) addDataRow(sheet, table.columns, cells);
    if (table.total) addDataRow(sheet, table.columns, table.total).font = { bold: true };
  }
}

function addDataRow(sheet: ExcelJS.Worksheet, columns: Column[], cells: Cell[]) {
  const row = sheet.addRow(cells.map((cell) => cellValue(cell)));
  cells.forEach((cell, i) => {
    const target = row.getCell(i + 1);
    const format = NUMBER_FORMATS[cellFormat(cell, columns[i])];
    if (format && typeof target.value === "number") target.numFmt = format;
    target.border = THIN;
    if (typeof target.value === "string" && target.value.length > 60) target.alignment = { wrapText: true };
  });
  return row;
}
