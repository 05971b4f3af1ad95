import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./bot-server/src/db/schema.ts",
  out: "./bot-server/src/db/migrations",
});
