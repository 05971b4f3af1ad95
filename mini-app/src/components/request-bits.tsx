/** Small pieces every request screen shares: status badge, dates, the person who took it. */
import type { RequestSummary } from "@cau-noi/shared";
import {
  CATEGORY_LABELS,
  CIVIC_ROLE_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
} from "@cau-noi/shared/domain";
import { useState } from "react";

export function StatusBadge({ status }: { status: RequestSummary["status"] }) {
  return <span className={`badge ${status}`}>{REQUEST_STATUS_LABELS[status]}</span>;
}

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

export function kindLabel(kind: RequestSummary["kind"]): string {
  return REQUEST_KIND_LABELS[kind];
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return (
    words.length > 1
      ? `${words[words.length - 2]?.[0] ?? ""}${words[words.length - 1]?.[0] ?? ""}`
      : (words[0]?.[0] ?? "?")
  ).toUpperCase();
}

/** A photo when there is one (and it loads), else initials. */
export function Avatar({ name, url }: { name: string; url: string | null }) {
  const [broken, setBroken] = useState(false);
  if (url && !broken) return <img className="avatar" src={url} alt="" onError={() => setBroken(true)} />;
  return (
    <span className="avatar" aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function OwnerLine({ owner }: { owner: RequestSummary["owner"] }) {
  if (!owner) return <span className="muted">Chưa có người nhận</span>;
  const role = owner.civicRole ? CIVIC_ROLE_LABELS[owner.civicRole] : null;
  return (
    <span>
      Người giúp: <strong>{owner.displayName}</strong>
      {role ? ` – ${role}` : ""}
    </span>
  );
}
