/**
 * `POST /api/location` over real HTTP: the mini app's `getLocation()` token, issued by the Zalo
 * graph stand-in, is exchanged by the server (GET /v2.0/me/info with the app secret) for the
 * coordinates that then travel in the field report the person sends. Nothing is stored, and
 * neither the location token nor the Zalo access token reaches the logs.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { persons, requests } from "../bot-server/src/db/schema";
import { startTestServer, type TestServer } from "./helpers/server";

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(async () => {
  await s.close();
});

/** Plays zmp-sdk `getLocation()` inside Zalo for this person at this place. */
async function locationToken(person: { zaloAppUserId: string }, latitude: number, longitude: number) {
  const response = await fetch(`${s.standinUrl}/graph/sandbox/users/${person.zaloAppUserId}/location-token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ latitude, longitude }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const VIETNAMESE = /[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i;

describe("POST /api/location", () => {
  it("turns the person's location token into coordinates they then send with a field report", async () => {
    const person = s.world.people.citizen;
    const session = await s.login(person);
    const accessToken = await s.zaloAccessToken(person);
    const token = await locationToken(person, 15.8794, 108.3612);
    const peopleBefore = s.db.select().from(persons).all();

    const r = await s.call("POST", "/api/location", { token: session, json: { token, accessToken } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ latitude: 15.8794, longitude: 108.3612 });
    // Nothing stored: no person changed, no request appeared.
    expect(s.db.select().from(persons).all()).toEqual(peopleBefore);
    expect(s.db.select().from(requests).all()).toHaveLength(0);

    const filed = await s.call("POST", "/api/requests", {
      token: session,
      json: {
        kind: "field_report",
        category: "roads",
        text: "Ổ gà lớn đầu đường vào thôn",
        location: r.json,
      },
    });
    expect(filed.status).toBe(201);
    expect(filed.json.location).toEqual({ latitude: 15.8794, longitude: 108.3612 });
  });

  it("refuses a reused or forged token with a Vietnamese message naming the field", async () => {
    const person = s.world.people.citizen;
    const session = await s.login(person);
    const accessToken = await s.zaloAccessToken(person);
    const token = await locationToken(person, 15.88, 108.34);
    expect(
      (await s.call("POST", "/api/location", { token: session, json: { token, accessToken } })).status,
    ).toBe(200);

    for (const used of [token, "forged-location-token"]) {
      const r = await s.call("POST", "/api/location", { token: session, json: { token: used, accessToken } });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("validation_failed");
      expect(r.json.error.message).toMatch(VIETNAMESE);
      expect(r.json.error.fields.token).toMatch(VIETNAMESE);
    }
  });

  it("never turns a phone token into anything: no number comes back", async () => {
    const person = s.world.people.citizen2;
    const session = await s.login(person);
    const accessToken = await s.zaloAccessToken(person);
    const phoneToken = await s.phoneToken(person, "84912345678");
    const r = await s.call("POST", "/api/location", {
      token: session,
      json: { token: phoneToken, accessToken },
    });
    expect(r.status).toBe(400);
    expect(r.text).not.toContain("912345678");
  });

  it("answers 401 without a session, and for someone else's Zalo access token", async () => {
    const person = s.world.people.citizen;
    const accessToken = await s.zaloAccessToken(person);
    const token = await locationToken(person, 15.88, 108.34);
    const anonymous = await s.call("POST", "/api/location", { json: { token, accessToken } });
    expect(anonymous.status).toBe(401);

    // Signed in as citizen2 with citizen's Zalo tokens: nobody learns another person's position.
    const other = await s.login(s.world.people.citizen2);
    const r = await s.call("POST", "/api/location", { token: other, json: { token, accessToken } });
    expect(r.status).toBe(401);
    expect(r.json.error.message).toMatch(VIETNAMESE);
    expect(r.text).not.toContain("108.34");
  });

  it("asks for the missing fields in Vietnamese", async () => {
    const session = await s.login(s.world.people.citizen);
    const r = await s.call("POST", "/api/location", { token: session, json: { token: "  " } });
    expect(r.status).toBe(400);
    expect(Object.keys(r.json.error.fields).sort()).toEqual(["accessToken", "token"]);
    expect(r.json.error.fields.token).toMatch(VIETNAMESE);
  });

  it("keeps the location token and the Zalo access token out of the logs", async () => {
    const person = s.world.people.citizen;
    const session = await s.login(person);
    const accessToken = await s.zaloAccessToken(person);
    const token = await locationToken(person, 15.88, 108.34);
    await s.call("POST", "/api/location", { token: session, json: { token, accessToken } });
    await s.call("POST", "/api/location", { token: session, json: { token, accessToken } }); // refused
    const logs = s.logs.join("\n");
    expect(logs).toContain("/api/location"); // the calls were logged, and were looked at
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(accessToken);
    expect(logs).not.toContain("108.34");
  });
});
