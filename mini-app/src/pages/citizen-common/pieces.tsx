/** Small pieces the citizen pages share: call buttons, outside links, grouping, chips. */
import type { ReactNode } from "react";
import { Icon } from "../../icons";
import { callHandler, externalLinkHandler, telHref } from "./links";

/** A large "Gọi" button for a phone number; the number stays readable beside it. */
export function CallButton({ phone, label }: { phone: string; label: string }) {
  return (
    <a
      className="btn call-btn"
      href={telHref(phone)}
      onClick={callHandler(phone)}
      aria-label={`Gọi ${label}: ${phone}`}
    >
      <Icon name="phone" /> Gọi
    </a>
  );
}

export function ExternalLink({
  url,
  where,
  className = "btn secondary",
  children,
}: {
  url: string;
  where: "in-app" | "browser";
  className?: string;
  children: ReactNode;
}) {
  return (
    <a
      className={className}
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      onClick={externalLinkHandler(url, where)}
    >
      {children}
    </a>
  );
}

/** Items grouped by a key, groups in the given order (unknown keys last, as they come). */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string, order: readonly string[] = []) {
  const groups = new Map<string, T[]>();
  for (const key of order) groups.set(key, []);
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups.entries()].filter(([, list]) => list.length > 0);
}

/** A row of large toggle chips (filter by category); `null` is "Tất cả". */
export function ChipFilter({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string | null;
  onChange(value: string | null): void;
}) {
  const all = [{ value: null, label: "Tất cả" }, ...options];
  return (
    <fieldset className="chip-row">
      <legend className="visually-hidden">{label}</legend>
      {all.map((option) => (
        <button
          key={option.value ?? "all"}
          type="button"
          className={`chip${value === option.value ? " selected" : ""}`}
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );
}
