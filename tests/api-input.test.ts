/**
 * Bad input gets a clear 4xx and changes nothing (SPEC §7): the body is always
 * `{ error: { code, message, fields? } }`, the message is Vietnamese (with diacritics, no zod
 * English leaking through), `fields` names exactly the offending field when there is one, and the
 * database is the same before and after (row counts of requests, request_events, persons and
 * photos, and the rows of requests and persons themselves).
 *
 * One server for the file; every case is a refusal, which is what lets them share it. The first
 * describe proves the base bodies are valid, so each case fails for the one thing it changes.
 */
import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persons, photos, requestEvents, requests } from "../bot-server/src/db/schema";
import { startTestServer, type TestServer } from "./helpers/server";

let s: TestServer;
let tokens: Record<"citizen" | "newcomer" | "member1" | "leader1" | "admin", string>;
/** Requests of team1 prepared for the action cases, by state. */
const ids = { new: 0, claimed: 0, resolved: 0 };

const BASE = {
  help: {
    kind: "help",
    category: "vneid_level2",
    meetingMode: "home_visit",
    text: "Nhờ tổ cài giúp VNeID mức 2",
  },
  field_report: { kind: "field_report", category: "environment", text: "Rác thải đổ trộm ở đầu ngõ xóm" },
  question: { kind: "question", category: "procedure", text: "Làm lại căn cước mất bao lâu ạ?" },
} as const;
type Kind = keyof typeof BASE;

beforeAll(async () => {
  s = await startTestServer();
  const w = s.world.people;
  tokens = {
    citizen: await s.login(w.citizen),
    newcomer: await s.login(w.newcomer),
    member1: await s.login(w.member1),
    leader1: await s.login(w.leader1),
    admin: await s.login(w.admin),
  };
  const file = async () =>
    (await s.call("POST", "/api/requests", { token: tokens.citizen, json: BASE.help })).json.id as number;
  ids.new = await file();
  ids.claimed = await file();
  ids.resolved = await file();
  for (const id of [ids.claimed, ids.resolved]) {
    expect((await s.call("POST", `/api/requests/${id}/claim`, { token: tokens.member1 })).status).toBe(200);
  }
  const resolved = await s.call("POST", `/api/requests/${ids.resolved}/resolve`, {
    token: tokens.member1,
    json: { outcomeCode: "guided" },
  });
  expect(resolved.status).toBe(200);
});
afterAll(async () => {
  await s.close();
});

/** Everything a refused request could have touched. */
function dbState() {
  const n = (table: typeof requests | typeof requestEvents | typeof persons | typeof photos) =>
    s.db.select({ n: count() }).from(table).get()?.n ?? 0;
  return {
    counts: {
      requests: n(requests),
      requestEvents: n(requestEvents),
      persons: n(persons),
      photos: n(photos),
    },
    requests: s.db.select().from(requests).all(),
    persons: s.db.select().from(persons).all(),
  };
}

/** Vietnamese with diacritics, and none of zod's English defaults. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const ENGLISH = /\b(expected|invalid|received|too (big|small)|required|must|malformed|unsupported)\b/i;

interface Case {
  name: string;
  method: "GET" | "POST" | "PATCH";
  path: string | (() => string);
  as?: keyof typeof tokens | "anonymous";
  /** A function when the body needs ids only known once the world exists. */
  json?: unknown;
  body?: string | FormData;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** The one field `fields` must name; none when the input has no field to blame. */
  field?: string;
}

async function expectRefused(c: Case) {
  const before = dbState();
  const token = c.as === "anonymous" ? undefined : tokens[c.as ?? "citizen"];
  const path = typeof c.path === "function" ? c.path() : c.path;
  const json = typeof c.json === "function" ? c.json() : c.json;
  const r = await s.call(c.method, path, { token, json, body: c.body, headers: c.headers });
  expect(r.status, r.text).toBe(c.status);
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  expect(Object.keys(r.json)).toEqual(["error"]);
  const { code, message, fields } = r.json.error;
  expect(code).toBe(c.code);
  expect(message).toMatch(VIETNAMESE);
  expect(message).not.toMatch(ENGLISH);
  if (c.field) {
    expect(Object.keys(fields ?? {})).toEqual([c.field]);
    expect(fields[c.field]).toMatch(VIETNAMESE);
    expect(fields[c.field]).not.toMatch(ENGLISH);
  } else {
    expect(fields).toBeUndefined();
  }
  expect(dbState()).toEqual(before);
}

describe("the base bodies are valid (so each case below fails for its one change)", () => {
  it.each(Object.keys(BASE) as Kind[])("%s is accepted and creates one request", async (kind) => {
    const before = dbState().counts;
    const r = await s.call("POST", "/api/requests", { token: tokens.citizen, json: BASE[kind] });
    expect(r.status, r.text).toBe(201);
    expect(dbState().counts.requests).toBe(before.requests + 1);
  });
});

const sixPhotoIds = Array.from({ length: 6 }, () => randomUUID());
const createCases = (kind: Kind): Case[] => {
  const base = BASE[kind];
  const { text: _text, ...withoutText } = base;
  const post = (name: string, json: unknown, field: string, status = 400): Case => ({
    name,
    method: "POST",
    path: "/api/requests",
    json,
    status,
    code: "validation_failed",
    field,
  });
  return [
    post("missing text", withoutText, "text"),
    post("text too short", { ...base, text: "Gấp" }, "text"),
    post("text only spaces", { ...base, text: "        " }, "text"),
    post("text too long", { ...base, text: "a".repeat(2001) }, "text"),
    post("text not a string", { ...base, text: 12345678 }, "text"),
    post("unknown category", { ...base, category: "bogus" }, "category"),
    post(
      "a category of another kind",
      { ...base, category: kind === "help" ? "roads" : "vneid_level2" },
      "category",
    ),
    post("more than 5 photos", { ...base, photoIds: sixPhotoIds }, "photoIds"),
    post("a photo id that is not an id", { ...base, photoIds: ["../../etc/passwd"] }, "photoIds.0"),
    post("villageId not a number", { ...base, villageId: "Thôn Một" }, "villageId"),
    post("villageId negative", { ...base, villageId: -3 }, "villageId"),
    post("villageId of a commune", () => ({ ...base, villageId: s.world.units.commune }), "villageId"),
    post("villageId that does not exist", { ...base, villageId: 999_999 }, "villageId"),
    post("on behalf without consent", { ...base, onBehalf: { name: "Bà Năm" } }, "onBehalf.consent"),
    post(
      "on behalf with a bad phone",
      { ...base, onBehalf: { name: "Bà Năm", consent: true, phone: "12ab" } },
      "onBehalf.phone",
    ),
    ...(kind === "help"
      ? [
          post("wrong meetingMode", { ...base, meetingMode: "by_phone" }, "meetingMode"),
          post("missing meetingMode", { ...base, meetingMode: undefined }, "meetingMode"),
        ]
      : []),
    {
      name: "a body that is not JSON",
      method: "POST",
      path: "/api/requests",
      body: `{"kind":"${kind}","text":`,
      headers: { "content-type": "application/json" },
      status: 400,
      code: "validation_failed",
    },
    {
      name: "JSON sent as text/plain",
      method: "POST",
      path: "/api/requests",
      body: JSON.stringify(base),
      headers: { "content-type": "text/plain" },
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "a form instead of JSON",
      method: "POST",
      path: "/api/requests",
      body: new URLSearchParams({ kind, text: base.text }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      status: 415,
      code: "unsupported_media_type",
    },
    {
      name: "no session",
      method: "POST",
      path: "/api/requests",
      as: "anonymous",
      json: base,
      status: 401,
      code: "unauthenticated",
    },
  ];
};

describe.each(Object.keys(BASE) as Kind[])("POST /api/requests (%s)", (kind) => {
  it.each(createCases(kind))("$name → $status", expectRefused);
});

describe("POST /api/requests (any kind)", () => {
  it.each<Case>([
    {
      name: "unknown kind",
      method: "POST",
      path: "/api/requests",
      json: { ...BASE.help, kind: "complaint" },
      status: 400,
      code: "validation_failed",
      field: "kind",
    },
    {
      name: "missing kind",
      method: "POST",
      path: "/api/requests",
      json: { ...BASE.help, kind: undefined },
      status: 400,
      code: "validation_failed",
      field: "kind",
    },
    {
      name: "an array instead of an object",
      method: "POST",
      path: "/api/requests",
      json: [BASE.help],
      status: 400,
      code: "validation_failed",
      field: "_",
    },
    {
      name: "a newcomer without a home village and no villageId",
      method: "POST",
      path: "/api/requests",
      as: "newcomer",
      json: BASE.help,
      status: 400,
      code: "validation_failed",
      field: "villageId",
    },
    {
      name: "an id that is not a number",
      method: "GET",
      path: "/api/requests/abc",
      status: 400,
      code: "validation_failed",
      field: "id",
    },
  ])("$name → $status", expectRefused);
});

describe("action bodies", () => {
  const action = (
    name: string,
    as: Case["as"],
    state: keyof typeof ids,
    verb: string,
    json: unknown,
    field: string,
  ): Case => ({
    name,
    method: "POST",
    path: () => `/api/requests/${ids[state]}/${verb}`,
    as,
    json,
    status: 400,
    code: "validation_failed",
    field,
  });
  it.each<Case>([
    action(
      "resolve with an unknown outcome",
      "member1",
      "claimed",
      "resolve",
      { outcomeCode: "bogus" },
      "outcomeCode",
    ),
    action("resolve without an outcome", "member1", "claimed", "resolve", {}, "outcomeCode"),
    action(
      "resolve with a field-report outcome on a help request",
      "member1",
      "claimed",
      "resolve",
      { outcomeCode: "fixed" },
      "outcomeCode",
    ),
    action(
      "resolve 'dossier submitted' without its receipt code",
      "member1",
      "claimed",
      "resolve",
      { outcomeCode: "dossier_submitted" },
      "receiptCode",
    ),
    action(
      "resolve a help request with a public answer",
      "member1",
      "claimed",
      "resolve",
      { outcomeCode: "guided", publicAnswer: "Đã hướng dẫn xong" },
      "publicAnswer",
    ),
    action(
      "reject as duplicate without duplicateOfId",
      "leader1",
      "new",
      "reject",
      { reason: "duplicate" },
      "duplicateOfId",
    ),
    action(
      "reject as a duplicate of itself",
      "leader1",
      "new",
      "reject",
      () => ({ reason: "duplicate", duplicateOfId: ids.new }),
      "duplicateOfId",
    ),
    action("reject with an unknown reason", "leader1", "new", "reject", { reason: "lazy" }, "reason"),
    action("rate 0", "citizen", "resolved", "rate", { rating: 0 }, "rating"),
    action("rate 6", "citizen", "resolved", "rate", { rating: 6 }, "rating"),
    action("rate 4.5", "citizen", "resolved", "rate", { rating: 4.5 }, "rating"),
    action('rate "5" as a string', "citizen", "resolved", "rate", { rating: "5" }, "rating"),
    action("rate with nothing", "citizen", "resolved", "rate", {}, "rating"),
    action("an empty note", "member1", "claimed", "note", { text: "" }, "text"),
    action("a note of spaces", "member1", "claimed", "note", { text: "   " }, "text"),
    action("a note with no text", "member1", "claimed", "note", {}, "text"),
    action(
      "assign to someone outside the team",
      "leader1",
      "new",
      "assign",
      () => ({ assigneePersonId: s.world.people.member2.id }),
      "assigneePersonId",
    ),
  ])("$name → $status", expectRefused);

  it("a non-JSON action body is refused too", async () => {
    await expectRefused({
      name: "note as text/plain",
      method: "POST",
      path: `/api/requests/${ids.claimed}/note`,
      as: "member1",
      body: "Hẹn 3 giờ chiều",
      headers: { "content-type": "text/plain" },
      status: 415,
      code: "unsupported_media_type",
    });
  });
});

describe("PATCH /api/me", () => {
  const patch = (name: string, json: unknown): Case => ({
    name,
    method: "PATCH",
    path: "/api/me",
    as: "newcomer",
    json,
    status: 400,
    code: "validation_failed",
    field: "homeVillageId",
  });
  it.each<Case>([
    patch("homeVillageId not a number", { homeVillageId: "abc" }),
    patch("homeVillageId missing", {}),
    patch("homeVillageId of a commune", () => ({ homeVillageId: s.world.units.commune })),
    patch("homeVillageId that does not exist", { homeVillageId: 999_999 }),
    patch("homeVillageId negative", { homeVillageId: -1 }),
    patch("homeVillageId not whole", { homeVillageId: 1.5 }),
    {
      name: "a body that is not JSON",
      method: "PATCH",
      path: "/api/me",
      as: "newcomer",
      body: "{homeVillageId: 2",
      headers: { "content-type": "application/json" },
      status: 400,
      code: "validation_failed",
    },
    {
      name: "no session",
      method: "PATCH",
      path: "/api/me",
      as: "anonymous",
      json: { homeVillageId: 1 },
      status: 401,
      code: "unauthenticated",
    },
  ])("$name → $status", expectRefused);
});

describe("query parameters", () => {
  const get = (name: string, path: () => string, field: string, as: Case["as"] = "citizen"): Case => ({
    name,
    method: "GET",
    path,
    as,
    status: 400,
    code: "validation_failed",
    field,
  });
  it.each<Case>([
    get("queue view=bogus", () => "/api/queue?view=bogus", "view", "member1"),
    get("queue limit=1000", () => "/api/queue?limit=1000", "limit", "member1"),
    get("queue limit=0", () => "/api/queue?limit=0", "limit", "member1"),
    get("queue limit=abc", () => "/api/queue?limit=abc", "limit", "member1"),
    get("queue teamId=abc", () => "/api/queue?teamId=abc", "teamId", "member1"),
    get("queue communeId=abc", () => "/api/queue?communeId=abc", "communeId", "admin"),
    get("dashboard without communeId", () => "/api/dashboard", "communeId", "admin"),
    get("villages communeId=abc", () => "/api/villages?communeId=abc", "communeId"),
    get("village team of id abc", () => "/api/public/villages/abc/team", "id"),
    get(
      "field reports limit=1000",
      () => `/api/public/field-reports?communeId=${s.world.units.commune}&limit=1000`,
      "limit",
    ),
    get(
      "field reports before=abc",
      () => `/api/public/field-reports?communeId=${s.world.units.commune}&before=abc`,
      "before",
    ),
  ])("$name → $status", expectRefused);

  describe.each([
    "field-reports",
    "questions",
    "news",
    "documents",
    "announcements",
    "contacts",
    "procedures",
    "places",
    "jobs",
  ])("/api/public/%s", (list) => {
    it.each<Case>([
      get("without communeId", () => `/api/public/${list}`, "communeId", "anonymous"),
      get("communeId=abc", () => `/api/public/${list}?communeId=abc`, "communeId", "anonymous"),
      get(
        "a village id instead of a commune",
        () => `/api/public/${list}?communeId=${s.world.units.village1}`,
        "communeId",
        "anonymous",
      ),
      get(
        "a district id instead of a commune",
        () => `/api/public/${list}?communeId=${s.world.units.district}`,
        "communeId",
        "anonymous",
      ),
    ])("$name → $status", expectRefused);
  });
});

describe("oversized JSON bodies", () => {
  it("refuses a body over 64 KB with 413 and writes nothing", async () => {
    const s = await startTestServer();
    try {
      const token = await s.login(s.world.people.citizen);
      const before = s.db.select().from(requests).all().length;
      const r = await s.call("POST", "/api/requests", {
        token,
        json: { kind: "question", category: "other", text: "x".repeat(70 * 1024) },
      });
      expect(r.status).toBe(413);
      expect(r.json.error.code).toBe("payload_too_large");
      expect(s.db.select().from(requests).all().length).toBe(before);
    } finally {
      await s.close();
    }
  });
});
