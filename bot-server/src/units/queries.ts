/** Reads of the administrative tree. */
import { foldVietnamese, type Village } from "@cau-noi/shared";
import { and, asc, eq, inArray, like } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { adminUnits } from "../db/schema";

export type AdminUnitRow = typeof adminUnits.$inferSelect;

export function getUnit(db: Db, id: number): AdminUnitRow | undefined {
  return db.select().from(adminUnits).where(eq(adminUnits.id, id)).get();
}

export function getUnitByCode(db: Db, code: string): AdminUnitRow | undefined {
  return db.select().from(adminUnits).where(eq(adminUnits.code, code)).get();
}

/** The unit and all its ancestors, nearest first. */
export function ancestry(db: Db, unitId: number): AdminUnitRow[] {
  const chain: AdminUnitRow[] = [];
  let current = getUnit(db, unitId);
  while (current && chain.length < 8) {
    chain.push(current);
    current = current.parentId === null ? undefined : getUnit(db, current.parentId);
  }
  return chain;
}

/** Ids of the unit and every unit below it (used to scope admins and viewers). */
export function subtreeIds(db: Db, unitId: number): number[] {
  const ids = [unitId];
  let frontier = [unitId];
  while (frontier.length > 0) {
    const children = db
      .select({ id: adminUnits.id })
      .from(adminUnits)
      .where(inArray(adminUnits.parentId, frontier))
      .all()
      .map((r) => r.id);
    ids.push(...children);
    frontier = children;
  }
  return ids;
}

const commune = alias(adminUnits, "commune");
const district = alias(adminUnits, "district");
const province = alias(adminUnits, "province");

/**
 * Villages with their commune and province, for pickers and the CLI. `query` matches names
 * without diacritics ("thon 3", "khoi pho 2", "cam thanh").
 */
export function listVillages(
  db: Db,
  filter: { communeId?: number; query?: string; ids?: number[] } = {},
): Village[] {
  const conditions = [eq(adminUnits.level, "village"), eq(adminUnits.active, true)];
  if (filter.communeId) conditions.push(eq(adminUnits.parentId, filter.communeId));
  if (filter.ids) conditions.push(inArray(adminUnits.id, filter.ids));
  const rows = db
    .select({
      id: adminUnits.id,
      code: adminUnits.code,
      name: adminUnits.name,
      searchName: adminUnits.searchName,
      communeId: commune.id,
      communeName: commune.name,
      communeSearch: commune.searchName,
      districtLevel: district.level,
      districtName: district.name,
      districtParentName: province.name,
    })
    .from(adminUnits)
    .innerJoin(commune, eq(commune.id, adminUnits.parentId))
    .leftJoin(district, eq(district.id, commune.parentId))
    .leftJoin(province, eq(province.id, district.parentId))
    .where(and(...conditions))
    .orderBy(asc(commune.name), asc(adminUnits.id))
    .all();
  const words = filter.query ? foldVietnamese(filter.query).split(" ").filter(Boolean) : [];
  return rows
    .filter((r) => words.every((w) => `${r.searchName} ${r.communeSearch}`.includes(w)))
    .map((r) => {
      // A commune sits directly under the province when the district level is skipped.
      const hasDistrict = r.districtLevel === "district";
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        communeId: r.communeId,
        communeName: r.communeName,
        districtName: hasDistrict ? r.districtName : null,
        provinceName: (hasDistrict ? r.districtParentName : r.districtName) ?? "",
      };
    });
}

export function getVillage(db: Db, id: number): Village | undefined {
  return listVillages(db, { ids: [id] })[0];
}

export function listUnits(db: Db, level: AdminUnitRow["level"], nameLike?: string): AdminUnitRow[] {
  const conditions = [eq(adminUnits.level, level)];
  if (nameLike) conditions.push(like(adminUnits.searchName, `%${foldVietnamese(nameLike)}%`));
  return db
    .select()
    .from(adminUnits)
    .where(and(...conditions))
    .orderBy(asc(adminUnits.name))
    .all();
}
