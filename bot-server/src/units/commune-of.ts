/** Which commune a unit belongs to: admin endpoints scope every item by it. */
import type { Db, Tx } from "../db/client";
import { getUnit } from "./queries";

/** The commune itself, the commune of a village, or null for any other unit (or none). */
export function communeOfUnit(db: Db | Tx, unitId: number | null): number | null {
  if (unitId === null) return null;
  const unit = getUnit(db as Db, unitId);
  if (unit?.level === "commune") return unit.id;
  if (unit?.level === "village") return unit.parentId;
  return null;
}
