/**
 * Commune admins in the mini app (issue #4), in Debian's Chromium against the real server and a
 * new demo database, clicked as people would:
 *
 * - the admin of Cẩm Thanh publishes a news item (and a document, with a field error from the
 *   server shown beside its field) → the resident of Thôn 1 reads it on "Tin tức – sự kiện";
 * - the admin composes an announcement for Thôn 1 only, previews and sends it, and watches the
 *   delivery report (only Thôn 1's followers, refreshing until nothing is pending);
 * - a resident's field report is answered publicly and resolved from the triage screen → the
 *   public list shows the answer and no personal data;
 * - the admin invites a member of Thôn 1 (QR code decoded to the same link); the resident of
 *   Cẩm Phô opens /join with its token, taps "Tham gia Tổ" and home shows the member's entry;
 * - directory and FAQ entries are added and edited.
 *
 *   npx vitest run --project browser tests/browser/admin-flow.test.ts
 */
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_PATH, type MiniAppWorld, persona, startMiniAppWorld } from "./harness";

const admin = persona("admin-camthanh");
const citizen = persona("citizen-camthanh");
const joiner = persona("citizen-campho");

let world: MiniAppWorld;
let communeId = 0;
let thon1Id = 0;

async function json<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** The text of the scrolling page (not the sandbox bar, which names the person acting). */
const pageText = () => world.page.locator(".page").innerText();
const visible = (text: string | RegExp) => () => world.page.getByText(text).first().isVisible();

/** Who the phone acts as (each test may start on its own with `-t`). */
let actingAs: string | null = null;
async function actAs(key: string) {
  if (actingAs === key) return;
  await world.signInAs(key);
  actingAs = key;
}

/** Opens the admin hub from home, as the admin would. */
async function openHub() {
  const { page, link } = world;
  await actAs("admin-camthanh");
  await page.goto(`${world.baseUrl}${APP_PATH}`);
  await expect.poll(visible(`Chào anh/chị ${admin.displayName}`)).toBe(true);
  await link("Quản trị xã").click();
  await expect.poll(visible("Công việc quản trị")).toBe(true);
}

async function openEntry(title: string) {
  await openHub();
  await world.page.getByRole("link", { name: new RegExp(`^${title}`) }).click();
}

describe("commune admin screens in Chromium", () => {
  beforeAll(async () => {
    world = await startMiniAppWorld();
    const me = await json<{ roles: { adminOf: Array<{ unitId: number }> } }>(
      await world.apiAs("admin-camthanh", "/api/me"),
    );
    communeId = me.roles.adminOf[0]?.unitId ?? 0;
    const villages = await json<{ items: Array<{ id: number; name: string }> }>(
      await fetch(`${world.baseUrl}/api/villages?communeId=${communeId}`),
    );
    thon1Id = villages.items.find((v) => v.name === "Thôn 1")?.id ?? 0;
    expect(thon1Id).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await world?.close();
  });

  it("the admin hub lists every admin screen and the reports pages", async () => {
    const { page, shot, shotFull } = world;
    await actAs("admin-camthanh");
    await openHub();
    for (const [name, path] of [
      ["Phản ánh và câu hỏi", "/admin/triage"],
      ["Gửi thông báo", "/admin/announcements"],
      ["Tin tức và văn bản", "/admin/news"],
      ["Thôn, tổ và thành viên", "/admin/structure"],
      ["Danh bạ và thủ tục", "/admin/directory"],
      ["Câu hỏi thường gặp", "/admin/faq"],
      ["Bảng điều khiển", "/admin/dashboard"],
      ["Báo cáo định kỳ", "/admin/reports"],
      ["Chỉ số chuyển đổi số", "/admin/kpi"],
      ["Chỉ tiêu các tổ", "/admin/targets"],
      ["Khảo sát hài lòng", "/admin/surveys"],
    ] as const) {
      const entry = page.getByRole("link", { name: new RegExp(`^${name}`) });
      expect(await entry.getAttribute("href")).toBe(`${APP_PATH.replace(/\/$/, "")}${path}`);
      expect((await entry.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await shot("admin-hub");
    await shotFull("admin-hub-full");

    // A resident who opens the address gets no admin screen.
    await actAs("citizen-camthanh");
    await page.goto(`${world.baseUrl}${APP_PATH}admin`);
    await expect.poll(visible("Chỉ cán bộ xã mới dùng được mục này.")).toBe(true);
    await actAs("admin-camthanh");
  });

  it("publishes a news item and a document; the resident reads the news", async () => {
    const { page, link, shot, shotFull, apiAs } = world;
    await openEntry("Tin tức và văn bản");
    await page.getByRole("button", { name: "Đăng tin mới" }).click();
    // Checked on the phone first: nothing is sent.
    await page.getByRole("button", { name: "Đăng tin" }).click();
    await expect.poll(visible("Tiêu đề cần ít nhất 5 ký tự.")).toBe(true);
    await page.getByLabel("Tiêu đề").fill("Ra quân dọn vệ sinh rừng dừa Bảy Mẫu");
    await page.getByLabel("Tóm tắt").fill("Sáng Chủ nhật, đoàn viên và bà con cùng dọn rác ven sông.");
    await page
      .getByLabel("Nội dung")
      .fill("Tập trung lúc 6 giờ 30 tại bến thuyền Thôn 2. Mang theo găng tay.");
    await page.getByLabel("Đây là sự kiện (có ngày giờ diễn ra)").check();
    await page.getByLabel("Ngày giờ diễn ra", { exact: true }).fill("2030-03-17T06:30");
    await page.getByLabel("Ghim lên đầu danh sách").check();
    await shotFull("admin-news-form");
    await page.getByRole("button", { name: "Đăng tin" }).click();
    await expect.poll(visible("Đã đăng tin.")).toBe(true);
    const item = page.locator(".list-item", { hasText: "Ra quân dọn vệ sinh rừng dừa Bảy Mẫu" });
    await expect.poll(() => item.isVisible()).toBe(true);
    expect(await item.innerText()).toContain("Đã ghim");

    // Edit the title.
    await item.getByRole("button", { name: "Sửa" }).click();
    await item.getByLabel("Tiêu đề").fill("Ra quân dọn vệ sinh rừng dừa Bảy Mẫu – Chủ nhật");
    await item.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(visible("Đã lưu thay đổi.")).toBe(true);
    await expect.poll(visible("Ra quân dọn vệ sinh rừng dừa Bảy Mẫu – Chủ nhật")).toBe(true);
    await shot("admin-news");

    // A document whose link the server refuses: the message shows beside the field.
    await page.getByRole("button", { name: "Văn bản" }).click();
    await page.getByRole("button", { name: "Đăng văn bản mới" }).click();
    await page.getByLabel("Số, ký hiệu").fill("15/2026/QĐ-UBND");
    await page.getByLabel("Ngày ban hành").fill("2026-03-02");
    await page.getByLabel("Cơ quan ban hành").fill("UBND xã Cẩm Thanh");
    await page.getByLabel("Trích yếu").fill("Kế hoạch chuyển đổi số năm 2026 của xã");
    await page.getByLabel("Đường dẫn văn bản (không bắt buộc)").fill("https://");
    await page.getByRole("button", { name: "Đăng văn bản" }).click();
    const urlError = page.locator("#doc-new-url-error");
    await expect.poll(() => urlError.isVisible()).toBe(true);
    expect(await urlError.innerText()).toMatch(/https:\/\//);
    await shot("admin-document-error");
    await page
      .getByLabel("Đường dẫn văn bản (không bắt buộc)")
      .fill("https://camthanh.hoian.gov.vn/vb/15-2026");
    await page.getByRole("button", { name: "Đăng văn bản" }).click();
    await expect.poll(visible("Đã đăng văn bản.")).toBe(true);
    const doc = page.locator(".list-item", { hasText: "15/2026/QĐ-UBND" });
    await expect.poll(() => doc.isVisible()).toBe(true);
    await shot("admin-documents");
    const documents = await json<{ items: Array<{ number: string; url: string | null }> }>(
      await fetch(`${world.baseUrl}/api/public/documents?communeId=${communeId}`),
    );
    expect(documents.items.find((d) => d.number === "15/2026/QĐ-UBND")?.url).toBe(
      "https://camthanh.hoian.gov.vn/vb/15-2026",
    );

    // Delete it, after confirming.
    await doc.getByRole("button", { name: "Xóa" }).click();
    await doc.getByRole("button", { name: "Xóa hẳn" }).click();
    await expect.poll(visible("Đã gỡ văn bản.")).toBe(true);
    await expect.poll(() => page.locator(".list-item", { hasText: "15/2026/QĐ-UBND" }).count()).toBe(0);
    const after = await json<{ items: Array<{ number: string }> }>(
      await apiAs("admin-camthanh", `/api/admin/documents?communeId=${communeId}`),
    );
    expect(after.items.some((d) => d.number === "15/2026/QĐ-UBND")).toBe(false);

    // The resident of Thôn 1 reads it on "Tin tức – sự kiện".
    await actAs("citizen-camthanh");
    await link("Tin tức – sự kiện").click();
    await expect
      .poll(visible("Ra quân dọn vệ sinh rừng dừa Bảy Mẫu – Chủ nhật"), { timeout: 20_000 })
      .toBe(true);
    await shot("citizen-news-from-admin");
    await actAs("admin-camthanh");
  });

  it("sends an announcement to Thôn 1 only and shows its delivery report", async () => {
    const { page, shot, shotFull, apiAs } = world;
    await openEntry("Gửi thông báo");
    await page.getByRole("link", { name: "Soạn thông báo mới" }).click();
    await page.getByLabel("Chọn thôn").check();
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect.poll(visible("Vui lòng chọn ít nhất một thôn.")).toBe(true);
    await page.getByLabel("Tiêu đề").fill("Lịch cắt điện Thôn 1");
    await page
      .getByLabel("Nội dung thông báo")
      .fill("Thứ Ba tuần sau cắt điện từ 7 giờ đến 11 giờ để sửa đường dây. Bà con chủ động sắp xếp.");
    await page.getByLabel("Thôn 1", { exact: true }).check();
    await shotFull("admin-announcement-compose");
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect.poll(visible("Người dân quan tâm OA ở Thôn 1 sẽ nhận tin nhắn")).toBe(true);
    expect(await page.locator(".preview-card").innerText()).toContain("📢 Thông báo: Lịch cắt điện Thôn 1");
    await shot("admin-announcement-preview");
    await page.getByRole("button", { name: "Gửi thông báo" }).click();
    await expect.poll(visible(/Đã gửi thông báo số \d+/)).toBe(true);
    const id = Number(page.url().match(/announcements\/(\d+)/)?.[1]);
    expect(id).toBeGreaterThan(0);
    // The outbox sends through the Zalo stand-in; the page refreshes itself until nothing is pending.
    await expect.poll(visible("Đã gửi xong."), { timeout: 30_000 }).toBe(true);
    await shotFull("admin-announcement-delivery");

    const report = await json<{
      total: number;
      sent: number;
      pending: number;
      byVillage: Array<{ villageId: number | null; total: number; sent: number }>;
    }>(await apiAs("admin-camthanh", `/api/admin/announcements/${id}/delivery`));
    expect(report.pending).toBe(0);
    expect(report.byVillage.map((v) => v.villageId)).toEqual(report.total > 0 ? [thon1Id] : []);
    const rows = await page.locator(".data-table tbody tr").allInnerTexts();
    expect(rows.length).toBe(report.byVillage.length);
    if (rows[0]) expect(rows[0]).toContain("Thôn 1");
    expect(await page.locator(".stat.ok .num").innerText()).toBe(String(report.sent));

    // And it is in the list of sent announcements.
    await page.getByRole("link", { name: "Danh sách thông báo" }).click();
    await expect.poll(visible("Lịch cắt điện Thôn 1")).toBe(true);
  });

  it("answers a resident's field report publicly from triage, without personal data in public", async () => {
    const { page, shot, shotFull, apiAs } = world;
    const created = await json<{ id: number }>(
      await apiAs("citizen-camthanh", "/api/requests", {
        body: {
          kind: "field_report",
          category: "lighting",
          text: "Đèn đường trước nhà văn hóa Thôn 1 bị hỏng cả tuần nay, tối rất tối. Gọi tôi 0905123456.",
          placeText: "Nhà văn hóa Thôn 1",
        },
      }),
    );
    await openEntry("Phản ánh và câu hỏi");
    const row = page.locator(".list-item", { hasText: `Số ${created.id} ·` });
    await expect.poll(() => row.isVisible()).toBe(true);
    await shot("admin-triage");
    await row.click();
    await expect.poll(visible("Trả lời công khai")).toBe(true);
    // The admin sees who sent it; the public never does.
    expect(await pageText()).toContain(citizen.displayName);
    await page.getByRole("button", { name: "Trả lời và đóng" }).click();
    await expect.poll(visible("Câu trả lời cần ít nhất 5 ký tự.")).toBe(true);
    await page
      .getByLabel("Câu trả lời của xã")
      .fill("Điện lực Hội An đã thay bóng đèn ngày 05/3. Cảm ơn bà con đã phản ánh.");
    await page.getByLabel("Kết quả xử lý (khi đóng)").selectOption({ label: "Đã khắc phục" });
    await shotFull("admin-triage-detail");
    await page.getByRole("button", { name: "Trả lời và đóng" }).click();
    await expect.poll(visible("Đã trả lời công khai và báo đã xử lý xong.")).toBe(true);
    await expect.poll(visible("Kết quả: Đã khắc phục")).toBe(true);

    const publicList = await fetch(`${world.baseUrl}/api/public/field-reports?communeId=${communeId}`);
    const body = await publicList.text();
    const report = (
      JSON.parse(body) as { items: Array<{ id: number; answer: string | null; text: string }> }
    ).items.find((r) => r.id === created.id);
    expect(report?.answer).toBe("Điện lực Hội An đã thay bóng đèn ngày 05/3. Cảm ơn bà con đã phản ánh.");
    expect(body).not.toContain(citizen.displayName);
    expect(body).not.toContain("0905123456");
    expect(body).not.toContain(citizen.zaloAppUserId);

    // Answered: it leaves "Đang mở" and is listed under "Đã xử lý".
    await page.getByRole("button", { name: "Quay lại" }).click();
    await page.getByRole("button", { name: "Đã xử lý" }).click();
    await expect
      .poll(() => page.locator(".list-item", { hasText: `Số ${created.id} ·` }).isVisible())
      .toBe(true);
  });

  it("invites a member by link and QR; the invited person joins through /join", async () => {
    const { page, shot, shotFull, apiAs, baseUrl } = world;
    await openEntry("Thôn, tổ và thành viên");
    const thon1 = page.locator("details.village-card").filter({
      has: page.locator("summary .entry-title", { hasText: /^Thôn 1$/ }),
    });
    await expect.poll(() => thon1.isVisible()).toBe(true);
    await shot("admin-structure");
    await thon1.locator("summary").click();
    await expect.poll(() => thon1.getByText("Trần Văn Lực").isVisible()).toBe(true);
    await thon1.getByRole("button", { name: "Mời thành viên" }).click();
    await thon1.getByLabel("Vai trò của người được mời").selectOption({ label: "Chi hội Phụ nữ" });
    await thon1.getByRole("button", { name: "Tạo lời mời" }).click();
    const qr = thon1.getByAltText(/Mã QR mời vào/);
    await expect.poll(() => qr.isVisible()).toBe(true);
    await expect.poll(() => thon1.getByRole("button", { name: "Sao chép đường dẫn" }).isVisible()).toBe(true);
    await shotFull("admin-invite");
    const link = (await thon1.getByTestId("invite-link").innerText()).trim();
    expect(link).toMatch(/\/join\?token=/);
    // The QR code on screen is the same link.
    const src = (await qr.getAttribute("src")) ?? "";
    const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ""), "base64"));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);
    const token = decodeURIComponent(new URL(link).searchParams.get("token") ?? "");

    // The resident of Cẩm Phô opens the link: the mini app opens at /join.
    await actAs("citizen-campho");
    expect(await page.getByText("Tổ công nghệ – việc cần làm").count()).toBe(0);
    await page.goto(`${baseUrl}${APP_PATH}join?token=${encodeURIComponent(token)}`);
    await expect.poll(visible("Chi hội Phụ nữ")).toBe(true);
    // The server's preview names the team before the person decides.
    expect(await page.locator(".section.card").first().innerText()).toContain("Thôn 1");
    await shot("join");
    await page.getByRole("button", { name: "Tham gia Tổ" }).click();
    await expect.poll(visible(/Chào mừng anh\/chị tham gia/)).toBe(true);
    await shot("join-done");
    // The invite is used up: forwarded to someone else, it no longer enrols anyone.
    const forwarded = await apiAs("citizen-camthanh", "/api/invites/accept", { body: { token } });
    expect(forwarded.status).toBe(400);
    await page.getByRole("link", { name: "Về trang chủ" }).click();
    await expect.poll(visible("Tổ công nghệ – việc cần làm")).toBe(true);
    await shot("join-home-member");

    const structure = await json<{
      villages: Array<{
        id: number;
        team: { members: Array<{ displayName: string; civicRole: string }> } | null;
      }>;
    }>(await apiAs("admin-camthanh", `/api/admin/communes/${communeId}/structure`));
    const members = structure.villages.find((v) => v.id === thon1Id)?.team?.members ?? [];
    expect(members).toContainEqual(
      expect.objectContaining({ displayName: joiner.displayName, civicRole: "womens_union" }),
    );
    await actAs("admin-camthanh");
  });

  it("adds and edits a directory contact and an FAQ entry", async () => {
    const { page, shot, apiAs } = world;
    await openEntry("Danh bạ và thủ tục");
    await page.getByRole("button", { name: "Thêm liên hệ" }).click();
    await page.getByLabel("Nhóm").selectOption({ label: "Đường dây nóng" });
    await page.getByLabel("Tên", { exact: true }).fill("Trực ban UBND xã");
    await page.getByLabel("Số điện thoại").fill("abc");
    await page.getByRole("button", { name: "Thêm liên hệ" }).click();
    // The server's message, beside the phone field.
    await expect.poll(visible("Số điện thoại không hợp lệ.")).toBe(true);
    await page.getByLabel("Số điện thoại").fill("0235 3927 001");
    await page.getByRole("button", { name: "Thêm liên hệ" }).click();
    await expect.poll(visible("Đã thêm liên hệ.")).toBe(true);
    const contact = page.locator(".list-item", { hasText: "Trực ban UBND xã" });
    await contact.getByRole("button", { name: "Sửa" }).click();
    await contact.getByLabel("Số điện thoại").fill("0235 3927 002");
    await contact.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(visible("Đã lưu thay đổi.")).toBe(true);
    await shot("admin-directory");
    const contacts = await json<{ items: Array<{ name: string; phone: string; category: string }> }>(
      await fetch(`${world.baseUrl}/api/public/contacts?communeId=${communeId}`),
    );
    expect(contacts.items.find((c) => c.name === "Trực ban UBND xã")).toMatchObject({
      phone: "0235 3927 002",
      category: "hotline",
    });

    // Procedures: the portal link is part of the list.
    await page.getByRole("button", { name: "Thủ tục" }).click();
    await expect.poll(visible("Thêm thủ tục")).toBe(true);
    await shot("admin-procedures");

    // FAQ.
    await openEntry("Câu hỏi thường gặp");
    await page.getByRole("button", { name: "Thêm câu hỏi thường gặp" }).click();
    await page.getByLabel("Câu hỏi", { exact: true }).fill("Làm căn cước cho trẻ em ở đâu?");
    await page
      .getByLabel("Câu trả lời", { exact: true })
      .fill("Cha mẹ đưa trẻ đến Công an xã, mang giấy khai sinh; trẻ dưới 6 tuổi làm qua VNeID.");
    await page.getByLabel("Từ khóa (không bắt buộc)").fill("can cuoc tre em");
    await page.getByRole("button", { name: "Thêm câu hỏi" }).click();
    await expect.poll(visible("Đã thêm câu hỏi.")).toBe(true);
    // Search without diacritics.
    await page.getByLabel("Tìm câu hỏi").fill("can cuoc cho tre");
    const entry = page.locator(".list-item", { hasText: "Làm căn cước cho trẻ em ở đâu?" });
    await expect.poll(() => entry.isVisible()).toBe(true);
    await entry.getByRole("button", { name: "Sửa" }).click();
    await entry
      .getByLabel("Câu trả lời", { exact: true })
      .fill("Cha mẹ đưa trẻ đến Công an xã Cẩm Thanh, mang giấy khai sinh bản chính.");
    await entry.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(visible("Đã lưu thay đổi.")).toBe(true);
    await shot("admin-faq");
    const faq = await json<{ items: Array<{ question: string; answer: string }> }>(
      await apiAs("admin-camthanh", `/api/admin/faq?communeId=${communeId}`),
    );
    expect(faq.items.find((f) => f.question === "Làm căn cước cho trẻ em ở đâu?")?.answer).toBe(
      "Cha mẹ đưa trẻ đến Công an xã Cẩm Thanh, mang giấy khai sinh bản chính.",
    );

    expect(world.problems).toEqual([]);
  });
});
