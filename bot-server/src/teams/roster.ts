/**
 * The roster: who belongs to which village team, and who administers which commune. Used by the
 * operator CLI (`member add`, `admin add`) and, later, by the admin screens of the HTTP API.
 *
 * Every change validates its input first (nothing is written on bad input) and runs in one
 * IMMEDIATE transaction, so repeating a command is harmless: the same person, team and
 * membership are found again instead of being created twice.
 */
import { CIVIC_ROLES, type CivicRole } from "@cau-noi/shared";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { adminUnits, memberships, persons, teams, unitRoles } from "../db/schema";
import { AppError } from "../lib/errors";
import { validationError } from "../requests/lifecycle";

const unitCode = (what: string) =>
  z
    .string({ error: `Vui lòng nhập mã ${what}.` })
    .trim()
    .min(1, { error: `Vui lòng nhập mã ${what}.` })
    .max(64, { error: `Mã ${what} dài quá 64 ký tự.` });

const zaloAppUserId = z
  .string({ error: "Vui lòng nhập mã người dùng Zalo." })
  .trim()
  .regex(/^\d{1,32}$/, { error: "Mã người dùng Zalo chỉ gồm chữ số (1–32 chữ số)." });

const personName = z
  .string({ error: "Vui lòng nhập họ tên." })
  .trim()
  .min(1, { error: "Vui lòng nhập họ tên." })
  .max(100, { error: "Họ tên dài quá 100 ký tự." });

export const addMemberSchema = z.object({
  villageCode: unitCode("thôn, khối phố"),
  zaloAppUserId,
  name: personName,
  leader: z.boolean().optional(),
  civicRole: z.enum(CIVIC_ROLES, { error: "Vai trò không hợp lệ." }).optional(),
});

export const addAdminSchema = z.object({
  communeCode: unitCode("xã, phường"),
  zaloAppUserId,
  name: personName,
});

export interface AddMemberInput {
  villageCode: string;
  zaloAppUserId: string;
  name: string;
  /** Leader of the team. Left out: false for a new membership, unchanged for an existing one. */
  leader?: boolean;
  /** Left out: "other" for a new membership, unchanged for an existing one. */
  civicRole?: CivicRole;
}

export interface AddMemberResult {
  personId: number;
  teamId: number;
  membershipId: number;
  /** A new membership was created. */
  created: boolean;
  /** An existing membership had its leader flag or civic role updated. */
  changed: boolean;
  personCreated: boolean;
  teamCreated: boolean;
  personName: string;
  teamName: string;
  villageName: string;
  isLeader: boolean;
  civicRole: CivicRole;
}

export interface AddAdminInput {
  communeCode: string;
  zaloAppUserId: string;
  name: string;
}

export interface AddAdminResult {
  personId: number;
  unitId: number;
  /** A new admin role was created (false when the person already administers the commune). */
  created: boolean;
  personCreated: boolean;
  personName: string;
  communeName: string;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data;
}

function findUnit(tx: Tx, code: string) {
  return tx.select().from(adminUnits).where(eq(adminUnits.code, code)).get();
}

/** The person with this Zalo app user id, created when new (the name is kept if they exist). */
function findOrCreatePerson(
  tx: Tx,
  zaloId: string,
  name: string,
  homeVillageId: number | null,
): { id: number; displayName: string; created: boolean } {
  const existing = tx
    .select({ id: persons.id, displayName: persons.displayName })
    .from(persons)
    .where(eq(persons.zaloAppUserId, zaloId))
    .get();
  if (existing) return { ...existing, created: false };
  const row = tx
    .insert(persons)
    .values({ zaloAppUserId: zaloId, displayName: name, homeVillageId })
    .returning({ id: persons.id, displayName: persons.displayName })
    .get();
  return { ...row, created: true };
}

/** Adds a person to their village's team (creating the team or the person when missing). */
export function addMember(db: Db, input: AddMemberInput, now: Date): AddMemberResult {
  const data = parse(addMemberSchema, input);
  return db.transaction(
    (tx) => {
      const village = findUnit(tx, data.villageCode);
      if (village?.level !== "village" || !village.active) {
        throw new AppError("not_found", `Không tìm thấy thôn, khối phố có mã "${data.villageCode}".`);
      }

      let teamCreated = false;
      let team = tx
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.unitId, village.id), eq(teams.kind, "village"), eq(teams.active, true)))
        .orderBy(asc(teams.id))
        .get();
      if (!team) {
        team = tx
          .insert(teams)
          .values({ unitId: village.id, kind: "village", name: `Tổ CNSCĐ ${village.name}` })
          .returning({ id: teams.id, name: teams.name })
          .get();
        teamCreated = true;
      }

      const person = findOrCreatePerson(tx, data.zaloAppUserId, data.name, village.id);
      const base = {
        personId: person.id,
        teamId: team.id,
        personCreated: person.created,
        teamCreated,
        personName: person.displayName,
        teamName: team.name,
        villageName: village.name,
      };

      const current = tx
        .select()
        .from(memberships)
        .where(
          and(
            eq(memberships.teamId, team.id),
            eq(memberships.personId, person.id),
            isNull(memberships.activeTo),
          ),
        )
        .get();
      if (current) {
        const isLeader = data.leader ?? current.isLeader;
        const civicRole = data.civicRole ?? current.civicRole;
        const changed = isLeader !== current.isLeader || civicRole !== current.civicRole;
        if (changed) {
          tx.update(memberships).set({ isLeader, civicRole }).where(eq(memberships.id, current.id)).run();
        }
        return { ...base, membershipId: current.id, created: false, changed, isLeader, civicRole };
      }

      const isLeader = data.leader ?? false;
      const civicRole = data.civicRole ?? "other";
      const membership = tx
        .insert(memberships)
        .values({ teamId: team.id, personId: person.id, isLeader, civicRole, activeFrom: now })
        .returning({ id: memberships.id })
        .get();
      return { ...base, membershipId: membership.id, created: true, changed: false, isLeader, civicRole };
    },
    { behavior: "immediate" },
  );
}

/** Makes a person an admin of a commune (idempotent: an active admin role is kept as is). */
export function addAdmin(db: Db, input: AddAdminInput, now: Date): AddAdminResult {
  const data = parse(addAdminSchema, input);
  return db.transaction(
    (tx) => {
      const commune = findUnit(tx, data.communeCode);
      if (commune?.level !== "commune" || !commune.active) {
        throw new AppError("not_found", `Không tìm thấy xã, phường có mã "${data.communeCode}".`);
      }
      const person = findOrCreatePerson(tx, data.zaloAppUserId, data.name, null);
      const base = {
        personId: person.id,
        unitId: commune.id,
        personCreated: person.created,
        personName: person.displayName,
        communeName: commune.name,
      };
      const existing = tx
        .select({ id: unitRoles.id })
        .from(unitRoles)
        .where(
          and(
            eq(unitRoles.unitId, commune.id),
            eq(unitRoles.personId, person.id),
            eq(unitRoles.role, "admin"),
            isNull(unitRoles.activeTo),
          ),
        )
        .get();
      if (existing) return { ...base, created: false };
      tx.insert(unitRoles)
        .values({ unitId: commune.id, personId: person.id, role: "admin", activeFrom: now })
        .run();
      return { ...base, created: true };
    },
    { behavior: "immediate" },
  );
}
