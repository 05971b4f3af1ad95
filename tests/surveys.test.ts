/**
 * The one-stop desk's satisfaction survey over real HTTP: answering (idempotent offline retries,
 * validation that stores nothing), results by field and month equal to figures computed here from
 * crafted answers and never carrying who answered, and the printable QR (decoded back to the
 * exact link) and A4 poster for commune admins. No access answers 404.
 */
import { SURVEY_FIELDS } from "@cau-noi/shared";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { surveyResponses } from "../bot-server/src/db/schema";
import { addFarViewer, T0 } from "./helpers/fixtures";
import { startTestServer, type TestServer } from "./helpers/server";
import { lazySessions, type Person } from "./helpers/sessions";

let s: TestServer;
let farViewer: Person;
const { tok, as } = lazySessions(
  () => s,
  () => ({ farViewer }),
);

const vn = (local: string) => new Date(`${local}:00+07:00`);

interface AnswerSpec {
  at: Date;
  field: (typeof SURVEY_FIELDS)[number];
  rating: number;
  comment?: string;
  commune?: "other";
}

/** Answers given at the desk (by residents, all stored with their person). */
const ANSWERS: AnswerSpec[] = [
  { at: vn("2026-01-05T08:00"), field: "civil_status", rating: 5 },
  { at: vn("2026-01-05T09:00"), field: "civil_status", rating: 4 },
  { at: vn("2026-01-31T23:59"), field: "land", rating: 2, comment: "Chờ lâu quá" },
  { at: vn("2026-02-01T00:00"), field: "land", rating: 3 },
  { at: vn("2026-02-10T10:00"), field: "civil_status", rating: 5 },
  { at: vn("2026-02-11T10:00"), field: "certification", rating: 1, comment: "Gọi tôi số 0905 123 456 nhé" },
  { at: vn("2026-02-12T10:00"), field: "certification", rating: 4 },
  { at: vn("2026-02-28T16:00"), field: "civil_status", rating: 3 },
  // Outside the period asked, and another commune's desk.
  { at: vn("2025-12-31T23:59"), field: "civil_status", rating: 1 },
  { at: vn("2026-02-15T10:00"), field: "land", rating: 1, commune: "other" },
];
const PERIOD = { from: "2026-01-01", to: "2026-02-28" };

function vietnamMonth(d: Date) {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

function inPeriod() {
  return ANSWERS.filter(
    (a) =>
      a.commune === undefined &&
      a.at >= vn(`${PERIOD.from}T00:00`) &&
      a.at < new Date(vn(`${PERIOD.to}T00:00`).getTime() + 86_400_000),
  );
}

const avg = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;

beforeAll(async () => {
  s = await startTestServer();
  const w = s.world;
  const residents = [w.people.citizen, w.people.citizen2, w.people.newcomer];
  ANSWERS.forEach((a, i) => {
    s.db
      .insert(surveyResponses)
      .values({
        communeId: a.commune ? w.units.otherCommune : w.units.commune,
        field: a.field,
        rating: a.rating,
        comment: a.comment ?? null,
        personId: residents[i % residents.length]?.id ?? null,
        clientId: `crafted-${i}-000`,
        createdAt: a.at,
      })
      .run();
  });
  farViewer = addFarViewer(s.db);
});
afterAll(async () => {
  await s.close();
});

describe("answering the survey", () => {
  it("shows the form header to anyone, without a session", async () => {
    const r = await s.call("GET", `/api/surveys/form?communeId=${s.world.units.commune}&field=land`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      communeId: s.world.units.commune,
      communeName: "Xã Thử Nghiệm",
      field: "land",
      fieldLabel: "Đất đai",
    });
    const village = await s.call("GET", `/api/surveys/form?communeId=${s.world.units.village1}&field=land`);
    expect(village.status).toBe(400);
  });

  it("stores an answer sent twice with the same clientId once (201, then 200) and never echoes who answered", async () => {
    const body = {
      communeId: s.world.units.commune,
      field: "residence",
      rating: 5,
      comment: "Cán bộ tận tình",
      clientId: "survey-4b1d2e9f",
    };
    const first = await as("citizen2", "POST", "/api/surveys", body);
    const second = await as("citizen2", "POST", "/api/surveys", body);
    expect(first.status, first.text).toBe(201);
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(Object.keys(first.json).sort()).toEqual(["communeId", "createdAt", "field", "id", "rating"]);
    const rows = s.db
      .select()
      .from(surveyResponses)
      .all()
      .filter((r) => r.clientId === "survey-4b1d2e9f");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.personId).toBe(s.world.people.citizen2.id);
    expect(rows[0]?.createdAt.getTime()).toBe(T0.getTime());
    // Any signed-in person may answer, staff included; their clientIds are their own.
    const staff = await as("member1", "POST", "/api/surveys", body);
    expect(staff.status).toBe(201);
    expect(staff.json.id).not.toBe(first.json.id);
  });

  it("takes one answer per person, field and Vietnam day: a second one is refused and nothing is stored", async () => {
    const body = (clientId: string) => ({
      communeId: s.world.units.commune,
      field: "construction",
      rating: 1,
      clientId,
    });
    const token = await tok("citizen2");
    expect((await s.call("POST", "/api/surveys", { token, json: body("survey-day-0001") })).status).toBe(201);
    const before = s.db.select().from(surveyResponses).all();
    const again = await s.call("POST", "/api/surveys", { token, json: body("survey-day-0002") });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/đã đánh giá lĩnh vực này hôm nay/);
    expect(s.db.select().from(surveyResponses).all()).toEqual(before);
    // Another field the same day, and the same field the next Vietnam day, are new visits.
    const other = await s.call("POST", "/api/surveys", {
      token,
      json: { ...body("survey-day-0003"), field: "business" },
    });
    expect(other.status).toBe(201);
    const saved = s.clock.now;
    try {
      // T0 is 09:00 in Vietnam: 15 hours later is 00:00 the next day there (17:00 UTC).
      s.clock.now = new Date(T0.getTime() + 15 * 3_600_000);
      const tomorrow = await s.login(s.world.people.citizen2);
      expect(
        (await s.call("POST", "/api/surveys", { token: tomorrow, json: body("survey-day-0004") })).status,
      ).toBe(201);
    } finally {
      s.clock.now = saved;
    }
  });

  it.each([
    ["six stars", { rating: 6 }, "rating"],
    ["no star", { rating: 0 }, "rating"],
    ["half a star", { rating: 4.5 }, "rating"],
    ["an unknown field", { field: "weather" }, "field"],
    ["no clientId", { clientId: undefined }, "clientId"],
    ["a village instead of a commune", { communeId: -1 }, "communeId"],
    ["an unknown commune", { communeId: 999_999 }, "communeId"],
  ])("refuses %s and stores nothing", async (_name, patch, field) => {
    const before = s.db.select().from(surveyResponses).all();
    const body = {
      communeId: s.world.units.commune,
      field: "land",
      rating: 4,
      clientId: "survey-bad-0001",
      ...patch,
    };
    if ("communeId" in patch && patch.communeId === -1) body.communeId = s.world.units.village1;
    const r = await as("citizen", "POST", "/api/surveys", body);
    expect(r.status).toBe(400);
    expect(r.json.error.fields[field]).toBeTruthy();
    expect(s.db.select().from(surveyResponses).all()).toEqual(before);
  });

  it("requires a session to answer", async () => {
    const r = await s.call("POST", "/api/surveys", {
      json: { communeId: s.world.units.commune, field: "land", rating: 4, clientId: "survey-anon-0001" },
    });
    expect(r.status).toBe(401);
  });
});

describe("survey results", () => {
  const path = () =>
    `/api/admin/surveys/results?communeId=${s.world.units.commune}&from=${PERIOD.from}&to=${PERIOD.to}`;

  it("counts and averages by field and by month, equal to the crafted answers", async () => {
    const r = await as("admin", "GET", path());
    expect(r.status, r.text).toBe(200);
    const answers = inPeriod();
    expect(r.json.total).toEqual({
      count: answers.length,
      average: avg(answers.map((a) => a.rating)),
      stars: [1, 2, 3, 4, 5].map((n) => answers.filter((a) => a.rating === n).length),
    });
    const fields = SURVEY_FIELDS.filter((f) => answers.some((a) => a.field === f));
    expect(r.json.byField).toEqual(
      fields.map((f) => {
        const xs = answers.filter((a) => a.field === f).map((a) => a.rating);
        return {
          field: f,
          count: xs.length,
          average: avg(xs),
          stars: [1, 2, 3, 4, 5].map((n) => xs.filter((x) => x === n).length),
        };
      }),
    );
    const months = [...new Set(answers.map((a) => vietnamMonth(a.at)))].sort();
    const expectedByMonth = months.flatMap((m) =>
      SURVEY_FIELDS.filter((f) => answers.some((a) => a.field === f && vietnamMonth(a.at) === m)).map((f) => {
        const xs = answers.filter((a) => a.field === f && vietnamMonth(a.at) === m).map((a) => a.rating);
        return { month: m, field: f, count: xs.length, average: avg(xs) };
      }),
    );
    expect(r.json.byMonth.map(({ stars: _s, ...rest }: { stars: number[] }) => rest)).toEqual(
      expectedByMonth,
    );
    // The boundary answers land in their Vietnam month: 23:59 on 31 January is January.
    expect(
      r.json.byMonth.find(
        (m: { month: string; field: string }) => m.month === "2026-01" && m.field === "land",
      )?.count,
    ).toBe(1);
  });

  it("covers at most 36 months in one call, like the KPIs", async () => {
    const query = async (from: string) =>
      as(
        "admin",
        "GET",
        `/api/admin/surveys/results?communeId=${s.world.units.commune}&from=${from}&to=${PERIOD.to}`,
      );
    const [y, m] = PERIOD.to.split("-").map(Number) as [number, number];
    const longest = new Date(Date.UTC(y, m - 36, 1)).toISOString().slice(0, 10);
    expect((await query(longest)).status).toBe(200);
    const tooLong = await query(new Date(Date.UTC(y, m - 36, 0)).toISOString().slice(0, 10));
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.fields.from).toMatch(/tối đa 36 tháng/);
  });

  it("gives the admin the comments with phone numbers masked, and never who answered", async () => {
    const r = await as("admin", "GET", path());
    expect(r.json.comments.map((c: { comment: string }) => c.comment)).toHaveLength(2);
    const text = JSON.stringify(r.json);
    expect(text).not.toContain("0905 123 456");
    expect(text).not.toMatch(/person|zalo|displayName/i);
    for (const p of [s.world.people.citizen, s.world.people.citizen2, s.world.people.newcomer]) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.zaloAppUserId);
    }
  });

  it("shows district viewers the aggregates without comments; 404 for everyone else", async () => {
    const viewer = await as("viewer", "GET", path());
    expect(viewer.status).toBe(200);
    expect(viewer.json.total.count).toBe(inPeriod().length);
    expect(viewer.json.comments).toEqual([]);
    for (const who of ["farViewer", "otherAdmin", "member1", "leader1", "citizen"]) {
      const r = await as(who, "GET", path());
      expect(r.status, who).toBe(404);
    }
  });
});

describe("QR code and poster", () => {
  const query = () => `communeId=${s.world.units.commune}&field=civil_status`;
  const link = () =>
    `https://zalo.me/s/${s.config.zalo.appId}/survey?commune=${s.world.units.commune}&field=civil_status`;

  async function download(path: string, token?: string) {
    const response = await fetch(`${s.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  }

  it("draws a PNG QR code that decodes to exactly the survey link", async () => {
    const r = await download(`/api/admin/surveys/qr.png?${query()}`, await tok("admin"));
    expect(r.status).toBe(200);
    expect(r.type).toBe("image/png");
    const png = PNG.sync.read(r.bytes);
    expect(png.width).toBeGreaterThanOrEqual(600);
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(link());
  });

  it("accepts the session as ?session= for a download link, and never logs it", async () => {
    const token = await tok("admin");
    const r = await download(`/api/admin/surveys/qr.png?${query()}&session=${token}`);
    expect(r.status).toBe(200);
    expect(s.logs.join("\n")).toContain("/api/admin/surveys/qr.png");
    expect(s.logs.join("\n")).not.toContain(token);
    const png = PNG.sync.read(r.bytes);
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link());
  });

  it("makes a one-page A4 PDF poster with the DejaVu font embedded", async () => {
    const r = await download(`/api/admin/surveys/poster.pdf?${query()}`, await tok("admin"));
    expect(r.status).toBe(200);
    expect(r.type).toBe("application/pdf");
    const pdf = r.bytes.toString("latin1");
    expect(pdf.startsWith("%PDF")).toBe(true);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(pdf.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it("answers 404 to anyone but the commune's admin, 401 without a session, 400 for a bad field", async () => {
    for (const who of ["otherAdmin", "viewer", "leader1", "citizen"]) {
      for (const file of ["qr.png", "poster.pdf"]) {
        const r = await download(`/api/admin/surveys/${file}?${query()}`, await tok(who));
        expect(r.status, `${who} ${file}`).toBe(404);
      }
    }
    expect((await download(`/api/admin/surveys/qr.png?${query()}`)).status).toBe(401);
    expect((await download(`/api/admin/surveys/qr.png?${query()}&session=forged`)).status).toBe(401);
    const bad = await as(
      "admin",
      "GET",
      `/api/admin/surveys/qr.png?communeId=${s.world.units.commune}&field=weather`,
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.field).toBeTruthy();
  });
});

describe("OpenAPI document", () => {
  it("describes every team work endpoint", async () => {
    const doc = await s.call("GET", "/openapi.json");
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining([
        "/api/activities",
        "/api/activities/{id}",
        "/api/teams/{teamId}/activities",
        "/api/admin/kpi",
        "/api/kpi",
        "/api/admin/targets",
        "/api/admin/targets/{id}",
        "/api/teams/{teamId}/targets",
        "/api/surveys",
        "/api/surveys/form",
        "/api/admin/surveys/results",
        "/api/admin/surveys/qr.png",
        "/api/admin/surveys/poster.pdf",
      ]),
    );
  });
});
