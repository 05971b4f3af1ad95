/**
 * Runs the deadline sweep on a timer: escalations, stale claims, auto-close. One run at a time
 * (a setTimeout chain, not setInterval), stopped on shutdown.
 */
import type { Logger } from "../lib/logger";
import type { Lifecycle } from "./lifecycle";

export function startSweeper(lifecycle: Lifecycle, logger: Logger, everyMs = 60_000) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    try {
      const result = lifecycle.sweep();
      const changed = Object.values(result).reduce((n, ids) => n + ids.length, 0);
      if (changed > 0) logger.info(result, "deadline sweep");
    } catch (error) {
      logger.error({ err: error }, "deadline sweep failed");
    }
    if (!stopped) timer = setTimeout(tick, everyMs);
  };
  timer = setTimeout(tick, 1000);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
