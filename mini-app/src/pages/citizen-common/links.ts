/**
 * Leaving the mini app: web pages and phone calls. Inside Zalo, zmp-sdk does it (openWebview for
 * pages to read, openOutApp for portals where the person logs in with VNeID, openPhone for
 * calls); in a browser (the sandbox, tests) the plain link does it. zmp-sdk's localhost mock
 * answers these calls without doing anything (zalo-platform.md §5.7), so it is only used when
 * the page really runs in Zalo.
 */
import type { MouseEvent } from "react";
import { openOutApp, openPhone, openWebview } from "zmp-sdk/apis";

export function inZalo(): boolean {
  return typeof navigator !== "undefined" && /zalo/i.test(navigator.userAgent);
}

/** "0235 3912 101" → "02353912101" (what tel: links and openPhone want). */
export function dialable(phone: string): string {
  return phone.replace(/[^\d+]/g, "");
}

/** A contact text that is just a phone number (jobs give a free-text contact). */
export function isPhoneNumber(text: string): boolean {
  return /^[\d\s.+()-]{8,20}$/.test(text.trim()) && dialable(text).length >= 8;
}

export function telHref(phone: string): string {
  return `tel:${dialable(phone)}`;
}

function openInBrowser(url: string) {
  window.open(url, "_blank", "noopener,noreferrer");
}

/**
 * onClick of an `<a href target="_blank">` to another site: in Zalo the SDK opens it (in the app
 * for reading, or in the phone's browser for portals); elsewhere the link opens as links do.
 */
export function externalLinkHandler(url: string, where: "in-app" | "browser") {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (!inZalo()) return;
    event.preventDefault();
    const open = where === "in-app" ? openWebview({ url, config: { style: "normal" } }) : openOutApp({ url });
    open.catch(() => openInBrowser(url));
  };
}

/** onClick of a `tel:` link: in Zalo, Zalo's own call screen. */
export function callHandler(phone: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (!inZalo()) return;
    event.preventDefault();
    openPhone({ phoneNumber: dialable(phone) }).catch(() => {
      window.location.href = telHref(phone);
    });
  };
}
