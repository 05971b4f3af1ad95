/**
 * Reports over real HTTP: who may read which unit (404 otherwise), viewers get no personal data
 * in the JSON nor in the downloaded files, the XLSX opened with exceljs and the CSV parsed back
 * carry the report's figures, notes are saved per unit and period, bad parameters give 4xx with
 * the fields named.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./helpers/server";
import { signIn } from "./helpers/sessions";
import { CRAFTED, type Crafted, craftFebruary, FEB, NOTE_WITH_PHONE } from "./reports-fixtures";

let server: TestServer;
let crafted: Crafted;
const tokens: Record<string, string> = {};

const q = (unitId: number, extra = "") => `unitId=${unitId}&from=${FEB.from}&to=${FEB.to}${extra}`;

beforeAll(async () => {
  server = await startTestServer();
  crafted = craftFebruary(server.db, server.world);
  Object.assign(
    tokens,
    await signIn(server, {
      admin: "admin",
      otherAdmin: "otherAdmin",
      viewer: "viewer",
      leader1: "leader1",
      member1: "member1",
      citizen: "citizen",
    }),
  );
});

afterAll(async () => {
  await server?.close();
});

/** RFC 4180 parser: quoted fields, doubled quotes, commas and line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function download(path: string, token?: string) {
  const response = await fetch(`${server.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** Every cell's text in a workbook, for privacy scans. */
function allCells(workbook: ExcelJS.Workbook): string {
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))),
  );
  return cells.join("\n");
}

/** The row of a sheet whose first cell is `label`: its cells (1-based). */
function rowByLabel(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  return found;
}

describe("reports over HTTP", { timeout: 60_000 }, () => {
  it("answers the admin of the commune with the report, charts, province table and funding", async () => {
    const { units } = server.world;
    const report = await server.call("GET", `/api/reports?${q(units.commune)}`, { token: tokens.admin });
    expect(report.status, report.text).toBe(200);
    expect(report.json.audience).toBe("full");
    expect(report.json.canEditNotes).toBe(true);
    expect(report.json.requests.created).toBe(8);
    expect(report.json.parents.map((u: { level: string }) => u.level)).toEqual(["district", "province"]);
    for (const path of ["/api/dashboard/charts", "/api/reports/province", "/api/reports/funding"]) {
      const answer = await server.call("GET", `${path}?${q(units.commune)}`, { token: tokens.admin });
      expect(answer.status, `${path} ${answer.text}`).toBe(200);
    }
    const village = await server.call("GET", `/api/reports?${q(units.village2)}`, { token: tokens.admin });
    expect(village.status).toBe(200);
  });

  it("gives a team leader their own village only, and 404 to everyone without access", async () => {
    const { units } = server.world;
    const get = (unitId: number, who: string, path = "/api/reports") =>
      server.call("GET", `${path}?${q(unitId)}`, { token: tokens[who] });
    const own = await get(units.village1, "leader1");
    expect(own.status).toBe(200);
    expect(own.json.requests.created).toBe(
      CRAFTED.filter(
        (r) =>
          r.village === "village1" &&
          r.createdAt >= new Date("2026-02-01T00:00:00+07:00") &&
          r.createdAt < new Date("2026-03-01T00:00:00+07:00"),
      ).length,
    );
    const cases: Array<[number, string]> = [
      [units.village2, "leader1"], // another team's village
      [units.commune, "leader1"],
      [units.village1, "member1"], // a member, not the leader
      [units.commune, "otherAdmin"], // the admin of another commune
      [units.village1, "otherAdmin"],
      [units.district, "admin"], // above the admin's commune
      [units.province, "viewer"], // above the viewer's district
      [units.commune, "citizen"],
      [999_999, "admin"], // no such unit
    ];
    for (const [unitId, who] of cases) {
      for (const path of [
        "/api/reports",
        "/api/dashboard/charts",
        "/api/reports/province",
        "/api/reports/funding",
      ]) {
        const answer = await get(unitId, who, path);
        expect(answer.status, `${who} → ${unitId} ${path}`).toBe(404);
        expect(answer.json.error.code).toBe("not_found");
      }
      const file = await download(`/api/reports/export?${q(unitId)}`, tokens[who]);
      expect(file.status, `${who} → ${unitId} export`).toBe(404);
    }
    expect((await server.call("GET", `/api/reports?${q(units.commune)}`)).status).toBe(401);
    expect((await download(`/api/reports/export?${q(units.commune)}&session=not-a-session`)).status).toBe(
      401,
    );
  });

  it("gives viewers aggregates of their subtree without names, phone numbers, Zalo ids or request texts", async () => {
    const { units } = server.world;
    const people = [...Object.values(server.world.people), ...Object.values(crafted.people)];
    const forbidden = [
      ...people.map((p) => p.name),
      ...people.map((p) => p.zaloAppUserId),
      ...CRAFTED.map((r) => r.text),
      "0905123456",
      "0905 123 457",
      "Hùng", // a survey comment
    ];
    const scan = (text: string, what: string) => {
      for (const needle of forbidden)
        expect(text.includes(needle), `${what} contains "${needle}"`).toBe(false);
    };
    for (const unitId of [units.district, units.commune, units.village1]) {
      for (const path of [
        "/api/reports",
        "/api/dashboard/charts",
        "/api/reports/province",
        "/api/reports/funding",
      ]) {
        const answer = await server.call("GET", `${path}?${q(unitId)}`, { token: tokens.viewer });
        expect(answer.status, `${path} ${unitId}`).toBe(200);
        scan(answer.text, `${path} ${unitId}`);
      }
      for (const sheet of ["report", "province", "funding"]) {
        const xlsx = await download(
          `/api/reports/export?${q(unitId, `&format=xlsx&sheet=${sheet}`)}`,
          tokens.viewer,
        );
        expect(xlsx.status).toBe(200);
        scan(allCells(await workbookOf(xlsx.body)), `xlsx ${sheet} ${unitId}`);
        const csv = await download(
          `/api/reports/export?${q(unitId, `&format=csv&sheet=${sheet}`)}`,
          tokens.viewer,
        );
        expect(csv.status).toBe(200);
        scan(csv.body.toString("utf8"), `csv ${sheet} ${unitId}`);
      }
    }
    const report = await server.call("GET", `/api/reports?${q(units.commune)}`, { token: tokens.viewer });
    expect(report.json.audience).toBe("aggregate");
    expect(report.json.canEditNotes).toBe(false);
    // The scan is not vacuous: the same report carries figures, and the note with its number masked.
    expect(report.json.requests.created).toBe(8);
    expect(report.json.notes.difficulties).toContain("[đã ẩn số điện thoại]");
    const admin = await server.call("GET", `/api/reports?${q(units.commune)}`, { token: tokens.admin });
    expect(admin.json.notes.difficulties).toBe(NOTE_WITH_PHONE);
  });

  it("downloads an XLSX whose cells carry the report's figures, formatted, with the extra sheets", async () => {
    const { units } = server.world;
    const report = (await server.call("GET", `/api/reports?${q(units.commune)}`, { token: tokens.admin }))
      .json;
    // A browser download: the session comes in the query.
    const file = await download(
      `/api/reports/export?${q(units.commune)}&format=xlsx&session=${tokens.admin}`,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(file.headers.get("content-disposition")).toBe(
      `attachment; filename="bao-cao-TX-${FEB.from}-${FEB.to}.xlsx"`,
    );
    // The session in the query never reaches the logs (they record the path only).
    expect(server.logs.join("\n")).toContain("/api/reports/export");
    expect(server.logs.join("\n")).not.toContain(tokens.admin);
    const workbook = await workbookOf(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Tổng hợp",
      "I. Tổ chức",
      "II.1 Yêu cầu",
      "II.2 Hoạt động",
      "II.3 Chỉ số",
      "II.4 Khảo sát",
      "II.5 Tin nhắn",
      "III-IV Khó khăn, đề xuất",
      "Theo thôn",
      "Phụ lục I",
      "Kinh phí hỗ trợ",
    ]);
    const requestsSheet = workbook.getWorksheet("II.1 Yêu cầu") as ExcelJS.Worksheet;
    expect(String(requestsSheet.getCell("A1").value)).toContain(
      "BÁO CÁO HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG",
    );
    expect(requestsSheet.getCell("A1").font?.bold).toBe(true);
    expect(String(requestsSheet.getCell("A2").value)).toBe("Xã Thử Nghiệm – Huyện Thử – Tỉnh Thử");
    expect(rowByLabel(requestsSheet, "Yêu cầu mới trong kỳ")?.getCell(2).value).toBe(report.requests.created);
    expect(rowByLabel(requestsSheet, "Đã xử lý xong trong kỳ")?.getCell(2).value).toBe(
      report.requests.resolved,
    );
    const share = rowByLabel(requestsSheet, "Tỷ lệ đúng hạn")?.getCell(2);
    expect(share?.value).toBe(report.requests.onTime.share);
    expect(share?.numFmt).toBe("0.0%");
    expect(rowByLabel(requestsSheet, "Thời gian đến khi xử lý xong – trung vị (giờ)")?.getCell(2).value).toBe(
      96,
    );
    const header = rowByLabel(requestsSheet, "Chỉ tiêu");
    expect(header?.getCell(1).font?.bold).toBe(true);
    expect(header?.getCell(1).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(requestsSheet.getColumn(1).width).toBeGreaterThanOrEqual(40);

    const organisation = workbook.getWorksheet("I. Tổ chức") as ExcelJS.Worksheet;
    expect(rowByLabel(organisation, "Thành viên hoạt động trong kỳ")?.getCell(2).value).toBe(9);
    expect(rowByLabel(organisation, "Đoàn Thanh niên")?.getCell(2).value).toBe(4);

    const villages = workbook.getWorksheet("Theo thôn") as ExcelJS.Worksheet;
    let thonMot: ExcelJS.Row | undefined;
    villages.eachRow((row) => {
      if (row.getCell(2).value === "Thôn Một") thonMot = row;
    });
    expect(thonMot?.getCell(5).value).toBe(4); // requests filed
    expect(thonMot?.getCell(7).numFmt).toBe("0.0%");

    const annex = workbook.getWorksheet("Phụ lục I") as ExcelJS.Worksheet;
    let totalRow: ExcelJS.Row | undefined;
    annex.eachRow((row) => {
      if (row.getCell(2).value === "Tổng") totalRow = row;
    });
    expect(totalRow?.getCell(3).value).toBe("3/3");
    expect(totalRow?.getCell(4).value).toBe(7); // by village: the commune pool is under none
    expect(totalRow?.getCell(2).font?.bold).toBe(true);

    const funding = workbook.getWorksheet("Kinh phí hỗ trợ") as ExcelJS.Worksheet;
    let fundingTotal: ExcelJS.Row | undefined;
    funding.eachRow((row) => {
      if (row.getCell(2).value === "Tổng") fundingTotal = row;
    });
    expect(fundingTotal?.getCell(10).value).toBe(1_500_000);
    expect(fundingTotal?.getCell(10).numFmt).toBe("#,##0");
  });

  it("downloads a CSV (UTF-8 with BOM, RFC 4180) that parses back to the same figures", async () => {
    const { units } = server.world;
    const file = await download(`/api/reports/export?${q(units.commune)}&format=csv`, tokens.admin);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toContain(".csv");
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(file.body.toString("utf8").slice(1));
    expect(rows[0]?.[0]).toContain("BÁO CÁO HOẠT ĐỘNG");
    const sectionLine = rows.findIndex((r) => r.length === 1 && r[0]?.includes("Tổng hợp yêu cầu"));
    expect(sectionLine).toBeGreaterThan(0);
    expect(rows[sectionLine + 1]).toEqual(["Chỉ tiêu", "Giá trị"]);
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value("Yêu cầu mới trong kỳ")).toBe("8");
    expect(value("Tỷ lệ đúng hạn")).toBe("66.67%");
    expect(value("Thời gian đến khi nhận việc – trung vị (giờ)")).toBe("2");
    // The note has a comma and quotes: quoted and doubled, and it comes back intact.
    expect(rows.find((r) => r[0] === "III. Khó khăn, vướng mắc")?.[1]).toBe(NOTE_WITH_PHONE);
    expect(file.body.toString("utf8")).toContain('"Nhiều hộ chưa có điện thoại thông minh, ""khó"" liên hệ');
    // Every table row has as many fields as its header.
    for (let i = 0; i < rows.length; i++) {
      if (rows[i]?.length === 1 && rows[i + 1] && (rows[i + 1]?.length ?? 0) > 1) {
        const width = rows[i + 1]?.length ?? 0;
        for (let j = i + 2; j < rows.length && (rows[j]?.length ?? 0) > 1; j++) {
          expect(rows[j]?.length, `row ${j}`).toBe(width);
        }
      }
    }

    const province = await download(
      `/api/reports/export?${q(units.district)}&format=csv&sheet=province`,
      tokens.viewer,
    );
    const annex = parseCsv(province.body.toString("utf8").slice(1));
    expect(annex.find((r) => r[1] === "Tổng")?.slice(0, 4)).toEqual(["", "Tổng", "4/4", "9"]);
    expect(annex.find((r) => r[1] === "Xã Thử Nghiệm")?.[3]).toBe("8");

    const funding = await download(
      `/api/reports/export?${q(units.commune)}&format=csv&sheet=funding`,
      tokens.admin,
    );
    const sheet = parseCsv(funding.body.toString("utf8").slice(1));
    expect(sheet.find((r) => r[2] === "Thôn Một")?.slice(4)).toEqual([
      "2026-02",
      "4",
      "2",
      "65",
      "2",
      "500000",
    ]);
  });

  it("saves the difficulties and proposals for exactly the unit and period, for those with full access", async () => {
    const { units } = server.world;
    const body = {
      unitId: units.village1,
      from: FEB.from,
      to: FEB.to,
      section: "proposals",
      body: "Xin thêm 2 máy tính bảng.",
    };
    const saved = await server.call("PUT", "/api/reports/notes", { token: tokens.leader1, json: body });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ unitId: units.village1, section: "proposals", body: body.body });
    const report = await server.call("GET", `/api/reports?${q(units.village1)}`, { token: tokens.leader1 });
    expect(report.json.notes.proposals).toBe(body.body);
    const otherPeriod = await server.call(
      "GET",
      `/api/reports?unitId=${units.village1}&from=2026-02-01&to=2026-02-27`,
      {
        token: tokens.leader1,
      },
    );
    expect(otherPeriod.json.notes.proposals).toBeNull();

    for (const who of ["viewer", "member1", "otherAdmin"]) {
      const refused = await server.call("PUT", "/api/reports/notes", {
        token: tokens[who],
        json: { ...body, body: "x" },
      });
      expect(refused.status, who).toBe(404);
    }
    expect(
      (await server.call("GET", `/api/reports?${q(units.village1)}`, { token: tokens.admin })).json.notes
        .proposals,
    ).toBe(body.body);
    const cleared = await server.call("PUT", "/api/reports/notes", {
      token: tokens.admin,
      json: { ...body, body: "  " },
    });
    expect(cleared.json.body).toBeNull();
    expect(
      (await server.call("GET", `/api/reports?${q(units.village1)}`, { token: tokens.admin })).json.notes
        .proposals,
    ).toBeNull();
  });

  it("refuses bad parameters with 400 and the fields named, changing nothing", async () => {
    const { units } = server.world;
    const bad: Array<[string, string[]]> = [
      [`unitId=abc&from=${FEB.from}&to=${FEB.to}`, ["unitId"]],
      [`unitId=${units.commune}&from=2026-02-30&to=${FEB.to}`, ["from"]],
      [`unitId=${units.commune}&from=01/02/2026&to=2026-13-01`, ["from", "to"]],
      [`unitId=${units.commune}&from=2026-03-01&to=2026-02-01`, ["to"]],
      [`unitId=${units.commune}&from=2020-01-01&to=2026-02-01`, ["to"]],
      [`unitId=${units.commune}&to=${FEB.to}`, ["from"]],
    ];
    for (const [query, fields] of bad) {
      for (const path of ["/api/reports", "/api/dashboard/charts"]) {
        const answer = await server.call("GET", `${path}?${query}`, { token: tokens.admin });
        expect(answer.status, `${path}?${query}`).toBe(400);
        expect(answer.json.error.code).toBe("validation_failed");
        expect(Object.keys(answer.json.error.fields).sort()).toEqual(fields);
        expect(answer.json.error.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêệềếểễôộồốổỗơớờợởỡưứừựửữđ]/);
      }
    }
    const format = await download(`/api/reports/export?${q(units.commune)}&format=pdf`, tokens.admin);
    expect(format.status).toBe(400);
    expect(JSON.parse(format.body.toString()).error.fields).toHaveProperty("format");
    const sheet = await download(`/api/reports/export?${q(units.commune)}&sheet=all`, tokens.admin);
    expect(JSON.parse(sheet.body.toString()).error.fields).toHaveProperty("sheet");

    const note = await server.call("PUT", "/api/reports/notes", {
      token: tokens.admin,
      json: {
        unitId: units.commune,
        from: FEB.from,
        to: FEB.to,
        section: "summary",
        body: "x".repeat(10_001),
      },
    });
    expect(note.status).toBe(400);
    expect(Object.keys(note.json.error.fields).sort()).toEqual(["body", "section"]);
    const after = await server.call("GET", `/api/reports?${q(units.commune)}`, { token: tokens.admin });
    expect(after.json.notes.difficulties).toBe(NOTE_WITH_PHONE);
  });
});
