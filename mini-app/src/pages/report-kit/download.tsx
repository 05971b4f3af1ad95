/**
 * A download of an export (XLSX, CSV, PNG, PDF). The export endpoints take the session as
 * `?session=` because a plain link cannot send a header. In a browser (sandbox) it is an ordinary
 * link; inside Zalo the WebView cannot save files, so the link opens in the phone's browser
 * (zmp-sdk openOutApp), falling back to Zalo's in-app browser (openWebview).
 */
import type { MouseEvent, ReactNode } from "react";
import { openOutApp, openWebview } from "zmp-sdk/apis";
import { sessionUrl } from "../../api/client";
import { Icon } from "../../icons";
import { session } from "../../state/session";

/** The absolute URL of an export, with the session; `path` may already carry a query. */
export function exportUrl(path: string): string {
  return new URL(sessionUrl(path), window.location.href).toString();
}

async function openOutside(url: string) {
  try {
    await openOutApp({ url });
  } catch {
    await openWebview({ url }).catch(() => undefined);
  }
}

export function DownloadLink({
  path,
  fileName,
  children,
  className = "btn secondary block",
}: {
  path: string;
  fileName: string;
  children: ReactNode;
  className?: string;
}) {
  const href = exportUrl(path);
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // The session may have been renewed since this rendered.
    const fresh = exportUrl(path);
    event.currentTarget.href = fresh;
    // Live mode means we run inside Zalo: hand the link to the phone.
    if (session.snapshot().sandbox === false) {
      event.preventDefault();
      void openOutside(fresh);
    }
  };
  return (
    <a className={className} href={href} download={fileName} onClick={onClick}>
      <Icon name="document" /> {children}
    </a>
  );
}
