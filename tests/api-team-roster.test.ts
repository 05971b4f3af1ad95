/**
 * GET /api/teams/{id}/members: the roster a leader assigns from, with each member's open load.
 * Team members and the commune's admins read it; everyone else gets the same 404 as a team that
 * does not exist, so a team's make-up never leaks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/server";
import { lazySessions } from "./helpers/sessions";

let server: TestServer;
const { tok: tokenOf } = lazySessions(() => server);

async function fileHelp(): Promise<number> {
  const response = await server.call("POST", "/api/requests", {
    token: await tokenOf("citizen"),
    json: { kind: "help", category: "vneid_level2", meetingMode: "home_visit", text: "Nhờ cài VNeID mức 2" },
  });
  expect(response.status).toBe(201);
  return response.json.id as number;
}

describe("team roster with open load", () => {
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("counts each member's open requests, and only theirs", async () => {
    const { teams, people, units } = server.world;
    const a = await fileHelp();
    const b = await fileHelp();
    const c = await fileHelp();
    await fileHelp(); // stays unclaimed: nobody's load
    const member1 = await tokenOf("member1");
    const member1b = await tokenOf("member1b");
    expect((await server.call("POST", `/api/requests/${a}/claim`, { token: member1 })).status).toBe(200);
    expect((await server.call("POST", `/api/requests/${b}/claim`, { token: member1 })).status).toBe(200);
    expect((await server.call("POST", `/api/requests/${c}/claim`, { token: member1b })).status).toBe(200);
    // A resolved request is no longer load.
    const done = await server.call("POST", `/api/requests/${c}/resolve`, {
      token: member1b,
      json: { outcomeCode: "guided" },
    });
    expect(done.status).toBe(200);

    const response = await server.call("GET", `/api/teams/${teams.team1}/members`, {
      token: await tokenOf("leader1"),
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      teamId: teams.team1,
      teamName: "Tổ CNSCĐ Thôn Một",
      villageId: units.village1,
      villageName: "Thôn Một",
      communeId: units.commune,
      communeName: "Xã Thử Nghiệm",
    });
    const byId = new Map(
      (response.json.items as Array<{ personId: number; openCount: number; isLeader: boolean }>).map((m) => [
        m.personId,
        m,
      ]),
    );
    expect([...byId.keys()].sort()).toEqual(
      [people.leader1.id, people.member1.id, people.member1b.id].sort(),
    );
    expect(byId.get(people.member1.id)?.openCount).toBe(2);
    expect(byId.get(people.member1b.id)?.openCount).toBe(0);
    expect(byId.get(people.leader1.id)).toMatchObject({ isLeader: true, openCount: 0 });
    // The leader comes first.
    expect(response.json.items[0].personId).toBe(people.leader1.id);
  });

  it("answers members of the team and the commune admins; 404 for everyone else", async () => {
    const { teams } = server.world;
    const path = `/api/teams/${teams.team1}/members`;
    for (const who of ["member1b", "admin"] as const) {
      expect((await server.call("GET", path, { token: await tokenOf(who) })).status).toBe(200);
    }
    const missing = await server.call("GET", "/api/teams/999999/members", {
      token: await tokenOf("member2"),
    });
    expect(missing.status).toBe(404);
    for (const who of ["member2", "citizen", "otherAdmin", "viewer", "otherMember"] as const) {
      const response = await server.call("GET", path, { token: await tokenOf(who) });
      expect(response.status).toBe(404);
      expect(response.json).toEqual(missing.json);
    }
    expect((await server.call("GET", path)).status).toBe(401);
  });

  it("leaves out members who left the team", async () => {
    const { teams, people } = server.world;
    const response = await server.call("GET", `/api/teams/${teams.team3}/members`, {
      token: await tokenOf("admin"),
    });
    expect(response.status).toBe(200);
    expect(response.json.items.map((m: { personId: number }) => m.personId)).not.toContain(
      people.formerMember3.id,
    );
    expect(response.json.items).toEqual([]);
  });
});
