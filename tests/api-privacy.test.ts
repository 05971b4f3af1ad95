/**
 * Privacy over real HTTP (SPEC §2 items 3, 7, 11; §7 "Privacy"; §4.2 "Secrets never reach the
 * client"):
 * - public responses never carry phone numbers, Zalo ids or requesters' names, even when
 *   residents type their numbers into a report or question;
 * - help requests and rejected reports never appear publicly;
 * - the team directory shows names and civic roles, avatars only with consent;
 * - tokens, phone numbers and secrets never reach the logs, secrets never reach a response;
 * - photos of public field reports are public, every other photo reaches only those who may see
 *   its request, and bad uploads are refused without writing anything.
 */
import { existsSync, readdirSync } from "node:fs";
import { containsPersonalNumber } from "@cau-noi/shared";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  announcements,
  contacts,
  documents,
  jobs,
  news,
  persons,
  photos,
  places,
  procedures,
  requests,
} from "../bot-server/src/db/schema";
import { appSecretProof } from "../bot-server/src/zalo/graph-client";
import { T0 } from "./helpers/fixtures";
import { startTestServer, type TestServer } from "./helpers/server";

/** A tiny JPEG: SOI, a JFIF APP0 segment, EOI. Enough for the server's sniffing. */
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);

function form(bytes: Uint8Array, name = "anh.jpg", type = "image/jpeg") {
  const data = new FormData();
  data.set("file", new Blob([bytes], { type }), name);
  return data;
}

function jpegOfSize(size: number) {
  const bytes = new Uint8Array(size);
  bytes.set(JPEG.subarray(0, 20));
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

async function ok(
  s: TestServer,
  method: string,
  path: string,
  token: string,
  json?: unknown,
  body?: FormData,
) {
  const r = await s.call(method, path, { token, json, body });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  return r.json;
}

/** What a commune publishes itself: official lines and businesses have phones by design. */
function seedPublishedContent(s: TestServer) {
  const { commune, village1 } = s.world.units;
  const at = new Date(T0.getTime() - 86_400_000);
  s.db
    .insert(news)
    .values([
      {
        unitId: commune,
        title: "Ngày hội công dân số",
        summary: "Thứ 7 này",
        body: "Mời bà con tham gia.",
        publishedAt: at,
      },
      {
        unitId: village1,
        title: "Họp thôn Một",
        summary: "Tối thứ 6",
        body: "Tại nhà văn hóa.",
        publishedAt: at,
      },
    ])
    .run();
  s.db
    .insert(documents)
    .values({
      unitId: commune,
      title: "Kế hoạch chuyển đổi số",
      number: "45/KH-UBND",
      issuedDate: "2026-01-10",
      issuer: "UBND xã",
      publishedAt: at,
    })
    .run();
  s.db
    .insert(announcements)
    .values({ communeId: commune, title: "Lịch cắt điện", body: "Sáng thứ 3.", publishedAt: at })
    .run();
  s.db
    .insert(contacts)
    .values([
      {
        unitId: commune,
        category: "leader",
        name: "Chủ tịch UBND xã",
        title: "Chủ tịch",
        phone: "02353861234",
      },
      { unitId: commune, category: "police", name: "Công an xã", phone: "02353861113" },
    ])
    .run();
  s.db
    .insert(procedures)
    .values({
      unitId: null,
      field: "Hộ tịch",
      name: "Đăng ký khai sinh",
      whatToBring: "Giấy chứng sinh",
      nationalPortalUrl: "https://dichvucong.gov.vn",
    })
    .run();
  s.db
    .insert(places)
    .values({
      unitId: commune,
      category: "food",
      name: "Quán Cao Lầu",
      description: "Món đặc sản",
      phone: "02353911222",
    })
    .run();
  s.db
    .insert(jobs)
    .values({
      unitId: commune,
      title: "Thợ may",
      employer: "HTX May",
      description: "Tuyển 5 người",
      contact: "Văn phòng HTX",
      publishedAt: at,
      expiresAt: new Date(T0.getTime() + 30 * 86_400_000),
    })
    .run();
}

/** Every public GET, for both communes and every village. */
function publicPaths(s: TestServer): string[] {
  const { commune, otherCommune, village1, village2, village3, otherVillage } = s.world.units;
  const lists = [
    "field-reports",
    "questions",
    "news",
    "documents",
    "announcements",
    "contacts",
    "procedures",
    "places",
    "jobs",
  ];
  return [
    ...[commune, otherCommune].flatMap((id) => lists.map((list) => `/api/public/${list}?communeId=${id}`)),
    ...[village1, village2, village3, otherVillage].map((id) => `/api/public/villages/${id}/team`),
    "/api/public/communes",
    "/api/villages",
    `/api/villages?communeId=${commune}`,
  ];
}

describe("public responses carry no personal data", () => {
  let s: TestServer;
  const filed = { report: 0, question: 0, help: 0, spam: 0 };
  let reportPhotoId = "";
  const bodies = new Map<string, Awaited<ReturnType<TestServer["call"]>>>();
  /** The answer of a public path fetched in beforeAll. */
  function body(path: string) {
    const r = bodies.get(path);
    if (!r) throw new Error(`not fetched: ${path}`);
    return r;
  }

  beforeAll(async () => {
    s = await startTestServer();
    const w = s.world.people;
    seedPublishedContent(s);
    // Members have phones too: the directory must not show them.
    s.db
      .update(persons)
      .set({ phone: "84987654321", phoneConsentAt: T0 })
      .where(eq(persons.id, w.leader1.id))
      .run();
    s.db
      .update(persons)
      .set({ phone: "0935111222", phoneConsentAt: T0 })
      .where(eq(persons.id, w.member1.id))
      .run();

    const citizen = await s.login(w.citizen);
    const citizen2 = await s.login(w.citizen2);
    const admin = await s.login(w.admin);
    // citizen2 shares a phone number through the Zalo token exchange.
    await ok(s, "POST", "/api/me/phone", citizen2, {
      accessToken: await s.zaloAccessToken(w.citizen2),
      phoneToken: await s.phoneToken(w.citizen2, "84912345678"),
    });

    reportPhotoId = (await ok(s, "POST", "/api/photos", citizen, undefined, form(JPEG))).id;
    filed.report = (
      await ok(s, "POST", "/api/requests", citizen, {
        kind: "field_report",
        category: "environment",
        text: "Rác thải đổ trộm ở đầu ngõ 5, gọi em 0905 123 456 để chỉ chỗ",
        placeText: "Ngõ 5, SĐT 0905.123.456",
        photoIds: [reportPhotoId],
      })
    ).id;
    filed.question = (
      await ok(s, "POST", "/api/requests", citizen2, {
        kind: "question",
        category: "procedure",
        text: "Làm lại căn cước 049201001234 mất bao lâu? Gọi em +84 912 345 678",
      })
    ).id;
    filed.help = (
      await ok(s, "POST", "/api/requests", citizen, {
        kind: "help",
        category: "vneid_level2",
        meetingMode: "home_visit",
        text: "Nhờ tổ cài VNeID giúp bà, số em 0905123456",
      })
    ).id;
    filed.spam = (
      await ok(s, "POST", "/api/requests", citizen2, {
        kind: "field_report",
        category: "other",
        text: "Vay tiền nhanh không cần thế chấp, bấm vào đây",
      })
    ).id;
    // The spam report is public until rejected: the check below can see it disappear.
    const beforeReject = await s.call("GET", `/api/public/field-reports?communeId=${s.world.units.commune}`);
    expect(beforeReject.json.items.map((r: { id: number }) => r.id)).toContain(filed.spam);
    await ok(s, "POST", `/api/requests/${filed.spam}/reject`, admin, { reason: "spam" });

    await ok(s, "POST", `/api/requests/${filed.report}/claim`, admin);
    await ok(s, "POST", `/api/requests/${filed.report}/resolve`, admin, {
      outcomeCode: "fixed",
      publicAnswer: "Đã thu gom rác ngày 03/3. Đã gọi lại cho người báo qua số 0905123456.",
    });
    await ok(s, "POST", `/api/requests/${filed.question}/claim`, admin);
    await ok(s, "POST", `/api/requests/${filed.question}/resolve`, admin, {
      outcomeCode: "answered",
      publicAnswer: "Cấp lại căn cước mất 7 ngày làm việc; mang theo giấy hẹn số 049201001234.",
    });

    // Directory avatars: distinct per member, one member withdraws photo consent.
    for (const key of ["leader1", "member1", "member1b"] as const) {
      s.db
        .update(persons)
        .set({ avatarUrl: `https://avatar.example/${key}.png`, photoConsent: key !== "member1b" })
        .where(eq(persons.id, w[key].id))
        .run();
    }

    for (const path of publicPaths(s)) {
      const r = await s.call("GET", path);
      expect(r.status, `${path}: ${r.text}`).toBe(200);
      bodies.set(path, r);
    }
  });
  afterAll(async () => {
    await s.close();
  });

  function personalStrings() {
    const all = s.db.select().from(persons).all();
    const values = all
      .flatMap((p) => [p.zaloAppUserId, p.oaFollowerId, p.phone])
      .filter((v): v is string => !!v);
    expect(values.length).toBeGreaterThan(all.length * 2); // ids and stored phones were found
    return [...values, s.world.people.citizen.name, s.world.people.citizen2.name];
  }

  it("no public endpoint contains a Zalo id, a stored phone or a requester's name", () => {
    const secrets = personalStrings();
    expect(bodies.size).toBe(publicPaths(s).length);
    for (const [path, r] of bodies) {
      for (const value of secrets) expect(r.text.includes(value), `${path} contains ${value}`).toBe(false);
    }
  });

  it("request text, place and answers are public only with numbers masked", () => {
    const { commune } = s.world.units;
    const reports = body(`/api/public/field-reports?communeId=${commune}`).json.items as Record<
      string,
      string
    >[];
    const report = reports.find((r) => Number(r.id) === filed.report);
    expect(report).toBeDefined();
    expect(report?.text).toContain("[đã ẩn số điện thoại]");
    expect(report?.answer).toContain("Đã thu gom rác");
    expect(Object.keys(report ?? {})).not.toEqual(expect.arrayContaining(["requesterName"]));
    const questions = body(`/api/public/questions?communeId=${commune}`).json.items as Record<
      string,
      string
    >[];
    const question = questions.find((q) => Number(q.id) === filed.question);
    expect(question?.question).toContain("[đã ẩn số giấy tờ]");
    expect(question?.answer).toContain("7 ngày làm việc");

    const texts = [
      ...reports.flatMap((r) => [r.text, r.placeText, r.answer]),
      ...questions.flatMap((q) => [q.question, q.answer]),
    ].filter((t): t is string => typeof t === "string");
    expect(texts.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) expect(containsPersonalNumber(text), text).toBe(false);
    // The raw rows do hold the numbers: masking is what keeps them out.
    const stored = s.db.select().from(requests).where(eq(requests.id, filed.report)).get();
    expect(containsPersonalNumber(stored?.text ?? "")).toBe(true);
  });

  it("a help request and a rejected report never appear in public lists", () => {
    for (const [path, r] of bodies) {
      const items = (r.json.items ?? []) as { id?: number }[];
      if (path.startsWith("/api/public/field-reports") || path.startsWith("/api/public/questions")) {
        const ids = items.map((item) => item.id);
        expect(ids).not.toContain(filed.help);
        expect(ids).not.toContain(filed.spam);
      }
      expect(r.text).not.toContain("Nhờ tổ cài VNeID");
      expect(r.text).not.toContain("Vay tiền nhanh");
    }
  });

  it("contacts are official lines with phones, none of them a person's private phone", () => {
    const items = body(`/api/public/contacts?communeId=${s.world.units.commune}`).json.items as {
      phone: string;
    }[];
    expect(items.map((c) => c.phone)).toEqual(["02353861234", "02353861113"]);
    const privatePhones = s.db
      .select({ phone: persons.phone })
      .from(persons)
      .all()
      .map((p) => p.phone)
      .filter((p): p is string => p !== null);
    expect(privatePhones).toHaveLength(4);
    for (const c of items) expect(privatePhones).not.toContain(c.phone);
  });

  it("the team directory shows names and civic roles, avatars only with consent", () => {
    const w = s.world.people;
    const directory = body(`/api/public/villages/${s.world.units.village1}/team`);
    const members = directory.json.members as Record<string, unknown>[];
    expect(members.map((m) => m.displayName).sort()).toEqual(
      [w.leader1.name, w.member1.name, w.member1b.name].sort(),
    );
    for (const m of members) {
      expect(Object.keys(m).sort()).toEqual([
        "avatarUrl",
        "civicRole",
        "civicRoleLabel",
        "displayName",
        "isLeader",
      ]);
    }
    const byName = new Map(members.map((m) => [m.displayName, m]));
    expect(byName.get(w.leader1.name)).toMatchObject({
      civicRoleLabel: "Trưởng thôn",
      isLeader: true,
      avatarUrl: "https://avatar.example/leader1.png",
    });
    expect(byName.get(w.member1.name)?.avatarUrl).toBe("https://avatar.example/member1.png");
    expect(byName.get(w.member1b.name)?.avatarUrl).toBeNull();
    expect(directory.text).not.toContain("member1b.png");
    for (const phone of ["84987654321", "0935111222"]) expect(directory.text).not.toContain(phone);
  });
});

describe("secrets never reach the logs or the client", () => {
  it("logs no token, phone number or secret; no response carries a secret", async () => {
    const s = await startTestServer();
    try {
      const w = s.world.people;
      const responses: { path: string; text: string }[] = [];
      const call = async (...args: Parameters<TestServer["call"]>) => {
        const r = await s.call(...args);
        responses.push({ path: args[1], text: r.text });
        return r;
      };

      const accessToken = await s.zaloAccessToken(w.citizen2);
      const session = await call("POST", "/api/session", { json: { accessToken } });
      expect(session.status).toBe(200);
      const token: string = session.json.token;
      const phone = "84912345678";
      const phoneToken = await s.phoneToken(w.citizen2, phone);
      const shared = await call("POST", "/api/me/phone", { token, json: { accessToken, phoneToken } });
      expect(shared.json.hasPhone).toBe(true);
      // Failures too: a spent phone token, a forged Zalo token, a tampered session.
      expect((await call("POST", "/api/me/phone", { token, json: { accessToken, phoneToken } })).status).toBe(
        400,
      );
      expect((await call("POST", "/api/session", { json: { accessToken: `${accessToken}x` } })).status).toBe(
        401,
      );
      expect((await call("GET", "/api/me", { token: `${token.slice(0, -2)}xx` })).status).toBe(401);

      const photo = await call("POST", "/api/photos", { token, body: form(JPEG) });
      const filed = await call("POST", "/api/requests", {
        token,
        json: {
          kind: "help",
          category: "sim_data",
          meetingMode: "village_hall",
          text: `Nhờ tổ đăng ký SIM chính chủ, số ${phone}`,
          photoIds: [photo.json.id],
        },
      });
      expect(filed.status).toBe(201);
      const memberToken = await s.login(w.member2);
      await call("POST", `/api/requests/${filed.json.id}/claim`, { token: memberToken });
      await call("POST", `/api/requests/${filed.json.id}/note`, {
        token: memberToken,
        json: { text: `Gọi ${phone}` },
      });
      await call("GET", `/api/requests/${filed.json.id}`, { token });
      await call("GET", "/api/requests/mine", { token });
      expect((await call("GET", `/media/photos/${photo.json.id}?session=${token}`)).status).toBe(200);
      await call("GET", "/api/me", { token });
      await call("GET", "/openapi.json");
      await call("GET", "/healthz");

      // The logs did capture this traffic, so their silence about secrets means something.
      const logs = s.logs.join("\n");
      expect(logs).toContain("session issued");
      expect(logs).toContain("phone number shared with consent");
      expect(logs).toContain("/media/photos/");
      expect(logs).toContain("request filed");

      const cfg = s.config;
      const neverLogged = {
        accessToken,
        appSecretProof: appSecretProof(accessToken, cfg.zalo.appSecret),
        sessionToken: token,
        memberSessionToken: memberToken,
        phoneToken,
        phone,
        storedPhoneOfCitizen: "0905123456",
        appSecret: cfg.zalo.appSecret,
        oaSecretKey: cfg.zalo.oaSecretKey,
        oaAccessToken: cfg.zalo.oaAccessToken,
        sessionSecret: cfg.sessionSecret,
      };
      for (const [name, value] of Object.entries(neverLogged)) {
        expect(value.length, name).toBeGreaterThan(8);
        expect(logs.includes(value), `logs contain ${name}`).toBe(false);
      }

      expect(responses.length).toBeGreaterThan(10);
      const neverSent = [
        cfg.zalo.appSecret,
        cfg.zalo.oaSecretKey,
        cfg.zalo.oaAccessToken,
        cfg.zalo.oaRefreshToken,
        cfg.sessionSecret,
      ];
      for (const { path, text } of responses) {
        for (const secret of neverSent) expect(text.includes(secret), path).toBe(false);
        // The shared number is stored, never sent back: the profile only says hasPhone.
        if (path.startsWith("/api/me")) expect(text.includes(phone), path).toBe(false);
      }
      expect(responses.filter((r) => r.path.startsWith("/api/me")).length).toBeGreaterThanOrEqual(3);
    } finally {
      await s.close();
    }
  });
});

describe("photos", () => {
  let s: TestServer;
  const who = ["citizen", "citizen2", "member1b", "member2", "otherMember", "admin", "viewer"] as const;
  const t = {} as Record<(typeof who)[number], string>;

  beforeAll(async () => {
    s = await startTestServer();
    for (const key of who) t[key] = await s.login(s.world.people[key]);
  });
  afterAll(async () => {
    await s.close();
  });

  const photoCount = () => s.db.select({ n: count() }).from(photos).get()?.n ?? 0;
  const upload = async (token: string) =>
    (await ok(s, "POST", "/api/photos", token, undefined, form(JPEG))).id as string;
  async function get(path: string, token?: string) {
    const response = await fetch(`${s.url}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  }

  it("a field report's photo is listed publicly and served to anyone", async () => {
    const photoId = await upload(t.citizen);
    const report = await ok(s, "POST", "/api/requests", t.citizen, {
      kind: "field_report",
      category: "lighting",
      text: "Đèn đường ngõ 3 bị hỏng cả tuần nay",
      photoIds: [photoId],
    });
    const list = await s.call("GET", `/api/public/field-reports?communeId=${s.world.units.commune}`);
    const item = list.json.items.find((r: { id: number }) => r.id === report.id);
    expect(item.photoUrls).toEqual([`/media/photos/${photoId}`]);
    const anonymous = await get(item.photoUrls[0]);
    expect(anonymous.status).toBe(200);
    expect(anonymous.type).toBe("image/jpeg");
    expect(anonymous.bytes).toEqual(JPEG);

    // Rejected as spam: the photo stops being public, its uploader still sees it.
    await ok(s, "POST", `/api/requests/${report.id}/reject`, t.admin, { reason: "spam" });
    expect((await get(item.photoUrls[0])).status).toBe(404);
    expect((await get(item.photoUrls[0], t.citizen)).status).toBe(200);
  });

  it("a help request's photo reaches its owner and the team, nobody else", async () => {
    const photoId = await upload(t.citizen);
    await ok(s, "POST", "/api/requests", t.citizen, {
      kind: "help",
      category: "vneid_level2",
      meetingMode: "home_visit",
      text: "Ảnh màn hình lỗi VNeID, nhờ tổ xem giúp",
      photoIds: [photoId],
    });
    const path = `/media/photos/${photoId}`;
    const missing = await s.call("GET", `/media/photos/${crypto.randomUUID()}`, { token: t.citizen2 });
    expect((await get(path)).status).toBe(404);
    for (const allowed of ["citizen", "member1b", "admin"] as const) {
      const byHeader = await get(path, t[allowed]);
      expect(byHeader.status, allowed).toBe(200);
      expect(byHeader.bytes).toEqual(JPEG);
      const byQuery = await get(`${path}?session=${encodeURIComponent(t[allowed])}`);
      expect(byQuery.status, allowed).toBe(200);
      expect(byQuery.type).toBe("image/jpeg");
    }
    for (const refused of ["citizen2", "member2", "otherMember", "viewer"] as const) {
      const byHeader = await s.call("GET", path, { token: t[refused] });
      expect(byHeader.status, refused).toBe(404);
      // The same answer as for a photo that does not exist.
      expect(byHeader.json).toEqual(missing.json);
      expect((await get(`${path}?session=${encodeURIComponent(t[refused])}`)).status, refused).toBe(404);
    }
  });

  it("a photo not yet attached reaches only its uploader", async () => {
    const photoId = await upload(t.citizen);
    expect((await get(`/media/photos/${photoId}`, t.citizen)).status).toBe(200);
    expect((await get(`/media/photos/${photoId}`, t.admin)).status).toBe(404);
    expect((await get(`/media/photos/${photoId}`)).status).toBe(404);
  });

  it("refuses a text file with 415 and writes nothing", async () => {
    const before = photoCount();
    const files = existsSync(s.config.uploadDir) ? readdirSync(s.config.uploadDir).length : 0;
    const r = await s.call("POST", "/api/photos", {
      token: t.citizen,
      body: form(new TextEncoder().encode("Xin chào, đây không phải là ảnh"), "anh.jpg", "image/jpeg"),
    });
    expect(r.status).toBe(415);
    expect(r.json.error).toMatchObject({
      code: "unsupported_media_type",
      fields: { file: expect.any(String) },
    });
    expect(photoCount()).toBe(before);
    expect(existsSync(s.config.uploadDir) ? readdirSync(s.config.uploadDir).length : 0).toBe(files);
  });

  it("refuses someone else's photo, or one already used, in a request", async () => {
    const othersPhoto = await upload(t.citizen2);
    const usedPhoto = await upload(t.citizen);
    await ok(s, "POST", "/api/requests", t.citizen, {
      kind: "field_report",
      category: "roads",
      text: "Ổ gà lớn trước cổng trường",
      photoIds: [usedPhoto],
    });
    const count0 = s.db.select({ n: count() }).from(requests).get()?.n;
    for (const photoId of [othersPhoto, usedPhoto]) {
      const r = await s.call("POST", "/api/requests", {
        token: t.citizen,
        json: {
          kind: "field_report",
          category: "roads",
          text: "Ổ gà lớn trước cổng chợ",
          photoIds: [photoId],
        },
      });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("validation_failed");
      expect(Object.keys(r.json.error.fields)).toEqual(["photoIds"]);
    }
    expect(s.db.select({ n: count() }).from(requests).get()?.n).toBe(count0);
    // And the other person's photo is still theirs alone.
    expect((await get(`/media/photos/${othersPhoto}`, t.citizen)).status).toBe(404);
  });
});

describe("photos over UPLOAD_MAX_BYTES", () => {
  it("are refused with 413 and nothing is written", async () => {
    const s = await startTestServer({ UPLOAD_MAX_BYTES: "1000" });
    try {
      const token = await s.login(s.world.people.citizen);
      const photoCount = () => s.db.select({ n: count() }).from(photos).get()?.n ?? 0;
      const files = () => (existsSync(s.config.uploadDir) ? readdirSync(s.config.uploadDir) : []);
      // Just under the limit is fine: the size is what the refusals below are about.
      const fits = await s.call("POST", "/api/photos", { token, body: form(jpegOfSize(900)) });
      expect(fits.status).toBe(201);
      const before = { photos: photoCount(), files: files() };

      // Slightly over (checked on the file) and far over (cut off while reading the body).
      for (const size of [1001, 2000, 200_000]) {
        const r = await s.call("POST", "/api/photos", { token, body: form(jpegOfSize(size)) });
        expect(r.status, `${size} bytes`).toBe(413);
        expect(r.json.error.code).toBe("payload_too_large");
        expect(r.json.error.message).toMatch(/^Ảnh quá lớn, tối đa [1-9]/);
        expect(Object.keys(r.json.error.fields)).toEqual(["file"]);
      }
      expect(photoCount()).toBe(before.photos);
      expect(files()).toEqual(before.files);
    } finally {
      await s.close();
    }
  });
});
