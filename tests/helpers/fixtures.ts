/**
 * A small, fully known world for tests: one province, one commune with two villages (each with
 * a team), a commune pool, an admin, a viewer and citizens. Written through drizzle like any
 * feature module; ids are returned so tests never guess them.
 */
import { foldVietnamese } from "@cau-noi/shared";
import type { Db } from "../../bot-server/src/db/client";
import { adminUnits, memberships, persons, teams, unitRoles } from "../../bot-server/src/db/schema";

export const T0 = new Date("2026-03-02T09:00:00+07:00"); // a Monday, no holiday

function unit(
  db: Db,
  level: "province" | "district" | "commune" | "village",
  code: string,
  name: string,
  parentId: number | null,
) {
  return db
    .insert(adminUnits)
    .values({ level, code, name, searchName: foldVietnamese(name), parentId })
    .returning()
    .get().id;
}

let zaloSeq = 0;
export function person(
  db: Db,
  name: string,
  homeVillageId: number | null = null,
  phone: string | null = null,
) {
  zaloSeq += 1;
  const zaloAppUserId = String(7_000_000_000_000_000_000n + BigInt(zaloSeq));
  const id = db
    .insert(persons)
    .values({
      displayName: name,
      zaloAppUserId,
      oaFollowerId: String(8_000_000_000_000_000_000n + BigInt(zaloSeq)),
      homeVillageId,
      phone,
      phoneConsentAt: phone ? T0 : null,
      photoConsent: true,
      avatarUrl: "https://example.invalid/avatar.png",
    })
    .returning()
    .get().id;
  return { id, zaloAppUserId, name };
}

export function member(
  db: Db,
  teamId: number,
  personId: number,
  options: { leader?: boolean; activeTo?: Date } = {},
) {
  db.insert(memberships)
    .values({
      teamId,
      personId,
      isLeader: options.leader ?? false,
      civicRole: options.leader ? "village_head" : "youth_union",
      activeFrom: new Date(T0.getTime() - 90 * 86_400_000),
      activeTo: options.activeTo ?? null,
    })
    .run();
}

export function buildWorld(db: Db) {
  const province = unit(db, "province", "TP", "Tỉnh Thử", null);
  const district = unit(db, "district", "TD", "Huyện Thử", province);
  const commune = unit(db, "commune", "TX", "Xã Thử Nghiệm", district);
  const otherCommune = unit(db, "commune", "TY", "Xã Bên Cạnh", district);
  const village1 = unit(db, "village", "TX-T1", "Thôn Một", commune);
  const village2 = unit(db, "village", "TX-T2", "Thôn Hai", commune);
  const village3 = unit(db, "village", "TX-T3", "Thôn Ba", commune);
  const otherVillage = unit(db, "village", "TY-T1", "Thôn Bên", otherCommune);

  const team = (unitId: number, kind: "village" | "commune_pool", name: string) =>
    db
      .insert(teams)
      .values({ unitId, kind, name, decisionNo: "12/QĐ-UBND", decisionDate: "2022-04-15" })
      .returning()
      .get().id;
  const team1 = team(village1, "village", "Tổ CNSCĐ Thôn Một");
  const team2 = team(village2, "village", "Tổ CNSCĐ Thôn Hai");
  // Village 3 has a team whose only member has left: requests fall back to the pool.
  const team3 = team(village3, "village", "Tổ CNSCĐ Thôn Ba");
  const pool = team(commune, "commune_pool", "Tổ thanh niên hỗ trợ");
  const otherTeam = team(otherVillage, "village", "Tổ CNSCĐ Thôn Bên");

  const leader1 = person(db, "Trần Văn Trưởng", village1);
  const member1 = person(db, "Lê Thị Thành", village1);
  const member1b = person(db, "Phạm Văn Viên", village1);
  const leader2 = person(db, "Ngô Văn Hai", village2);
  const member2 = person(db, "Đỗ Thị Hai", village2);
  const formerMember3 = person(db, "Vũ Văn Cũ", village3);
  const poolLeader = person(db, "Hồ Thanh Niên", village2);
  const otherMember = person(db, "Mai Văn Bên", otherVillage);
  member(db, team1, leader1.id, { leader: true });
  member(db, team1, member1.id);
  member(db, team1, member1b.id);
  member(db, team2, leader2.id, { leader: true });
  member(db, team2, member2.id);
  member(db, team3, formerMember3.id, { activeTo: new Date(T0.getTime() - 86_400_000) });
  member(db, pool, poolLeader.id, { leader: true });
  member(db, otherTeam, otherMember.id, { leader: true });

  const admin = person(db, "Cán Bộ Xã", village1);
  const otherAdmin = person(db, "Cán Bộ Xã Bên", otherVillage);
  const viewer = person(db, "Người Xem Huyện", null);
  const role = (unitId: number, personId: number, r: "admin" | "viewer") =>
    db.insert(unitRoles).values({ unitId, personId, role: r, activeFrom: T0 }).run();
  role(commune, admin.id, "admin");
  role(otherCommune, otherAdmin.id, "admin");
  role(district, viewer.id, "viewer");

  const citizen = person(db, "Nguyễn Thị Dân", village1, "0905123456");
  const citizen2 = person(db, "Bùi Văn Dân", village2);
  const newcomer = person(db, "Người Mới", null);

  return {
    units: { province, district, commune, otherCommune, village1, village2, village3, otherVillage },
    teams: { team1, team2, team3, pool, otherTeam },
    people: {
      leader1,
      member1,
      member1b,
      leader2,
      member2,
      formerMember3,
      poolLeader,
      otherMember,
      admin,
      otherAdmin,
      viewer,
      citizen,
      citizen2,
      newcomer,
    },
  };
}

export type World = ReturnType<typeof buildWorld>;

/** A viewer of another province, added to a built world: sees nothing of it. */
export function addFarViewer(db: Db) {
  const province = unit(db, "province", "XP", "Tỉnh Xa", null);
  const viewer = person(db, "Người Xem Tỉnh Xa");
  db.insert(unitRoles)
    .values({ unitId: province, personId: viewer.id, role: "viewer", activeFrom: T0 })
    .run();
  return viewer;
}
