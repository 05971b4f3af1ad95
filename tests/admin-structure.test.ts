/**
 * Commune admins manage villages, teams and members, and invite new members by link and QR
 * code, over real HTTP against the fixture world. Refusals (another commune's admin, a member, a
 * citizen, bad input, a forged or expired invite) must leave the database unchanged; history is
 * kept (a member leaves, the row stays); an invited person sees the team's queue at once.
 */

import { and, eq } from "drizzle-orm";
import { SignJWT } from "jose";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { adminUnits, memberships, requests, teams } from "../bot-server/src/db/schema";
import { tableSnapshot } from "./helpers/db";
import { person, T0 } from "./helpers/fixtures";
import type { TestServer } from "./helpers/server";
import { ADMIN_CAST, NOT_ADMINS, serverWithCast } from "./helpers/sessions";

let s: TestServer;
const as = serverWithCast(ADMIN_CAST, (server) => {
  s = server;
});
const withToken = (token: string, method: string, path: string, json?: unknown) =>
  s.call(method, path, { token, json });

/** Everything this feature may change, to prove a refused call changed nothing. */
const snapshot = () => tableSnapshot(s.db, adminUnits, teams, memberships);

const structure = async () => {
  const r = await as("admin", "GET", `/api/admin/communes/${s.world.units.commune}/structure`);
  expect(r.status).toBe(200);
  return r.json;
};
const membershipOf = (teamId: number, personId: number) =>
  s.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.teamId, teamId), eq(memberships.personId, personId)))
    .all();

describe("structure", () => {
  it("shows villages with their team, decision and active members, pools and counts", async () => {
    const st = await structure();
    const w = s.world;
    expect(st.commune).toMatchObject({ id: w.units.commune, code: "TX", name: "Xã Thử Nghiệm" });
    expect(st.villages.map((v: { name: string }) => v.name)).toEqual(["Thôn Một", "Thôn Hai", "Thôn Ba"]);
    const one = st.villages[0];
    expect(one.team).toMatchObject({
      id: w.teams.team1,
      decisionNo: "12/QĐ-UBND",
      decisionDate: "2022-04-15",
      memberCount: 3,
      leaderCount: 1,
    });
    expect(
      one.team.members.find((m: { personId: number }) => m.personId === w.people.leader1.id),
    ).toMatchObject({
      isLeader: true,
      civicRole: "village_head",
      civicRoleLabel: "Trưởng thôn",
      activeTo: null,
    });
    // Thôn Ba's only member left: not listed, the village is counted as without members.
    expect(st.villages[2].team.members).toEqual([]);
    expect(st.pools.map((t: { id: number }) => t.id)).toEqual([w.teams.pool]);
    expect(st.counts).toMatchObject({
      villages: 3,
      activeVillages: 3,
      teams: 4,
      activeMembers: 6,
      leaders: 3,
      villagesWithoutMembers: 1,
    });
    expect(JSON.stringify(st)).not.toContain(w.people.citizen.zaloAppUserId);
  });

  it("is for the commune's admins only", async () => {
    for (const who of NOT_ADMINS) {
      expect((await as(who, "GET", `/api/admin/communes/${s.world.units.commune}/structure`)).status).toBe(
        404,
      );
    }
    expect(
      (await as("admin", "GET", `/api/admin/communes/${s.world.units.otherCommune}/structure`)).status,
    ).toBe(404);
    expect((await as("admin", "GET", `/api/admin/communes/${s.world.units.village1}/structure`)).status).toBe(
      404,
    );
    expect((await s.call("GET", `/api/admin/communes/${s.world.units.commune}/structure`)).status).toBe(401);
  });
});

describe("villages", () => {
  it("are created with their team, renamed and deactivated, keeping history", async () => {
    const created = await as("admin", "POST", "/api/admin/villages", {
      communeId: s.world.units.commune,
      name: "Thôn Bốn",
      decisionNo: "30/QĐ-UBND",
      decisionDate: "2026-03-01",
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      code: "TX-THON-BON",
      name: "Thôn Bốn",
      active: true,
      team: {
        name: "Tổ CNSCĐ Thôn Bốn",
        kind: "village",
        decisionNo: "30/QĐ-UBND",
        decisionDate: "2026-03-01",
        memberCount: 0,
      },
    });
    const id = created.json.id;
    const picker = await s.call("GET", `/api/villages?communeId=${s.world.units.commune}&q=thon bon`);
    expect(picker.json.items.map((v: { id: number }) => v.id)).toEqual([id]);

    const renamed = await as("admin", "PATCH", `/api/admin/villages/${id}`, { name: "Thôn Bốn Mới" });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({
      name: "Thôn Bốn Mới",
      code: "TX-THON-BON",
      team: { name: "Tổ CNSCĐ Thôn Bốn Mới" },
    });
    expect(
      (await s.call("GET", `/api/villages?q=thon bon moi`)).json.items.map((v: { id: number }) => v.id),
    ).toEqual([id]);

    const off = await as("admin", "PATCH", `/api/admin/villages/${id}`, { active: false });
    expect(off.json.active).toBe(false);
    expect(s.db.select().from(adminUnits).where(eq(adminUnits.id, id)).get()?.active).toBe(false);
    const filed = await as("citizen", "POST", "/api/requests", {
      kind: "question",
      category: "other",
      text: "Câu hỏi gửi cho thôn đã ngừng hoạt động",
      villageId: id,
    });
    expect(filed.status).toBe(400);
    expect(filed.json.error.fields.villageId).toBeTruthy();
    expect((await structure()).counts.activeVillages).toBe(3);

    const on = await as("admin", "PATCH", `/api/admin/villages/${id}`, { active: true });
    expect(on.json.active).toBe(true);
    const second = await as("admin", "POST", "/api/admin/villages", {
      communeId: s.world.units.commune,
      name: "Thôn-Bốn mới!",
    });
    expect(second.status).toBe(201);
    expect(second.json.code).toBe("TX-THON-BON-MOI");
  });

  it("refuse duplicates and bad input with field messages, and others with 404, changing nothing", async () => {
    const before = snapshot();
    const dup = await as("admin", "POST", "/api/admin/villages", {
      communeId: s.world.units.commune,
      name: "thon mot",
    });
    expect(dup.status).toBe(400);
    expect(dup.json.error.fields.name).toBe("Xã đã có thôn, khối phố mang tên này.");
    const code = await as("admin", "POST", "/api/admin/villages", {
      communeId: s.world.units.commune,
      name: "Thôn Năm",
      code: "TY-T1",
    });
    expect(code.status).toBe(400);
    expect(code.json.error.fields.code).toMatch(/đã được dùng/);
    const badCode = await as("admin", "POST", "/api/admin/villages", {
      communeId: s.world.units.commune,
      name: "Thôn Năm",
      code: "thôn 5",
    });
    expect(badCode.status).toBe(400);
    expect(badCode.json.error.fields.code).toMatch(/chữ in hoa/);
    const empty = await as("admin", "POST", "/api/admin/villages", {
      communeId: s.world.units.commune,
      name: " ",
    });
    expect(empty.status).toBe(400);
    expect(empty.json.error.fields.name).toBe("Vui lòng nhập tên thôn, khối phố.");
    const rename = await as("admin", "PATCH", `/api/admin/villages/${s.world.units.village2}`, {
      name: "Thôn Một",
    });
    expect(rename.status).toBe(400);
    for (const who of NOT_ADMINS) {
      expect(
        (await as(who, "POST", "/api/admin/villages", { communeId: s.world.units.commune, name: "Thôn Sáu" }))
          .status,
      ).toBe(404);
      expect(
        (await as(who, "PATCH", `/api/admin/villages/${s.world.units.village1}`, { active: false })).status,
      ).toBe(404);
    }
    // A commune is not a village: the same 404.
    expect(
      (await as("admin", "PATCH", `/api/admin/villages/${s.world.units.commune}`, { name: "Đổi tên xã" }))
        .status,
    ).toBe(404);
    expect(snapshot()).toBe(before);
  });
});

describe("teams and memberships", () => {
  it("update the team's decision and a member's role; the public directory follows", async () => {
    const w = s.world;
    const team = await as("admin", "PATCH", `/api/admin/teams/${w.teams.team2}`, {
      decisionNo: "45/QĐ-UBND",
      decisionDate: "2026-01-10",
    });
    expect(team.status).toBe(200);
    expect(team.json).toMatchObject({
      id: w.teams.team2,
      name: "Tổ CNSCĐ Thôn Hai",
      decisionNo: "45/QĐ-UBND",
      decisionDate: "2026-01-10",
    });
    const membershipId = membershipOf(w.teams.team2, w.people.member2.id)[0]?.id;
    const changed = await as("admin", "PATCH", `/api/admin/memberships/${membershipId}`, {
      isLeader: true,
      civicRole: "womens_union",
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({
      membershipId,
      isLeader: true,
      civicRole: "womens_union",
      civicRoleLabel: "Chi hội Phụ nữ",
    });
    const directory = await s.call("GET", `/api/public/villages/${w.units.village2}/team`);
    expect(directory.json.decisionNo).toBe("45/QĐ-UBND");
    expect(
      directory.json.members.find((m: { displayName: string }) => m.displayName === w.people.member2.name),
    ).toMatchObject({
      isLeader: true,
      civicRoleLabel: "Chi hội Phụ nữ",
    });
    // Clearing the decision date.
    const cleared = await as("admin", "PATCH", `/api/admin/teams/${w.teams.pool}`, { decisionDate: "" });
    expect(cleared.json.decisionDate).toBeNull();
  });

  it("end a membership: history kept, the person loses the queue, open claims are reported", async () => {
    const w = s.world;
    const member1b = await s.login(w.people.member1b);
    const filed = await as("citizen", "POST", "/api/requests", {
      kind: "help",
      category: "e_payment",
      meetingMode: "home_visit",
      text: "Nhờ tổ cài ví điện tử giúp",
      villageId: w.units.village1,
    });
    expect((await withToken(member1b, "POST", `/api/requests/${filed.json.id}/claim`)).status).toBe(200);
    expect((await withToken(member1b, "GET", "/api/queue")).status).toBe(200);

    const id = membershipOf(w.teams.team1, w.people.member1b.id)[0]?.id as number;
    const ended = await as("admin", "POST", `/api/admin/memberships/${id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.json.member.activeTo).toBe(T0.toISOString());
    expect(ended.json.openRequestIds).toEqual([filed.json.id]);
    // Never deleted: the row stays with its end date.
    expect(membershipOf(w.teams.team1, w.people.member1b.id)).toHaveLength(1);
    expect((await withToken(member1b, "GET", "/api/queue")).status).toBe(403);
    const directory = await s.call("GET", `/api/public/villages/${w.units.village1}/team`);
    expect(directory.text).not.toContain(w.people.member1b.name);
    expect((await structure()).villages[0].team.memberCount).toBe(2);

    const before = snapshot();
    const again = await as("admin", "POST", `/api/admin/memberships/${id}/end`);
    expect(again.status).toBe(409);
    const edit = await as("admin", "PATCH", `/api/admin/memberships/${id}`, { isLeader: true });
    expect(edit.status).toBe(409);
    expect(edit.json.error.message).toMatch(/đã rời tổ/);
    expect(snapshot()).toBe(before);
  });

  it("refuse others with 404 and bad values with 400, changing nothing", async () => {
    const w = s.world;
    const before = snapshot();
    const membershipId = membershipOf(w.teams.team1, w.people.member1.id)[0]?.id;
    for (const who of NOT_ADMINS) {
      expect(
        (await as(who, "PATCH", `/api/admin/teams/${w.teams.team1}`, { name: "Tổ bị đổi tên" })).status,
      ).toBe(404);
      expect(
        (await as(who, "PATCH", `/api/admin/memberships/${membershipId}`, { isLeader: true })).status,
      ).toBe(404);
      expect((await as(who, "POST", `/api/admin/memberships/${membershipId}/end`)).status).toBe(404);
    }
    expect(
      (await as("admin", "PATCH", `/api/admin/teams/${w.teams.otherTeam}`, { name: "Tổ xã khác" })).status,
    ).toBe(404);
    const badRole = await as("admin", "PATCH", `/api/admin/memberships/${membershipId}`, {
      civicRole: "mayor",
    });
    expect(badRole.status).toBe(400);
    expect(badRole.json.error.fields.civicRole).toBe("Vai trò không hợp lệ.");
    const badDate = await as("admin", "PATCH", `/api/admin/teams/${w.teams.team1}`, {
      decisionDate: "15/04/2022",
    });
    expect(badDate.status).toBe(400);
    expect(badDate.json.error.fields.decisionDate).toMatch(/năm-tháng-ngày/);
    expect(snapshot()).toBe(before);
  });
});

describe("invites", () => {
  const decodeQr = (dataUrl: string) => {
    const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64"));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  };

  it("make a link and QR; accepting makes an active member once, who then sees the team queue", async () => {
    const w = s.world;
    const invite = await as("admin", "POST", "/api/admin/invites", {
      teamId: w.teams.team2,
      civicRole: "youth_union",
    });
    expect(invite.status).toBe(201);
    expect(invite.json.link).toBe(`https://zalo.me/s/${s.config.zalo.appId}/join?token=${invite.json.token}`);
    expect(invite.json).toMatchObject({
      teamId: w.teams.team2,
      teamName: "Tổ CNSCĐ Thôn Hai",
      civicRole: "youth_union",
      isLeader: false,
    });
    expect(invite.json.expiresAt).toBe(new Date(T0.getTime() + 7 * 86_400_000).toISOString());
    expect(decodeQr(invite.json.qrPngDataUrl)).toBe(invite.json.link);

    const filed = await as("citizen", "POST", "/api/requests", {
      kind: "help",
      category: "vssid",
      meetingMode: "village_hall",
      text: "Nhờ tổ cài VssID cho chồng",
      villageId: w.units.village2,
    });
    const newcomer = await s.login(w.people.newcomer);
    expect((await withToken(newcomer, "GET", "/api/queue")).status).toBe(403);

    const accepted = await withToken(newcomer, "POST", "/api/invites/accept", { token: invite.json.token });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({
      joined: true,
      team: { id: w.teams.team2, name: "Tổ CNSCĐ Thôn Hai", unitId: w.units.village2, unitName: "Thôn Hai" },
      civicRole: "youth_union",
      isLeader: false,
    });
    const again = await withToken(newcomer, "POST", "/api/invites/accept", { token: invite.json.token });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ joined: false, membershipId: accepted.json.membershipId });
    expect(membershipOf(w.teams.team2, w.people.newcomer.id)).toHaveLength(1);

    // The same session: roles are read per request, so the queue opens at once.
    // The invite is a credential: it never reaches the logs.
    expect(s.logs.join("\n")).not.toContain(invite.json.token);
    expect(s.logs.join("\n")).toMatch(/invite accepted/);

    const queue = await withToken(newcomer, "GET", "/api/queue");
    expect(queue.status).toBe(200);
    expect(queue.json.items.map((r: { id: number }) => r.id)).toContain(filed.json.id);
    const me = await withToken(newcomer, "GET", "/api/me");
    expect(me.json.roles.memberships).toEqual([
      expect.objectContaining({ teamId: w.teams.team2, civicRole: "youth_union" }),
    ]);
  });

  it("are single-use: the join page previews it, and once used nobody else can join with it", async () => {
    const w = s.world;
    const invite = await as("admin", "POST", "/api/admin/invites", {
      teamId: w.teams.team1,
      civicRole: "volunteer",
    });
    const newcomer = await s.login(w.people.newcomer);
    const preview = await withToken(newcomer, "POST", "/api/invites/preview", { token: invite.json.token });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({
      team: { id: w.teams.team1, unitId: w.units.village1 },
      civicRole: "volunteer",
      isLeader: false,
      acceptedByYou: false,
    });
    expect(
      (await withToken(newcomer, "POST", "/api/invites/accept", { token: invite.json.token })).status,
    ).toBe(200);
    const mine = await withToken(newcomer, "POST", "/api/invites/preview", { token: invite.json.token });
    expect(mine.json.acceptedByYou).toBe(true);

    // The link forwarded to someone else: refused, with a clear message, and nothing changes.
    const before = snapshot();
    for (const path of ["/api/invites/accept", "/api/invites/preview"]) {
      const other = await as("citizen", "POST", path, { token: invite.json.token });
      expect(other.status).toBe(400);
      expect(other.json.error.fields.token).toMatch(/đã được người khác sử dụng/);
    }
    expect(snapshot()).toBe(before);
  });

  it("cannot be used again by a member the admin removed from the team", async () => {
    const w = s.world;
    const invite = await as("admin", "POST", "/api/admin/invites", {
      teamId: w.teams.team1,
      civicRole: "volunteer",
      isLeader: true,
    });
    const removed = person(s.db, "Người Bị Cho Rời Tổ", null);
    const token = await s.login(removed);
    const joined = await withToken(token, "POST", "/api/invites/accept", { token: invite.json.token });
    expect(joined.json.joined).toBe(true);
    expect((await as("admin", "POST", `/api/admin/memberships/${joined.json.membershipId}/end`)).status).toBe(
      200,
    );

    // Still within the invite's 7 days: the used link does not bring them back.
    const before = snapshot();
    for (const path of ["/api/invites/preview", "/api/invites/accept"]) {
      const rejoin = await withToken(token, "POST", path, { token: invite.json.token });
      expect(rejoin.status, path).toBe(400);
      expect(rejoin.json.error.fields.token).toMatch(/đã được sử dụng/);
    }
    expect(snapshot()).toBe(before);
    expect((await withToken(token, "GET", "/api/queue")).status).toBe(403);
  });

  it("change nothing for someone already in the team", async () => {
    const w = s.world;
    const invite = await as("admin", "POST", "/api/admin/invites", {
      teamId: w.teams.team1,
      civicRole: "teacher",
      isLeader: true,
    });
    const before = snapshot();
    const accepted = await as("member", "POST", "/api/invites/accept", { token: invite.json.token });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ joined: false, isLeader: false, civicRole: "youth_union" });
    expect(snapshot()).toBe(before);
  });

  it("refuse expired and forged tokens with a clear message, changing nothing", async () => {
    const w = s.world;
    const invite = await as("admin", "POST", "/api/admin/invites", {
      teamId: w.teams.team1,
      civicRole: "volunteer",
      isLeader: true,
    });
    const stranger = person(s.db, "Người Lạ Mặt", null);
    const before = snapshot();
    try {
      s.clock.now = new Date(T0.getTime() + 7 * 86_400_000 + 60_000);
      const late = await s.login(stranger);
      const expired = await withToken(late, "POST", "/api/invites/accept", { token: invite.json.token });
      expect(expired.status).toBe(400);
      expect(expired.json.error.fields.token).toMatch(/hết hạn/);
    } finally {
      s.clock.now = T0;
    }
    const token = await s.login(stranger);
    // The payload changed to another team, the signature kept: refused.
    const [head, payload, signature] = invite.json.token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const tampered = Buffer.from(JSON.stringify({ ...claims, teamId: w.teams.otherTeam })).toString(
      "base64url",
    );
    const forged = await withToken(token, "POST", "/api/invites/accept", {
      token: `${head}.${tampered}.${signature}`,
    });
    expect(forged.status).toBe(400);
    expect(forged.json.error.fields.token).toMatch(/không hợp lệ/);
    // Signed with another key, or a session token instead of an invite: refused.
    const otherKey = await new SignJWT({ teamId: w.teams.team1, civicRole: "volunteer", isLeader: true })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(String(w.people.admin.id))
      .setIssuer("cau-noi")
      .setAudience("invite")
      .setExpirationTime(Math.floor(T0.getTime() / 1000) + 3600)
      .sign(new TextEncoder().encode("x".repeat(40)));
    for (const bad of [otherKey, token, "không-phải-token"]) {
      const r = await withToken(token, "POST", "/api/invites/accept", { token: bad });
      expect(r.status).toBe(400);
      expect(r.json.error.message).toMatch(/Lời mời không hợp lệ/);
    }
    expect((await s.call("POST", "/api/invites/accept", { json: { token: invite.json.token } })).status).toBe(
      401,
    );
    expect(snapshot()).toBe(before);
  });

  it("are made by the team's commune admins only, for active teams, with valid roles", async () => {
    const w = s.world;
    for (const who of NOT_ADMINS) {
      expect(
        (await as(who, "POST", "/api/admin/invites", { teamId: w.teams.team1, civicRole: "volunteer" }))
          .status,
      ).toBe(404);
    }
    expect(
      (await as("admin", "POST", "/api/admin/invites", { teamId: w.teams.otherTeam, civicRole: "volunteer" }))
        .status,
    ).toBe(404);
    const badRole = await as("admin", "POST", "/api/admin/invites", {
      teamId: w.teams.team1,
      civicRole: "boss",
    });
    expect(badRole.status).toBe(400);
    expect(badRole.json.error.fields.civicRole).toBe("Vui lòng chọn vai trò.");

    // An invite made before the village stopped is refused when accepted afterwards.
    const invite = await as("admin", "POST", "/api/admin/invites", {
      teamId: w.teams.team3,
      civicRole: "volunteer",
    });
    expect(invite.status).toBe(201);
    await as("admin", "PATCH", `/api/admin/villages/${w.units.village3}`, { active: false });
    const inactive = await as("admin", "POST", "/api/admin/invites", {
      teamId: w.teams.team3,
      civicRole: "volunteer",
    });
    expect(inactive.status).toBe(400);
    expect(inactive.json.error.fields.teamId).toMatch(/không còn hoạt động/);
    const before = snapshot();
    const late = await as("citizen", "POST", "/api/invites/accept", { token: invite.json.token });
    expect(late.status).toBe(400);
    expect(late.json.error.fields.token).toMatch(/không còn hoạt động/);
    expect(snapshot()).toBe(before);
    await as("admin", "PATCH", `/api/admin/villages/${w.units.village3}`, { active: true });
    expect(s.db.select().from(requests).where(eq(requests.villageId, w.units.village3)).all()).toEqual([]);
  });
});
