/**
 * The mini app in a real browser against the real server (issue #4): build if needed, start
 * `bot-server/src/index.ts` as a child on a free port with a new demo database, open
 * http://localhost:<port>/zapps/<appId>/ in Debian's Chromium (headless, playwright-core), act as
 * the demo citizen of Thôn 1, Cẩm Thanh, file a help request, see it in "Của tôi", and file one
 * more while offline that is sent exactly once when the network returns.
 *
 * `localhost`, not 127.0.0.1: zmp-sdk mocks its APIs only there (zalo-platform.md §5.7).
 * Screenshots go to tests/artifacts/ (git-ignored). Zalo's CDN is blocked here: zmp-ui's icon
 * font (h5.zadn.vn) and Zalo's default avatar (h5.zdn.vn, which the stand-in hands out like Zalo
 * does; the app falls back to initials) fail as expected; nothing else may fail.
 *
 *   npx vitest run --config vitest.browser.config.ts
 */

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_PATH, ARTIFACTS, type MiniAppWorld, persona, startMiniAppWorld } from "./harness";

const citizen = persona("citizen-camthanh");
const newcomer = persona("citizen-new");
const member = persona("member-camthanh-t1");

let world: MiniAppWorld;
/** The help request filed in the first test. */
let requestId = 0;

/** Browser-side expressions are strings: this file is type-checked without the DOM library. */
const LARGE_TEXT_ON = `document.documentElement.classList.contains("text-large")`;

describe("mini app in Chromium", () => {
  beforeAll(async () => {
    world = await startMiniAppWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  it("acts as a demo citizen, files a help request and sees it in Của tôi", async () => {
    const { page, context, baseUrl, problems, shot, shotFull, link } = world;
    await page.goto(`${baseUrl}${APP_PATH}`);

    // Sandbox: the identity switcher, then the demo citizen (a cold first load may take a while).
    await expect
      .poll(() => page.getByRole("heading", { name: "Chọn người dùng thử" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await shot("identity-switcher");
    await page.locator(`button[data-persona="${citizen.zaloAppUserId}"]`).click();

    // Home: greeting with the name and village, the twelve labelled icons in SPEC order.
    await expect.poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Thôn 1, Xã Cẩm Thanh").isVisible()).toBe(true);
    const tiles = await page.locator(".icon-grid .tile").allInnerTexts();
    expect(tiles.map((t) => t.trim())).toEqual([
      "Tin tức – sự kiện",
      "Văn bản mới",
      "Phản ánh hiện trường",
      "Nộp hồ sơ trực tuyến",
      "Du lịch – lưu trú – ẩm thực",
      "Kết nối việc làm",
      "Hỏi đáp – kiến nghị",
      "Liên hệ",
      "Nhờ Tổ công nghệ giúp",
      "Của tôi",
      "Đội của thôn",
      "Thông báo",
    ]);
    // A citizen has no staff entries.
    expect(await page.getByText("Quản trị xã").count()).toBe(0);
    // Tap targets: every tile and tab at least 44 px high.
    for (const box of await page
      .locator(".tile, .bottom-nav a")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
      expect(box).toBeGreaterThanOrEqual(44);
    }
    await shot("home");
    await shotFull("home-full");

    // Large text, saved, applied to <html>.
    await link("Cài đặt").click();
    await page.getByLabel("Chữ to").check();
    expect(await page.evaluate(LARGE_TEXT_ON)).toBe(true);
    await link("Trang chủ").click();
    await expect.poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible()).toBe(true);
    await shot("home-large-text");
    await shotFull("home-large-text-full");
    await page.reload();
    await expect.poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible()).toBe(true);
    expect(await page.evaluate(LARGE_TEXT_ON)).toBe(true);
    await link("Cài đặt").click();
    await page.getByLabel("Chữ to").uncheck();
    await page.getByLabel("Tương phản cao").check();
    expect(await page.evaluate(`document.documentElement.classList.contains("contrast-high")`)).toBe(true);
    await link("Trang chủ").click();
    await expect.poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible()).toBe(true);
    await shot("home-high-contrast");
    await link("Cài đặt").click();
    await page.getByLabel("Tương phản cao").uncheck();

    // A grid entry opens its page (the citizen pages are covered in citizen-pages.test.ts).
    await link("Trang chủ").click();
    await link("Văn bản mới").click();
    await expect.poll(() => page.getByRole("heading", { name: "Văn bản mới" }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Quay lại" }).click();

    // The help request.
    await link("Nhờ Tổ công nghệ giúp").click();
    await expect.poll(() => page.getByText("1. Anh/chị cần giúp việc gì?").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Gửi cho Tổ công nghệ" }).click();
    await expect.poll(() => page.getByText("Anh/chị vui lòng chọn việc cần giúp.").isVisible()).toBe(true);
    await page.getByLabel("Định danh điện tử VNeID mức 2").check();
    await page.getByLabel("Đến nhà giúp").check();
    await page
      .getByLabel("3. Ghi chú thêm (không bắt buộc)")
      .fill("Chiều thứ Bảy tôi ở nhà, nhờ tổ cài VNeID mức 2.");
    await shotFull("help-form");
    await page.getByRole("button", { name: "Gửi cho Tổ công nghệ" }).click();
    await expect.poll(() => page.getByText(/Đã gửi yêu cầu số \d+/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Chờ tiếp nhận").first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Đang chờ thành viên Tổ công nghệ nhận").isVisible()).toBe(true);
    requestId = Number((await page.getByText(/Đã gửi yêu cầu số \d+/).innerText()).match(/\d+/)?.[0]);
    await shotFull("request-detail");

    // Của tôi: the new request, with its status.
    await page.getByRole("button", { name: "Quay lại" }).click();
    await link("Của tôi").first().click();
    const item = page.locator(".list-item", { hasText: `số ${requestId}` });
    await expect.poll(() => item.isVisible()).toBe(true);
    expect(await item.innerText()).toContain("Định danh điện tử VNeID mức 2");
    expect(await item.innerText()).toContain("Chờ tiếp nhận");
    await shot("mine");

    // Offline: the next request stays on the phone, then goes exactly once.
    await link("Trang chủ").click();
    await link("Nhờ Tổ công nghệ giúp").click();
    await page.getByLabel("Sổ sức khỏe điện tử").check();
    await page.getByLabel("Gặp tại Bộ phận Một cửa").check();
    await context.setOffline(true);
    await page.getByRole("button", { name: "Gửi cho Tổ công nghệ" }).click();
    await expect.poll(() => page.getByText("Đã lưu yêu cầu trên máy.").isVisible()).toBe(true);
    await link("Xem “Của tôi”").click();
    await expect.poll(() => page.getByText("Chưa gửi được (1)").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Đang ngoại tuyến", { exact: true }).isVisible()).toBe(true);
    await shot("mine-offline");
    await context.setOffline(false);
    await expect.poll(() => page.getByText("Chưa gửi được (1)").count(), { timeout: 20_000 }).toBe(0);
    const eHealth = page.locator(".list-item", { hasText: "Sổ sức khỏe điện tử" });
    await expect.poll(() => eHealth.count(), { timeout: 20_000 }).toBe(1);

    // The server has it once, whatever the retries.
    const token = String(await page.evaluate(`JSON.parse(localStorage.getItem("cau-noi.session.v1")).token`));
    const response = await fetch(`${baseUrl}/api/requests/mine`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const mine = (await response.json()) as { items: Array<{ category: string }> };
    expect(mine.items.filter((r) => r.category === "e_health")).toHaveLength(1);
    expect(mine.items.filter((r) => r.category === "vneid_level2").length).toBeGreaterThanOrEqual(1);

    expect(problems).toEqual([]);
  });

  it("lets a new user pick a home village once, typed without diacritics", async () => {
    const { page, problems, shot } = world;
    await page.getByRole("button", { name: "Đổi người" }).click();
    await page.locator(`button[data-persona="${newcomer.zaloAppUserId}"]`).click();
    await expect.poll(() => page.getByRole("heading", { name: "Chọn nơi ở" }).isVisible()).toBe(true);
    await page.getByLabel("Tìm thôn, khối phố hoặc xã, phường").fill("cam thanh thon 2");
    const choice = page.getByRole("button", { name: /^Thôn 2\s*Xã Cẩm Thanh/ });
    await expect.poll(() => choice.count()).toBe(1);
    await shot("village-picker");
    await choice.click();
    await expect.poll(() => page.getByText(`Chào anh/chị ${newcomer.displayName}`).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Thôn 2, Xã Cẩm Thanh").isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it("shows the mini app in a phone frame beside the OA chat, acting as the persona picked there", async () => {
    const { context, baseUrl } = world;
    const desk = await context.newPage();
    await desk.setViewportSize({ width: 1400, height: 900 });
    const deskProblems: string[] = [];
    desk.on("pageerror", (error) => deskProblems.push(error.message));
    await desk.goto(`${baseUrl}/`);
    const frame = desk.frameLocator("#mini-app-frame");
    // The chat starts with the first demo persona; the phone follows.
    await expect
      .poll(() => frame.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await desk.locator("#persona-list button", { hasText: member.displayName }).first().click();
    await expect
      .poll(() => frame.getByText(`Chào anh/chị ${member.displayName}`).isVisible(), { timeout: 20_000 })
      .toBe(true);
    // A member sees the team's entry on home.
    await expect.poll(() => frame.getByText("Tổ công nghệ – việc cần làm").isVisible()).toBe(true);
    await desk.screenshot({ path: join(ARTIFACTS, "mini-app-sandbox-page.png") });
    expect(deskProblems).toEqual([]);
    await desk.close();
  });

  it("shows who helped, and the citizen rates the resolved request in one tap", async () => {
    const { page, problems, shot, shotFull, link } = world;
    // The member of Thôn 1's team claims and resolves it (through the API, as their app would).
    const act = (action: string, body: unknown) =>
      world.apiAs("member-camthanh-t1", `/api/requests/${requestId}/${action}`, { body });
    expect((await act("claim", {})).status).toBe(200);
    expect((await act("resolve", { outcomeCode: "vneid_level2_activated" })).status).toBe(200);

    await page.getByRole("button", { name: "Đổi người" }).click();
    await page.locator(`button[data-persona="${citizen.zaloAppUserId}"]`).click();
    await expect.poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible()).toBe(true);
    await link("Của tôi").first().click();
    const item = page.locator(".list-item", { hasText: `số ${requestId}` });
    await expect.poll(() => item.getByText("Đã xử lý xong").isVisible()).toBe(true);
    expect(await item.innerText()).toContain(member.displayName);
    await shot("mine-resolved");
    await item.getByRole("button", { name: "5 sao – Rất hài lòng" }).click();
    await expect.poll(() => item.getByRole("img", { name: "Đã đánh giá 5 sao" }).isVisible()).toBe(true);
    await expect.poll(() => item.getByText("Đã đóng").isVisible()).toBe(true);

    await item.getByRole("link").first().click();
    await expect.poll(() => page.getByText("Người giúp anh/chị").first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Anh/chị đã đánh giá 5 sao").isVisible()).toBe(true);
    expect(await page.locator("section[aria-label='Người giúp anh/chị']").innerText()).toContain(
      member.displayName,
    );
    await shotFull("request-rated");
    expect(problems).toEqual([]);
  });

  it("files a help request for a relative in another village, with their consent", async () => {
    const { page, baseUrl, problems } = world;
    await page.goto(`${baseUrl}${APP_PATH}help`);
    await expect
      .poll(() => page.getByText("1. Anh/chị cần giúp việc gì?").isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.getByLabel("Định danh điện tử VNeID mức 2").check();
    await page.getByLabel("Đến nhà giúp").check();
    await page.getByLabel("Nhờ giúp cho người thân").check();
    await page.getByLabel("Họ tên người thân").fill("Nguyễn Văn Bảy");
    await page.getByLabel("Quan hệ với anh/chị (không bắt buộc)").fill("cha");
    // The sender's own village until another is chosen.
    await expect.poll(() => page.getByText("(cùng thôn với anh/chị)").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Người thân ở thôn khác" }).click();
    await page.getByLabel("Tìm thôn, khối phố hoặc xã, phường").fill("cam thanh thon 3");
    await page.getByRole("button", { name: /^Thôn 3\s*Xã Cẩm Thanh/ }).click();
    await expect.poll(() => page.getByText("Thôn 3, Xã Cẩm Thanh").first().isVisible()).toBe(true);
    // Without the relative's consent nothing is sent.
    await page.getByRole("button", { name: "Gửi cho Tổ công nghệ" }).click();
    expect(await page.getByText(/Đã gửi yêu cầu số/).count()).toBe(0);
    await page.getByLabel("Người thân đã đồng ý để Tổ công nghệ liên hệ và giúp đỡ.").check();
    await page.getByRole("button", { name: "Gửi cho Tổ công nghệ" }).click();
    await expect
      .poll(() => page.getByText(/Đã gửi yêu cầu số \d+/).isVisible(), { timeout: 10_000 })
      .toBe(true);
    const id = Number((await page.getByText(/Đã gửi yêu cầu số \d+/).innerText()).match(/\d+/)?.[0]);
    // Routed to the relative's village (Thôn 3), not the sender's: Thôn 1's member cannot open it.
    expect((await world.apiAs("member-camthanh-t1", `/api/requests/${id}`)).status).toBe(404);
    expect(problems).toEqual([]);
  });

  it("paints a returning person's home from the profile saved on the phone, then refreshes it", async () => {
    const { page, baseUrl, problems } = world;
    await page.goto(`${baseUrl}${APP_PATH}`);
    await expect.poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible()).toBe(true);
    // /api/me does not answer at all: home must still appear, from the saved profile.
    const held: Array<() => Promise<void>> = [];
    await page.route(`${baseUrl}/api/me`, (route) => {
      held.push(() => route.continue());
    });
    await page.reload();
    // Well before the client gives up on /api/me (15 s) and falls back to the offline copy.
    await expect
      .poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible(), { timeout: 10_000 })
      .toBe(true);
    await expect.poll(() => page.getByText("Thôn 1, Xã Cẩm Thanh").isVisible()).toBe(true);
    expect(held.length).toBeGreaterThan(0);
    expect(await page.getByText(/dữ liệu cũ/).count()).toBe(0);
    // The fresh answer then arrives and home stays right.
    for (const release of held) await release();
    await page.unroute(`${baseUrl}/api/me`);
    await expect.poll(() => page.getByText(`Chào anh/chị ${citizen.displayName}`).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});
