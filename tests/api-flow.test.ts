/**
 * A help request's whole life over real HTTP, as the mini app drives it: sign in through the
 * Zalo graph stand-in, file, claim, start, resolve, see who helped, rate. Plus sessions,
 * profile, phone sharing with consent, health and the OpenAPI document.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { persons } from "../bot-server/src/db/schema";
import { startTestServer, type TestServer } from "./helpers/server";

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  await s.close();
});

describe("service endpoints", () => {
  it("answers /healthz and serves an OpenAPI document listing the API", async () => {
    expect((await s.call("GET", "/healthz")).json).toMatchObject({ status: "ok" });
    const doc = await s.call("GET", "/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.json.openapi).toBe("3.1.0");
    for (const path of [
      "/api/session",
      "/api/requests",
      "/api/requests/{id}/claim",
      "/api/queue",
      "/api/public/field-reports",
      "/api/photos",
    ]) {
      expect(Object.keys(doc.json.paths)).toContain(path);
    }
  });

  it("answers unknown paths with a JSON 404", async () => {
    const r = await s.call("GET", "/api/nope");
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe("not_found");
  });
});

describe("session", () => {
  it("verifies the Zalo token with the graph API and issues our own session", async () => {
    const accessToken = await s.zaloAccessToken(s.world.people.citizen);
    const r = await s.call("POST", "/api/session", { json: { accessToken } });
    expect(r.status).toBe(200);
    expect(r.json.token).toMatch(/^ey/);
    const me = await s.call("GET", "/api/me", { token: r.json.token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ displayName: "Nguyễn Thị Dân", hasPhone: true });
    expect(me.json.homeVillage.name).toBe("Thôn Một");
  });

  it("creates a person on first sight", async () => {
    const token = await s.login({ zaloAppUserId: "9123456789012345678", name: "Khách Lạ" });
    const me = await s.call("GET", "/api/me", { token });
    expect(me.json).toMatchObject({ displayName: "Khách Lạ", homeVillage: null, hasPhone: false });
  });

  it("refuses a forged Zalo token and a missing one, and writes no person", async () => {
    const before = s.db.select().from(persons).all().length;
    const forged = await s.call("POST", "/api/session", { json: { accessToken: "not-a-real-token" } });
    expect(forged.status).toBe(401);
    expect(forged.json.error.code).toBe("unauthenticated");
    const missing = await s.call("POST", "/api/session", { json: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.error.fields).toHaveProperty("accessToken");
    expect(s.db.select().from(persons).all().length).toBe(before);
  });

  it("refuses expired and tampered sessions", async () => {
    const token = await s.login(s.world.people.citizen);
    const tampered = `${token.slice(0, -3)}abc`;
    expect((await s.call("GET", "/api/me", { token: tampered })).status).toBe(401);
    s.clock.now = new Date(s.clock.now.getTime() + 3 * 3_600_000);
    const expired = await s.call("GET", "/api/me", { token });
    expect(expired.status).toBe(401);
    expect(expired.json.error.message).toContain("hết hạn");
  });
});

describe("profile", () => {
  it("sets the home village once and refuses a unit that is not a village", async () => {
    const token = await s.login(s.world.people.newcomer);
    const bad = await s.call("PATCH", "/api/me", { token, json: { homeVillageId: s.world.units.commune } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty("homeVillageId");
    const ok = await s.call("PATCH", "/api/me", { token, json: { homeVillageId: s.world.units.village2 } });
    expect(ok.status).toBe(200);
    expect(ok.json.homeVillage.name).toBe("Thôn Hai");
  });

  it("lists villages and finds them without diacritics", async () => {
    const r = await s.call("GET", "/api/villages?q=thon%20hai");
    expect(r.json.items.map((v: { name: string }) => v.name)).toEqual(["Thôn Hai"]);
  });

  it("stores a phone number only through the token exchange, with the consent time", async () => {
    const person = s.world.people.citizen2;
    const token = await s.login(person);
    const accessToken = await s.zaloAccessToken(person);
    const phoneToken = await s.phoneToken(person, "84912345678");
    const r = await s.call("POST", "/api/me/phone", { token, json: { accessToken, phoneToken } });
    expect(r.status).toBe(200);
    expect(r.json.hasPhone).toBe(true);
    const stored = s.db.select().from(persons).where(eq(persons.id, person.id)).get();
    expect(stored?.phone).toBe("84912345678");
    expect(stored?.phoneConsentAt?.getTime()).toBe(s.clock.now.getTime());
    // The phone token is single use.
    const again = await s.call("POST", "/api/me/phone", { token, json: { accessToken, phoneToken } });
    expect(again.status).toBe(400);
  });

  it("refuses a Zalo token that belongs to someone else", async () => {
    const token = await s.login(s.world.people.citizen2);
    const othersAccess = await s.zaloAccessToken(s.world.people.citizen);
    const phoneToken = await s.phoneToken(s.world.people.citizen, "84987654321");
    const r = await s.call("POST", "/api/me/phone", {
      token,
      json: { accessToken: othersAccess, phoneToken },
    });
    expect(r.status).toBe(401);
    expect(
      s.db.select().from(persons).where(eq(persons.id, s.world.people.citizen2.id)).get()?.phone,
    ).toBeNull();
  });
});

describe("a help request from filing to rating", () => {
  it("goes to the village team, is claimed, resolved, and rated by the citizen", async () => {
    const citizen = await s.login(s.world.people.citizen);
    const member = await s.login(s.world.people.member1);
    const other = await s.login(s.world.people.member2);

    const filed = await s.call("POST", "/api/requests", {
      token: citizen,
      json: {
        kind: "help",
        category: "vneid_level2",
        meetingMode: "home_visit",
        text: "Nhờ tổ cài giúp VNeID mức 2",
        clientId: "offline-0001",
      },
    });
    expect(filed.status).toBe(201);
    const id = filed.json.id;
    expect(filed.json).toMatchObject({
      status: "new",
      villageName: "Thôn Một",
      routedTo: "team",
      owner: null,
    });

    // Sent again from the offline queue: the same request, not a second one.
    const resent = await s.call("POST", "/api/requests", {
      token: citizen,
      json: {
        kind: "help",
        category: "vneid_level2",
        meetingMode: "home_visit",
        text: "Nhờ tổ cài giúp VNeID mức 2",
        clientId: "offline-0001",
      },
    });
    expect(resent.status).toBe(200);
    expect(resent.json.id).toBe(id);

    const queue = await s.call("GET", "/api/queue?view=unclaimed", { token: member });
    expect(queue.json.counts).toMatchObject({ unclaimed: 1, mine: 0 });
    expect(queue.json.items.map((r: { id: number }) => r.id)).toEqual([id]);
    // A member of another village's team does not see it.
    const otherQueue = await s.call("GET", "/api/queue?view=unclaimed", { token: other });
    expect(otherQueue.json.items).toEqual([]);
    expect((await s.call("GET", `/api/requests/${id}`, { token: other })).status).toBe(404);

    const claimed = await s.call("POST", `/api/requests/${id}/claim`, { token: member });
    expect(claimed.status).toBe(200);
    expect(claimed.json.owner).toMatchObject({ displayName: "Lê Thị Thành", civicRole: "youth_union" });

    const late = await s.call("POST", `/api/requests/${id}/claim`, {
      token: await s.login(s.world.people.leader1),
    });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({
      code: "already_taken",
      message: "Yêu cầu này đã có người nhận.",
    });

    const seen = await s.call("GET", `/api/requests/${id}`, { token: citizen });
    expect(seen.json.owner.displayName).toBe("Lê Thị Thành");

    expect((await s.call("POST", `/api/requests/${id}/start`, { token: member })).json.status).toBe(
      "in_progress",
    );
    expect(
      (await s.call("POST", `/api/requests/${id}/note`, { token: member, json: { text: "Hẹn 3 giờ chiều" } }))
        .status,
    ).toBe(200);
    const resolved = await s.call("POST", `/api/requests/${id}/resolve`, {
      token: member,
      json: { outcomeCode: "vneid_level2_activated", note: "Đã kích hoạt xong" },
    });
    expect(resolved.json.status).toBe("resolved");

    const rated = await s.call("POST", `/api/requests/${id}/rate`, {
      token: citizen,
      json: { rating: 5, comment: "Cảm ơn em" },
    });
    expect(rated.json).toMatchObject({ status: "closed", rating: 5 });

    const mine = await s.call("GET", "/api/requests/mine", { token: citizen });
    expect(mine.json.items).toHaveLength(1);
    expect(mine.json.items[0]).toMatchObject({ id, status: "closed", rating: 5 });

    const detail = await s.call("GET", `/api/requests/${id}`, { token: citizen });
    expect(detail.json.events.map((e: { action: string }) => e.action)).toEqual([
      "created",
      "routed",
      "claimed",
      "started",
      "noted",
      "resolved",
      "rated",
    ]);
  });
});
