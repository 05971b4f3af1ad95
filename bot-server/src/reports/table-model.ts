/**
 * A neutral model of what an export contains: sections (one XLSX sheet each) of titled tables
 * with typed columns. The XLSX and CSV writers render the same model, so both formats always
 * carry the same figures.
 */

export type CellFormat = "text" | "int" | "decimal" | "percent" | "vnd";
/** A value, or a value with its own format (a "value" column mixing counts and shares). */
export type Cell = string | number | null | { value: number | null; format: CellFormat };

export interface Column {
  header: string;
  /** Excel column width in characters. */
  width: number;
  format?: CellFormat;
}

export interface Table {
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** A bold last row ("Tổng"). */
  total?: Cell[];
}

export interface Section {
  /** Sheet name (≤ 31 characters, none of []:*?/\). */
  sheet: string;
  title: string;
  tables: Table[];
}

export interface Document {
  /** Title lines above every sheet (and at the top of a CSV). */
  heading: string[];
  sections: Section[];
  /** Download file name without extension (ASCII). */
  fileStem: string;
}

export const cellValue = (cell: Cell): string | number | null =>
  cell !== null && typeof cell === "object" ? cell.value : cell;

export const cellFormat = (cell: Cell, column: Column | undefined): CellFormat =>
  cell !== null && typeof cell === "object"
    ? cell.format
    : (column?.format ?? (typeof cell === "number" ? "int" : "text"));

/** `2026-03-01` → `01/03/2026`, as Vietnamese documents write dates. */
export function viDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

export const pct = (value: number | null): Cell => ({ value, format: "percent" });
export const dec = (value: number | null): Cell => ({ value, format: "decimal" });
