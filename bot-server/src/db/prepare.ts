/**
 * Opens the configured database ready for use: migrations applied, and demo data loaded when
 * the database is new and DEMO_DATA is on. Shared by the server entry point and the CLI.
 */

import { seedDemoData } from "../demo/seed";
import type { Config } from "../env";
import { type DatabaseHandle, openDatabase } from "./client";

export function prepareDatabase(config: Pick<Config, "databasePath" | "demoData">, now = new Date()) {
  const handle: DatabaseHandle = openDatabase(config.databasePath);
  const demo = config.demoData ? seedDemoData(handle.db, now) : { loaded: false };
  return { handle, demoLoaded: demo.loaded };
}
