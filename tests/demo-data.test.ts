import { and, count, eq, getTableName, inArray, is, sql } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, it } from "vitest";
import { loadActor } from "../bot-server/src/auth/actor";
import { WorkingCalendar } from "../bot-server/src/calendar/working-time";
import type { DatabaseHandle, Db } from "../bot-server/src/db/client";
import * as schema from "../bot-server/src/db/schema";
import { DEMO_PERSONAS, seedDemoData } from "../bot-server/src/demo/seed";
import { createLifecycle } from "../bot-server/src/requests/lifecycle";
import { getUnitByCode } from "../bot-server/src/units/queries";
import { memoryDatabase } from "./helpers/db";

const { adminUnits, contacts, memberships, persons, requestEvents, requests, teams } = schema;

// A Monday morning in Vietnam (09:30 local).
const NOW = new Date("2025-03-10T02:30:00Z");

const handles: DatabaseHandle[] = [];
function freshDb(): Db {
  const handle = memoryDatabase();
  handles.push(handle);
  return handle.db;
}
afterEach(() => {
  for (const h of handles.splice(0)) h.close();
});

const ALL_TABLES: SQLiteTable[] = Object.values(schema as Record<string, unknown>).filter(
  (v): v is SQLiteTable => is(v, SQLiteTable),
);

function rowCounts(db: Db): Record<string, number> {
  return Object.fromEntries(
    ALL_TABLES.map((table) => [getTableName(table), db.select({ n: count() }).from(table).get()?.n ?? 0]),
  );
}

function unitId(db: Db, code: string): number {
  const unit = getUnitByCode(db, code);
  if (!unit) throw new Error(`missing unit ${code}`);
  return unit.id;
}

function villageTeams(db: Db, communeCode: string) {
  const villageIds = db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(eq(adminUnits.parentId, unitId(db, communeCode)))
    .all()
    .map((v) => v.id);
  return db
    .select()
    .from(teams)
    .where(and(eq(teams.kind, "village"), inArray(teams.unitId, villageIds)))
    .all();
}

function membersOf(db: Db, teamId: number) {
  return db.select().from(memberships).where(eq(memberships.teamId, teamId)).all();
}

describe("seedDemoData", () => {
  it("loads the tree, teams and people into an empty database", () => {
    const db = freshDb();
    expect(seedDemoData(db, NOW)).toEqual({ loaded: true });

    const levels = db
      .select({ level: adminUnits.level, n: count() })
      .from(adminUnits)
      .groupBy(adminUnits.level)
      .all();
    expect(Object.fromEntries(levels.map((l) => [l.level, l.n]))).toEqual({
      province: 1,
      district: 2,
      commune: 3,
      village: 15,
    });
    expect(getUnitByCode(db, "CAMTHANH-T6")?.name).toBe("Thôn 6");
    expect(getUnitByCode(db, "CAMPHO-KP2")?.searchName).toBe("khoi pho 2");
  });

  it("gives Cẩm Thanh six teams of six with the 003:8 composition and a youth pool of ten", () => {
    const db = freshDb();
    seedDemoData(db, NOW);

    const camThanh = villageTeams(db, "CAMTHANH");
    expect(camThanh).toHaveLength(6);
    for (const team of camThanh) {
      const members = membersOf(db, team.id);
      expect(members.map((m) => m.civicRole).sort()).toEqual([
        "commune_official",
        "commune_official",
        "village_head",
        "womens_union",
        "youth_union",
        "youth_union",
      ]);
      const leaders = members.filter((m) => m.isLeader);
      expect(leaders.map((m) => m.civicRole)).toEqual(["village_head"]);
      expect(team.decisionDate?.startsWith("2022-04")).toBe(true);
    }

    const pool = db
      .select()
      .from(teams)
      .where(and(eq(teams.kind, "commune_pool"), eq(teams.unitId, unitId(db, "CAMTHANH"))))
      .all();
    expect(pool).toHaveLength(1);
    const poolMembers = membersOf(db, pool[0]?.id ?? -1);
    expect(poolMembers).toHaveLength(10);
    expect(poolMembers.every((m) => m.civicRole === "youth_union")).toBe(true);
    expect(poolMembers.filter((m) => m.isLeader)).toHaveLength(1);
  });

  it("gives Cẩm Phô teams of 4–6 and Phước Lộc 36 members, Thôn 3 led by its party-cell secretary", () => {
    const db = freshDb();
    seedDemoData(db, NOW);

    for (const team of villageTeams(db, "CAMPHO")) {
      const size = membersOf(db, team.id).length;
      expect(size).toBeGreaterThanOrEqual(4);
      expect(size).toBeLessThanOrEqual(6);
    }
    const phuocLoc = villageTeams(db, "PHUOCLOC");
    expect(phuocLoc).toHaveLength(3);
    expect(phuocLoc.reduce((sum, t) => sum + membersOf(db, t.id).length, 0)).toBe(36);
    const thon3 = phuocLoc.find((t) => t.unitId === unitId(db, "PHUOCLOC-T3"));
    const thon3Leader = membersOf(db, thon3?.id ?? -1).find((m) => m.isLeader);
    expect(thon3Leader?.civicRole).toBe("party_cell_secretary");
  });

  it("gives every person unique Zalo ids and a home village, except the brand-new user", () => {
    const db = freshDb();
    seedDemoData(db, NOW);
    const people = db.select().from(persons).all();
    const appIds = people.map((p) => p.zaloAppUserId);
    expect(new Set(appIds).size).toBe(people.length);
    expect(appIds.every((id) => id !== null && /^\d{19}$/.test(id))).toBe(true);
    expect(new Set(people.map((p) => p.oaFollowerId)).size).toBe(people.length);
    const homeless = people.filter((p) => p.homeVillageId === null);
    const newcomer = DEMO_PERSONAS.find((p) => p.key === "citizen-new");
    expect(homeless.map((p) => p.zaloAppUserId)).toEqual([newcomer?.zaloAppUserId]);
  });

  it("creates every persona with the role it is labelled with", () => {
    const db = freshDb();
    seedDemoData(db, NOW);
    const camThanhT1Team = villageTeams(db, "CAMTHANH").find((t) => t.unitId === unitId(db, "CAMTHANH-T1"));
    const expectedAdminOf: Record<string, string> = {
      "admin-camthanh": "CAMTHANH",
      "admin-campho": "CAMPHO",
    };
    const expectedViewerOf: Record<string, string> = { "viewer-hoian": "HOIAN", "viewer-quangnam": "QNAM" };

    expect(DEMO_PERSONAS.map((p) => p.key).sort()).toEqual(
      [
        "admin-campho",
        "admin-camthanh",
        "citizen-campho",
        "citizen-camthanh",
        "citizen-new",
        "leader-camthanh-t1",
        "member-camthanh-t1",
        "member-camthanh-t2",
        "viewer-hoian",
        "viewer-quangnam",
      ].sort(),
    );
    for (const persona of DEMO_PERSONAS) {
      const person = db.select().from(persons).where(eq(persons.zaloAppUserId, persona.zaloAppUserId)).get();
      expect(person?.displayName, persona.key).toBe(persona.displayName);
      const actor = loadActor(db, person?.id ?? -1, NOW);
      const staffRoles = actor.memberships.length + actor.adminCommuneIds.length + actor.viewerUnitIds.length;
      switch (persona.role) {
        case "citizen":
          expect(staffRoles, persona.key).toBe(0);
          break;
        case "leader":
        case "member":
          expect(actor.memberships, persona.key).toEqual([
            expect.objectContaining({ isLeader: persona.role === "leader" }),
          ]);
          break;
        case "admin":
          expect(actor.adminCommuneIds).toEqual([unitId(db, expectedAdminOf[persona.key] ?? "")]);
          break;
        case "viewer":
          expect(actor.viewerUnitIds).toEqual([unitId(db, expectedViewerOf[persona.key] ?? "")]);
          break;
      }
    }
    const homeOf = (key: string) => {
      const persona = DEMO_PERSONAS.find((p) => p.key === key);
      return db
        .select()
        .from(persons)
        .where(eq(persons.zaloAppUserId, persona?.zaloAppUserId ?? ""))
        .get()?.homeVillageId;
    };
    expect(homeOf("citizen-camthanh")).toBe(unitId(db, "CAMTHANH-T1"));
    expect(homeOf("citizen-campho")).toBe(unitId(db, "CAMPHO-KP2"));
    const t1Member = DEMO_PERSONAS.find((p) => p.key === "member-camthanh-t1");
    const t1Person = db
      .select()
      .from(persons)
      .where(eq(persons.zaloAppUserId, t1Member?.zaloAppUserId ?? ""))
      .get();
    expect(loadActor(db, t1Person?.id ?? -1, NOW).memberships[0]?.teamId).toBe(camThanhT1Team?.id);
  });

  it("loads nothing the second time", () => {
    const db = freshDb();
    seedDemoData(db, NOW);
    const before = rowCounts(db);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(["admin_units", "persons", "requests", "news"]),
    );
    expect(seedDemoData(db, new Date(NOW.getTime() + 86_400_000))).toEqual({ loaded: false });
    expect(rowCounts(db)).toEqual(before);
  });

  it("never loads into a database that already has an administrative unit", () => {
    const db = freshDb();
    db.insert(adminUnits)
      .values({ level: "province", code: "QNGAI", name: "Quảng Ngãi", searchName: "quang ngai" })
      .run();
    expect(seedDemoData(db, NOW)).toEqual({ loaded: false });
    const counts = rowCounts(db);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("leaves the database empty when loading fails halfway", () => {
    const db = freshDb();
    db.run(sql`CREATE TRIGGER fail_news BEFORE INSERT ON news BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    expect(() => seedDemoData(db, NOW)).toThrow(/boom/);
    expect(Object.values(rowCounts(db)).every((n) => n === 0)).toBe(true);
  });

  it("replays sample requests through the lifecycle, each with its history", () => {
    const db = freshDb();
    seedDemoData(db, NOW);
    const rows = db.select().from(requests).all();
    const camThanh = rows.filter((r) => r.communeId === unitId(db, "CAMTHANH"));
    const help = camThanh.filter((r) => r.kind === "help");
    expect(new Set(help.map((r) => r.status))).toEqual(
      new Set(["new", "claimed", "in_progress", "resolved", "closed"]),
    );
    expect(help.find((r) => r.status === "closed")?.rating).toBe(5);
    expect(help.some((r) => r.status === "resolved" && r.outcomeCode === "vneid_level2_activated")).toBe(
      true,
    );

    const reports = camThanh.filter((r) => r.kind === "field_report");
    expect(reports.find((r) => r.status === "resolved")?.publicAnswer).toBeTruthy();
    expect(reports.find((r) => r.status === "new")?.placeText).toBeTruthy();
    const question = camThanh.find((r) => r.kind === "question");
    expect(question?.status).toBe("resolved");
    expect(question?.publicAnswer).toBeTruthy();
    expect(rows.filter((r) => r.communeId === unitId(db, "CAMPHO") && r.kind === "help")).toHaveLength(1);

    for (const row of rows) {
      expect(row.createdAt.getTime()).toBeLessThan(NOW.getTime());
      expect(row.createdAt.getTime()).toBeGreaterThan(NOW.getTime() - 11 * 86_400_000);
      const events = db.select().from(requestEvents).where(eq(requestEvents.requestId, row.id)).all();
      expect(events.map((e) => e.action).slice(0, 2)).toEqual(["created", "routed"]);
      expect(events.at(-1)?.toStatus).toBe(row.status);
    }
  });

  it("does not leave requests for the deadline sweep to escalate right away", () => {
    const db = freshDb();
    seedDemoData(db, NOW);
    const sweep = createLifecycle({ db, calendar: new WorkingCalendar(), now: () => NOW }).sweep();
    expect(sweep).toEqual({
      escalatedToLeader: [],
      escalatedToCommune: [],
      autoReleased: [],
      autoClosed: [],
    });
  });

  it("uses only obviously fake landline numbers for contacts", () => {
    const db = freshDb();
    seedDemoData(db, NOW);
    const phones = db
      .select({ phone: contacts.phone })
      .from(contacts)
      .all()
      .map((c) => c.phone);
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) {
      expect(phone.startsWith("0235 39"), phone).toBe(true);
      expect(/^0[35789]\d{8}$/.test(phone.replace(/\s/g, "")), phone).toBe(false);
    }
  });
});
