/**
 * CSV rendering of an export document: UTF-8 with a byte-order mark (Excel then reads the
 * Vietnamese correctly), RFC 4180 quoting, CRLF line ends. The title lines come first; each
 * table follows its section header line, its header row and a blank line.
 */
import { type Cell, type CellFormat, type Column, cellFormat, cellValue, type Document } from "./table-model";

const BOM = "\uFEFF";

/** RFC 4180: quote fields with a comma, quote or line break; double the quotes inside. */
export function csvField(value: string): string {
  // A leading =, +, -, @ would make a spreadsheet run the text as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function formatted(cell: Cell, column: Column | undefined): string {
  const value = cellValue(cell);
  if (value === null) return "";
  if (typeof value === "string") return csvField(value);
  const format: CellFormat = cellFormat(cell, column);
  // Shares as "83.33%": a spreadsheet reads them back as percentages.
  if (format === "percent") return `${Math.round(value * 10_000) / 100}%`;
  return String(value);
}

export function renderCsv(document: Document): Buffer {
  const lines: string[] = document.heading.map(csvField);
  for (const section of document.sections) {
    for (const table of section.tables) {
      lines.push("");
      lines.push(csvField(`${section.title} – ${table.title}`));
      lines.push(table.columns.map((c) => csvField(c.header)).join(","));
      for (const row of [...table.rows, ...(table.total ? [table.total] : [])]) {
        // Short rows (a total under the first columns) are padded: every line has the header's width.
        const cells = table.columns.map((column, i) => formatted(row[i] ?? null, column));
        lines.push(cells.join(","));
      }
    }
  }
  return Buffer.from(`${BOM}${lines.join("\r\n")}\r\n`, "utf8");
}
