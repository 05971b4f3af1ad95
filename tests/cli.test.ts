/**
 * The operator CLI (SPEC §6), run as a real child process against a temporary database file,
 * and the roster service it uses, tested directly for its validation.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, type Db, openDatabase } from "../bot-server/src/db/client";
import { adminUnits, memberships, persons, teams, unitRoles } from "../bot-server/src/db/schema";
import { AppError } from "../bot-server/src/lib/errors";
import { addAdmin, addMember } from "../bot-server/src/teams/roster";
import { memoryDatabase, tempDir } from "./helpers/db";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI_TIMEOUT = 60_000;

interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json: () => unknown;
}

function cli(databasePath: string, args: string[], demo = true): CliRun {
  const result = spawnSync(process.execPath, ["--import", "tsx", "bot-server/src/cli/index.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: CLI_TIMEOUT,
    env: {
      // biome-ignore lint/style/noProcessEnv: the child inherits PATH etc.; the CLI reads its config via loadEnv
      ...process.env,
      DATABASE_PATH: databasePath,
      DEMO_DATA: demo ? "true" : "false",
      LOG_LEVEL: "silent",
    },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    json: () => JSON.parse(result.stdout),
  };
}

function tempDbPath(): string {
  return join(tempDir("cau-noi-cli-"), "cau-noi.db");
}

const opened: DatabaseHandle[] = [];
function open(path: string): Db {
  const handle = openDatabase(path);
  opened.push(handle);
  return handle.db;
}
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close();
});

interface VillageJson {
  id: number;
  code: string;
  name: string;
  communeCode?: string;
  communeName: string;
}

describe("cli", { timeout: 120_000 }, () => {
  it("lists the demo villages with their commune, as JSON and as a table", () => {
    const path = tempDbPath();
    const run = cli(path, ["villages", "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const villages = run.json() as VillageJson[];
    const codes = villages.map((v) => v.code);
    expect(codes).toEqual(expect.arrayContaining(["CAMTHANH-T1", "CAMPHO-KP1", "PHUOCLOC-T3"]));
    for (const v of villages) {
      expect(v.id).toBeTypeOf("number");
      expect(v.name).not.toBe("");
      expect(v.communeName).not.toBe("");
      expect(v.communeCode).toBeTruthy();
    }

    const camThanh = villages.find((v) => v.code === "CAMTHANH-T1") as VillageJson;
    const filtered = cli(path, ["villages", "--commune", camThanh.communeCode as string, "--json"]);
    expect(filtered.status, filtered.stderr).toBe(0);
    const inCommune = filtered.json() as VillageJson[];
    expect(inCommune.length).toBeGreaterThan(0);
    expect(inCommune.every((v) => v.communeCode === camThanh.communeCode)).toBe(true);
    expect(inCommune.map((v) => v.code)).not.toContain("CAMPHO-KP1");

    const table = cli(path, ["villages"]);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+CODE\s+NAME\s+COMMUNE/);
    // Vietnamese names come through intact.
    expect(table.stdout).toContain(camThanh.name);
    expect(table.stdout).toContain(camThanh.communeName);
  });

  it("lists nothing on an empty database without demo data", () => {
    const run = cli(tempDbPath(), ["villages", "--json"], false);
    expect(run.status, run.stderr).toBe(0);
    expect(run.json()).toEqual([]);
  });

  it("adds a member once, repeats harmlessly, and --leader flips the leader flag", () => {
    const path = tempDbPath();
    const args = ["member", "add", "--village", "CAMTHANH-T1", "--zalo-user-id", "9900000000000000101"];
    const first = cli(path, [...args, "--name", "Trần Thị Thu Hà", "--role", "teacher", "--json"]);
    expect(first.status, first.stderr).toBe(0);
    const added = first.json() as {
      personId: number;
      membershipId: number;
      teamId: number;
      created: boolean;
    };
    expect(added.created).toBe(true);

    const db = open(path);
    const person = db.select().from(persons).where(eq(persons.zaloAppUserId, "9900000000000000101")).get();
    expect(person?.displayName).toBe("Trần Thị Thu Hà");
    expect(person?.id).toBe(added.personId);
    const village = db.select().from(adminUnits).where(eq(adminUnits.code, "CAMTHANH-T1")).get();
    expect(person?.homeVillageId).toBe(village?.id);
    const team = db.select().from(teams).where(eq(teams.id, added.teamId)).get();
    expect(team).toMatchObject({ unitId: village?.id, kind: "village", active: true });
    const active = () =>
      db
        .select()
        .from(memberships)
        .where(and(eq(memberships.personId, added.personId), isNull(memberships.activeTo)))
        .all();
    expect(active()).toHaveLength(1);
    expect(active()[0]).toMatchObject({ id: added.membershipId, isLeader: false, civicRole: "teacher" });

    const again = cli(path, [...args, "--name", "Trần Thị Thu Hà", "--json"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ created: false, changed: false, membershipId: added.membershipId });
    expect(active()).toHaveLength(1);
    expect(
      db.select().from(persons).where(eq(persons.zaloAppUserId, "9900000000000000101")).all(),
    ).toHaveLength(1);

    const leader = cli(path, [...args, "--name", "Trần Thị Thu Hà", "--leader"]);
    expect(leader.status, leader.stderr).toBe(0);
    expect(leader.stdout).toContain("Trần Thị Thu Hà");
    expect(leader.stdout).toMatch(/Updated/);
    expect(active()).toHaveLength(1);
    expect(active()[0]).toMatchObject({ id: added.membershipId, isLeader: true, civicRole: "teacher" });
  });

  it("adds a commune admin idempotently", () => {
    const path = tempDbPath();
    const villages = cli(path, ["villages", "--json"]).json() as VillageJson[];
    const communeCode = villages.find((v) => v.code === "CAMPHO-KP1")?.communeCode as string;
    const args = [
      "admin",
      "add",
      "--commune",
      communeCode,
      "--zalo-user-id",
      "9900000000000000102",
      "--name",
      "Lê Văn Bình",
    ];
    const first = cli(path, [...args, "--json"]);
    expect(first.status, first.stderr).toBe(0);
    const added = first.json() as { personId: number; unitId: number; created: boolean };
    expect(added.created).toBe(true);
    const again = cli(path, [...args, "--json"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ created: false, personId: added.personId });

    const db = open(path);
    const roles = db.select().from(unitRoles).where(eq(unitRoles.personId, added.personId)).all();
    expect(roles).toHaveLength(1);
    expect(roles[0]).toMatchObject({ unitId: added.unitId, role: "admin", activeTo: null });
    const unit = db.select().from(adminUnits).where(eq(adminUnits.id, added.unitId)).get();
    expect(unit).toMatchObject({ code: communeCode, level: "commune" });

    // A village code is not a commune.
    const wrong = cli(path, [
      "admin",
      "add",
      "--commune",
      "CAMPHO-KP1",
      "--zalo-user-id",
      "9900000000000000103",
      "--name",
      "X",
    ]);
    expect(wrong.status).toBe(1);
  });

  it("fails with exit 1 and one clear line for an unknown village, writing nothing", () => {
    const path = tempDbPath();
    const args = [
      "member",
      "add",
      "--village",
      "NOWHERE-T9",
      "--zalo-user-id",
      "9900000000000000104",
      "--name",
      "Nguyễn An",
    ];
    const run = cli(path, args);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("NOWHERE-T9");
    expect(run.stdout).toBe("");

    const json = cli(path, [...args, "--json"]);
    expect(json.status).toBe(1);
    expect(json.json()).toMatchObject({ error: { code: "not_found" } });
    expect(
      open(path).select().from(persons).where(eq(persons.zaloAppUserId, "9900000000000000104")).all(),
    ).toHaveLength(0);

    const bad = cli(path, [
      "member",
      "add",
      "--village",
      "CAMTHANH-T1",
      "--zalo-user-id",
      "abc",
      "--name",
      "A",
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/chữ số/);
  });

  it("fails with exit 2 on usage errors", () => {
    const path = tempDbPath();
    const missing = cli(path, ["member", "add", "--village", "CAMTHANH-T1", "--name", "Nguyễn An"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--zalo-user-id");
    expect(cli(path, ["frobnicate"]).status).toBe(2);
    expect(cli(path, ["member", "remove"]).status).toBe(2);
    expect(cli(path, ["villages", "--bogus"]).status).toBe(2);
    expect(cli(path, ["backup"]).status).toBe(2);
    const role = cli(path, [
      "member",
      "add",
      "--village",
      "A",
      "--zalo-user-id",
      "1",
      "--name",
      "B",
      "--role",
      "king",
    ]);
    expect(role.status).toBe(2);
    // No usage error touches the database.
    expect(existsSync(path)).toBe(false);

    const help = cli(path, ["help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("member add");
    expect(cli(path, []).stdout).toContain("backup <file>");
  });

  it("backs up online to a file that restores to identical tables, and never overwrites", () => {
    const path = tempDbPath();
    const added = cli(path, [
      "member",
      "add",
      "--village",
      "PHUOCLOC-T3",
      "--zalo-user-id",
      "9900000000000000105",
      "--name",
      "Phạm Ý",
    ]);
    expect(added.status, added.stderr).toBe(0);

    const dir = tempDir("cau-noi-backup-");
    const backupPath = join(dir, "nested", "backup.db");
    const run = cli(path, ["backup", backupPath, "--json"]);
    expect(run.status, run.stderr).toBe(0);
    const out = run.json() as { path: string; bytes: number };
    expect(out.path).toBe(backupPath);
    expect(out.bytes).toBe(statSync(backupPath).size);
    expect(out.bytes).toBeGreaterThan(0);

    // Restore: copy the backup over a database path and open it.
    const restoredPath = join(dir, "restored.db");
    copyFileSync(backupPath, restoredPath);
    const original = open(path);
    const restored = open(restoredPath);
    const tables = (db: Db) =>
      db
        .all<{ name: string }>(sql`select name from sqlite_master where type = 'table' order by name`)
        .map((t) => t.name);
    const names = tables(original);
    expect(names).toEqual(expect.arrayContaining(["persons", "memberships", "admin_units", "teams"]));
    expect(tables(restored)).toEqual(names);
    for (const name of names) {
      // Compared as sorted JSON: FTS5 shadow tables have no rowid to order by.
      const rows = (db: Db) =>
        db
          .all(sql`select * from ${sql.identifier(name)}`)
          .map((row) =>
            JSON.stringify(row, (_key, value) => (value instanceof Buffer ? value.toString("hex") : value)),
          )
          .sort();
      expect(rows(restored), name).toEqual(rows(original));
    }
    expect(
      restored.select().from(persons).where(eq(persons.zaloAppUserId, "9900000000000000105")).get()
        ?.displayName,
    ).toBe("Phạm Ý");

    // A second backup to the same file is refused and leaves the file alone.
    const before = readFileSync(backupPath);
    const again = cli(path, ["backup", backupPath]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(readFileSync(backupPath).equals(before)).toBe(true);

    const human = cli(path, ["backup", join(dir, "second.db")]);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toContain(join(dir, "second.db"));
    expect(human.stdout).toMatch(/bytes/);
  });
});

// ---------------------------------------------------------------------------------------------
// The roster service directly
// ---------------------------------------------------------------------------------------------

function rosterFixture() {
  const handle = memoryDatabase();
  opened.push(handle);
  const { db } = handle;
  const unit = (values: typeof adminUnits.$inferInsert) =>
    db.insert(adminUnits).values(values).returning().get();
  const province = unit({ level: "province", code: "P", name: "Tỉnh Thử", searchName: "tinh thu" });
  const commune = unit({
    level: "commune",
    code: "C",
    name: "Xã Thử",
    searchName: "xa thu",
    parentId: province.id,
  });
  const village = unit({
    level: "village",
    code: "V1",
    name: "Thôn 1",
    searchName: "thon 1",
    parentId: commune.id,
  });
  return { db, commune, village };
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("roster", () => {
  const now = new Date("2026-03-02T03:00:00Z");

  it("rejects bad input with validation_failed and writes nothing", () => {
    const { db } = rosterFixture();
    const cases = [
      [{ villageCode: "V1", zaloAppUserId: "12ab", name: "An" }, "zaloAppUserId"],
      [{ villageCode: "V1", zaloAppUserId: "1".repeat(33), name: "An" }, "zaloAppUserId"],
      [{ villageCode: "V1", zaloAppUserId: "", name: "An" }, "zaloAppUserId"],
      [{ villageCode: "V1", zaloAppUserId: "123", name: "   " }, "name"],
      [{ villageCode: "V1", zaloAppUserId: "123", name: "a".repeat(101) }, "name"],
      [{ villageCode: " ", zaloAppUserId: "123", name: "An" }, "villageCode"],
    ] as const;
    for (const [input, field] of cases) {
      const error = thrown(() => addMember(db, input, now));
      expect(error.code).toBe("validation_failed");
      expect(error.fields?.[field]).toBeTruthy();
    }
    const adminError = thrown(() => addAdmin(db, { communeCode: "C", zaloAppUserId: "x", name: "" }, now));
    expect(adminError.code).toBe("validation_failed");
    expect(Object.keys(adminError.fields ?? {}).sort()).toEqual(["name", "zaloAppUserId"]);
    expect(db.select().from(persons).all()).toHaveLength(0);
    expect(db.select().from(teams).all()).toHaveLength(0);
    expect(db.select().from(unitRoles).all()).toHaveLength(0);
  });

  it("refuses units of the wrong level with not_found naming the code", () => {
    const { db } = rosterFixture();
    const member = thrown(() => addMember(db, { villageCode: "C", zaloAppUserId: "1", name: "An" }, now));
    expect(member.code).toBe("not_found");
    expect(member.message).toContain('"C"');
    const admin = thrown(() => addAdmin(db, { communeCode: "V1", zaloAppUserId: "1", name: "An" }, now));
    expect(admin.code).toBe("not_found");
    expect(admin.message).toContain('"V1"');
    expect(db.select().from(persons).all()).toHaveLength(0);
  });

  it("creates the village team on first use, then reuses person and team", () => {
    const { db, village } = rosterFixture();
    const a = addMember(db, { villageCode: "V1", zaloAppUserId: "11", name: "  Võ Thị Mai  " }, now);
    expect(a).toMatchObject({ created: true, teamCreated: true, personCreated: true, isLeader: false });
    expect(a.civicRole).toBe("other");
    const team = db.select().from(teams).where(eq(teams.id, a.teamId)).get();
    expect(team).toMatchObject({ name: "Tổ CNSCĐ Thôn 1", unitId: village.id, kind: "village" });
    expect(db.select().from(persons).where(eq(persons.id, a.personId)).get()?.displayName).toBe("Võ Thị Mai");
    const membership = db.select().from(memberships).where(eq(memberships.id, a.membershipId)).get();
    expect(membership?.activeFrom).toEqual(now);

    const b = addMember(
      db,
      { villageCode: "V1", zaloAppUserId: "12", name: "Đỗ Văn Nam", leader: true },
      now,
    );
    expect(b).toMatchObject({ teamId: a.teamId, teamCreated: false, created: true, isLeader: true });

    const role = addMember(
      db,
      { villageCode: "V1", zaloAppUserId: "11", name: "x", civicRole: "police" },
      now,
    );
    expect(role).toMatchObject({
      membershipId: a.membershipId,
      created: false,
      changed: true,
      civicRole: "police",
    });
    const demote = addMember(db, { villageCode: "V1", zaloAppUserId: "12", name: "x", leader: false }, now);
    expect(demote).toMatchObject({ changed: true, isLeader: false });
    expect(db.select().from(teams).all()).toHaveLength(1);
    expect(db.select().from(memberships).all()).toHaveLength(2);
  });
});
