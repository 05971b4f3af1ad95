/**
 * Commune admins publish news and documents, triage every request of their commune and answer
 * field reports and questions publicly, over real HTTP against the fixture world. Each refusal
 * (another commune's admin, a member, a citizen, bad input) must leave the database unchanged,
 * and the public lists must show what was published without anyone's personal data.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { documents, news, requestEvents, requests } from "../bot-server/src/db/schema";
import { tableSnapshot } from "./helpers/db";
import type { TestServer } from "./helpers/server";
import { ADMIN_CAST, serverWithCast } from "./helpers/sessions";
import { countStatements } from "./helpers/statements";

let s: TestServer;
const as = serverWithCast(ADMIN_CAST, (server) => {
  s = server;
});
const commune = () => s.world.units.commune;
const publicList = async (what: string) =>
  (await s.call("GET", `/api/public/${what}?communeId=${commune()}`)).json.items;

const snapshot = (table: typeof news | typeof documents | typeof requests) => tableSnapshot(s.db, table);

const NEWS = {
  title: "Ra quân hỗ trợ cài đặt VNeID tại các thôn",
  summary: "Tổ công nghệ số các thôn hỗ trợ bà con cài VNeID mức 2 vào cuối tuần.",
  body: "Sáng thứ Bảy, các Tổ công nghệ số cộng đồng có mặt tại nhà văn hóa để hỗ trợ bà con.",
};

describe("news", () => {
  it("is created, edited and removed by the commune admin, and the public list follows", async () => {
    const created = await as("admin", "POST", "/api/admin/news", {
      communeId: commune(),
      ...NEWS,
      pinned: true,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      communeId: commune(),
      villageId: null,
      pinned: true,
      authorName: "Cán Bộ Xã",
    });
    const id = created.json.id as number;
    expect((await publicList("news")).find((n: { id: number }) => n.id === id)).toMatchObject({
      title: NEWS.title,
      unitName: "Xã Thử Nghiệm",
    });

    const village = await as("admin", "POST", "/api/admin/news", {
      communeId: commune(),
      villageId: s.world.units.village2,
      ...NEWS,
      title: "Họp thôn Hai về đường bê tông",
      isEvent: true,
      eventAt: "2026-03-07T08:00:00+07:00",
    });
    expect(village.status).toBe(201);
    expect(village.json).toMatchObject({
      villageId: s.world.units.village2,
      unitName: "Thôn Hai",
      isEvent: true,
    });
    expect(village.json.eventAt).toBe("2026-03-07T01:00:00.000Z");

    const edited = await as("admin", "PATCH", `/api/admin/news/${id}`, {
      title: "Ra quân hỗ trợ VNeID (đã dời lịch)",
      pinned: false,
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({
      title: "Ra quân hỗ trợ VNeID (đã dời lịch)",
      summary: NEWS.summary,
      pinned: false,
    });
    expect((await publicList("news")).find((n: { id: number }) => n.id === id).title).toBe(
      "Ra quân hỗ trợ VNeID (đã dời lịch)",
    );

    const list = await as("admin", "GET", `/api/admin/news?communeId=${commune()}&limit=1`);
    expect(list.status).toBe(200);
    expect(list.json.items.map((n: { id: number }) => n.id)).toEqual([village.json.id]);
    expect(list.json.nextBefore).toBe(village.json.id);
    const page2 = await as(
      "admin",
      "GET",
      `/api/admin/news?communeId=${commune()}&limit=1&before=${list.json.nextBefore}`,
    );
    expect(page2.json.items.map((n: { id: number }) => n.id)).toEqual([id]);
    // A page is read in the same few statements whatever its length (no read per item).
    const pageOf = (limit: number) =>
      countStatements(s.db, () =>
        as("admin", "GET", `/api/admin/news?communeId=${commune()}&limit=${limit}`),
      );
    const one = await pageOf(1);
    const two = await pageOf(2);
    expect(two.result.json.items).toEqual([one.result.json.items[0], page2.json.items[0]]);
    expect(two.n).toBe(one.n);

    const removed = await as("admin", "DELETE", `/api/admin/news/${id}`);
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ id, deleted: true });
    expect((await publicList("news")).some((n: { id: number }) => n.id === id)).toBe(false);
    expect(s.db.select().from(news).where(eq(news.id, id)).get()).toBeUndefined();
  });

  it("refuses other communes' admins, members and citizens with 404, and changes nothing", async () => {
    const { json: item } = await as("admin", "POST", "/api/admin/news", { communeId: commune(), ...NEWS });
    const before = snapshot(news);
    for (const who of ["otherAdmin", "member", "leader", "citizen"] as const) {
      expect((await as(who, "POST", "/api/admin/news", { communeId: commune(), ...NEWS })).status).toBe(404);
      expect(
        (await as(who, "PATCH", `/api/admin/news/${item.id}`, { title: "Tiêu đề bị sửa trái phép" })).status,
      ).toBe(404);
      expect((await as(who, "DELETE", `/api/admin/news/${item.id}`)).status).toBe(404);
      expect((await as(who, "GET", `/api/admin/news?communeId=${commune()}`)).status).toBe(404);
    }
    // Same answer as for an id that does not exist: existence does not leak.
    const missing = await as("otherAdmin", "PATCH", "/api/admin/news/999999", {
      title: "Không có tin này đâu",
    });
    expect(missing.status).toBe(404);
    expect(
      (await s.call("POST", "/api/admin/news", { json: { communeId: commune(), ...NEWS } })).status,
    ).toBe(401);
    expect(snapshot(news)).toBe(before);
  });

  it("rejects bad input with Vietnamese field messages and writes nothing", async () => {
    const before = snapshot(news);
    const short = await as("admin", "POST", "/api/admin/news", {
      communeId: commune(),
      title: "Tin",
      summary: "",
      body: NEWS.body,
    });
    expect(short.status).toBe(400);
    expect(short.json.error.code).toBe("validation_failed");
    expect(short.json.error.fields.title).toMatch(/ít nhất 5 ký tự/);
    expect(short.json.error.fields.summary).toBeTruthy();

    const event = await as("admin", "POST", "/api/admin/news", {
      communeId: commune(),
      ...NEWS,
      isEvent: true,
    });
    expect(event.status).toBe(400);
    expect(event.json.error.fields.eventAt).toBe("Vui lòng nhập thời gian diễn ra sự kiện.");

    const foreignVillage = await as("admin", "POST", "/api/admin/news", {
      communeId: commune(),
      villageId: s.world.units.otherVillage,
      ...NEWS,
    });
    expect(foreignVillage.status).toBe(400);
    expect(foreignVillage.json.error.fields.villageId).toBe("Thôn, khối phố không thuộc xã này.");

    const badImage = await as("admin", "POST", "/api/admin/news", {
      communeId: commune(),
      ...NEWS,
      imageUrl: "javascript:alert(1)",
    });
    expect(badImage.status).toBe(400);
    expect(badImage.json.error.fields.imageUrl).toMatch(/https:\/\//);
    expect(snapshot(news)).toBe(before);
  });
});

describe("documents", () => {
  const DOC = {
    title: "Kế hoạch chuyển đổi số xã năm 2026",
    number: "15/KH-UBND",
    issuedDate: "2026-02-20",
    issuer: "UBND xã Thử Nghiệm",
    url: "https://example.invalid/ke-hoach-15.pdf",
  };

  it("are created, edited and removed, and the public list follows", async () => {
    const created = await as("admin", "POST", "/api/admin/documents", { communeId: commune(), ...DOC });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect((await publicList("documents")).find((d: { id: number }) => d.id === id)).toMatchObject({
      number: "15/KH-UBND",
      summary: null,
    });

    const edited = await as("admin", "PATCH", `/api/admin/documents/${id}`, {
      summary: "Mục tiêu: 80% người dân có VNeID mức 2.",
      url: null,
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({
      summary: "Mục tiêu: 80% người dân có VNeID mức 2.",
      url: null,
      title: DOC.title,
    });
    expect((await publicList("documents")).find((d: { id: number }) => d.id === id).url).toBeNull();

    const listed = await as("admin", "GET", `/api/admin/documents?communeId=${commune()}`);
    expect(listed.json.items.map((d: { id: number }) => d.id)).toContain(id);

    expect((await as("admin", "DELETE", `/api/admin/documents/${id}`)).status).toBe(200);
    expect((await publicList("documents")).some((d: { id: number }) => d.id === id)).toBe(false);
  });

  it("refuse others with 404 and bad dates with 400, changing nothing", async () => {
    const { json: doc } = await as("admin", "POST", "/api/admin/documents", { communeId: commune(), ...DOC });
    const before = snapshot(documents);
    for (const who of ["otherAdmin", "member", "citizen"] as const) {
      expect(
        (await as(who, "PATCH", `/api/admin/documents/${doc.id}`, { title: "Sửa trái phép văn bản" })).status,
      ).toBe(404);
      expect((await as(who, "DELETE", `/api/admin/documents/${doc.id}`)).status).toBe(404);
      expect((await as(who, "POST", "/api/admin/documents", { communeId: commune(), ...DOC })).status).toBe(
        404,
      );
    }
    const badDate = await as("admin", "POST", "/api/admin/documents", {
      communeId: commune(),
      ...DOC,
      issuedDate: "2026-02-30",
    });
    expect(badDate.status).toBe(400);
    expect(badDate.json.error.fields.issuedDate).toBe("Ngày ban hành không có thật.");
    const badPatch = await as("admin", "PATCH", `/api/admin/documents/${doc.id}`, {
      issuedDate: "20/02/2026",
    });
    expect(badPatch.status).toBe(400);
    expect(badPatch.json.error.fields.issuedDate).toMatch(/năm-tháng-ngày/);
    expect(snapshot(documents)).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Triage and public answers
// ---------------------------------------------------------------------------------------------

async function file(kind: "help" | "field_report" | "question", villageId: number, text: string) {
  const body =
    kind === "help"
      ? { kind, category: "vneid_level2", meetingMode: "home_visit", text, villageId }
      : kind === "field_report"
        ? { kind, category: "roads", text, villageId, placeText: "Gần cầu thôn" }
        : { kind, category: "procedure", text, villageId };
  const r = await as("citizen", "POST", "/api/requests", body);
  expect(r.status).toBe(201);
  return r.json.id as number;
}

const eventsOf = (id: number) =>
  s.db.select().from(requestEvents).where(eq(requestEvents.requestId, id)).orderBy(requestEvents.id).all();
const rowOf = (id: number) => s.db.select().from(requests).where(eq(requests.id, id)).get();

describe("triage", () => {
  it("lists every request of the commune, newest first, filtered by kind and state, with paging", async () => {
    const u = s.world.units;
    const report1 = await file("field_report", u.village1, "Ổ gà lớn trên đường liên thôn, gọi 0905123456");
    const pooled = await file("field_report", u.village3, "Đèn đường thôn Ba không sáng mấy hôm nay");
    const question = await file("question", u.village2, "Làm lại căn cước bị mất cần giấy tờ gì?");
    const help = await file("help", u.village1, "Nhờ tổ cài giúp VNeID mức 2 cho mẹ");
    expect(rowOf(pooled)?.routedTo).toBe("pool");

    const reports = await as(
      "admin",
      "GET",
      `/api/admin/requests?communeId=${commune()}&kind=field_report&state=open`,
    );
    expect(reports.status).toBe(200);
    const ids = reports.json.items.map((r: { id: number }) => r.id);
    expect(ids.slice(0, 2)).toEqual([pooled, report1]);
    expect(ids).not.toContain(question);
    expect(reports.json.items[0]).toMatchObject({
      kind: "field_report",
      villageName: "Thôn Ba",
      isPublic: true,
      publicAnswer: null,
      overdue: false,
    });

    const all = await as("admin", "GET", `/api/admin/requests?communeId=${commune()}&state=all&limit=2`);
    expect(all.json.items.map((r: { id: number }) => r.id)).toEqual([help, question]);
    expect(all.json.nextBefore).toBe(question);
    const next = await as(
      "admin",
      "GET",
      `/api/admin/requests?communeId=${commune()}&state=all&limit=2&before=${question}`,
    );
    expect(next.json.items.map((r: { id: number }) => r.id)).toEqual([pooled, report1]);
    expect(all.json.counts.all).toBeGreaterThanOrEqual(4);
    expect(all.json.counts.open + all.json.counts.resolved).toBeLessThanOrEqual(all.json.counts.all);

    const resolvedBefore = await as(
      "admin",
      "GET",
      `/api/admin/requests?communeId=${commune()}&kind=help&state=resolved`,
    );
    expect(resolvedBefore.json.items.map((r: { id: number }) => r.id)).not.toContain(help);
    await as("admin", "POST", `/api/requests/${help}/claim`);
    await as("admin", "POST", `/api/requests/${help}/resolve`, { outcomeCode: "guided" });
    const resolved = await as(
      "admin",
      "GET",
      `/api/admin/requests?communeId=${commune()}&kind=help&state=resolved`,
    );
    expect(resolved.json.items.map((r: { id: number }) => r.id)).toContain(help);
    const open = await as("admin", "GET", `/api/admin/requests?communeId=${commune()}&kind=help&state=open`);
    expect(open.json.items.map((r: { id: number }) => r.id)).not.toContain(help);
  });

  it("is for the commune's admins only (404) and rejects bad filters (400)", async () => {
    for (const who of ["otherAdmin", "member", "leader", "citizen"] as const) {
      const r = await as(who, "GET", `/api/admin/requests?communeId=${commune()}`);
      expect(r.status).toBe(404);
    }
    const other = await as(
      "otherAdmin",
      "GET",
      `/api/admin/requests?communeId=${s.world.units.otherCommune}`,
    );
    expect(other.status).toBe(200);
    expect(other.json.items).toEqual([]);
    const bad = await as(
      "admin",
      "GET",
      `/api/admin/requests?communeId=${commune()}&kind=complaint&state=done`,
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields.kind).toBe("Loại yêu cầu không hợp lệ.");
    expect(bad.json.error.fields.state).toBe("Trạng thái lọc không hợp lệ.");
  });
});

describe("public answers", () => {
  it("are published and edited by the admin, recorded in the history and shown publicly without personal data", async () => {
    const report = await file(
      "field_report",
      s.world.units.village1,
      "Cống thoát nước bị tắc, liên hệ 0905123456",
    );
    const statusBefore = rowOf(report)?.status;
    const published = await as("admin", "PUT", `/api/admin/requests/${report}/public-answer`, {
      answer: "UBND xã đã giao tổ vệ sinh môi trường khơi thông cống trong tuần này.",
    });
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ id: report, status: statusBefore, isPublic: true });
    expect(published.json.publicAnswer).toMatch(/khơi thông cống/);
    let events = eventsOf(report);
    expect(events.at(-1)).toMatchObject({
      action: "answered_publicly",
      actorPersonId: s.world.people.admin.id,
      fromStatus: statusBefore,
      toStatus: statusBefore,
    });

    const edited = await as("admin", "PUT", `/api/admin/requests/${report}/public-answer`, {
      answer: "Cống đã được khơi thông ngày 05/3. Cảm ơn bà con đã phản ánh.",
    });
    expect(edited.status).toBe(200);
    events = eventsOf(report);
    expect(events.at(-1)).toMatchObject({ action: "public_answer_edited" });
    expect(events.at(-1)?.detail).toMatchObject({
      previousAnswer: expect.stringMatching(/khơi thông cống trong tuần/),
    });

    const listed = await s.call("GET", `/api/public/field-reports?communeId=${commune()}`);
    const item = listed.json.items.find((r: { id: number }) => r.id === report);
    expect(item.answer).toBe("Cống đã được khơi thông ngày 05/3. Cảm ơn bà con đã phản ánh.");
    expect(item.text).not.toContain("0905123456");
    const p = s.world.people.citizen;
    for (const secret of [p.name, p.zaloAppUserId, "0905123456"]) expect(listed.text).not.toContain(secret);

    // Sending the same answer again records nothing new.
    const same = await as("admin", "PUT", `/api/admin/requests/${report}/public-answer`, {
      answer: "Cống đã được khơi thông ngày 05/3. Cảm ơn bà con đã phản ánh.",
    });
    expect(same.status).toBe(200);
    expect(eventsOf(report)).toHaveLength(events.length);
  });

  it("make an answered question public; resolving with the answer goes through the lifecycle", async () => {
    const question = await file(
      "question",
      s.world.units.village2,
      "Xin hỏi giờ làm việc của Bộ phận Một cửa?",
    );
    const beforeList = await s.call("GET", `/api/public/questions?communeId=${commune()}`);
    expect(beforeList.json.items.some((q: { id: number }) => q.id === question)).toBe(false);

    expect((await as("admin", "POST", `/api/requests/${question}/claim`)).status).toBe(200);
    const resolved = await as("admin", "POST", `/api/requests/${question}/resolve`, {
      outcomeCode: "answered",
      publicAnswer: "Sáng 7 giờ 30 đến 11 giờ 30, chiều 13 giờ 30 đến 17 giờ, thứ Hai đến thứ Sáu.",
    });
    expect(resolved.status).toBe(200);
    const corrected = await as("admin", "PUT", `/api/admin/requests/${question}/public-answer`, {
      answer: "Sáng 7 giờ đến 11 giờ 30, chiều 13 giờ 30 đến 17 giờ, thứ Hai đến thứ Sáu.",
    });
    expect(corrected.status).toBe(200);
    expect(corrected.json.status).toBe("resolved");
    const actions = eventsOf(question).map((e) => e.action);
    expect(actions.slice(-3)).toEqual(["claimed", "resolved", "public_answer_edited"]);
    const listed = await s.call("GET", `/api/public/questions?communeId=${commune()}`);
    expect(listed.json.items.find((q: { id: number }) => q.id === question).answer).toMatch(
      /^Sáng 7 giờ đến/,
    );
  });

  it("are refused to anyone but the commune's admins, for help requests and for rejected requests", async () => {
    const report = await file("field_report", s.world.units.village1, "Cây đổ chắn ngang đường xóm");
    const help = await file("help", s.world.units.village1, "Nhờ tổ hướng dẫn nộp hồ sơ trực tuyến");
    const before = snapshot(requests);
    const eventCount = () => s.db.select({ n: count() }).from(requestEvents).get()?.n;
    const events = eventCount();
    const answer = { answer: "Câu trả lời không được phép đăng." };
    for (const who of ["otherAdmin", "member", "leader", "citizen"] as const) {
      expect((await as(who, "PUT", `/api/admin/requests/${report}/public-answer`, answer)).status).toBe(404);
    }
    expect((await as("otherAdmin", "PUT", "/api/admin/requests/999999/public-answer", answer)).status).toBe(
      404,
    );
    const onHelp = await as("admin", "PUT", `/api/admin/requests/${help}/public-answer`, answer);
    expect(onHelp.status).toBe(400);
    expect(onHelp.json.error.fields.answer).toMatch(/không có câu trả lời công khai/);
    const tooShort = await as("admin", "PUT", `/api/admin/requests/${report}/public-answer`, {
      answer: "Ok",
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.json.error.fields.answer).toMatch(/ít nhất 5 ký tự/);
    expect(snapshot(requests)).toBe(before);
    expect(eventCount()).toBe(events);

    await as("admin", "POST", `/api/requests/${report}/reject`, { reason: "spam" });
    const rejected = await as("admin", "PUT", `/api/admin/requests/${report}/public-answer`, {
      answer: "Không đăng được cho yêu cầu đã từ chối.",
    });
    expect(rejected.status).toBe(409);
    expect(rowOf(report)?.publicAnswer).toBeNull();
  });
});

describe("OpenAPI", () => {
  it("documents the admin endpoints", async () => {
    const doc = await s.call("GET", "/openapi.json");
    expect(doc.status).toBe(200);
    for (const path of [
      "/api/admin/news",
      "/api/admin/news/{id}",
      "/api/admin/documents/{id}",
      "/api/admin/requests",
      "/api/admin/requests/{id}/public-answer",
      "/api/admin/communes/{id}/structure",
      "/api/admin/invites",
      "/api/invites/accept",
      "/api/admin/procedures/{id}",
      "/api/admin/faq/{id}",
    ]) {
      expect(doc.json.paths[path], path).toBeDefined();
    }
  });
});
