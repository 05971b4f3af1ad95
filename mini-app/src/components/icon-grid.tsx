/** Large labelled icons (the home grid): whole tile tappable, label always visible. */
import type { CSSProperties } from "react";
import { Link } from "react-router-dom";
import type { Feature } from "../features";
import { Icon } from "../icons";

export function Tile({ feature, variant }: { feature: Feature; variant?: "staff" }) {
  const className = ["tile", feature.highlight ? "highlight" : "", variant ?? ""].filter(Boolean).join(" ");
  return (
    <Link to={feature.path} className={className}>
      <span className="tile-icon" style={{ "--feature-color": feature.color } as CSSProperties}>
        <Icon name={feature.icon} />
      </span>
      <span>{feature.label}</span>
    </Link>
  );
}

export function IconGrid({ features, label }: { features: readonly Feature[]; label: string }) {
  return (
    <ul className="icon-grid" aria-label={label}>
      {features.map((feature) => (
        <li key={feature.path}>
          <Tile feature={feature} />
        </li>
      ))}
    </ul>
  );
}
