/**
 * Opens the SQLite database, applies the pragmas every connection needs and the committed
 * migrations. The only place that touches the better-sqlite3 driver directly.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** The handle a `db.transaction(...)` callback receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DatabaseHandle {
  db: Db;
  /** Online backup to a file (SQLite backup API): safe while the server is writing. */
  backup(destination: string): Promise<void>;
  close(): void;
}

const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export interface OpenOptions {
  /** Apply committed migrations (default true). */
  migrate?: boolean;
}

export function openDatabase(path: string, options: OpenOptions = {}): DatabaseHandle {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets readers run while the single writer commits; NORMAL is durable across process
  // crashes (only an OS crash can lose the last transactions), see better-sqlite3 docs.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  // The CLI, the bench and tests open extra connections: wait instead of failing with BUSY.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("temp_store = MEMORY");
  sqlite.pragma("cache_size = -65536");
  const db = drizzle(sqlite, { schema });
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    backup: async (destination) => {
      mkdirSync(dirname(destination), { recursive: true });
      await sqlite.backup(destination);
    },
    close: () => sqlite.close(),
  };
}
