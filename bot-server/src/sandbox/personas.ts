/**
 * Who the sandbox page can act as: every person the OA knows (an `oaFollowerId`), with a short
 * Vietnamese label of their role ("Tổ trưởng – Thôn 1, Cẩm Thanh"), the demo personas first.
 * Sandbox only: it lists names and Zalo ids, which no public endpoint may expose in live mode.
 */
import type { SandboxPersona } from "@cau-noi/shared";
import { and, eq, gt, isNotNull, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { adminUnits, memberships, persons, teams, unitRoles } from "../db/schema";
import { DEMO_PERSONAS } from "../demo/seed";

export type { SandboxPersona } from "@cau-noi/shared";
export type PersonaRole = SandboxPersona["role"];

const ROLE_ORDER: readonly PersonaRole[] = ["admin", "viewer", "leader", "member", "citizen"];

/** Administrative prefixes of unit names, with the word used in a sentence ("Cán bộ xã"). */
const UNIT_PREFIXES: ReadonlyArray<{ prefix: string; kind: string }> = [
  { prefix: "Thành phố ", kind: "thành phố" },
  { prefix: "Thị trấn ", kind: "thị trấn" },
  { prefix: "Thị xã ", kind: "thị xã" },
  { prefix: "Phường ", kind: "phường" },
  { prefix: "Huyện ", kind: "huyện" },
  { prefix: "Quận ", kind: "quận" },
  { prefix: "Tỉnh ", kind: "tỉnh" },
  { prefix: "Xã ", kind: "xã" },
];

interface Unit {
  id: number;
  parentId: number | null;
  level: string;
  name: string;
}

/** "Xã Cẩm Thanh" → { kind: "xã", short: "Cẩm Thanh" }; names without a known prefix stay whole. */
export function splitUnitName(name: string): { kind: string | null; short: string } {
  const match = UNIT_PREFIXES.find(({ prefix }) => name.startsWith(prefix) && name.length > prefix.length);
  return match ? { kind: match.kind, short: name.slice(match.prefix.length) } : { kind: null, short: name };
}

export function listSandboxPersonas(db: Db, now: Date): SandboxPersona[] {
  const units = new Map<number, Unit>(
    db
      .select({
        id: adminUnits.id,
        parentId: adminUnits.parentId,
        level: adminUnits.level,
        name: adminUnits.name,
      })
      .from(adminUnits)
      .all()
      .map((u) => [u.id, u]),
  );
  const shortName = (unitId: number | null | undefined) =>
    unitId == null ? null : splitUnitName(units.get(unitId)?.name ?? "").short || null;
  /** "Thôn 1, Cẩm Thanh" for a village; the commune's short name for a commune. */
  const placeOf = (unitId: number | null | undefined): string | null => {
    const unit = unitId == null ? undefined : units.get(unitId);
    if (!unit) return null;
    if (unit.level !== "village") return splitUnitName(unit.name).short;
    const commune = shortName(unit.parentId);
    return commune ? `${unit.name}, ${commune}` : unit.name;
  };

  const activeAt = (activeTo: typeof memberships.activeTo | typeof unitRoles.activeTo) =>
    or(isNull(activeTo), gt(activeTo, now));
  const people = db
    .select({
      id: persons.id,
      followerId: persons.oaFollowerId,
      appUserId: persons.zaloAppUserId,
      name: persons.displayName,
      following: persons.oaFollowing,
      homeVillageId: persons.homeVillageId,
    })
    .from(persons)
    .where(isNotNull(persons.oaFollowerId))
    .all();
  const teamRows = db
    .select({
      personId: memberships.personId,
      isLeader: memberships.isLeader,
      kind: teams.kind,
      teamName: teams.name,
      unitId: teams.unitId,
    })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(activeAt(memberships.activeTo), eq(teams.active, true)))
    .all();
  const roleRows = db
    .select({ personId: unitRoles.personId, role: unitRoles.role, unitId: unitRoles.unitId })
    .from(unitRoles)
    .where(activeAt(unitRoles.activeTo))
    .all();

  const rolesByPerson = new Map<number, Array<{ role: PersonaRole; label: string }>>();
  const addRole = (personId: number, role: PersonaRole, label: string) => {
    const list = rolesByPerson.get(personId) ?? [];
    if (!list.some((r) => r.label === label)) list.push({ role, label });
    rolesByPerson.set(personId, list);
  };
  for (const row of roleRows) {
    const unit = units.get(row.unitId);
    const { kind, short } = splitUnitName(unit?.name ?? "");
    if (row.role === "admin") {
      addRole(row.personId, "admin", kind ? `Cán bộ ${kind} – ${short}` : `Cán bộ – ${short}`);
    } else {
      addRole(row.personId, "viewer", `Người xem – ${short}`);
    }
  }
  for (const row of teamRows) {
    // A village team is named by its village; a commune pool by its own name and commune.
    const where =
      row.kind === "village"
        ? (placeOf(row.unitId) ?? row.teamName)
        : [row.teamName, shortName(row.unitId)].filter(Boolean).join(", ");
    addRole(
      row.personId,
      row.isLeader ? "leader" : "member",
      `${row.isLeader ? "Tổ trưởng" : "Thành viên tổ"} – ${where}`,
    );
  }

  const demoIndex = new Map(DEMO_PERSONAS.map((p, i) => [p.zaloAppUserId, i]));
  const demoLabel = new Map(DEMO_PERSONAS.map((p) => [p.zaloAppUserId, p.label]));
  const personas = people.map((person): SandboxPersona & { demoOrder: number } => {
    const roles = [...(rolesByPerson.get(person.id) ?? [])].sort(
      (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role),
    );
    const home = placeOf(person.homeVillageId);
    const citizen = `Người dân – ${home ?? "chưa chọn thôn"}`;
    const primary = roles[0] ?? { role: "citizen" as const, label: citizen };
    const appUserId = person.appUserId;
    const demoOrder = appUserId === null ? undefined : demoIndex.get(appUserId);
    return {
      followerId: person.followerId as string,
      appUserId,
      name: person.name,
      role: primary.role,
      roleLabel: primary.label,
      roleLabels: roles.length > 0 ? roles.map((r) => r.label) : [citizen],
      demoLabel: (appUserId !== null && demoLabel.get(appUserId)) || null,
      following: person.following,
      demoOrder: demoOrder ?? Number.MAX_SAFE_INTEGER,
    };
  });
  personas.sort(
    (a, b) =>
      a.demoOrder - b.demoOrder ||
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
      a.roleLabel.localeCompare(b.roleLabel, "vi", { numeric: true }) ||
      a.name.localeCompare(b.name, "vi"),
  );
  return personas.map(({ demoOrder: _order, ...persona }) => persona);
}
