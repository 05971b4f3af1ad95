/**
 * The export documents: the periodic report (sections in the order of the Tuy Phước report,
 * 004_*.txt), the province table (Phụ lục I of 000_*.txt) and the funding evidence sheet,
 * as titled tables with Vietnamese headings.
 */

import {
  CIVIC_ROLE_LABELS,
  CIVIC_ROLES,
  type FundingEvidence,
  type ProvinceTable,
  REPORT_NOTE_SECTION_LABELS,
  type Report,
  type ReportUnit,
} from "@cau-noi/shared";
import { VIETNAM_OFFSET_MS } from "../calendar/vietnam-time";
import {
  type Cell,
  type Column,
  type Document,
  dec,
  pct,
  type Section,
  type Table,
  viDate,
} from "./table-model";

const LEVEL_TITLES: Record<ReportUnit["level"], string> = {
  province: "tỉnh",
  district: "huyện",
  commune: "xã",
  village: "thôn",
};

const col = (header: string, width: number, format?: Column["format"]): Column => ({ header, width, format });
const indicator = [col("Chỉ tiêu", 48, "text"), col("Giá trị", 16)];

function heading(
  title: string,
  unit: ReportUnit,
  parents: ReportUnit[],
  period: { from: string; to: string },
) {
  const where = [unit, ...parents].map((u) => u.name).join(" – ");
  return [title, where, `Từ ngày ${viDate(period.from)} đến ngày ${viDate(period.to)}`];
}

/** "09:40 ngày 23/11/2026", Vietnam time, from an ISO instant. */
function viDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ngày ${viDate(local.slice(0, 10))}`;
}

const stem = (kind: string, unit: ReportUnit, period: { from: string; to: string }) =>
  `${kind}-${unit.code.replace(/[^A-Za-z0-9_-]/g, "_")}-${period.from}-${period.to}`;

// ---------------------------------------------------------------------------------------------

export function reportDocument(report: Report): Document {
  const title = `BÁO CÁO HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG (${LEVEL_TITLES[report.unit.level].toUpperCase()})`;
  const sections = [
    summarySection(report),
    organisationSection(report),
    requestsSection(report),
    activitiesSection(report),
    kpiSection(report),
    surveySection(report),
    notificationsSection(report),
    notesSection(report),
  ];
  if (report.rows.length > 0) sections.push(rowsSection(report));
  return {
    heading: [
      ...heading(title, report.unit, report.parents, report.period),
      `Lập lúc ${viDateTime(report.generatedAt)}`,
    ],
    sections,
    fileStem: stem("bao-cao", report.unit, report.period),
  };
}

function summarySection(r: Report): Section {
  const q = r.requests;
  return {
    sheet: "Tổng hợp",
    title: "SỐ LIỆU CHÍNH",
    tables: [
      {
        title: "Số liệu chính trong kỳ",
        columns: indicator,
        rows: [
          ["Số tổ công nghệ số cộng đồng (thôn)", r.organisation.teams],
          ["Số thôn có tổ / tổng số thôn", `${r.organisation.villagesWithTeam}/${r.organisation.villages}`],
          ["Số thành viên hoạt động trong kỳ", r.organisation.members.activeInPeriod],
          ["Yêu cầu mới trong kỳ", q.created],
          ["Yêu cầu đã xử lý xong trong kỳ", q.resolved],
          ["Tỷ lệ xử lý đúng hạn", pct(q.onTime.share)],
          ["Điểm đánh giá trung bình (1–5)", dec(q.ratings.average)],
          ["Số buổi hoạt động của tổ", r.activities.count],
          ["Lượt người dân được tiếp cận", r.activities.residentsReached],
          ["Tin nhắn không gửi được", r.notifications.undelivered],
        ],
      },
    ],
  };
}

function organisationSection(r: Report): Section {
  const o = r.organisation;
  return {
    sheet: "I. Tổ chức",
    title: "I. TÌNH HÌNH CHUNG: TỔ VÀ THÀNH VIÊN",
    tables: [
      {
        title: "Số lượng tổ và thành viên",
        columns: indicator,
        rows: [
          ["Tổng số thôn", o.villages],
          ["Số thôn có tổ công nghệ số cộng đồng", o.villagesWithTeam],
          ["Số tổ công nghệ số cộng đồng thôn", o.teams],
          ["Số tổ hỗ trợ cấp xã", o.poolTeams],
          ["Thành viên hoạt động trong kỳ", o.members.activeInPeriod],
          ["Thành viên cuối kỳ", o.members.atPeriodEnd],
          ["Tổ trưởng cuối kỳ", o.members.leaders],
          ["Thành viên tham gia mới trong kỳ", o.members.joined],
          ["Thành viên thôi tham gia trong kỳ", o.members.left],
        ],
      },
      {
        title: "Thành phần thành viên theo vai trò",
        columns: [col("Vai trò", 32, "text"), col("Số người", 12, "int"), col("Tỷ lệ", 12, "percent")],
        rows: o.byCivicRole.map((c) => [c.label, c.count, c.share]),
        total: ["Tổng", o.members.activeInPeriod, o.members.activeInPeriod === 0 ? 0 : 1],
      },
    ],
  };
}

function requestsSection(r: Report): Section {
  const q = r.requests;
  const countTable = (
    title: string,
    first: string,
    rows: Array<{ label: string; count: number }>,
  ): Table => ({
    title,
    columns: [col(first, 44, "text"), col("Số lượng", 12, "int")],
    rows: rows.map((x) => [x.label, x.count]),
    total: ["Tổng", rows.reduce((n, x) => n + x.count, 0)],
  });
  return {
    sheet: "II.1 Yêu cầu",
    title: "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ – 1. HỖ TRỢ, PHẢN ÁNH, HỎI ĐÁP CỦA NGƯỜI DÂN",
    tables: [
      {
        title: "Tổng hợp yêu cầu",
        columns: indicator,
        rows: [
          ["Yêu cầu mới trong kỳ", q.created],
          ["Trong đó: còn đang xử lý", q.stillOpen],
          ["Đã xử lý xong trong kỳ", q.resolved],
          ["Trong đó: gửi từ kỳ trước", q.resolvedFiledBefore],
          ["Xử lý đúng hạn", q.onTime.onTime],
          ["Tỷ lệ đúng hạn", pct(q.onTime.share)],
          ["Từ chối (tin rác, ngoài phạm vi, trùng)", q.rejected],
          ["Yêu cầu người dân báo chưa xong", q.reopened.requests],
          ["Số lần báo chưa xong", q.reopened.times],
          ["Thời gian đến khi nhận việc – trung vị (giờ)", dec(q.timeToClaim.medianHours)],
          ["Thời gian đến khi nhận việc – 90% yêu cầu trong vòng (giờ)", dec(q.timeToClaim.p90Hours)],
          ["Thời gian đến khi xử lý xong – trung vị (giờ)", dec(q.timeToResolve.medianHours)],
          ["Thời gian đến khi xử lý xong – 90% yêu cầu trong vòng (giờ)", dec(q.timeToResolve.p90Hours)],
          ["Số lượt đánh giá", q.ratings.count],
          ["Điểm đánh giá trung bình (1–5)", dec(q.ratings.average)],
        ],
      },
      countTable("Yêu cầu mới theo loại", "Loại", q.byKind),
      {
        title: "Yêu cầu mới theo lĩnh vực",
        columns: [col("Loại", 26, "text"), col("Lĩnh vực", 34, "text"), col("Số lượng", 12, "int")],
        rows: q.byCategory.map((c) => [
          q.byKind.find((k) => k.code === c.kind)?.label ?? c.kind,
          c.label,
          c.count,
        ]),
        total: ["Tổng", "", q.created],
      },
      countTable("Kết quả xử lý (yêu cầu xong trong kỳ)", "Kết quả", q.byOutcome),
      countTable("Lý do từ chối", "Lý do", q.byRejectReason),
      {
        title: "Đánh giá của người dân",
        columns: [col("Số sao", 12, "int"), col("Số lượt", 12, "int")],
        rows: q.ratings.distribution.map((d) => [d.rating, d.count]),
        total: ["Tổng", q.ratings.count],
      },
    ],
  };
}

function activitiesSection(r: Report): Section {
  const a = r.activities;
  const figures = [col("Số buổi", 10, "int"), col("Lượt người dân", 16, "int"), col("Tờ rơi", 10, "int")];
  return {
    sheet: "II.2 Hoạt động",
    title: "II. KẾT QUẢ – 2. TUYÊN TRUYỀN, HƯỚNG DẪN NGƯỜI DÂN (HOẠT ĐỘNG CỦA TỔ)",
    tables: [
      {
        title: "Theo hình thức",
        columns: [col("Hình thức", 46, "text"), ...figures],
        rows: a.byForm.map((f) => [f.label, f.count, f.residentsReached, f.leaflets]),
        total: ["Tổng", a.count, a.residentsReached, a.leaflets],
      },
      {
        title: "Theo nội dung",
        columns: [col("Nội dung", 46, "text"), ...figures],
        rows: a.byTopic.map((t) => [t.topic, t.count, t.residentsReached, t.leaflets]),
      },
    ],
  };
}

function kpiSection(r: Report): Section {
  return {
    sheet: "II.3 Chỉ số",
    title: "II. KẾT QUẢ – 3. CHỈ SỐ CHUYỂN ĐỔI SỐ (SỐ LIỆU TỪ HỆ THỐNG KHÁC)",
    tables: [
      {
        title: "Chỉ số theo tháng",
        columns: [
          col("Chỉ số", 44, "text"),
          col("Tháng", 10, "text"),
          col("Tử số", 12, "int"),
          col("Mẫu số", 12, "int"),
          col("Tỷ lệ", 10, "percent"),
          col("Số xã nhập", 10, "int"),
        ],
        rows: r.kpis.map((k) => [k.label, k.month, k.numerator, k.denominator, k.rate, k.communes]),
      },
    ],
  };
}

function surveySection(r: Report): Section {
  const stars = [1, 2, 3, 4, 5].map((n) => col(`${n} sao`, 8, "int"));
  const dist = (d: Array<{ count: number }>) => d.map((x) => x.count);
  return {
    sheet: "II.4 Khảo sát",
    title: "II. KẾT QUẢ – 4. KHẢO SÁT MỨC ĐỘ HÀI LÒNG TẠI BỘ PHẬN MỘT CỬA",
    tables: [
      {
        title: "Theo lĩnh vực thủ tục",
        columns: [
          col("Lĩnh vực", 34, "text"),
          col("Số lượt", 10, "int"),
          col("Điểm TB", 10, "decimal"),
          ...stars,
        ],
        rows: r.survey.byField.map((f) => [f.label, f.count, f.average, ...dist(f.distribution)]),
        total: ["Tổng", r.survey.count, r.survey.average],
      },
    ],
  };
}

function notificationsSection(r: Report): Section {
  return {
    sheet: "II.5 Tin nhắn",
    title: "II. KẾT QUẢ – 5. TIN NHẮN ZALO KHÔNG GỬI ĐƯỢC",
    tables: [
      {
        title: "Theo lý do",
        columns: [col("Lý do", 60, "text"), col("Số tin", 10, "int")],
        rows: r.notifications.byReason.map((x) => [x.label, x.count]),
        total: ["Tổng", r.notifications.undelivered],
      },
    ],
  };
}

function notesSection(r: Report): Section {
  return {
    sheet: "III-IV Khó khăn, đề xuất",
    title: "III. KHÓ KHĂN, VƯỚNG MẮC – IV. ĐỀ XUẤT, KIẾN NGHỊ",
    tables: [
      {
        title: "Nội dung",
        columns: [col("Mục", 24, "text"), col("Nội dung", 100, "text")],
        rows: [
          [`III. ${REPORT_NOTE_SECTION_LABELS.difficulties}`, r.notes.difficulties ?? ""],
          [`IV. ${REPORT_NOTE_SECTION_LABELS.proposals}`, r.notes.proposals ?? ""],
        ],
      },
    ],
  };
}

function rowsSection(r: Report): Section {
  const sum = (pick: (x: Report["rows"][number]) => number) => r.rows.reduce((n, x) => n + pick(x), 0);
  return {
    sheet: r.unit.level === "commune" ? "Theo thôn" : "Theo xã",
    title: r.unit.level === "commune" ? "SỐ LIỆU THEO THÔN" : "SỐ LIỆU THEO XÃ",
    tables: [
      {
        title: "Chi tiết",
        columns: [
          col("Stt", 6, "int"),
          col("Đơn vị", 30, "text"),
          col("Thôn có tổ/thôn", 14, "text"),
          col("Thành viên", 11, "int"),
          col("Yêu cầu mới", 11, "int"),
          col("Đã xử lý", 10, "int"),
          col("Đúng hạn", 10, "percent"),
          col("Điểm TB", 9, "decimal"),
          col("Hoạt động", 10, "int"),
          col("Lượt người dân", 14, "int"),
        ],
        rows: r.rows.map((x, i) => [
          i + 1,
          x.unit.name,
          `${x.villagesWithTeam}/${x.villages}`,
          x.members,
          x.requestsCreated,
          x.requestsResolved,
          x.onTimeShare,
          x.ratingAverage,
          x.activities,
          x.residentsReached,
        ]),
        total: [
          null,
          "Tổng",
          `${sum((x) => x.villagesWithTeam)}/${sum((x) => x.villages)}`,
          sum((x) => x.members),
          sum((x) => x.requestsCreated),
          sum((x) => x.requestsResolved),
          r.requests.onTime.share,
          r.requests.ratings.average,
          sum((x) => x.activities),
          sum((x) => x.residentsReached),
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------

export function provinceSection(table: ProvinceTable): Section {
  const roles = CIVIC_ROLES.map((code) => col(CIVIC_ROLE_LABELS[code], 12, "int"));
  return {
    sheet: "Phụ lục I",
    title: `TỔNG HỢP SỐ LIỆU TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG ĐẾN NGÀY ${viDate(table.asOf)}`,
    tables: [
      {
        title: "Số tổ, thôn và thành viên",
        columns: [
          col("Stt", 6, "int"),
          col("Đơn vị", 30, "text"),
          col("Tổng số Tổ CNSCĐ/thôn", 16, "text"),
          col("Tổng số thành viên Tổ CNSCĐ", 16, "int"),
          ...roles,
        ],
        rows: table.rows.map((row, i) => [
          i + 1,
          row.unit.name,
          `${row.villagesWithTeam}/${row.villages}`,
          row.members,
          ...row.byCivicRole.map((c) => c.count),
        ]),
        total: [
          null,
          "Tổng",
          `${table.totals.villagesWithTeam}/${table.totals.villages}`,
          table.totals.members,
          ...table.totals.byCivicRole.map((c) => c.count),
        ],
      },
    ],
  };
}

export function provinceDocument(table: ProvinceTable, parents: ReportUnit[]): Document {
  return {
    heading: heading("TỔNG HỢP SỐ LIỆU TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG (PHỤ LỤC I)", table.unit, parents, {
      from: table.asOf,
      to: table.asOf,
    }).slice(0, 2),
    sections: [provinceSection(table)],
    fileStem: stem("phu-luc-i", table.unit, { from: table.asOf, to: table.asOf }).replace(
      /-\d{4}-\d{2}-\d{2}$/,
      "",
    ),
  };
}

export function fundingSection(f: FundingEvidence): Section {
  const money = (n: number): Cell => ({ value: n, format: "vnd" });
  return {
    sheet: "Kinh phí hỗ trợ",
    title: `BẢNG MINH CHỨNG HOẠT ĐỘNG ĐỀ NGHỊ HỖ TRỢ ${f.monthlySupportVnd.toLocaleString("vi-VN")} ĐỒNG/TỔ/THÁNG`,
    tables: [
      {
        title: "Theo tổ và tháng",
        columns: [
          col("Stt", 6, "int"),
          col("Xã, phường", 24, "text"),
          col("Thôn, khối phố", 22, "text"),
          col("Tổ", 30, "text"),
          col("Tháng", 9, "text"),
          col("Thành viên hoạt động", 12, "int"),
          col("Số buổi hoạt động", 12, "int"),
          col("Lượt người dân được tiếp cận", 14, "int"),
          col("Yêu cầu đã hỗ trợ xong", 12, "int"),
          col("Mức hỗ trợ đề nghị (đồng)", 16, "vnd"),
        ],
        rows: f.rows.map((row, i) => [
          i + 1,
          row.commune,
          row.village,
          row.teamName,
          row.month,
          row.activeMembers,
          row.activities,
          row.residentsReached,
          row.requestsHandled,
          money(row.supportVnd),
        ]),
        total: [
          null,
          "Tổng",
          "",
          `${f.totals.teamMonths} lượt tổ-tháng`,
          "",
          null,
          f.totals.activities,
          f.totals.residentsReached,
          f.totals.requestsHandled,
          money(f.totals.supportVnd),
        ],
      },
    ],
  };
}

export function fundingDocument(f: FundingEvidence, parents: ReportUnit[]): Document {
  return {
    heading: heading("MINH CHỨNG HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG THEO THÁNG", f.unit, parents, f.period),
    sections: [fundingSection(f)],
    fileStem: stem("kinh-phi", f.unit, f.period),
  };
}
