/**
 * Team members and leaders in the mini app (issues #4 and #5), in Debian's Chromium against the
 * real server and a new demo database, clicked as people would:
 *
 * - a resident of Thôn 1, Cẩm Thanh files a help request; the member of Thôn 2 does not see it in
 *   their queue and gets "not found" at its address; the member of Thôn 1 finds it under
 *   "Chưa nhận", claims it, adds a note, resolves it with an outcome (and a receipt code); the
 *   resident sees who helped (name, civic role) and rates it in one tap;
 * - the leader of Thôn 1 sees each member's load and assigns another request;
 * - a member files a request on behalf of a resident without a smartphone;
 * - a member logs a team activity while offline: it is sent exactly once after reconnecting,
 *   then corrected (with a photo) within the 7 days.
 *
 *   npx vitest run --project browser tests/browser/staff-flow.test.ts
 */
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_PATH, type MiniAppWorld, persona, startMiniAppWorld } from "./harness";

const citizen = persona("citizen-camthanh");
const member = persona("member-camthanh-t1");
const otherMember = persona("member-camthanh-t2");
const leader = persona("leader-camthanh-t1");

let world: MiniAppWorld;
let requestId = 0;

interface Me {
  id: number;
  roles: { memberships: Array<{ teamId: number }> };
}
interface Detail {
  id: number;
  status: string;
  owner: { id: number; displayName: string } | null;
  onBehalfName: string | null;
  outcomeCode: string | null;
  receiptCode: string | null;
  events: Array<{ action: string; detail: Record<string, unknown> | null }>;
}
interface ActivityItem {
  id: number;
  topic: string;
  residentsReached: number;
  leaflets: number;
  photoIds: string[];
  members: Array<{ id: number }>;
  revisionCount: number;
}

async function json<T>(response: Response): Promise<T> {
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as T;
}

const me = (key: string) => world.apiAs(key, "/api/me").then((r) => json<Me>(r));
const detailAs = (key: string, id: number) =>
  world.apiAs(key, `/api/requests/${id}`).then((r) => json<Detail>(r));

/** A small, real PNG (a gradient) for the photo picker. */
function samplePng(): Buffer {
  const png = new PNG({ width: 64, height: 48 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (png.width * y + x) << 2;
      png.data[i] = x * 4;
      png.data[i + 1] = y * 5;
      png.data[i + 2] = 160;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

async function openQueue() {
  const { page, link } = world;
  await link("Tổ công nghệ – việc cần làm").click();
  await expect.poll(() => page.getByRole("tab", { name: /Chưa nhận/ }).isVisible()).toBe(true);
}

describe("team members and leaders in the mini app", () => {
  beforeAll(async () => {
    world = await startMiniAppWorld();
    // The first load of a new server is the slowest (session, demo data warm-up): wait for it once.
    await world.page.goto(`${world.baseUrl}${APP_PATH}`);
    await world.page.getByRole("heading", { name: "Chọn người dùng thử" }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await world?.close();
  });

  it("a resident's request is claimed, noted and resolved by their village's member, then rated", async () => {
    const { page, problems, shot, shotFull, link, signInAs, baseUrl } = world;

    // The resident files a help request in the app.
    await signInAs(citizen.key);
    await link("Nhờ Tổ công nghệ giúp").click();
    await page.getByLabel("Nộp hồ sơ trực tuyến").check();
    await page.getByLabel("Đến nhà giúp").check();
    await page
      .getByLabel("3. Ghi chú thêm (không bắt buộc)")
      .fill("Nhờ tổ giúp nộp hồ sơ đăng ký khai sinh trực tuyến cho cháu.");
    await page.getByRole("button", { name: "Gửi cho Tổ công nghệ" }).click();
    await expect.poll(() => page.getByText(/Đã gửi yêu cầu số \d+/).isVisible()).toBe(true);
    requestId = Number((await page.getByText(/Đã gửi yêu cầu số \d+/).innerText()).match(/\d+/)?.[0]);
    expect(requestId).toBeGreaterThan(0);

    // The member of another village: not in their queue, and "not found" at its address.
    await signInAs(otherMember.key);
    await openQueue();
    await expect.poll(() => page.getByRole("tabpanel").isVisible()).toBe(true);
    expect(await page.getByText(`Số ${requestId}`, { exact: true }).count()).toBe(0);
    for (const tab of ["Của tôi", "Quá hạn"]) {
      await page.getByRole("tab", { name: new RegExp(tab) }).click();
      await expect
        .poll(() => page.getByRole("tab", { name: new RegExp(tab), selected: true }).count())
        .toBe(1);
      expect(await page.getByText(`Số ${requestId}`, { exact: true }).count()).toBe(0);
    }
    await page.goto(`${baseUrl}${APP_PATH}requests/${requestId}`);
    await expect.poll(() => page.getByText("Không tìm thấy yêu cầu này.").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Nhận việc này" }).count()).toBe(0);
    expect(await page.getByText("Nộp hồ sơ đăng ký khai sinh").count()).toBe(0);
    await shot("staff-not-found");
    await page.goto(`${baseUrl}${APP_PATH}`);
    await expect.poll(() => page.getByText(`Chào anh/chị ${otherMember.displayName}`).isVisible()).toBe(true);

    // The member of Thôn 1 finds it under "Chưa nhận".
    await signInAs(member.key);
    await openQueue();
    const unclaimedTab = page.getByRole("tab", { name: /Chưa nhận/ });
    expect(await unclaimedTab.getAttribute("aria-selected")).toBe("true");
    const item = page.locator(".queue-item", { hasText: `Số ${requestId}` });
    await expect.poll(() => item.isVisible()).toBe(true);
    const itemText = await item.innerText();
    expect(itemText).toContain("Nộp hồ sơ trực tuyến");
    expect(itemText).toContain("Thôn 1");
    expect(itemText).toMatch(/Gửi (vừa xong|\d+ phút trước)/);
    expect(itemText).toContain("Hạn nhận");
    const unclaimedBefore = Number((await unclaimedTab.innerText()).match(/\d+/)?.[0]);
    expect(unclaimedBefore).toBeGreaterThanOrEqual(1);
    // Tap targets of the queue: tabs and links at least 44 px high.
    for (const height of await page
      .locator(".queue-tabs button, .staff-links a")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
      expect(height).toBeGreaterThanOrEqual(44);
    }
    await expect.poll(() => page.getByRole("link", { name: /Chỉ tiêu của tổ/ }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: /Chỉ tiêu của tổ/ }).getAttribute("href")).toMatch(
      /targets$/,
    );
    await shotFull("staff-queue");

    // Claim.
    await item.getByRole("link").click();
    await page.getByRole("button", { name: "Nhận việc này" }).click();
    await expect.poll(() => page.getByText("Đã có người nhận").first().isVisible()).toBe(true);
    expect(await page.locator("section[aria-label='Người phụ trách']").innerText()).toContain(
      member.displayName,
    );

    // Start, then a note the resident can read too.
    await page.getByRole("button", { name: "Bắt đầu xử lý" }).click();
    await expect.poll(() => page.getByText("Đang xử lý").first().isVisible()).toBe(true);
    await page.getByRole("button", { name: "Thêm ghi chú" }).click();
    await page.getByLabel("Ghi chú tiến độ").fill("Đã hẹn chiều thứ Sáu đến nhà, nhờ chuẩn bị CCCD.");
    await page.getByRole("button", { name: "Lưu ghi chú" }).click();
    await expect.poll(() => page.getByText(/ghi chú: Đã hẹn chiều thứ Sáu đến nhà/).isVisible()).toBe(true);

    // Resolve with a structured outcome; a submitted dossier needs its receipt code.
    await page.getByRole("button", { name: "Báo đã xong" }).click();
    await page.getByLabel("Đã nộp hồ sơ trực tuyến").check();
    await page.getByRole("button", { name: "Xác nhận đã xong" }).click();
    await expect.poll(() => page.getByText("Vui lòng nhập mã biên nhận hồ sơ.").isVisible()).toBe(true);
    expect((await detailAs(member.key, requestId)).status).toBe("in_progress");
    await page.getByLabel("Mã biên nhận hồ sơ").fill("000.00.12.H47-260302-0001");
    await shotFull("staff-resolve");
    await page.getByRole("button", { name: "Xác nhận đã xong" }).click();
    await expect.poll(() => page.getByText("Đã xử lý xong").first().isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Báo đã xong" }).count()).toBe(0);
    await shotFull("staff-request-resolved");

    const resolved = await detailAs(member.key, requestId);
    expect(resolved).toMatchObject({
      status: "resolved",
      outcomeCode: "dossier_submitted",
      receiptCode: "000.00.12.H47-260302-0001",
      owner: { displayName: member.displayName },
    });
    expect(resolved.events.map((e) => e.action)).toEqual([
      "created",
      "routed",
      "claimed",
      "started",
      "noted",
      "resolved",
    ]);

    // The resident sees who helped, with their civic role, and rates it in one tap.
    await signInAs(citizen.key);
    await link("Của tôi").first().click();
    const mine = page.locator(".list-item", { hasText: `số ${requestId}` });
    await expect.poll(() => mine.getByText("Đã xử lý xong").isVisible()).toBe(true);
    await mine.getByRole("link").first().click();
    const helper = page.locator("section[aria-label='Người giúp anh/chị']");
    await expect.poll(() => helper.isVisible()).toBe(true);
    expect(await helper.innerText()).toContain(member.displayName);
    expect(await helper.innerText()).toContain("Đoàn Thanh niên");
    expect(await page.getByText(/ghi chú: Đã hẹn chiều thứ Sáu/).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Nhận việc này" }).count()).toBe(0);
    await page.getByRole("button", { name: "5 sao – Rất hài lòng" }).click();
    await expect.poll(() => page.getByText("Anh/chị đã đánh giá", { exact: true }).isVisible()).toBe(true);
    await shotFull("staff-citizen-rated");
    expect((await detailAs(citizen.key, requestId)).status).toBe("closed");

    expect(problems).toEqual([]);
  });

  it("the leader sees each member's load and assigns a request", async () => {
    const { page, problems, shotFull, signInAs, apiAs } = world;
    const filed = await json<Detail>(
      await apiAs(citizen.key, "/api/requests", {
        body: {
          kind: "help",
          category: "vneid_level2",
          meetingMode: "village_hall",
          text: "Nhờ kích hoạt VNeID mức 2 cho bố tôi.",
        },
      }),
    );
    const memberId = (await me(member.key)).id;
    const teamId = (await me(leader.key)).roles.memberships[0]?.teamId ?? 0;
    const loadOf = async () => {
      const roster = await json<{ items: Array<{ personId: number; openCount: number }> }>(
        await apiAs(leader.key, `/api/teams/${teamId}/members`),
      );
      return roster.items.find((m) => m.personId === memberId)?.openCount ?? -1;
    };
    const loadBefore = await loadOf();

    await signInAs(leader.key);
    await openQueue();
    const load = page.locator("section", {
      has: page.getByRole("heading", { name: "Việc đang làm của từng thành viên" }),
    });
    await expect.poll(() => load.isVisible()).toBe(true);
    const memberRow = load.locator("li", { hasText: member.displayName });
    await expect
      .poll(() => memberRow.getByRole("img", { name: `${loadBefore} việc đang làm` }).isVisible())
      .toBe(true);

    const item = page.locator(".queue-item", { hasText: `Số ${filed.id}` });
    await expect.poll(() => item.isVisible()).toBe(true);
    await item.getByRole("button", { name: "Giao việc" }).click();
    const choice = item.getByRole("button", { name: new RegExp(`^Giao cho ${member.displayName}`) });
    await expect.poll(() => choice.isVisible()).toBe(true);
    await shotFull("staff-leader-assign");
    await choice.click();

    // Out of "Chưa nhận", into the member's load.
    await expect.poll(() => page.locator(".queue-item", { hasText: `Số ${filed.id}` }).count()).toBe(0);
    await expect
      .poll(() => memberRow.getByRole("img", { name: `${loadBefore + 1} việc đang làm` }).isVisible())
      .toBe(true);
    await shotFull("staff-leader-queue");
    const assigned = await detailAs(leader.key, filed.id);
    expect(assigned.status).toBe("claimed");
    expect(assigned.owner?.id).toBe(memberId);
    expect(assigned.events.at(-1)?.action).toBe("assigned");
    expect(await loadOf()).toBe(loadBefore + 1);

    // The member finds it under "Của tôi".
    await signInAs(member.key);
    await openQueue();
    await page.getByRole("tab", { name: /Của tôi/ }).click();
    await expect
      .poll(() => page.locator(".queue-item", { hasText: `Số ${filed.id}` }).isVisible())
      .toBe(true);
    expect(problems).toEqual([]);
  });

  it("a member files a request on behalf of a resident without a smartphone", async () => {
    const { page, problems, shotFull, signInAs } = world;
    await signInAs(member.key);
    await openQueue();
    await expect.poll(() => page.getByRole("link", { name: /Nhận hộ người dân/ }).isVisible()).toBe(true);
    await page.getByRole("link", { name: /Nhận hộ người dân/ }).click();
    await expect.poll(() => page.getByLabel("Họ tên người dân").isVisible()).toBe(true);
    // The member's own village is preselected.
    await expect.poll(() => page.getByText("Thôn 1, Xã Cẩm Thanh").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Ghi nhận yêu cầu" }).click();
    await expect.poll(() => page.getByText("Vui lòng nhập họ tên người dân.").isVisible()).toBe(true);
    expect(await page.getByText("Cần có sự đồng ý của người dân.").isVisible()).toBe(true);
    await page.getByLabel("Họ tên người dân").fill("Trần Thị Bảy");
    await page.getByLabel("Số điện thoại (không bắt buộc)").fill("0905 111 222");
    await page.getByLabel("Người dân đã đồng ý để Tổ công nghệ ghi lại thông tin và giúp đỡ.").check();
    await page.getByLabel("Bảo hiểm xã hội số VssID").check();
    await page.getByLabel("Gặp tại buổi hỗ trợ ở nhà văn hóa thôn").check();
    await shotFull("staff-on-behalf");
    await page.getByRole("button", { name: "Ghi nhận yêu cầu" }).click();

    await expect.poll(() => page.getByText("Trần Thị Bảy").first().isVisible()).toBe(true);
    const id = Number(page.url().match(/requests\/(\d+)/)?.[1]);
    expect(id).toBeGreaterThan(0);
    // It is in the member's own team queue: they may take it at once.
    await expect.poll(() => page.getByRole("button", { name: "Nhận việc này" }).isVisible()).toBe(true);
    const filed = await detailAs(member.key, id);
    expect(filed).toMatchObject({ onBehalfName: "Trần Thị Bảy", status: "new" });
    expect(filed.events[0]).toMatchObject({ action: "created", detail: { onBehalf: true } });
    expect(problems).toEqual([]);
  });

  it("a member logs an activity offline; it is sent exactly once, then corrected with a photo", async () => {
    const { page, context, problems, shot, shotFull, apiAs, signInAs } = world;
    await signInAs(member.key);
    const teamId = (await me(member.key)).roles.memberships[0]?.teamId ?? 0;
    const leaderId = (await me(leader.key)).id;
    const topic = "Hướng dẫn cài đặt VNeID mức 2 tại nhà văn hóa Thôn 1";
    const listed = async () =>
      (
        await json<{ items: ActivityItem[] }>(await apiAs(member.key, `/api/teams/${teamId}/activities`))
      ).items.filter((a) => a.topic === topic);

    // Open the team's log and the form while online (their code and the roster are on the phone).
    await openQueue();
    await page.getByRole("link", { name: /Hoạt động của tổ/ }).click();
    await expect.poll(() => page.getByRole("heading", { name: "90 ngày gần nhất" }).isVisible()).toBe(true);
    await page.getByRole("link", { name: "Ghi nhận hoạt động" }).click();
    await expect.poll(() => page.getByLabel("Địa điểm").isVisible()).toBe(true);

    await context.setOffline(true);
    await page.getByLabel("Địa điểm").fill("Nhà văn hóa Thôn 1");
    await page.getByLabel("Nội dung, chủ đề").fill(topic);
    await page.getByLabel("Ngày hội hỗ trợ (Ngày thứ 7 – Ngày hội công dân số…)").check();
    await page.getByRole("checkbox", { name: new RegExp(leader.displayName) }).check();
    await page.getByLabel("Số người dân được hỗ trợ").fill("25");
    await page.getByLabel("Số tờ rơi đã phát").fill("40");
    await expect
      .poll(() => page.getByText("Chưa có mạng nên chưa tải ảnh lên được.", { exact: false }).isVisible())
      .toBe(true);
    await shotFull("staff-activity-form-offline");
    await page.getByRole("button", { name: "Ghi nhận hoạt động" }).click();
    await expect.poll(() => page.getByText("Đã lưu hoạt động trên máy.").isVisible()).toBe(true);
    await page.getByRole("link", { name: "Xem hoạt động của tổ" }).click();
    await expect.poll(() => page.getByText("Chưa gửi được (1)").isVisible()).toBe(true);
    await shot("staff-activities-offline");
    expect(await listed()).toHaveLength(0);

    await context.setOffline(false);
    await expect.poll(() => page.getByText("Chưa gửi được (1)").count(), { timeout: 20_000 }).toBe(0);
    const entry = page.locator(".list-item", { hasText: topic });
    await expect.poll(() => entry.isVisible(), { timeout: 20_000 }).toBe(true);
    // Shown again (a new flush on reload): still exactly one on the server.
    await page.reload();
    await expect.poll(() => page.locator(".list-item", { hasText: topic }).isVisible()).toBe(true);
    const sent = await listed();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ residentsReached: 25, leaflets: 40, revisionCount: 1 });
    expect(sent[0]?.members.map((m) => m.id)).toContain(leaderId);
    await shotFull("staff-activities");

    // Corrected within 7 days: one more resident, and a photo.
    await page.locator(".list-item", { hasText: topic }).getByRole("link", { name: /^Sửa/ }).click();
    await expect.poll(() => page.getByLabel("Số người dân được hỗ trợ").inputValue()).toBe("25");
    await page.getByLabel("Số người dân được hỗ trợ").fill("26");
    await page.locator("input[type=file]").setInputFiles({
      name: "hoat-dong.png",
      mimeType: "image/png",
      buffer: samplePng(),
    });
    await expect
      .poll(() => page.getByRole("img", { name: "Ảnh 1" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await shotFull("staff-activity-edit");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect.poll(() => page.getByText("Đã ghi nhận hoạt động.").isVisible()).toBe(true);
    const edited = await listed();
    expect(edited).toHaveLength(1);
    expect(edited[0]).toMatchObject({ residentsReached: 26, revisionCount: 2 });
    expect(edited[0]?.photoIds).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
