/**
 * Settings from `app-config.json` (`template` block), as zmp templates read them. Zalo's runtime
 * (or our own server when it serves the build under /zapps/<APP_ID>/) may provide
 * `window.APP_CONFIG`; its non-empty values win over the copy bundled at build time.
 *
 * - `template.apiUrl`: where the API lives. Empty = same origin (the sandbox, where our server
 *   serves the mini app); in production the mini app runs on Zalo's CDN and calls our HTTPS API.
 * - `template.oaId`: the Official Account offered by "Quan tâm OA" (followOA).
 */
import appConfig from "../../app-config.json";

export interface TemplateConfig {
  apiUrl?: string;
  oaId?: string;
}

function setting(name: keyof TemplateConfig): string {
  // zmp-ui declares window.APP_CONFIG and window.APP_ID (router types); both may be unset.
  const fromWindow: unknown = typeof window === "undefined" ? undefined : window.APP_CONFIG?.template?.[name];
  const bundled = (appConfig.template as TemplateConfig)[name];
  return ((typeof fromWindow === "string" && fromWindow) || bundled || "").trim();
}

/** Base URL of the API without a trailing slash; "" means the page's own origin. */
export function apiBaseUrl(): string {
  return setting("apiUrl").replace(/\/+$/, "");
}

export function oaId(): string {
  return setting("oaId");
}
