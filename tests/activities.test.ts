/**
 * Team activities over real HTTP: logging (idempotent offline retries), reading (team members
 * and commune admins only, 404 for everyone else), editing within ACTIVITY_EDIT_DAYS days with
 * every version kept as a revision, the lock after that, and photos visible to whoever may
 * read the activity. Refused calls must leave the tables exactly as they were.
 */
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memberships, teamActivities, teamActivityRevisions } from "../bot-server/src/db/schema";
import { startTestServer, type TestServer } from "./helpers/server";
import { lazySessions } from "./helpers/sessions";

const DAY = 86_400_000;
// The clock starts at T0 = Monday 2026-03-02 09:00 in Vietnam.
const SATURDAY = "2026-02-28";
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

let s: TestServer;
/** Sessions for fixture people, signed in on first use (again after the clock moved far). */
const { tok, as, forget } = lazySessions(() => s);

beforeEach(async () => {
  s = await startTestServer();
  forget();
});

/** Moves the clock; sessions last two hours, so everyone signs in again. */
function advance(ms: number) {
  s.clock.now = new Date(s.clock.now.getTime() + ms);
  forget();
}

function setClock(at: Date) {
  s.clock.now = at;
  forget();
}

afterEach(async () => {
  await s.close();
});

function helpDay(extra: Record<string, unknown> = {}) {
  return {
    teamId: s.world.teams.team1,
    activityDate: SATURDAY,
    form: "help_day",
    topic: "Ngày thứ 7 – Ngày hội công dân số: kích hoạt VNeID mức 2",
    place: "Nhà văn hóa Thôn Một",
    memberPersonIds: [s.world.people.member1b.id],
    residentsReached: 42,
    leaflets: 60,
    note: "Người dân đến đông",
    ...extra,
  };
}

async function uploadPhoto(token: string): Promise<string> {
  const form = new FormData();
  form.set("file", new Blob([JPEG], { type: "image/jpeg" }), "anh.jpg");
  const r = await s.call("POST", "/api/photos", { token, body: form });
  expect(r.status).toBe(201);
  return r.json.id as string;
}

function tableState() {
  return {
    activities: s.db.select().from(teamActivities).all(),
    revisions: s.db.select().from(teamActivityRevisions).all(),
  };
}

async function logActivity(extra: Record<string, unknown> = {}, who = "member1") {
  const r = await as(who, "POST", "/api/activities", helpDay(extra));
  expect(r.status, r.text).toBe(201);
  return r.json;
}

describe("logging an activity", () => {
  it("stores it with the author among the members and revision 1", async () => {
    const a = await logActivity();
    expect(a).toMatchObject({
      teamId: s.world.teams.team1,
      teamName: "Tổ CNSCĐ Thôn Một",
      activityDate: SATURDAY,
      form: "help_day",
      residentsReached: 42,
      leaflets: 60,
      author: { id: s.world.people.member1.id, displayName: "Lê Thị Thành" },
      canEdit: true,
      revisionCount: 1,
    });
    expect(a.members.map((m: { id: number }) => m.id).sort()).toEqual(
      [s.world.people.member1.id, s.world.people.member1b.id].sort(),
    );
    expect(a.members.find((m: { id: number }) => m.id === s.world.people.member1b.id).displayName).toBe(
      "Phạm Văn Viên",
    );
    expect(a.editableUntil).toBe(new Date(s.clock.now.getTime() + 7 * DAY).toISOString());
    expect(a.revisions).toHaveLength(1);
    expect(a.revisions[0]).toMatchObject({
      revision: 1,
      residentsReached: 42,
      editedBy: { displayName: "Lê Thị Thành" },
    });
  });

  it("stores an offline submission sent twice (same clientId) once, answering 200 the second time", async () => {
    const body = helpDay({ clientId: "offline-7f3a9c21" });
    const first = await as("member1", "POST", "/api/activities", body);
    const second = await as("member1", "POST", "/api/activities", body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.json.id).toBe(first.json.id);
    const rows = s.db
      .select()
      .from(teamActivities)
      .where(eq(teamActivities.clientId, "offline-7f3a9c21"))
      .all();
    expect(rows).toHaveLength(1);
    const revisions = s.db
      .select({ n: count() })
      .from(teamActivityRevisions)
      .where(eq(teamActivityRevisions.activityId, first.json.id))
      .get();
    expect(revisions?.n).toBe(1);
    // The same clientId from another person is another submission.
    const other = await as("leader1", "POST", "/api/activities", body);
    expect(other.status).toBe(201);
    expect(other.json.id).not.toBe(first.json.id);
  });

  it.each([
    ["a date in the future", () => ({ activityDate: "2026-03-03" }), "activityDate"],
    ["a date that does not exist", () => ({ activityDate: "2026-02-30" }), "activityDate"],
    ["an unknown form", () => ({ form: "party" }), "form"],
    ["an empty topic", () => ({ topic: "  " }), "topic"],
    ["negative residents", () => ({ residentsReached: -1 }), "residentsReached"],
    ["a member of another team", () => ({ memberPersonIds: [s.world.people.member2.id] }), "memberPersonIds"],
    ["six photos", () => ({ photoIds: Array.from({ length: 6 }, () => crypto.randomUUID()) }), "photoIds"],
    ["a photo never uploaded", () => ({ photoIds: [crypto.randomUUID()] }), "photoIds"],
    ["no team", () => ({ teamId: "một" }), "teamId"],
  ])("refuses %s with a Vietnamese message on the field and stores nothing", async (_name, extra, field) => {
    const before = tableState();
    const r = await as("member1", "POST", "/api/activities", helpDay(extra()));
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("validation_failed");
    expect(r.json.error.fields[field]).toMatch(/[àáảãạâăđêôơưếềệốồộớờợứừựíìịọúùụýỳ]/i);
    expect(tableState()).toEqual(before);
  });

  it("refuses a photo uploaded by someone else", async () => {
    const photo = await uploadPhoto(await tok("leader1"));
    const before = tableState();
    const r = await as("member1", "POST", "/api/activities", helpDay({ photoIds: [photo] }));
    expect(r.status).toBe(400);
    expect(r.json.error.fields.photoIds).toBeTruthy();
    expect(tableState()).toEqual(before);
  });

  it("answers 404 to people outside the team (including former members) and 401 without a session", async () => {
    for (const who of ["member2", "admin", "viewer", "citizen", "otherMember"]) {
      const r = await as(who, "POST", "/api/activities", helpDay());
      expect(r.status, who).toBe(404);
    }
    const former = await as(
      "formerMember3",
      "POST",
      "/api/activities",
      helpDay({ teamId: s.world.teams.team3, memberPersonIds: [] }),
    );
    expect(former.status).toBe(404);
    expect((await s.call("POST", "/api/activities", { json: helpDay() })).status).toBe(401);
    expect(tableState().activities).toHaveLength(0);
  });
});

describe("reading activities", () => {
  it("lists a team's activities for its members and the commune admin, by date, newest first", async () => {
    const older = await logActivity({
      activityDate: "2026-02-20",
      form: "door_to_door",
      topic: "Ra quân từng nhà",
    });
    const newer = await logActivity({}, "leader1");
    await logActivity({ activityDate: "2025-10-01", topic: "Hoạt động cũ" });
    for (const who of ["member1", "member1b", "leader1", "admin"]) {
      const r = await as(
        who,
        "GET",
        `/api/teams/${s.world.teams.team1}/activities?from=2026-02-01&to=2026-03-02`,
      );
      expect(r.status, who).toBe(200);
      expect(r.json.items.map((a: { id: number }) => a.id)).toEqual([newer.id, older.id]);
    }
    // Default period: the last 90 days.
    const recent = await as("member1", "GET", `/api/teams/${s.world.teams.team1}/activities`);
    expect(recent.json.items).toHaveLength(2);
    // Only an end date: the 90 days up to it (not an empty window starting after it).
    const autumn = await as("member1", "GET", `/api/teams/${s.world.teams.team1}/activities?to=2025-10-31`);
    expect(autumn.status).toBe(200);
    expect(autumn.json.items.map((a: { topic: string }) => a.topic)).toEqual(["Hoạt động cũ"]);
  });

  it("answers 404 to another team's member, another commune's admin, a viewer and a resident", async () => {
    const a = await logActivity();
    for (const who of ["member2", "otherAdmin", "otherMember", "viewer", "citizen"]) {
      const list = await as(who, "GET", `/api/teams/${s.world.teams.team1}/activities`);
      expect(list.status, who).toBe(404);
      const detail = await as(who, "GET", `/api/activities/${a.id}`);
      expect(detail.status, who).toBe(404);
      expect(detail.json.error.code).toBe("not_found");
    }
    const missing = await as("member1", "GET", "/api/activities/999999");
    expect(missing.status).toBe(404);
  });

  it("rejects a period that ends before it starts", async () => {
    const r = await as(
      "member1",
      "GET",
      `/api/teams/${s.world.teams.team1}/activities?from=2026-03-01&to=2026-02-01`,
    );
    expect(r.status).toBe(400);
    expect(r.json.error.fields.to).toBeTruthy();
  });

  it("shows the activity's photos to whoever may read it, and to nobody else", async () => {
    const photo = await uploadPhoto(await tok("member1"));
    const a = await logActivity({ photoIds: [photo] });
    expect(a.photoUrls).toEqual([`/media/photos/${photo}`]);
    for (const who of ["member1", "leader1", "member1b", "admin"]) {
      const r = await s.call("GET", `/media/photos/${photo}?session=${await tok(who)}`);
      expect(r.status, who).toBe(200);
    }
    for (const who of ["member2", "otherAdmin", "citizen"]) {
      const r = await as(who, "GET", `/media/photos/${photo}`);
      expect(r.status, who).toBe(404);
    }
  });
});

describe("editing an activity", () => {
  it("lets the author edit within 7 days and keeps every version as a revision", async () => {
    const a = await logActivity();
    advance(3 * DAY);
    const r = await as("member1", "PATCH", `/api/activities/${a.id}`, { residentsReached: 55, note: null });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ residentsReached: 55, note: null, revisionCount: 2, leaflets: 60 });
    expect(
      r.json.revisions.map((v: { revision: number; residentsReached: number }) => [
        v.revision,
        v.residentsReached,
      ]),
    ).toEqual([
      [1, 42],
      [2, 55],
    ]);
    expect(r.json.revisions[0].note).toBe("Người dân đến đông");
    expect(r.json.updatedAt).toBe(s.clock.now.toISOString());
  });

  it("lets the team leader and the commune admin edit a member's activity", async () => {
    const a = await logActivity();
    const byLeader = await as("leader1", "PATCH", `/api/activities/${a.id}`, {
      topic: "Ngày hội công dân số – hỗ trợ dịch vụ công",
      memberPersonIds: [s.world.people.member1.id, s.world.people.leader1.id],
    });
    expect(byLeader.status, byLeader.text).toBe(200);
    expect(byLeader.json.revisions[1].editedBy.displayName).toBe("Trần Văn Trưởng");
    expect(byLeader.json.members.map((m: { displayName: string }) => m.displayName)).toEqual([
      "Lê Thị Thành",
      "Trần Văn Trưởng",
    ]);
    const byAdmin = await as("admin", "PATCH", `/api/activities/${a.id}`, { leaflets: 80 });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.json.revisionCount).toBe(3);
    // The author still sees it as editable; the leader's list says so too.
    const list = await as("leader1", "GET", `/api/teams/${s.world.teams.team1}/activities`);
    expect(list.json.items[0]).toMatchObject({ id: a.id, canEdit: true, leaflets: 80 });
  });

  it("refuses a teammate who is neither author nor leader (403) and another team's member (404), changing nothing", async () => {
    const a = await logActivity();
    const before = tableState();
    const teammate = await as("member1b", "PATCH", `/api/activities/${a.id}`, { leaflets: 1 });
    expect(teammate.status).toBe(403);
    const detail = await as("member1b", "GET", `/api/activities/${a.id}`);
    expect(detail.json.canEdit).toBe(false);
    for (const who of ["member2", "leader2", "otherAdmin", "viewer"]) {
      const r = await as(who, "PATCH", `/api/activities/${a.id}`, { leaflets: 1 });
      expect(r.status, who).toBe(404);
    }
    expect(tableState()).toEqual(before);
  });

  it("refuses bad edits with the field named and changes nothing", async () => {
    const a = await logActivity();
    const before = tableState();
    for (const [body, field] of [
      [{ activityDate: "2026-03-05" }, "activityDate"],
      [{ memberPersonIds: [s.world.people.member2.id] }, "memberPersonIds"],
      [{ memberPersonIds: [] }, "memberPersonIds"],
      [{ leaflets: 1.5 }, "leaflets"],
      [{}, "_"],
    ] as const) {
      const r = await as("member1", "PATCH", `/api/activities/${a.id}`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.fields[field], JSON.stringify(body)).toBeTruthy();
    }
    expect(tableState()).toEqual(before);
  });

  it("locks the activity 7 days after it was logged: 409 activity_locked, history kept", async () => {
    const a = await logActivity();
    advance(2 * DAY);
    expect((await as("member1", "PATCH", `/api/activities/${a.id}`, { leaflets: 70 })).status).toBe(200);
    // Just inside the window, then just past it.
    setClock(new Date(new Date(a.createdAt).getTime() + 7 * DAY - 1000));
    expect((await as("member1", "PATCH", `/api/activities/${a.id}`, { leaflets: 71 })).status).toBe(200);
    setClock(new Date(new Date(a.createdAt).getTime() + 7 * DAY));
    const before = tableState();
    for (const who of ["member1", "leader1", "admin"]) {
      const r = await as(who, "PATCH", `/api/activities/${a.id}`, { leaflets: 99 });
      expect(r.status, who).toBe(409);
      expect(r.json.error.code).toBe("activity_locked");
      expect(r.json.error.message).toContain("7 ngày");
    }
    expect(tableState()).toEqual(before);
    const detail = await as("member1", "GET", `/api/activities/${a.id}`);
    expect(detail.json).toMatchObject({ canEdit: false, leaflets: 71, revisionCount: 3 });
    expect(detail.json.revisions.map((v: { leaflets: number }) => v.leaflets)).toEqual([60, 70, 71]);
  });

  it("keeps members who left the team on an edited activity, but adds only active members", async () => {
    const a = await logActivity();
    advance(DAY);
    // member1b leaves the team.
    s.db
      .update(memberships)
      .set({ activeTo: new Date(s.clock.now.getTime() - 1000) })
      .where(eq(memberships.personId, s.world.people.member1b.id))
      .run();
    const keep = await as("member1", "PATCH", `/api/activities/${a.id}`, {
      memberPersonIds: [s.world.people.member1.id, s.world.people.member1b.id],
      leaflets: 61,
    });
    expect(keep.status, keep.text).toBe(200);
    const fresh = await as("member1", "POST", "/api/activities", helpDay());
    expect(fresh.status).toBe(400);
    expect(fresh.json.error.fields.memberPersonIds).toBeTruthy();
  });
});
