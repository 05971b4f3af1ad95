/** Targets grouped by team, each a progress bar: counted so far against the target for its period. */
import type { Target } from "@cau-noi/shared";
import { TARGET_METRIC_LABELS } from "@cau-noi/shared/domain";
import type { ReactNode } from "react";
import { formatNumber, Meter } from "../report-kit/charts";
import { periodLabel } from "../report-kit/period";

export function groupByTeam(
  items: readonly Target[],
): Array<{ teamId: number; teamName: string; items: Target[] }> {
  const groups = new Map<number, { teamId: number; teamName: string; items: Target[] }>();
  for (const t of items) {
    const group = groups.get(t.teamId) ?? { teamId: t.teamId, teamName: t.teamName, items: [] };
    group.items.push(t);
    groups.set(t.teamId, group);
  }
  return [...groups.values()];
}

export function TargetProgress({ target, action }: { target: Target; action?: ReactNode }) {
  const done = target.actual >= target.target;
  return (
    <div className="target-item">
      <Meter
        label={TARGET_METRIC_LABELS[target.metric]}
        share={target.share}
        target={1}
        detail={`${formatNumber(target.actual)}/${formatNumber(target.target)} · ${periodLabel({
          from: target.periodFrom,
          to: target.periodTo,
        })}${done ? " · đã đạt chỉ tiêu" : ""}`}
      />
      {action}
    </div>
  );
}
