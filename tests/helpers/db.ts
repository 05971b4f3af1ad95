/** A fresh, migrated database per test: in memory unless a test needs a file. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Db, openDatabase } from "../../bot-server/src/db/client";

export function memoryDatabase() {
  return openDatabase(":memory:");
}

export function tempDir(prefix = "cau-noi-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function fileDatabase() {
  const dir = tempDir();
  const path = join(dir, "test.db");
  return { path, dir, handle: openDatabase(path) };
}

/** Every row of the tables, as one string: equal before and after proves a refused call changed nothing. */
export function tableSnapshot(db: Db, ...tables: SQLiteTable[]): string {
  return JSON.stringify(tables.map((table) => db.select().from(table).all()));
}
