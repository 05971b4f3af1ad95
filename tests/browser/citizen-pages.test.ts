/**
 * The citizen pages of the mini app (issue #4, SPEC §2) in Chromium against the real server and
 * a new demo database, as the demo citizen of Thôn 1, Cẩm Thanh would use them: every grid entry
 * shows its demo content; a field report with a photo (compressed on the phone to about 300 KB)
 * appears in the public list, then with the commune's answer, and never with the reporter's
 * name, phone or Zalo id; an admin announcement reaches the feed; a question asked through the
 * form is answered publicly; saved lists show offline; large text keeps pages usable.
 *
 *   npx vitest run --project browser tests/browser/citizen-pages.test.ts
 */
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_PATH, type MiniAppWorld, persona, startMiniAppWorld } from "./harness";

const citizen = persona("citizen-camthanh");
const CITIZEN_PHONE = "84905111222";

let world: MiniAppWorld;
let communeId = 0;

/** Browser-side expressions are strings: this file is type-checked without the DOM library. */
const SMALLEST_TAP = `Math.min(...Array.from(document.querySelectorAll(".page .btn, .page .chip, .page summary, .page .choice, .page .remove, .app-header .header-back")).filter((el) => el.getClientRects().length > 0).map((el) => el.getBoundingClientRect().height))`;
const OVERFLOWS = `(() => { const p = document.querySelector(".page"); return p ? p.scrollWidth > p.clientWidth + 1 : true; })()`;

/**
 * A 2400×1800 photo-like PNG (gradients, shapes and grain) far above 300 KB: the app must scale
 * and re-encode it before upload. Deterministic, so the sizes are the same on every run.
 */
function streetPhoto(): Buffer {
  const width = 2400;
  const height = 1800;
  const png = new PNG({ width, height });
  let seed = 12345;
  const grain = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed % 41) - 20;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const road = y > height * 0.55;
      const pothole = (x - 1300) ** 2 / 4 + (y - 1300) ** 2 < 160 ** 2;
      const base = pothole ? 40 : road ? 110 + (x % 200 < 100 ? 8 : 0) : 150 + (y / height) * 90;
      png.data[i] = Math.max(0, Math.min(255, base + grain() + (road ? 0 : 20)));
      png.data[i + 1] = Math.max(0, Math.min(255, base + grain() + (road ? 0 : 40)));
      png.data[i + 2] = Math.max(0, Math.min(255, base + grain() + (road ? 5 : 80)));
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error("not a JPEG marker");
    const marker = bytes[at + 1] ?? 0;
    const length = ((bytes[at + 2] ?? 0) << 8) + (bytes[at + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xc3) {
      return {
        height: ((bytes[at + 5] ?? 0) << 8) + (bytes[at + 6] ?? 0),
        width: ((bytes[at + 7] ?? 0) << 8) + (bytes[at + 8] ?? 0),
      };
    }
    at += 2 + length;
  }
  throw new Error("no JPEG frame");
}

/** Each test starts from home, whatever the one before left on screen (the session is kept). */
async function startFromHome() {
  const { page, baseUrl } = world;
  await page.goto(`${baseUrl}${APP_PATH}`);
  await expect
    .poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible(), { timeout: 30_000 })
    .toBe(true);
}

async function json<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as T;
}

describe("citizen pages of the mini app", () => {
  beforeAll(async () => {
    world = await startMiniAppWorld();
    const me = await json<{ homeVillage: { communeId: number } }>(
      await world.apiAs("citizen-camthanh", "/api/me"),
    );
    communeId = me.homeVillage.communeId;
  });

  afterAll(async () => {
    await world?.close();
  });

  it("opens every grid entry of the citizen with its demo content, none of them a placeholder", async () => {
    const { page, problems, shot, shotFull, link } = world;
    // As harness signInAs, with room for a first load on a busy machine.
    await page.goto(`${world.baseUrl}${APP_PATH}`);
    await expect
      .poll(() => page.getByRole("heading", { name: "Chọn người dùng thử" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.locator(`button[data-persona="${citizen.zaloAppUserId}"]`).click();
    await expect
      .poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible(), { timeout: 30_000 })
      .toBe(true);
    const home = async () => {
      await page.goBack();
      await expect.poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible()).toBe(true);
    };
    const open = async (tile: string, content: string) => {
      await link(tile).click();
      await expect.poll(() => page.getByText(content).first().isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByText("Đang xây dựng").count()).toBe(0);
      expect(Number(await page.evaluate(SMALLEST_TAP))).toBeGreaterThanOrEqual(44);
    };

    // News: the coming "Ngày thứ 7" event leads, then the news; an item opens in full.
    await open("Tin tức – sự kiện", "Sự kiện, tin nổi bật");
    const headings = await page.locator(".page h3").allInnerTexts();
    expect(headings[0]).toBe("Ngày thứ 7 – Ngày hội công dân số");
    expect(headings).toContain("Những điều cần biết về Đề án 06");
    await shotFull("citizen-news");
    await page.getByRole("link", { name: /Ngày thứ 7 – Ngày hội công dân số/ }).click();
    await expect.poll(() => page.getByText("Bà con nhớ mang theo căn cước").isVisible()).toBe(true);
    await shot("citizen-news-detail");
    await page.goBack();
    await home();

    await open("Văn bản mới", "Quyết định ban hành Quy chế hoạt động của Tổ công nghệ số cộng đồng");
    expect(await page.locator(".page").innerText()).toContain("Cơ quan ban hành: UBND xã Cẩm Thanh");
    await shot("citizen-documents");
    await home();

    // Field reports: the demo report with the commune's public answer under it.
    await open("Phản ánh hiện trường", "Rác sinh hoạt bị đổ dọc bờ mương");
    expect(await page.locator(".page").innerText()).toContain("UBND xã Cẩm Thanh đã phối hợp");
    await shotFull("citizen-field-reports");
    await home();

    // Procedures by field; one opens with what to bring and the portal buttons.
    await open("Nộp hồ sơ trực tuyến", "Hộ tịch");
    await page.getByText("Đăng ký khai sinh", { exact: true }).click();
    await expect.poll(() => page.getByText(/Giấy chứng sinh/).isVisible()).toBe(true);
    const portal = page.getByRole("link", { name: "Nộp trên Cổng Dịch vụ công tỉnh" }).first();
    expect(await portal.getAttribute("href")).toBe("https://dichvucong.quangnam.gov.vn");
    await page.getByLabel("Tìm thủ tục").fill("chung thuc");
    await expect.poll(() => page.getByText("Đăng ký khai sinh", { exact: true }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Chứng thực" }).isVisible()).toBe(true);
    await page.getByLabel("Tìm thủ tục").fill("");
    await shotFull("citizen-procedures");
    await home();

    // Places, filtered by kind.
    await open("Du lịch – lưu trú – ẩm thực", "Rừng dừa Bảy Mẫu");
    await page.getByRole("button", { name: "Sản phẩm OCOP" }).click();
    await expect.poll(() => page.getByText("Rừng dừa Bảy Mẫu").count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Rau hữu cơ Thanh Đông" }).isVisible()).toBe(true);
    await shot("citizen-places");
    await home();

    await open("Kết nối việc làm", "Tuyển 5 người chèo thuyền thúng, hướng dẫn khách");
    expect(await page.getByRole("heading", { name: /Đào tạo, tập huấn/ }).isVisible()).toBe(true);
    await shot("citizen-jobs");
    await home();

    await open("Hỏi đáp – kiến nghị", "con tui 9 tuổi giờ làm căn cước");
    expect(await page.locator(".page").innerText()).toContain("Trả lời của UBND xã Cẩm Thanh");
    await shot("citizen-questions");
    await home();

    // Contacts: tap to call.
    await open("Liên hệ", "Đường dây nóng");
    const call = page.getByRole("link", { name: /^Gọi Trạm Y tế/ });
    expect(await call.getAttribute("href")).toMatch(/^tel:0235\d{7}$/);
    await shotFull("citizen-contacts");
    await home();

    // The village team: members with civic roles, and the anti-fraud tips.
    await open("Đội của thôn", "Cảnh giác lừa đảo");
    const team = await page.locator(".page").innerText();
    expect(team).toContain("không bao giờ hỏi mã OTP");
    expect(team).toContain(persona("leader-camthanh-t1").displayName);
    expect(team).toContain("Tổ trưởng");
    await shotFull("citizen-team");
    await home();

    // Announcements: a tab, with the commune's demo announcement.
    await link("Thông báo").first().click();
    await expect
      .poll(() => page.getByText("Lịch hỗ trợ kích hoạt định danh điện tử mức 2").isVisible())
      .toBe(true);
    await shot("citizen-announcements");
    await link("Trang chủ").click();

    expect(problems).toEqual([]);
  });

  it("shows the saved copy of a list, marked as old, when the network is gone", async () => {
    const { page, context, problems, shot, link } = world;
    await startFromHome();
    // Seen once online: the answer is saved on the phone.
    await link("Liên hệ").click();
    await expect.poll(() => page.getByText("Đường dây nóng").first().isVisible()).toBe(true);
    await page.goBack();
    await context.setOffline(true);
    try {
      // Shown again offline: the new fetch fails, the saved copy shows, marked as old.
      await link("Liên hệ").click();
      await expect
        .poll(() => page.getByText("Đang ngoại tuyến – dữ liệu cũ").isVisible(), { timeout: 15_000 })
        .toBe(true);
      expect(await page.getByText("Đường dây nóng").first().isVisible()).toBe(true);
      await shot("citizen-contacts-offline");
    } finally {
      await context.setOffline(false);
    }
    expect(problems).toEqual([]);
  });

  it("files a field report with a photo, sees the commune's answer, and never the reporter's identity", async () => {
    const { page, context, baseUrl, problems, shot, shotFull, link, apiAs } = world;
    await startFromHome();
    // The citizen shared their phone number with the app (getPhoneNumber): it must stay private.
    const zalo = await json<{ access_token: string }>(
      await fetch(`${baseUrl}/__zalo/graph/sandbox/users/${citizen.zaloAppUserId}/access-token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: citizen.displayName }),
      }),
    );
    const phone = await json<{ token: string }>(
      await fetch(`${baseUrl}/__zalo/graph/sandbox/users/${citizen.zaloAppUserId}/phone-token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone: CITIZEN_PHONE }),
      }),
    );
    const me = await json<{ hasPhone: boolean }>(
      await apiAs("citizen-camthanh", "/api/me/phone", {
        body: { accessToken: zalo.access_token, phoneToken: phone.token },
      }),
    );
    expect(me.hasPhone).toBe(true);

    await link("Phản ánh hiện trường").click();
    await page.getByRole("link", { name: "Gửi phản ánh" }).click();
    await expect.poll(() => page.getByText("1. Lĩnh vực phản ánh").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await expect
      .poll(() => page.getByText("Anh/chị vui lòng chọn lĩnh vực phản ánh.").isVisible())
      .toBe(true);

    await page.getByLabel("Đường sá, giao thông").check();
    const text = "Ổ gà lớn giữa đường liên thôn, xe máy sụp bánh mấy lần rồi. Cần gì gọi tôi 0905111222.";
    await page.getByLabel("2. Nội dung phản ánh").fill(text);
    await page.getByLabel("3. Nơi xảy ra (không bắt buộc)").fill("Đường liên thôn, đoạn qua Thôn 1");

    // A large photo from the gallery, shrunk on the phone.
    const original = streetPhoto();
    expect(original.length).toBeGreaterThan(1024 * 1024);
    await page.getByTestId("photo-input").setInputFiles({
      name: "o-ga.png",
      mimeType: "image/png",
      buffer: original,
    });
    await expect.poll(() => page.getByText(/^Ảnh 1 · \d+ KB$/).isVisible(), { timeout: 20_000 }).toBe(true);
    const shownKb = Number((await page.getByText(/^Ảnh 1 · \d+ KB$/).innerText()).match(/(\d+) KB/)?.[1]);
    expect(shownKb).toBeLessThanOrEqual(300);

    // Location: refused (no permission) is said politely; allowed, it is attached.
    await page.getByRole("button", { name: "Gửi kèm vị trí" }).click();
    await expect
      .poll(() => page.getByText(/Chưa lấy được vị trí/).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ latitude: 15.8794, longitude: 108.3612 });
    await page.getByRole("button", { name: "Gửi kèm vị trí" }).click();
    await expect.poll(() => page.getByText("Đã lấy vị trí của anh/chị.").isVisible()).toBe(true);
    await shotFull("citizen-field-report-form");

    await page.getByRole("button", { name: "Gửi phản ánh" }).click();
    await expect
      .poll(() => page.getByText(/Đã gửi phản ánh số \d+/).isVisible(), { timeout: 20_000 })
      .toBe(true);
    const reportId = Number((await page.getByText(/Đã gửi phản ánh số \d+/).innerText()).match(/\d+/)?.[0]);
    const card = page.locator(`[data-report-id="${reportId}"]`);
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.innerText()).toContain("Đang chờ UBND xem xét, xử lý.");
    expect(await card.innerText()).toContain("[đã ẩn số điện thoại]");
    // The photo shows (loaded from the server).
    const photoLoaded = `(() => { const img = document.querySelector('[data-report-id="${reportId}"] .photo-strip img'); return Boolean(img && img.complete && img.naturalWidth > 0); })()`;
    await expect.poll(() => page.evaluate(photoLoaded), { timeout: 15_000 }).toBe(true);
    await shot("citizen-field-report-sent");

    // On the server: one JPEG of at most ~300 KB and 1600 px, and the position kept (not public).
    const detail = await json<{ photoUrls: string[]; location: { latitude: number } | null }>(
      await apiAs("citizen-camthanh", `/api/requests/${reportId}`),
    );
    expect(detail.photoUrls).toHaveLength(1);
    expect(detail.location?.latitude).toBeCloseTo(15.8794, 3);
    const stored = new Uint8Array(await (await fetch(`${baseUrl}${detail.photoUrls[0]}`)).arrayBuffer());
    expect(stored.length).toBeLessThanOrEqual(300 * 1024);
    expect([stored[0], stored[1]]).toEqual([0xff, 0xd8]);
    const size = jpegSize(stored);
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(1600);
    expect(size.width / size.height).toBeCloseTo(2400 / 1800, 1);

    // The commune admin takes it and answers publicly.
    expect((await apiAs("admin-camthanh", `/api/requests/${reportId}/claim`, { body: {} })).status).toBe(200);
    const answer = "UBND xã đã cho vá ổ gà trên đường liên thôn đoạn qua Thôn 1. Cảm ơn bà con đã phản ánh.";
    const resolved = await apiAs("admin-camthanh", `/api/requests/${reportId}/resolve`, {
      body: { outcomeCode: "fixed", publicAnswer: answer },
    });
    expect(resolved.status, await resolved.clone().text()).toBe(200);

    // Back to the list: the answer is under the report.
    await page.getByRole("button", { name: "Quay lại" }).click();
    await expect.poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible()).toBe(true);
    await link("Phản ánh hiện trường").click();
    await expect.poll(() => card.getByText(answer).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await card.innerText()).toContain("Kết quả xử lý của UBND xã Cẩm Thanh");
    expect(await card.innerText()).toContain("Đã xử lý xong");
    await shotFull("citizen-field-report-answered");

    // Neither the page nor the public API carries who sent it.
    const secrets = [
      citizen.displayName,
      CITIZEN_PHONE.slice(2),
      `0${CITIZEN_PHONE.slice(2)}`,
      citizen.zaloAppUserId,
    ];
    const pageText = await page.locator(".page").innerText();
    const publicJson = await (
      await fetch(`${baseUrl}/api/public/field-reports?communeId=${communeId}`)
    ).text();
    expect(publicJson).toContain(answer);
    for (const secret of secrets) {
      expect(pageText).not.toContain(secret);
      expect(publicJson).not.toContain(secret);
    }
    expect(publicJson).not.toContain("15.879");

    expect(problems).toEqual([]);
  });

  it("offline with a photo, says so and sends the report without it once the person agrees", async () => {
    const { page, context, problems, shot, link, apiAs } = world;
    await startFromHome();
    await link("Phản ánh hiện trường").click();
    await page.getByRole("link", { name: "Gửi phản ánh" }).click();
    await page.getByLabel("Điện chiếu sáng").check();
    const text = "Bóng đèn trước cổng trường tiểu học Thôn 1 tắt cả tuần nay, buổi tối rất tối.";
    await page.getByLabel("2. Nội dung phản ánh").fill(text);
    await page.getByTestId("photo-input").setInputFiles({
      name: "den.png",
      mimeType: "image/png",
      buffer: streetPhoto(),
    });
    await expect.poll(() => page.getByText(/^Ảnh 1 · \d+ KB$/).isVisible(), { timeout: 20_000 }).toBe(true);

    await context.setOffline(true);
    try {
      await page.getByRole("button", { name: "Gửi phản ánh" }).click();
      await expect.poll(() => page.getByText("Chưa gửi được 1 ảnh vì đang mất mạng.").isVisible()).toBe(true);
      await shot("citizen-field-report-offline-photos");
      await page.getByRole("button", { name: "Gửi không kèm ảnh" }).click();
      await expect.poll(() => page.getByText("Đã lưu phản ánh trên máy.").isVisible()).toBe(true);
    } finally {
      await context.setOffline(false);
    }
    // Back online: it goes once, without the photo.
    const filed = async () => {
      const mine = await json<{ items: Array<{ id: number; text: string }> }>(
        await apiAs("citizen-camthanh", "/api/requests/mine"),
      );
      return mine.items.filter((r) => r.text === text);
    };
    await expect.poll(async () => (await filed()).length, { timeout: 30_000 }).toBe(1);
    const [report] = await filed();
    const detail = await json<{ photoUrls: string[] }>(
      await apiAs("citizen-camthanh", `/api/requests/${report?.id}`),
    );
    expect(detail.photoUrls).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("shows an announcement the commune admin sends in the citizen's feed", async () => {
    const { page, problems, shot, link, apiAs } = world;
    await startFromHome();
    const title = "Lịch cúp điện ngày Chủ nhật";
    const created = await apiAs("admin-camthanh", "/api/admin/announcements", {
      body: {
        communeId,
        title,
        body: "Điện lực Hội An tạm ngừng cấp điện từ 7 giờ đến 11 giờ sáng Chủ nhật để bảo trì đường dây.",
      },
    });
    expect(created.status, await created.clone().text()).toBeLessThan(300);

    await link("Thông báo").first().click();
    const item = page.locator(".item-card", { hasText: title });
    await expect.poll(() => item.isVisible(), { timeout: 15_000 }).toBe(true);
    // Newest first.
    expect((await page.locator(".page h3").allInnerTexts())[0]).toBe(title);
    expect(await item.innerText()).toContain("tạm ngừng cấp điện");
    await shot("citizen-announcement-new");
    await link("Trang chủ").click();
    expect(problems).toEqual([]);
  });

  it("asks a question through the form, and reads the commune's public answer", async () => {
    const { page, problems, shot, shotFull, link, apiAs } = world;
    await startFromHome();
    await link("Hỏi đáp – kiến nghị").click();
    await page.getByRole("link", { name: "Đặt câu hỏi, kiến nghị" }).click();
    await page.getByRole("button", { name: "Gửi câu hỏi" }).click();
    await expect.poll(() => page.getByText("Anh/chị vui lòng chọn loại câu hỏi.").isVisible()).toBe(true);
    await page.getByLabel("Chính sách").check();
    const question = "Hộ cận nghèo có được hỗ trợ tiền mua bảo hiểm y tế năm nay không, làm ở đâu?";
    await page.getByLabel("2. Câu hỏi, kiến nghị của anh/chị").fill(question);
    await shotFull("citizen-question-form");
    await page.getByRole("button", { name: "Gửi câu hỏi" }).click();
    await expect
      .poll(() => page.getByText(/Đã gửi câu hỏi số \d+/).isVisible(), { timeout: 15_000 })
      .toBe(true);
    const questionId = Number((await page.getByText(/Đã gửi câu hỏi số \d+/).innerText()).match(/\d+/)?.[0]);
    await shot("citizen-question-sent");

    // It is the citizen's own request, of kind "question".
    const mine = await json<{ items: Array<{ id: number; kind: string; text: string }> }>(
      await apiAs("citizen-camthanh", "/api/requests/mine"),
    );
    expect(mine.items.find((r) => r.id === questionId)).toMatchObject({ kind: "question", text: question });
    await page.getByRole("link", { name: "Xem câu hỏi của tôi" }).click();
    await expect.poll(() => page.getByText(question).isVisible()).toBe(true);

    // The commune answers publicly: the answer shows in the list, without the asker.
    expect((await apiAs("admin-camthanh", `/api/requests/${questionId}/claim`, { body: {} })).status).toBe(
      200,
    );
    const answer =
      "Hộ cận nghèo được ngân sách hỗ trợ 70% mệnh giá thẻ bảo hiểm y tế; bà con đăng ký tại UBND xã.";
    const resolved = await apiAs("admin-camthanh", `/api/requests/${questionId}/resolve`, {
      body: { outcomeCode: "answered", publicAnswer: answer },
    });
    expect(resolved.status, await resolved.clone().text()).toBe(200);
    // Back (detail → form → list): the list, shown again, is fetched again.
    await page.getByRole("button", { name: "Quay lại" }).click();
    await page.getByRole("button", { name: "Quay lại" }).click();
    await expect.poll(() => page.getByText(answer).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator(".page").innerText()).not.toContain(citizen.displayName);
    await page.getByRole("button", { name: "Quay lại" }).click();
    expect(problems).toEqual([]);
  });

  it("keeps the village team and field report pages usable in large text", async () => {
    const { page, problems, shot, shotFull, link } = world;
    await startFromHome();
    await link("Cài đặt").click();
    await page.getByLabel("Chữ to").check();
    expect(await page.evaluate(`document.documentElement.classList.contains("text-large")`)).toBe(true);
    await link("Trang chủ").click();

    await link("Đội của thôn").click();
    await expect.poll(() => page.getByText("Cảnh giác lừa đảo").isVisible()).toBe(true);
    expect(Number(await page.evaluate(SMALLEST_TAP))).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(OVERFLOWS)).toBe(false);
    await shot("citizen-team-large-text");
    await shotFull("citizen-team-large-text-full");
    await page.getByRole("button", { name: "Quay lại" }).click();

    await link("Phản ánh hiện trường").click();
    await page.getByRole("link", { name: "Gửi phản ánh" }).click();
    await expect.poll(() => page.getByText("1. Lĩnh vực phản ánh").isVisible()).toBe(true);
    expect(Number(await page.evaluate(SMALLEST_TAP))).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(OVERFLOWS)).toBe(false);
    await shotFull("citizen-field-report-form-large-text");

    // Back to normal text for whoever comes next.
    await page.getByRole("button", { name: "Quay lại" }).click();
    await page.getByRole("button", { name: "Quay lại" }).click();
    await link("Cài đặt").click();
    await page.getByLabel("Chữ to").uncheck();
    expect(problems).toEqual([]);
  });
});
