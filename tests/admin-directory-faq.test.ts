/**
 * Commune admins keep the directory (contacts, procedures with portal links, places, jobs) and
 * the chatbot's FAQ, over real HTTP. The public lists follow every change; shared procedures
 * and FAQ entries are read-only; refusals and bad input change nothing. The FAQ is checked end to
 * end: a resident asks the OA in Zalo (signed webhook, inbox worker, conversation engine) and
 * gets the entry the admin just wrote, and no longer once it is deleted.
 */
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  adminUnits,
  contacts,
  faqEntries,
  jobs,
  places,
  procedures,
  requests,
} from "../bot-server/src/db/schema";
import { addFaqEntry, searchFaq } from "../bot-server/src/faq/faq";
import { type Chat, startChat, texts } from "./helpers/chat";
import { tableSnapshot } from "./helpers/db";
import { T0 } from "./helpers/fixtures";
import type { TestServer } from "./helpers/server";
import { ADMIN_CAST, NOT_ADMINS, serverWithCast } from "./helpers/sessions";

let s: TestServer;
const as = serverWithCast(ADMIN_CAST, (server) => {
  s = server;
});
const commune = () => s.world.units.commune;
const publicItems = async (what: string) =>
  (await s.call("GET", `/api/public/${what}?communeId=${commune()}`)).json.items as { id: number }[];
const snapshot = () => tableSnapshot(s.db, contacts, procedures, places, jobs, faqEntries);

/** One directory list: what to create, a valid change, a bad change and its field. */
const LISTS = [
  {
    path: "contacts",
    create: { category: "Đường dây nóng", name: "Công an xã", title: "Trực ban", phone: "0235 3861 113" },
    change: { phone: "113", title: "" },
    changed: { phone: "113", title: null },
    bad: { phone: "gọi cho tôi" },
    badField: "phone",
  },
  {
    path: "procedures",
    create: {
      field: "Hộ tịch",
      name: "Đăng ký kết hôn",
      whatToBring: "Căn cước của hai bên, giấy xác nhận tình trạng hôn nhân",
      nationalPortalUrl:
        "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.000894",
      provincialPortalUrl: "https://dichvucong.quangnam.gov.vn/",
    },
    change: { fee: "Miễn phí", provincialPortalUrl: null },
    changed: { fee: "Miễn phí", provincialPortalUrl: null },
    bad: { nationalPortalUrl: "dichvucong.gov.vn" },
    badField: "nationalPortalUrl",
  },
  {
    path: "places",
    create: {
      category: "Đặc sản",
      name: "Bánh tráng Cẩm Thanh",
      description: "Bánh tráng nướng làm thủ công tại thôn.",
    },
    change: { address: "Thôn Một", phone: "0905 111 222" },
    changed: { address: "Thôn Một", phone: "0905 111 222" },
    bad: { description: "" },
    badField: "description",
  },
  {
    path: "jobs",
    create: {
      title: "Lớp dạy bán hàng trên mạng",
      employer: "Hội Liên hiệp Phụ nữ xã",
      description: "Lớp miễn phí 3 buổi tối về bán hàng trên sàn thương mại điện tử.",
      contact: "Chị Lan, Hội Phụ nữ xã",
      isTraining: true,
      expiresOn: "2026-03-31",
    },
    change: { expiresOn: "2026-04-15" },
    changed: { expiresOn: "2026-04-15", expiresAt: "2026-04-15T16:59:59.999Z" },
    bad: { expiresOn: "2026-03-01" },
    badField: "expiresOn",
  },
] as const;

describe.each(LISTS)("directory: $path", (list) => {
  it("is created, edited and removed by the admin, and the public list follows", async () => {
    const created = await as("admin", "POST", `/api/admin/${list.path}`, {
      communeId: commune(),
      ...list.create,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ communeId: commune(), ...list.create });
    const id = created.json.id as number;
    expect((await publicItems(list.path)).map((i) => i.id)).toContain(id);

    const edited = await as("admin", "PATCH", `/api/admin/${list.path}/${id}`, list.change);
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject(list.changed);
    const shown = (await publicItems(list.path)).find((i) => i.id === id) as Record<string, unknown>;
    for (const [key, value] of Object.entries(list.changed)) {
      if (key !== "expiresOn") expect(shown[key]).toEqual(value);
    }
    const listed = await as("admin", "GET", `/api/admin/${list.path}?communeId=${commune()}`);
    expect(listed.json.items.find((i: { id: number }) => i.id === id)).toMatchObject(list.changed);

    const removed = await as("admin", "DELETE", `/api/admin/${list.path}/${id}`);
    expect(removed.json).toEqual({ id, deleted: true });
    expect((await publicItems(list.path)).map((i) => i.id)).not.toContain(id);
  });

  it("refuses others with 404 and bad input with 400, changing nothing", async () => {
    const { json: item } = await as("admin", "POST", `/api/admin/${list.path}`, {
      communeId: commune(),
      ...list.create,
    });
    const before = snapshot();
    for (const who of NOT_ADMINS) {
      expect((await as(who, "GET", `/api/admin/${list.path}?communeId=${commune()}`)).status).toBe(404);
      expect(
        (await as(who, "POST", `/api/admin/${list.path}`, { communeId: commune(), ...list.create })).status,
      ).toBe(404);
      expect((await as(who, "PATCH", `/api/admin/${list.path}/${item.id}`, list.change)).status).toBe(404);
      expect((await as(who, "DELETE", `/api/admin/${list.path}/${item.id}`)).status).toBe(404);
    }
    expect((await as("otherAdmin", "DELETE", `/api/admin/${list.path}/999999`)).status).toBe(404);
    const badPatch = await as("admin", "PATCH", `/api/admin/${list.path}/${item.id}`, list.bad);
    expect(badPatch.status).toBe(400);
    expect(badPatch.json.error.fields[list.badField]).toMatch(/[À-ỹ]/);
    const badCreate = await as("admin", "POST", `/api/admin/${list.path}`, {
      communeId: commune(),
      ...list.create,
      ...list.bad,
    });
    expect(badCreate.status).toBe(400);
    expect(Object.keys(badCreate.json.error.fields)).toContain(list.badField);
    expect(snapshot()).toBe(before);
  });
});

describe("directory details", () => {
  it("lists shared procedures read-only; their admin cannot change them", async () => {
    const shared = s.db
      .insert(procedures)
      .values({
        unitId: null,
        field: "Cư trú",
        name: "Đăng ký thường trú",
        whatToBring: "Tờ khai thay đổi thông tin cư trú",
        nationalPortalUrl: "https://dichvucong.bocongan.gov.vn/",
      })
      .returning()
      .get();
    const listed = await as("admin", "GET", `/api/admin/procedures?communeId=${commune()}`);
    expect(listed.json.items.find((p: { id: number }) => p.id === shared.id)).toMatchObject({
      communeId: null,
      editable: false,
    });
    const before = snapshot();
    expect(
      (await as("admin", "PATCH", `/api/admin/procedures/${shared.id}`, { fee: "50.000 đồng" })).status,
    ).toBe(404);
    expect((await as("admin", "DELETE", `/api/admin/procedures/${shared.id}`)).status).toBe(404);
    expect(snapshot()).toBe(before);
    expect((await publicItems("procedures")).map((p) => p.id)).toContain(shared.id);
  });

  it("keeps expired jobs in the admin list only", async () => {
    const { json: job } = await as("admin", "POST", "/api/admin/jobs", {
      communeId: commune(),
      title: "Tuyển công nhân may",
      employer: "Công ty May Thử",
      description: "Tuyển 20 công nhân may, có đào tạo tay nghề.",
      contact: "Phòng nhân sự công ty",
      expiresOn: "2026-03-02",
    });
    expect(job).toMatchObject({ expiresOn: "2026-03-02", expired: false, isTraining: false });
    expect((await publicItems("jobs")).map((j) => j.id)).toContain(job.id);
    try {
      s.clock.now = new Date("2026-03-03T00:00:00+07:00");
      expect((await publicItems("jobs")).map((j) => j.id)).not.toContain(job.id);
      const admin = await s.login(s.world.people.admin);
      const listed = await s.call("GET", `/api/admin/jobs?communeId=${commune()}`, { token: admin });
      expect(listed.json.items.find((j: { id: number }) => j.id === job.id)).toMatchObject({ expired: true });
    } finally {
      s.clock.now = T0;
    }
  });

  it("never puts personal data in the public directory", async () => {
    const body = JSON.stringify(
      await Promise.all(["contacts", "procedures", "places", "jobs"].map(publicItems)),
    );
    for (const p of [s.world.people.citizen, s.world.people.admin, s.world.people.member1]) {
      expect(body).not.toContain(p.zaloAppUserId);
      expect(body).not.toContain(p.name);
    }
    expect(body).not.toContain("0905123456");
  });
});

// ---------------------------------------------------------------------------------------------
// FAQ
// ---------------------------------------------------------------------------------------------

const FAQ = {
  question: "Khi nào có lịch tiêm phòng dại cho chó mèo?",
  answer: "Trạm thú y tiêm phòng dại miễn phí tại nhà văn hóa các thôn vào tháng 4 hằng năm.",
  keywords: "tiêm phòng dại chó mèo vắc xin thú y",
};

describe("faq over the API", () => {
  it("is listed, created, edited and deleted, with the search index in step", async () => {
    const created = await as("admin", "POST", "/api/admin/faq", { communeId: commune(), ...FAQ });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ communeId: commune(), editable: true, active: true, ...FAQ });
    const id = created.json.id;
    expect(searchFaq(s.db, commune(), "lich tiem phong dai cho cho")?.id).toBe(id);
    // Scoped to its commune.
    expect(searchFaq(s.db, s.world.units.otherCommune, "lich tiem phong dai cho cho")).toBeUndefined();

    const edited = await as("admin", "PATCH", `/api/admin/faq/${id}`, {
      question: "Khi nào có lịch tiêm vắc xin cho gia cầm?",
      answer: "Trạm thú y tiêm vắc xin cúm gia cầm tại các thôn vào tháng 3.",
      keywords: "vắc xin gia cầm gà vịt cúm",
    });
    expect(edited.status).toBe(200);
    expect(searchFaq(s.db, commune(), "lich tiem phong dai cho cho")).toBeUndefined();
    expect(searchFaq(s.db, commune(), "tiem vac xin cho ga vit")?.id).toBe(id);

    const paused = await as("admin", "PATCH", `/api/admin/faq/${id}`, { active: false });
    expect(paused.json.active).toBe(false);
    expect(searchFaq(s.db, commune(), "tiem vac xin cho ga vit")).toBeUndefined();
    await as("admin", "PATCH", `/api/admin/faq/${id}`, { active: true });

    const listed = await as("admin", "GET", `/api/admin/faq?communeId=${commune()}`);
    expect(listed.json.items[0]).toMatchObject({ id, editable: true });

    expect((await as("admin", "DELETE", `/api/admin/faq/${id}`)).json).toEqual({ id, deleted: true });
    expect(searchFaq(s.db, commune(), "tiem vac xin cho ga vit")).toBeUndefined();
    const indexed = s.db.all<{ n: number }>(`select count(*) as n from faq_fts where rowid = ${id}`)[0];
    expect(indexed?.n).toBe(0);
  });

  it("keeps shared entries read-only, refuses others with 404 and bad input with 400", async () => {
    const sharedId = addFaqEntry(s.db, {
      communeId: null,
      question: "Giờ làm việc của xã?",
      answer: "Từ thứ Hai đến thứ Sáu.",
    });
    const { json: own } = await as("admin", "POST", "/api/admin/faq", { communeId: commune(), ...FAQ });
    const listed = await as("admin", "GET", `/api/admin/faq?communeId=${commune()}`);
    expect(listed.json.items.find((f: { id: number }) => f.id === sharedId)).toMatchObject({
      communeId: null,
      editable: false,
    });
    const before = snapshot();
    expect(
      (await as("admin", "PATCH", `/api/admin/faq/${sharedId}`, { answer: "Sửa câu trả lời dùng chung." }))
        .status,
    ).toBe(404);
    expect((await as("admin", "DELETE", `/api/admin/faq/${sharedId}`)).status).toBe(404);
    for (const who of NOT_ADMINS) {
      expect((await as(who, "GET", `/api/admin/faq?communeId=${commune()}`)).status).toBe(404);
      expect((await as(who, "POST", "/api/admin/faq", { communeId: commune(), ...FAQ })).status).toBe(404);
      expect(
        (await as(who, "PATCH", `/api/admin/faq/${own.id}`, { answer: "Câu trả lời bị sửa trái phép." }))
          .status,
      ).toBe(404);
      expect((await as(who, "DELETE", `/api/admin/faq/${own.id}`)).status).toBe(404);
    }
    const bad = await as("admin", "POST", "/api/admin/faq", {
      communeId: commune(),
      question: "Hỏi",
      answer: "",
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toMatchObject({
      question: "Câu hỏi cần ít nhất 5 ký tự.",
      answer: "Vui lòng nhập câu trả lời.",
    });
    const badPatch = await as("admin", "PATCH", `/api/admin/faq/${own.id}`, { active: "có" });
    expect(badPatch.status).toBe(400);
    expect(badPatch.json.error.fields.active).toMatch(/không hợp lệ/);
    expect(snapshot()).toBe(before);
    expect(searchFaq(s.db, commune(), "lich tiem phong dai cho cho")?.id).toBe(own.id);
  });
});

describe("faq in the OA conversation", () => {
  let c: Chat;
  beforeEach(async () => {
    c = await startChat();
  });
  afterEach(async () => {
    await c.close();
  });

  it("answers a resident from an entry the admin just created, and no longer once it is deleted", async () => {
    const camThanh = c.db.select().from(adminUnits).where(eq(adminUnits.code, "CAMTHANH")).get()
      ?.id as number;
    const admin = await c.login("admin-camthanh");
    const call = async (method: string, path: string, json?: unknown) => {
      const r = await fetch(`${c.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
        body: json ? JSON.stringify(json) : undefined,
      });
      return { status: r.status, json: (await r.json()) as { id: number } };
    };
    const resident = c.followerOf("citizen-camthanh");
    const questionsFiled = () =>
      c.db.select({ n: count() }).from(requests).where(eq(requests.kind, "question")).get()?.n ?? 0;

    const created = await call("POST", "/api/admin/faq", { communeId: camThanh, ...FAQ });
    expect(created.status).toBe(201);
    const filed = questionsFiled();
    let replies = await c.say(resident, "cho hỏi khi nào có lịch tiêm phòng dại cho chó?");
    expect(texts(replies)).toContain("tiêm phòng dại miễn phí");
    expect(questionsFiled()).toBe(filed);

    expect((await call("DELETE", `/api/admin/faq/${created.json.id}`)).status).toBe(200);
    replies = await c.say(resident, "cho hỏi khi nào có lịch tiêm phòng dại cho chó?");
    expect(texts(replies)).not.toContain("tiêm phòng dại miễn phí");
    // No answer any more: the question goes to the commune's staff.
    expect(questionsFiled()).toBe(filed + 1);
  });
});
