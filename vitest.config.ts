import { defineConfig } from "vitest/config";

/**
 * `npm test` runs both projects: the suites under tests/ (real SQLite, the app over HTTP) and the
 * browser tests under tests/browser (the real server and mini app in Debian's Chromium, driven by
 * playwright-core; `apt-get install chromium`). `npm test` runs them one after the other, so the
 * browser tests do not compete for the CPU with the unit suites: `npm run test:unit`,
 * `npm run test:browser`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          // tests/artifacts holds outputs (screenshots, scratch files), never suites.
          exclude: ["tests/browser/**", "tests/artifacts/**", "**/node_modules/**"],
          environment: "node",
          pool: "forks",
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      "./vitest.browser.config.ts",
    ],
  },
});
