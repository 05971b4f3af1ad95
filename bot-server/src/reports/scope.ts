/**
 * What a report covers: a unit of the administrative tree and everything below it, loaded once
 * (at most a province: a few thousand rows), with the SQL conditions that select its requests,
 * teams and communes.
 */
import type { AdminUnitLevel, ReportUnit } from "@cau-noi/shared";
import { inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { adminUnits } from "../db/schema";
import { ancestry, getUnit } from "../units/queries";

export interface ScopeUnit extends ReportUnit {
  parentId: number | null;
  active: boolean;
}

export interface ReportScope {
  unit: ScopeUnit;
  /** Commune, district, province above the unit, nearest first. */
  parents: ReportUnit[];
  /** Every unit of the subtree (the unit included), by id. */
  units: Map<number, ScopeUnit>;
  subtreeIds: number[];
  communeIds: number[];
  /** Active villages of the subtree. */
  villageIds: number[];
}

export const reportUnit = (u: ScopeUnit): ReportUnit => ({
  id: u.id,
  code: u.code,
  name: u.name,
  level: u.level,
});

export function loadScope(db: Db, unitId: number): ReportScope | undefined {
  const row = getUnit(db, unitId);
  if (!row) return undefined;
  const toScope = (u: typeof row): ScopeUnit => ({
    id: u.id,
    code: u.code,
    name: u.name,
    level: u.level,
    parentId: u.parentId,
    active: u.active,
  });
  const units = new Map<number, ScopeUnit>([[row.id, toScope(row)]]);
  let frontier = [row.id];
  while (frontier.length > 0) {
    const children = db.select().from(adminUnits).where(inArray(adminUnits.parentId, frontier)).all();
    for (const child of children) units.set(child.id, toScope(child));
    frontier = children.map((c) => c.id);
  }
  const all = [...units.values()];
  return {
    unit: toScope(row),
    parents: ancestry(db, unitId)
      .slice(1)
      .map((u) => reportUnit(toScope(u))),
    units,
    subtreeIds: all.map((u) => u.id),
    communeIds: all.filter((u) => u.level === "commune").map((u) => u.id),
    villageIds: all.filter((u) => u.level === "village" && u.active).map((u) => u.id),
  };
}

/** `(1,2,3)` for an IN list; `(null)` matches nothing, so an empty scope yields zeros. */
export function inList(ids: readonly number[]): SQL {
  if (ids.length === 0) return sql`(null)`;
  return sql`(${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/**
 * The requests of the scope, on table alias `r`: a village's by village, a commune's by the
 * commune recorded at filing (history survives villages moving), higher units' by their communes.
 */
export function requestScopeSql(scope: ReportScope): SQL {
  if (scope.unit.level === "village") return sql`r.village_id = ${scope.unit.id}`;
  if (scope.unit.level === "commune") return sql`r.commune_id = ${scope.unit.id}`;
  return sql`r.commune_id in ${inList(scope.communeIds)}`;
}

/** Teams of the scope (village teams and commune pools), on table alias `t`. */
export function teamScopeSql(scope: ReportScope): SQL {
  return sql`t.unit_id in ${inList(scope.subtreeIds)}`;
}

/** Commune-level figures (KPIs, surveys) belong to a commune and above, not to a village. */
export function communeIdsForCommuneFigures(scope: ReportScope): number[] {
  return scope.unit.level === "village" ? [] : scope.communeIds;
}

/**
 * The rows a report breaks its figures into: villages of a commune, communes of a district or
 * province; none for a village.
 */
export function childRowUnits(scope: ReportScope): ScopeUnit[] {
  const level: AdminUnitLevel | null =
    scope.unit.level === "commune" ? "village" : scope.unit.level === "village" ? null : "commune";
  if (level === null) return [];
  return [...scope.units.values()]
    .filter((u) => u.level === level && u.id !== scope.unit.id && (u.active || level !== "village"))
    .sort(byName);
}

/** Direct children of the unit (Phụ lục I: districts of a province…); the unit itself for a village. */
export function directChildUnits(scope: ReportScope): ScopeUnit[] {
  if (scope.unit.level === "village") return [scope.unit];
  return [...scope.units.values()].filter((u) => u.parentId === scope.unit.id && u.active).sort(byName);
}

const byName = (a: ScopeUnit, b: ScopeUnit) => a.name.localeCompare(b.name, "vi") || a.id - b.id;

/**
 * Maps every unit of the subtree to the row unit it falls under (itself or an ancestor), or
 * undefined when it is above the rows (a commune's pool in a per-village breakdown).
 */
export function rowMapper(
  scope: ReportScope,
  rows: readonly ScopeUnit[],
): (unitId: number) => number | undefined {
  const rowIds = new Set(rows.map((r) => r.id));
  const cache = new Map<number, number | undefined>();
  const resolve = (unitId: number): number | undefined => {
    if (cache.has(unitId)) return cache.get(unitId);
    let current = scope.units.get(unitId);
    let found: number | undefined;
    while (current) {
      if (rowIds.has(current.id)) {
        found = current.id;
        break;
      }
      if (current.id === scope.unit.id || current.parentId === null) break;
      current = scope.units.get(current.parentId);
    }
    cache.set(unitId, found);
    return found;
  };
  return resolve;
}
