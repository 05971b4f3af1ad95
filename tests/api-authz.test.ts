/**
 * Authorization matrix over real HTTP: every role × every endpoint, driven by one table.
 *
 * Design rules the table encodes (SPEC §1, §7, auth/policy.ts):
 * - no session → 401, except photos, which answer 404 so a private photo's existence never leaks;
 * - a person who may not see a request gets 404, the very answer given for a request that does
 *   not exist (checked cell by cell), so existence doesn't leak;
 * - a person who may see a request but not do the action gets 403;
 * - viewers read the dashboard of communes under their unit, never a single request or a queue;
 * - the public GETs answer everyone alike.
 *
 * Each row gets a fresh server (fixture world, everyone signed in); each cell gets a fresh help
 * request, filed through the API by `citizen` in Thôn Một (so routed to team1) and brought to the
 * state the action needs. The preconditions ("given"):
 *
 * - `none`        nothing is prepared;
 * - `new`         the fresh request, unclaimed (status `new`);
 * - `claimed`     the fresh request claimed by member1b (the table's team member);
 * - `mine`        the fresh request claimed by the acting person when their role may claim it
 *                 (team member, team leader, commune admin), otherwise by member1b; so "start",
 *                 "release", "resolve" are tried by the owner wherever ownership is possible;
 * - `teammate`    the fresh request claimed by member1, a teammate of member1b and leader1 (so
 *                 nobody in the table owns it);
 * - `resolved`    claimed by member1b and resolved with outcome `guided`;
 * - `photo`       citizen uploads a JPEG and files the fresh request with it; the cell reads the photo.
 *
 * A refused cell must also prove nothing changed: the request row is deep-equal and its event
 * count (and the photos table) the same before and after. A cell that succeeds must show its
 * effect: the new status and exactly one more event, or the request listed where it belongs.
 */
import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { photos, requestEvents, requests } from "../bot-server/src/db/schema";
import { startTestServer, type TestServer } from "./helpers/server";

const ROLES = [
  "anonymous",
  "requester",
  "otherCitizen",
  "teamMember",
  "teamLeader",
  "otherCommuneMember",
  "otherTeamMember",
  "communeAdmin",
  "otherCommuneAdmin",
  "viewer",
] as const;
type Role = (typeof ROLES)[number];
type SignedInRole = Exclude<Role, "anonymous">;

/** Who plays each role in the fixture world (tests/helpers/fixtures.ts). */
const PLAYED_BY = {
  requester: "citizen", // filed every request of the matrix
  otherCitizen: "citizen2", // lives in Thôn Hai
  teamMember: "member1b", // team1 (Thôn Một), not leader
  teamLeader: "leader1", // team1 leader
  otherCommuneMember: "otherMember", // leads the team of Thôn Bên, in the other commune
  otherTeamMember: "member2", // team2 (Thôn Hai), same commune
  communeAdmin: "admin", // admin of Xã Thử Nghiệm
  otherCommuneAdmin: "otherAdmin", // admin of Xã Bên Cạnh
  viewer: "viewer", // viewer of the district above both communes
} as const satisfies Record<SignedInRole, string>;

/** May claim / work a team1 request (policy.canWork). */
const WORKERS: readonly Role[] = ["teamMember", "teamLeader", "communeAdmin"];

type Given = "none" | "new" | "claimed" | "mine" | "teammate" | "resolved" | "photo";
interface Target {
  id: number;
  photoId: string;
}
type Statuses = readonly [number, number, number, number, number, number, number, number, number, number];

interface Row {
  name: string;
  given: Given;
  method: "GET" | "POST" | "PATCH";
  path: (t: Target, s: TestServer) => string;
  json?: (s: TestServer) => unknown;
  upload?: boolean;
  /** Expected HTTP status, in the order of ROLES. */
  expect: Statuses;
  /** On success: the request's new status (one more event is expected too). */
  becomes?: string;
  /** On success of a list: the roles whose answer must include the request; others must not. */
  listedFor?: readonly Role[];
  /** On success: aggregates only, no request text and no requester name. */
  aggregatesOnly?: boolean;
  /** Public endpoint: everyone gets the same body as an anonymous visitor. */
  isPublic?: boolean;
  /** Any further check of a successful answer. */
  check?: (r: Answer, role: SignedInRole, s: TestServer) => void;
}
type Answer = Awaited<ReturnType<TestServer["call"]>>;

const HELP_TEXT = "Nhờ tổ cài giúp VNeID mức 2 cho bà";
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

const requestPath = (action?: string) => (t: Target) =>
  action ? `/api/requests/${t.id}/${action}` : `/api/requests/${t.id}`;
const publicRow = (name: string, path: (t: Target, s: TestServer) => string): Row => ({
  name: `GET ${name}`,
  given: "none",
  method: "GET",
  path,
  expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  isPublic: true,
});

/** A commune-admin endpoint of Xã Thử Nghiệm: 401 anonymous, 404 to all but its admin. */
const adminRow = (
  name: string,
  method: Row["method"],
  path: (s: TestServer) => string,
  success = 200,
  json?: (s: TestServer) => unknown,
): Row => ({
  name,
  given: "none",
  method,
  path: (_t, s) => path(s),
  json,
  expect: [401, 404, 404, 404, 404, 404, 404, success, 404, 404],
});

// biome-ignore format: the matrix reads best as a grid
const TABLE: Row[] = [
  //                                                                                       anon  req  cit2  mem  lead oCom oTeam adm  oAdm view
  { name: "GET /api/me", given: "none", method: "GET", path: () => "/api/me",            expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    check: (r, role, s) => expect(r.json.displayName).toBe(s.world.people[PLAYED_BY[role]].name) },
  { name: "GET /api/requests/mine", given: "new", method: "GET", path: () => "/api/requests/mine",
                                                                                         expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200], listedFor: ["requester"] },
  { name: "GET /api/requests/{id}", given: "new", method: "GET", path: requestPath(),    expect: [401, 200, 404, 200, 200, 404, 404, 200, 404, 404] },
  { name: "POST claim", given: "new", method: "POST", path: requestPath("claim"),        expect: [401, 403, 404, 200, 200, 404, 404, 200, 404, 404], becomes: "claimed" },
  { name: "POST start (own claim)", given: "mine", method: "POST", path: requestPath("start"),
                                                                                         expect: [401, 403, 404, 200, 200, 404, 404, 200, 404, 404], becomes: "in_progress" },
  { name: "POST start (a teammate's claim)", given: "teammate", method: "POST", path: requestPath("start"),
                                                                                         expect: [401, 403, 404, 403, 403, 404, 404, 403, 404, 404] },
  { name: "POST note", given: "claimed", method: "POST", path: requestPath("note"), json: () => ({ text: "Hẹn 3 giờ chiều" }),
                                                                                         expect: [401, 403, 404, 200, 200, 404, 404, 200, 404, 404], becomes: "claimed" },
  { name: "POST release (own claim)", given: "mine", method: "POST", path: requestPath("release"), json: () => ({}),
                                                                                         expect: [401, 403, 404, 200, 200, 404, 404, 200, 404, 404], becomes: "new" },
  { name: "POST release (a teammate's claim)", given: "teammate", method: "POST", path: requestPath("release"), json: () => ({}),
                                                                                         expect: [401, 403, 404, 403, 200, 404, 404, 200, 404, 404], becomes: "new" },
  { name: "POST assign", given: "new", method: "POST", path: requestPath("assign"),
    json: (s) => ({ assigneePersonId: s.world.people.member1.id }),                      expect: [401, 403, 404, 403, 200, 404, 404, 200, 404, 404], becomes: "claimed" },
  { name: "POST resolve (own claim)", given: "mine", method: "POST", path: requestPath("resolve"), json: () => ({ outcomeCode: "guided" }),
                                                                                         expect: [401, 403, 404, 200, 200, 404, 404, 200, 404, 404], becomes: "resolved" },
  { name: "POST resolve (a teammate's claim)", given: "teammate", method: "POST", path: requestPath("resolve"), json: () => ({ outcomeCode: "guided" }),
                                                                                         expect: [401, 403, 404, 403, 200, 404, 404, 200, 404, 404], becomes: "resolved" },
  { name: "POST reject", given: "new", method: "POST", path: requestPath("reject"), json: () => ({ reason: "spam" }),
                                                                                         expect: [401, 403, 404, 403, 200, 404, 404, 200, 404, 404], becomes: "closed" },
  { name: "POST rate", given: "resolved", method: "POST", path: requestPath("rate"), json: () => ({ rating: 4 }),
                                                                                         expect: [401, 200, 404, 403, 403, 404, 404, 403, 404, 404], becomes: "closed" },
  { name: "POST reopen", given: "resolved", method: "POST", path: requestPath("reopen"), json: () => ({ reason: "Vẫn chưa vào được" }),
                                                                                         expect: [401, 200, 404, 403, 403, 404, 404, 403, 404, 404], becomes: "claimed" },
  { name: "GET /api/queue", given: "new", method: "GET", path: () => "/api/queue",
                                                                                         expect: [401, 403, 403, 200, 200, 200, 200, 403, 403, 403], listedFor: ["teamMember", "teamLeader"] },
  { name: "GET /api/queue?teamId=team1", given: "new", method: "GET", path: (_t, s) => `/api/queue?teamId=${s.world.teams.team1}`,
                                                                                         expect: [401, 403, 403, 200, 200, 403, 403, 200, 403, 403], listedFor: ["teamMember", "teamLeader", "communeAdmin"] },
  { name: "GET /api/queue?communeId=commune", given: "new", method: "GET", path: (_t, s) => `/api/queue?communeId=${s.world.units.commune}`,
                                                                                         expect: [401, 403, 403, 403, 403, 403, 403, 200, 403, 403], listedFor: ["communeAdmin"] },
  { name: "GET /api/queue?communeId=otherCommune", given: "new", method: "GET", path: (_t, s) => `/api/queue?communeId=${s.world.units.otherCommune}`,
                                                                                         expect: [401, 403, 403, 403, 403, 403, 403, 403, 200, 403], listedFor: [] },
  { name: "GET /api/dashboard?communeId=commune", given: "new", method: "GET", path: (_t, s) => `/api/dashboard?communeId=${s.world.units.commune}`,
                                                                                         expect: [401, 403, 403, 403, 403, 403, 403, 200, 403, 200], aggregatesOnly: true },
  { name: "GET /api/dashboard?communeId=otherCommune", given: "new", method: "GET", path: (_t, s) => `/api/dashboard?communeId=${s.world.units.otherCommune}`,
                                                                                         expect: [401, 403, 403, 403, 403, 403, 403, 403, 200, 200], aggregatesOnly: true },
  { name: "POST /api/photos", given: "none", method: "POST", path: () => "/api/photos", upload: true,
                                                                                         expect: [401, 201, 201, 201, 201, 201, 201, 201, 201, 201] },
  { name: "GET /media/photos/{id} (help request photo)", given: "photo", method: "GET", path: (t) => `/media/photos/${t.photoId}`,
                                                                                         expect: [404, 200, 404, 200, 200, 404, 404, 200, 404, 404] },
  // Commune administration (issue #4): only the commune's own admins; everyone else 404.
  adminRow("GET /api/admin/requests?communeId=commune", "GET", (s) => `/api/admin/requests?communeId=${s.world.units.commune}`),
  { name: "GET /api/admin/requests?communeId=otherCommune", given: "none", method: "GET", path: (_t, s) => `/api/admin/requests?communeId=${s.world.units.otherCommune}`,
                                                                                         expect: [401, 404, 404, 404, 404, 404, 404, 404, 200, 404] },
  adminRow("GET /api/admin/communes/{id}/structure", "GET", (s) => `/api/admin/communes/${s.world.units.commune}/structure`),
  adminRow("GET /api/admin/news", "GET", (s) => `/api/admin/news?communeId=${s.world.units.commune}`),
  adminRow("GET /api/admin/documents", "GET", (s) => `/api/admin/documents?communeId=${s.world.units.commune}`),
  adminRow("GET /api/admin/contacts", "GET", (s) => `/api/admin/contacts?communeId=${s.world.units.commune}`),
  adminRow("GET /api/admin/procedures", "GET", (s) => `/api/admin/procedures?communeId=${s.world.units.commune}`),
  adminRow("GET /api/admin/places", "GET", (s) => `/api/admin/places?communeId=${s.world.units.commune}`),
  adminRow("GET /api/admin/jobs", "GET", (s) => `/api/admin/jobs?communeId=${s.world.units.commune}`),
  adminRow("GET /api/admin/faq", "GET", (s) => `/api/admin/faq?communeId=${s.world.units.commune}`),
  adminRow("POST /api/admin/news", "POST", () => "/api/admin/news", 201, (s) => ({
    communeId: s.world.units.commune, title: "Tin thử quyền truy cập", summary: "Tóm tắt tin thử quyền.", body: "Nội dung tin thử quyền truy cập.",
  })),
  adminRow("POST /api/admin/villages", "POST", () => "/api/admin/villages", 201, (s) => ({ communeId: s.world.units.commune, name: "Thôn Thử Quyền" })),
  adminRow("PATCH /api/admin/teams/{id}", "PATCH", (s) => `/api/admin/teams/${s.world.teams.team1}`, 200, () => ({ decisionNo: "99/QĐ-UBND" })),
  adminRow("POST /api/admin/invites", "POST", () => "/api/admin/invites", 201, (s) => ({ teamId: s.world.teams.team1, civicRole: "volunteer" })),
  publicRow("/api/public/field-reports", (_t, s) => `/api/public/field-reports?communeId=${s.world.units.commune}`),
  publicRow("/api/public/questions", (_t, s) => `/api/public/questions?communeId=${s.world.units.commune}`),
  publicRow("/api/public/news", (_t, s) => `/api/public/news?communeId=${s.world.units.commune}`),
  publicRow("/api/public/documents", (_t, s) => `/api/public/documents?communeId=${s.world.units.commune}`),
  publicRow("/api/public/announcements", (_t, s) => `/api/public/announcements?communeId=${s.world.units.commune}`),
  publicRow("/api/public/contacts", (_t, s) => `/api/public/contacts?communeId=${s.world.units.commune}`),
  publicRow("/api/public/procedures", (_t, s) => `/api/public/procedures?communeId=${s.world.units.commune}`),
  publicRow("/api/public/places", (_t, s) => `/api/public/places?communeId=${s.world.units.commune}`),
  publicRow("/api/public/jobs", (_t, s) => `/api/public/jobs?communeId=${s.world.units.commune}`),
  publicRow("/api/public/communes", () => "/api/public/communes"),
  publicRow("/api/public/villages/{id}/team", (_t, s) => `/api/public/villages/${s.world.units.village1}/team`),
  publicRow("/api/villages", () => "/api/villages"),
];

const ERROR_CODE: Record<number, string> = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" };

function jpegForm() {
  const form = new FormData();
  form.set("file", new Blob([JPEG], { type: "image/jpeg" }), "anh.jpg");
  return form;
}

describe.each(TABLE)("$name (given: $given)", (row) => {
  let s: TestServer;
  const tokens = {} as Record<SignedInRole | "member1", string>;

  beforeAll(async () => {
    s = await startTestServer();
    for (const role of ROLES) {
      if (role !== "anonymous") tokens[role] = await s.login(s.world.people[PLAYED_BY[role]]);
    }
    tokens.member1 = await s.login(s.world.people.member1);
  });
  afterAll(async () => {
    await s.close();
  });

  const tokenOf = (role: Role) => (role === "anonymous" ? undefined : tokens[role]);

  async function ok(method: string, path: string, token: string, json?: unknown, body?: FormData) {
    const r = await s.call(method, path, { token, json, body });
    if (r.status >= 300) throw new Error(`precondition ${method} ${path}: ${r.status} ${r.text}`);
    return r.json;
  }

  /** Builds the precondition of a cell through the API, as the mini app would. */
  async function prepare(given: Given, role: Role): Promise<Target> {
    const target: Target = { id: 0, photoId: "" };
    if (given === "none") return target;
    if (given === "photo")
      target.photoId = (await ok("POST", "/api/photos", tokens.requester, undefined, jpegForm())).id;
    const filed = await ok("POST", "/api/requests", tokens.requester, {
      kind: "help",
      category: "vneid_level2",
      meetingMode: "home_visit",
      text: HELP_TEXT,
      photoIds: target.photoId ? [target.photoId] : [],
    });
    target.id = filed.id;
    const claimer =
      given === "claimed" || given === "resolved"
        ? tokens.teamMember
        : given === "teammate"
          ? tokens.member1
          : given === "mine"
            ? tokens[WORKERS.includes(role) ? (role as SignedInRole) : "teamMember"]
            : undefined;
    if (claimer) await ok("POST", `/api/requests/${target.id}/claim`, claimer);
    if (given === "resolved") {
      await ok("POST", `/api/requests/${target.id}/resolve`, tokens.teamMember, { outcomeCode: "guided" });
    }
    return target;
  }

  function snapshot(id: number) {
    return {
      row: id ? s.db.select().from(requests).where(eq(requests.id, id)).get() : undefined,
      events: id
        ? (s.db.select({ n: count() }).from(requestEvents).where(eq(requestEvents.requestId, id)).get()?.n ??
          0)
        : 0,
      photos: s.db.select({ n: count() }).from(photos).get()?.n ?? 0,
    };
  }

  it.each(ROLES.map((role, i) => ({ role, status: row.expect[i] as number })))(
    "$role → $status",
    async ({ role, status }) => {
      const target = await prepare(row.given, role);
      const path = row.path(target, s);
      const json = row.json?.(s);
      const before = snapshot(target.id);

      const r = await s.call(row.method, path, {
        token: tokenOf(role),
        json,
        body: row.upload ? jpegForm() : undefined,
      });
      expect(r.status, r.text).toBe(status);
      const after = snapshot(target.id);

      if (status >= 400) {
        expect(r.json.error.code).toBe(ERROR_CODE[status]);
        expect(r.json.error.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/i);
        // Nothing changed: same row, same history, no photo written.
        expect(after).toEqual(before);
        if (status === 404 && (target.id || target.photoId)) {
          // The same answer as for something that does not exist: existence does not leak.
          const ghost = target.photoId
            ? path.replace(target.photoId, randomUUID())
            : path.replace(`/api/requests/${target.id}`, "/api/requests/999999");
          expect(ghost).not.toBe(path);
          const missing = await s.call(row.method, ghost, { token: tokenOf(role), json });
          expect(missing.status).toBe(404);
          expect(r.json).toEqual(missing.json);
        }
        expect(r.text).not.toContain(HELP_TEXT);
        return;
      }

      if (row.becomes) {
        expect(r.json.status).toBe(row.becomes);
        expect(after.row?.status).toBe(row.becomes);
        expect(after.events).toBe(before.events + 1);
      } else if (target.id) {
        // Reads change nothing.
        expect(after).toEqual(before);
      }
      if (row.listedFor) {
        const ids = (r.json.items as { id: number }[]).map((item) => item.id);
        expect(ids.includes(target.id)).toBe(row.listedFor.includes(role));
      }
      if (row.aggregatesOnly) {
        expect(r.json).toHaveProperty("byStatusKind");
        expect(r.text).not.toContain(HELP_TEXT);
        expect(r.text).not.toContain(s.world.people.citizen.name);
      }
      row.check?.(r, role as SignedInRole, s);
      if (row.upload) {
        expect(after.photos).toBe(before.photos + 1);
        expect(r.json.url).toBe(`/media/photos/${r.json.id}`);
      }
      if (row.given === "photo") {
        expect(r.headers.get("content-type")).toBe("image/jpeg");
        expect(r.text.length).toBeGreaterThan(0);
      }
      if (row.isPublic) {
        const anonymous = await s.call("GET", path);
        expect(r.text).toBe(anonymous.text);
      }
    },
  );
});

describe("the matrix itself", () => {
  it("covers every role on every row, and every role is played by a distinct person", () => {
    for (const row of TABLE) expect(row.expect).toHaveLength(ROLES.length);
    expect(new Set(Object.values(PLAYED_BY)).size).toBe(ROLES.length - 1);
  });
});
