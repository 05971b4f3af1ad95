/**
 * Entry of the mini app: zmp-ui styles, our styles, readability classes before the first paint,
 * then providers (zmp-ui App › ZMPRouter) and the shell that waits for identity.
 *
 * ZMPRouter routes under /zapps/<window.APP_ID> in production builds (zalo-platform.md §5.7):
 * inside Zalo the host sets APP_ID; our server sets it when it serves the build.
 */
// Only the styles of the zmp-ui components we use (App, ZMPRouter, Page): zaui.css has all of
// them (113 kB, 15 kB gzipped, render-blocking; 3 kB for these three) and the CDN icon font.
// Using another zmp-ui component? Import its zmp-ui/<name>/styles/<name>.css where it is used.
import "zmp-ui/app/styles/app.css";
import "zmp-ui/page/styles/page.css";
import "zmp-ui/router/styles/router.css";
import "./styles.css";
import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { App, ZMPRouter } from "zmp-ui";
import { ErrorState } from "./components/error-state";
import { Layout } from "./components/layout";
import { startQueue } from "./state/queue";
import { retryStart, startSession, useSession } from "./state/session";
import { applySettings } from "./state/settings";

const SandboxSwitcher = lazy(() => import("./components/sandbox-switcher"));

function Splash({ error }: { error?: string | null }) {
  return (
    <div className="splash">
      <div className="brand">Cầu Nối</div>
      {error ? (
        <ErrorState message={error} onRetry={retryStart} />
      ) : (
        <p className="lead muted" role="status">
          Đang mở…
        </p>
      )}
    </div>
  );
}

function Shell() {
  const session = useSession();
  const switching =
    session.sandbox === true &&
    (session.choosing ||
      session.phase === "choose-persona" ||
      (session.phase === "signing-in" && !session.token));
  if (switching) {
    return (
      <Suspense fallback={<Splash />}>
        <SandboxSwitcher />
      </Suspense>
    );
  }
  // Signing in as someone else (sandbox) keeps the current screen until the new session is there.
  if (session.token && (session.phase === "ready" || session.phase === "signing-in")) return <Layout />;
  if (session.phase === "failed") return <Splash error={session.error} />;
  return <Splash />;
}

applySettings();
startQueue();
void startSession();

const root = document.getElementById("app");
if (root) {
  createRoot(root).render(
    <App>
      <ZMPRouter>
        <Shell />
      </ZMPRouter>
    </App>,
  );
}
