/**
 * Reports, dashboards, KPIs, targets and the one-stop survey in a real browser against the real
 * server (issue #5): the admin of Cẩm Thanh produces this month's report from /admin/reports and
 * its figures equal GET /api/reports for the same period, downloads the XLSX, writes the
 * difficulties, enters a KPI month and sets a team target that the team's member then sees; a
 * citizen rates the one-stop desk from the QR link and the admin sees it in the results; the Hội
 * An viewer sees the aggregates of their area without a single personal name; the dashboard's
 * charts render with their table alternatives.
 *
 *   npx vitest run --project browser tests/browser/reports-flow.test.ts
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CITIZENS, DEMO_STAFF, DEMO_TEAMS } from "../../bot-server/src/demo/demo-data";
import { SANDBOX_ZALO } from "../../bot-server/src/env";
import { APP_PATH, type MiniAppWorld, startMiniAppWorld } from "./harness";

let world: MiniAppWorld;
let communeId = 0;

/** This month in Vietnam time, as the app's "Tháng này". */
function thisMonth(): { from: string; to: string; month: string } {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, "0");
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${last}`, month: `${y}-${mm}` };
}

/** Waits for a screen to show something (the server works in between: allow it some seconds). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

const vi = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** Every demo person's name: none may appear on a viewer's screen. */
const PERSON_NAMES = [
  ...DEMO_TEAMS.flatMap((t) => t.members.map((m) => m.name)),
  ...DEMO_CITIZENS.map((c) => c.name),
  ...DEMO_STAFF.map((s) => s.name),
];

async function json<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

/** The text of the scrolling page (not the sandbox bar, which names the person acting). */
const pageText = () => world.page.locator(".page").innerText();

const figure = (name: string) => world.page.locator(`[data-figure="${name}"]`).first().innerText();

describe("reports, KPIs, targets and surveys in Chromium", () => {
  beforeAll(async () => {
    world = await startMiniAppWorld();
    const me = await json<{ roles: { adminOf: Array<{ unitId: number }> } }>(
      await world.apiAs("admin-camthanh", "/api/me"),
    );
    communeId = me.roles.adminOf[0]?.unitId ?? 0;
    expect(communeId).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await world?.close();
  });

  it("the admin produces this month's report: same figures as the API, XLSX, difficulties", async () => {
    const { page, signInAs, apiAs, link, shot, shotFull } = world;
    await signInAs("admin-camthanh");
    // Home › Quản trị xã › Báo cáo định kỳ.
    await link("Quản trị xã").click();
    await page.getByRole("link", { name: /^Báo cáo định kỳ/ }).click();
    await poll(() => page.getByText("Báo cáo hoạt động Tổ công nghệ số cộng đồng").isVisible()).toBe(true);
    await shot("reports-admin");

    const period = thisMonth();
    const report = await json<{
      organisation: { teams: number; members: { atPeriodEnd: number } };
      requests: { created: number; resolved: number; stillOpen: number };
      activities: { count: number };
    }>(await apiAs("admin-camthanh", `/api/reports?unitId=${communeId}&from=${period.from}&to=${period.to}`));
    expect(await figure("teams")).toBe(vi.format(report.organisation.teams));
    expect(await figure("members")).toBe(vi.format(report.organisation.members.atPeriodEnd));
    expect(await figure("requests.created")).toBe(vi.format(report.requests.created));
    expect(await figure("requests.resolved")).toBe(vi.format(report.requests.resolved));
    expect(await figure("requests.stillOpen")).toBe(vi.format(report.requests.stillOpen));
    expect(await figure("activities.count")).toBe(vi.format(report.activities.count));
    // The demo commune has teams and requests: the comparison is not of zeros only.
    expect(report.organisation.teams).toBeGreaterThan(0);

    // One tap: this month's report as an Excel file.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /^Lập báo cáo tháng/ }).click(),
    ]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text ?? "")))),
    );
    expect(cells.some((c) => c.includes("Cẩm Thanh"))).toBe(true);

    // III. Difficulties, saved for exactly this unit and period.
    const difficulties = "Một số hộ lớn tuổi chưa có điện thoại thông minh.";
    await page.getByLabel("III. Khó khăn, vướng mắc").fill(difficulties);
    await page
      .locator(".report-section .field")
      .filter({ has: page.getByLabel("III. Khó khăn, vướng mắc") })
      .getByRole("button", { name: "Lưu" })
      .click();
    await poll(() => page.getByText("Đã lưu.").isVisible()).toBe(true);
    const after = await json<{ notes: { difficulties: string | null } }>(
      await apiAs("admin-camthanh", `/api/reports?unitId=${communeId}&from=${period.from}&to=${period.to}`),
    );
    expect(after.notes.difficulties).toBe(difficulties);
    await shotFull("reports-admin-full");
  });

  it("the admin's dashboard draws its charts, each with a table", async () => {
    const { page, baseUrl, signInAs, shot, shotFull } = world;
    await signInAs("admin-camthanh");
    await page.goto(`${baseUrl}${APP_PATH}admin/dashboard`);
    await poll(() => page.getByText("Yêu cầu mới theo thời gian").isVisible()).toBe(true);
    expect(await page.locator("figure.chart").count()).toBeGreaterThanOrEqual(7);
    // The line's caption totals the same days as the API.
    const period = thisMonth();
    const charts = await json<{ requestsOverTime: Array<{ created: number }> }>(
      await world.apiAs(
        "admin-camthanh",
        `/api/dashboard/charts?unitId=${communeId}&from=${period.from}&to=${period.to}`,
      ),
    );
    const created = charts.requestsOverTime.reduce((a, p) => a + p.created, 0);
    expect(created).toBeGreaterThan(0);
    await poll(() =>
      page.locator("figure.chart", { hasText: "Yêu cầu mới theo thời gian" }).innerText(),
    ).toContain(`Tổng: ${vi.format(created)}`);
    expect(await page.locator("svg.line-svg polyline").count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(".bar-fill").count()).toBeGreaterThan(0);
    await shot("dashboard");
    await shotFull("dashboard-full");
    // The table alternative of the first chart.
    await page.locator("figure.chart summary").first().click();
    await poll(() => page.locator("figure.chart table").first().isVisible()).toBe(true);
    // Large text: everything scales, and the tables show without a tap.
    await page.evaluate(
      `localStorage.setItem("cau-noi.settings.v1", '{"largeText":true,"highContrast":false}')`,
    );
    await page.reload();
    await poll(() => page.getByText("Yêu cầu mới theo thời gian").isVisible()).toBe(true);
    expect(await page.evaluate(`document.documentElement.classList.contains("text-large")`)).toBe(true);
    expect(await page.locator("figure.chart details[open]").count()).toBeGreaterThanOrEqual(1);
    for (const height of await page
      .locator(".segmented button, .chart-table summary")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
      expect(height).toBeGreaterThanOrEqual(44);
    }
    await shot("dashboard-large-text");
    await page.evaluate(
      `localStorage.setItem("cau-noi.settings.v1", '{"largeText":false,"highContrast":false}')`,
    );
    await page.reload();
    await poll(() => page.getByText("Yêu cầu mới theo thời gian").isVisible()).toBe(true);
    // Another period: last month.
    await page.getByRole("button", { name: "Tháng trước", exact: true }).click();
    await poll(() => page.getByText(/^Kỳ: Tháng \d+\/\d{4}$/).isVisible()).toBe(true);
    await poll(() => page.getByText("Yêu cầu mới theo thời gian").isVisible()).toBe(true);
  });

  it("the admin enters a KPI month and sets a target that the team's member sees", async () => {
    const { page, baseUrl, signInAs, apiAs, shot, shotFull } = world;
    const period = thisMonth();
    await signInAs("admin-camthanh");
    await page.goto(`${baseUrl}${APP_PATH}admin/kpi`);
    await poll(() => page.getByText("Tỷ lệ hồ sơ trực tuyến").isVisible()).toBe(true);
    await page.locator("#online_dossier_rate-num").fill("45");
    await page.locator("#online_dossier_rate-den").fill("60");
    await page.locator("#online_dossier_rate-src").fill("Cổng Dịch vụ công tỉnh");
    await poll(() => page.locator(".kpi-rate").first().innerText()).toContain("75%");
    await page.getByRole("button", { name: /^Lưu chỉ tiêu tháng/ }).click();
    await poll(() => page.getByText(/^Đã lưu chỉ tiêu tháng/).isVisible()).toBe(true);
    const kpi = await json<{
      items: Array<{ month: string; indicator: string; numerator: number; rate: number }>;
    }>(await apiAs("admin-camthanh", `/api/kpi?communeId=${communeId}`));
    const saved = kpi.items.find((i) => i.month === period.month && i.indicator === "online_dossier_rate");
    expect(saved).toMatchObject({ numerator: 45, rate: 0.75 });
    // The history lists the month.
    await poll(() => page.locator(".data-table").getByText("75%").first().isVisible()).toBe(true);
    await shotFull("kpi");

    // A target for the team of member-camthanh-t1.
    const member = await json<{ roles: { memberships: Array<{ teamId: number; teamName: string }> } }>(
      await apiAs("member-camthanh-t1", "/api/me"),
    );
    const team = member.roles.memberships[0];
    expect(team).toBeDefined();
    await page.goto(`${baseUrl}${APP_PATH}admin/targets`);
    await poll(() => page.locator("#target-team").isVisible()).toBe(true);
    await page.locator("#target-team").selectOption(String(team?.teamId));
    await page.locator("#target-metric").selectOption("requests_resolved");
    await page.locator("#target-value").fill("5");
    await page.getByRole("button", { name: "Giao chỉ tiêu" }).click();
    await poll(() => page.getByText("Đã giao chỉ tiêu.").isVisible()).toBe(true);
    await poll(() =>
      page
        .locator(".target-team")
        .filter({ hasText: team?.teamName ?? "?" })
        .isVisible(),
    ).toBe(true);
    const targets = await json<{ items: Array<{ teamId: number; metric: string; target: number }> }>(
      await apiAs("admin-camthanh", `/api/admin/targets?communeId=${communeId}`),
    );
    expect(targets.items).toContainEqual(
      expect.objectContaining({ teamId: team?.teamId, metric: "requests_resolved", target: 5 }),
    );
    await shotFull("targets-admin");

    await signInAs("member-camthanh-t1");
    await page.goto(`${baseUrl}${APP_PATH}targets`);
    await poll(() => page.getByText("Số yêu cầu đã hỗ trợ xong").isVisible()).toBe(true);
    expect(await pageText()).toMatch(/\d+\/5 · Tháng \d+\/\d{4}/);
    await shot("targets-member");
  });

  it("a citizen rates the one-stop desk from its QR and the admin sees it", async () => {
    const { page, context, baseUrl, signInAs, apiAs, shot, shotFull } = world;
    await signInAs("citizen-camthanh");

    // Offline at the desk: the rating waits on the phone and is sent once when the network returns.
    const certificationCount = async () => {
      const results = await json<{ byField: Array<{ field: string; count: number }> }>(
        await apiAs("admin-camthanh", `/api/admin/surveys/results?communeId=${communeId}`),
      );
      return results.byField.find((f) => f.field === "certification")?.count ?? 0;
    };
    const before = await certificationCount();
    await page.goto(`${baseUrl}${APP_PATH}survey?commune=${communeId}&field=certification`);
    await poll(() => page.getByText("Chứng thực", { exact: true }).isVisible()).toBe(true);
    await context.setOffline(true);
    await page.getByRole("button", { name: "4 sao – Hài lòng" }).click();
    await page.getByRole("button", { name: "Gửi đánh giá: Hài lòng" }).click();
    await poll(() => page.getByText(/đánh giá đã lưu trên máy/).isVisible()).toBe(true);
    await shot("survey-offline");
    expect(await certificationCount()).toBe(before);
    await context.setOffline(false);
    await poll(certificationCount).toBe(before + 1);
    // A later flush (app shown again) sends nothing more.
    await page.evaluate(`window.dispatchEvent(new Event("online"))`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await certificationCount()).toBe(before + 1);

    await page.goto(`${baseUrl}${APP_PATH}survey?commune=${communeId}&field=civil_status`);
    await poll(() => page.getByText("Hộ tịch", { exact: true }).isVisible()).toBe(true);
    await poll(() => page.getByText(/Bộ phận Một cửa – .*Cẩm Thanh/).isVisible()).toBe(true);
    // Tap targets of the faces.
    for (const height of await page
      .locator("button.face")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
      expect(height).toBeGreaterThanOrEqual(44);
    }
    await page.getByRole("button", { name: "5 sao – Rất hài lòng" }).click();
    const comment = "Cán bộ hướng dẫn rất tận tình, nhanh gọn.";
    await page.getByLabel("Góp ý thêm (không bắt buộc)").fill(comment);
    await shot("survey");
    await page.getByRole("button", { name: "Gửi đánh giá: Rất hài lòng" }).click();
    await poll(() => page.getByText("Cảm ơn anh/chị đã đánh giá!").isVisible()).toBe(true);
    await shot("survey-thanks");

    await signInAs("admin-camthanh");
    await page.goto(`${baseUrl}${APP_PATH}admin/surveys`);
    await poll(() => page.getByText(comment).isVisible()).toBe(true);
    expect(Number(await figure("survey.count"))).toBeGreaterThanOrEqual(1);
    // The QR image shows, and the PNG to download decodes to this commune's survey link.
    await poll(() =>
      page
        .locator("img.qr-image")
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    const href = await page.getByRole("link", { name: "Tải ảnh mã QR (PNG)" }).getAttribute("href");
    const png = await fetch(href ?? "");
    expect(png.status).toBe(200);
    const image = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(
      `https://zalo.me/s/${SANDBOX_ZALO.appId}/survey?commune=${communeId}&field=civil_status`,
    );
    await shotFull("surveys-admin");
  });

  it("the Hội An viewer sees the aggregates of their area, never a person's name", async () => {
    const { page, signInAs, apiAs, link, shot, shotFull, problems } = world;
    await signInAs("viewer-hoian");
    await link("Báo cáo tổng hợp").click();
    await poll(() => page.getByText("Báo cáo hoạt động Tổ công nghệ số cộng đồng").isVisible()).toBe(true);
    await poll(() => page.getByText("số liệu tổng hợp, không có thông tin cá nhân").isVisible()).toBe(true);
    const me = await json<{ roles: { viewerOf: Array<{ unitId: number }> } }>(
      await apiAs("viewer-hoian", "/api/me"),
    );
    const period = thisMonth();
    const report = await json<{ audience: string; requests: { created: number } }>(
      await apiAs(
        "viewer-hoian",
        `/api/reports?unitId=${me.roles.viewerOf[0]?.unitId}&from=${period.from}&to=${period.to}`,
      ),
    );
    expect(report.audience).toBe("aggregate");
    expect(await figure("requests.created")).toBe(vi.format(report.requests.created));
    const text = await pageText();
    for (const name of PERSON_NAMES) expect(text).not.toContain(name);
    // No notes editor for a viewer.
    expect(await page.locator("textarea").count()).toBe(0);
    await shotFull("reports-viewer");

    // Into one commune of the area, still counts only.
    await page.getByRole("button", { name: /^Xem báo cáo .*Cẩm Thanh/ }).click();
    await poll(() => page.locator(".breadcrumbs").isVisible()).toBe(true);
    await poll(() =>
      page
        .getByText(/Cẩm Thanh.*· Tháng/)
        .first()
        .isVisible(),
    ).toBe(true);
    const communeText = await pageText();
    for (const name of PERSON_NAMES) expect(communeText).not.toContain(name);

    // The charts of the same area.
    await page.getByRole("button", { name: "Biểu đồ", exact: true }).click();
    await poll(() => page.getByText("Yêu cầu mới theo thời gian").isVisible()).toBe(true);
    const chartsText = await pageText();
    for (const name of PERSON_NAMES) expect(chartsText).not.toContain(name);
    await shot("reports-viewer-charts");

    expect(problems).toEqual([]);
  });
});
