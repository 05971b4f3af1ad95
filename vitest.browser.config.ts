/**
 * Browser tests (tests/browser): the real server as a child process and Debian's Chromium driven
 * by playwright-core. `npm test` runs them as the "browser" project of vitest.config.ts; alone:
 * `npx vitest run --project browser`.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "browser",
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
