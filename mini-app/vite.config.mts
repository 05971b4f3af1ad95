/**
 * Vite for the Zalo Mini App. `app-config.json` stays at the repository root (zmp-cli reads it
 * from the project root); it is passed to zmp-vite-plugin here, so the build works from any
 * working directory (`npm run build -w @cau-noi/mini-app` runs inside mini-app/).
 *
 * The plugin sets `base: "./"`, ES2015 targets, `assets/[name].[hash].module.js` names and writes
 * `www/app-config.json` with the CSS/JS lists `zmp deploy` uploads (zalo-platform.md §5.4).
 * `npm run dev -w @cau-noi/mini-app` proxies the API to a local `npm start` on port 8080.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import zaloMiniApp from "zmp-vite-plugin";

const appConfig = JSON.parse(readFileSync(new URL("../app-config.json", import.meta.url), "utf8"));
const api = "http://localhost:8080";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [zaloMiniApp(appConfig), react()],
  build: {
    outDir: "www",
    emptyOutDir: true,
    // Pages are split with React.lazy; no chunk should come near Zalo's 3 MB per-file limit.
    chunkSizeWarningLimit: 400,
    rollupOptions: {
      onwarn(warning, warn) {
        // The shared schemas are imported only in development (api/client.ts `checkShape`):
        // Rollup still parses zod while building the graph and complains about its comments.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/zod/")) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": api, "/healthz": api, "/sandbox/api": api, "/__zalo": api },
  },
});
