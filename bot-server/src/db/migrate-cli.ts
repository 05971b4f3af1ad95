/** `npm run db:migrate`: applies the committed migrations to DATABASE_PATH and exits. */
import { loadEnv } from "../env";
import { openDatabase } from "./client";

const config = loadEnv();
openDatabase(config.databasePath).close();
console.error(`Migrations applied to ${config.databasePath}`);
