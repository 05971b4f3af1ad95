/**
 * Demo data for a new, empty database (DEMO_DATA=true): Quảng Nam › Hội An (Cẩm Phô, Cẩm Thanh)
 * and Phước Sơn (Phước Lộc), shaped after seeds-digest §6.3–§6.4.
 *
 * Everything here is fictional: people, phone numbers, decision numbers and businesses. The seeds
 * name real officials; none of them appear here. Village names ("Thôn 1", "Khối phố 1") are
 * placeholders because the seeds do not give them. Phone numbers all follow "0235 39CC NNN" so
 * nobody can mistake them for a real mobile number.
 *
 * Times are relative to the `now` the loader receives, so the demo always looks fresh.
 */
import type { AdminUnitLevel, CivicRole, CreateRequestInput, TeamKind } from "@cau-noi/shared";

// ---------------------------------------------------------------------------------------------
// Administrative tree
// ---------------------------------------------------------------------------------------------

export interface DemoUnit {
  code: string;
  name: string;
  level: AdminUnitLevel;
  parentCode: string | null;
}

/** A commune with what the loader needs to write its directory and publications. */
export interface DemoCommune {
  code: string;
  name: string;
  districtCode: string;
  villagePrefix: "Thôn" | "Khối phố";
  villageCount: number;
  /** As it reads inside a sentence: "xã Cẩm Thanh". */
  inSentence: string;
  /** Two digits that keep each commune's fake phone numbers apart: 0235 39CC NNN. */
  phoneBlock: string;
  /** The decision that established the village teams (one decision for all of them). */
  teamDecision: { no: string; date: string };
  /** The team regulation "rõ người, rõ việc, rõ tiến độ, rõ trách nhiệm" (003:9). */
  charterDecision: { no: string; date: string };
  planNo: string;
  noticeNo: string;
  /** How long the current rosters have been active, in months before `now`. */
  monthsActive: number;
}

export const DEMO_PROVINCE = { code: "QNAM", name: "Quảng Nam" } as const;

export const DEMO_DISTRICTS = [
  { code: "HOIAN", name: "Thành phố Hội An" },
  { code: "PHUOCSON", name: "Huyện Phước Sơn" },
] as const;

export const DEMO_COMMUNES: readonly DemoCommune[] = [
  {
    code: "CAMPHO",
    name: "Phường Cẩm Phô",
    districtCode: "HOIAN",
    villagePrefix: "Khối phố",
    villageCount: 6,
    inSentence: "phường Cẩm Phô",
    phoneBlock: "01",
    teamDecision: { no: "87/QĐ-UBND", date: "2022-03-30" },
    charterDecision: { no: "96/QĐ-UBND", date: "2022-04-15" },
    planNo: "214/KH-UBND",
    noticeNo: "158/TB-UBND",
    monthsActive: 8,
  },
  {
    code: "CAMTHANH",
    name: "Xã Cẩm Thanh",
    districtCode: "HOIAN",
    villagePrefix: "Thôn",
    villageCount: 6,
    inSentence: "xã Cẩm Thanh",
    phoneBlock: "00",
    // Cẩm Thanh's teams were established in April 2022 (003:8).
    teamDecision: { no: "45/QĐ-UBND", date: "2022-04-12" },
    charterDecision: { no: "52/QĐ-UBND", date: "2022-04-25" },
    planNo: "187/KH-UBND",
    noticeNo: "132/TB-UBND",
    monthsActive: 10,
  },
  {
    code: "PHUOCLOC",
    name: "Xã Phước Lộc",
    districtCode: "PHUOCSON",
    villagePrefix: "Thôn",
    villageCount: 3,
    inSentence: "xã Phước Lộc",
    phoneBlock: "02",
    teamDecision: { no: "36/QĐ-UBND", date: "2022-05-10" },
    charterDecision: { no: "41/QĐ-UBND", date: "2022-05-24" },
    planNo: "95/KH-UBND",
    noticeNo: "73/TB-UBND",
    monthsActive: 6,
  },
];

/** "CAMTHANH-T1" / "CAMPHO-KP1": the codes operators type in the CLI. */
export function villageCode(commune: DemoCommune, n: number): string {
  return `${commune.code}-${commune.villagePrefix === "Thôn" ? "T" : "KP"}${n}`;
}

/** Parents before children, so the loader can resolve every parent code as it goes. */
export const DEMO_UNITS: readonly DemoUnit[] = [
  { ...DEMO_PROVINCE, level: "province", parentCode: null },
  ...DEMO_DISTRICTS.map((d) => ({ ...d, level: "district" as const, parentCode: DEMO_PROVINCE.code })),
  ...DEMO_COMMUNES.map((c) => ({
    code: c.code,
    name: c.name,
    level: "commune" as const,
    parentCode: c.districtCode,
  })),
  ...DEMO_COMMUNES.flatMap((c) =>
    Array.from({ length: c.villageCount }, (_, i) => ({
      code: villageCode(c, i + 1),
      name: `${c.villagePrefix} ${i + 1}`,
      level: "village" as const,
      parentCode: c.code,
    })),
  ),
];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export interface DemoMember {
  /** Only people referenced elsewhere (personas, sample requests) need a key. */
  key?: string;
  name: string;
  civicRole: CivicRole;
  leader?: boolean;
  /** Defaults to the team's village; pool members live all over the commune. */
  homeVillage?: string;
  /** Most members agreed to show their photo in the public directory; a few did not. */
  photoConsent?: boolean;
}

export interface DemoTeam {
  /** The village for a village team, the commune for a pool. */
  unitCode: string;
  kind: TeamKind;
  name: string;
  decision: { no: string; date: string };
  monthsActive: number;
  members: readonly DemoMember[];
}

const member = (name: string, civicRole: CivicRole, extra: Omit<DemoMember, "name" | "civicRole"> = {}) => ({
  name,
  civicRole,
  ...extra,
});
const leader = (name: string, civicRole: CivicRole, extra: Omit<DemoMember, "name" | "civicRole"> = {}) =>
  member(name, civicRole, { ...extra, leader: true });

function communeByCode(code: string): DemoCommune {
  const found = DEMO_COMMUNES.find((c) => c.code === code);
  if (!found) throw new Error(`demo data: unknown commune ${code}`);
  return found;
}

function villageTeam(communeCode: string, n: number, members: readonly DemoMember[]): DemoTeam {
  const commune = communeByCode(communeCode);
  return {
    unitCode: villageCode(commune, n),
    kind: "village",
    name: `Tổ CNSCĐ ${commune.villagePrefix} ${n}`,
    decision: commune.teamDecision,
    monthsActive: commune.monthsActive,
    members,
  };
}

/**
 * Cẩm Thanh: 6 teams × 6 members, each with the composition of 003:8: the village head leads,
 * 1 women's union, 2 youth union, 2 commune officials in charge of the village.
 */
const CAM_THANH_TEAMS: readonly DemoTeam[] = [
  villageTeam("CAMTHANH", 1, [
    leader("Trần Văn Lực", "village_head", { key: "leader-camthanh-t1" }),
    member("Lê Thị Mỹ Duyên", "womens_union"),
    member("Phạm Minh Khoa", "youth_union", { key: "member-camthanh-t1" }),
    member("Huỳnh Thị Kim Oanh", "youth_union"),
    member("Võ Đức Tài", "commune_official"),
    member("Ngô Thị Thu Hà", "commune_official", { photoConsent: false }),
  ]),
  villageTeam("CAMTHANH", 2, [
    leader("Lê Văn Bảy", "village_head"),
    member("Đặng Thị Hồng", "womens_union"),
    member("Nguyễn Quốc Bảo", "youth_union", { key: "member-camthanh-t2" }),
    member("Trương Thị Ngọc Ánh", "youth_union"),
    member("Phan Văn Hiếu", "commune_official"),
    member("Bùi Thị Thanh Tâm", "commune_official"),
  ]),
  villageTeam("CAMTHANH", 3, [
    leader("Huỳnh Văn Sáu", "village_head"),
    member("Trần Thị Bích Liên", "womens_union"),
    member("Lê Hoàng Nam", "youth_union", { key: "member-camthanh-t3" }),
    member("Nguyễn Thị Diệu Linh", "youth_union"),
    member("Đỗ Minh Trí", "commune_official"),
    member("Phạm Thị Hoài", "commune_official", { photoConsent: false }),
  ]),
  villageTeam("CAMTHANH", 4, [
    leader("Võ Văn Tám", "village_head"),
    member("Nguyễn Thị Lài", "womens_union"),
    member("Trần Quang Vinh", "youth_union"),
    member("Lê Thị Thảo Vy", "youth_union"),
    member("Hồ Văn Phúc", "commune_official"),
    member("Đinh Thị Mai", "commune_official"),
  ]),
  villageTeam("CAMTHANH", 5, [
    leader("Phạm Văn Chín", "village_head"),
    member("Hoàng Thị Xuân", "womens_union"),
    member("Ngô Thanh Tùng", "youth_union"),
    member("Trần Thị Yến Nhi", "youth_union"),
    member("Nguyễn Văn Đông", "commune_official"),
    member("Lương Thị Hạnh", "commune_official"),
  ]),
  villageTeam("CAMTHANH", 6, [
    leader("Nguyễn Văn Mười", "village_head"),
    member("Võ Thị Sương", "womens_union", { photoConsent: false }),
    member("Huỳnh Tấn Phát", "youth_union"),
    member("Phan Thị Kiều Trang", "youth_union"),
    member("Lê Văn Quý", "commune_official"),
    member("Trần Thị Minh Nguyệt", "commune_official"),
  ]),
];

/** The commune youth support team: 10 youths led by the commune Youth Union secretary (003:14). */
const CAM_THANH_POOL: DemoTeam = {
  unitCode: "CAMTHANH",
  kind: "commune_pool",
  name: "Tổ thanh niên hỗ trợ chuyển đổi số",
  decision: { no: "118/QĐ-UBND", date: "2022-09-20" },
  monthsActive: 5,
  members: [
    leader("Nguyễn Thành Đạt", "youth_union", { homeVillage: "CAMTHANH-T2" }),
    member("Lê Thị Hồng Nhung", "youth_union", { homeVillage: "CAMTHANH-T1" }),
    member("Trần Minh Hiếu", "youth_union", { homeVillage: "CAMTHANH-T1" }),
    member("Phạm Thị Thu Uyên", "youth_union", { homeVillage: "CAMTHANH-T2" }),
    member("Võ Hoàng Long", "youth_union", { homeVillage: "CAMTHANH-T3" }),
    member("Huỳnh Thị Ngọc Trâm", "youth_union", { homeVillage: "CAMTHANH-T3" }),
    member("Đặng Văn Khánh", "youth_union", { homeVillage: "CAMTHANH-T4" }),
    member("Nguyễn Thị Thanh Thúy", "youth_union", { homeVillage: "CAMTHANH-T5" }),
    member("Bùi Quang Huy", "youth_union", { homeVillage: "CAMTHANH-T6" }),
    member("Lê Anh Tuấn", "youth_union", { homeVillage: "CAMTHANH-T6" }),
  ],
};

/** Cẩm Phô: teams of 4–6 (Hội An range, 000:369), led by the block head or party-cell secretary. */
const CAM_PHO_TEAMS: readonly DemoTeam[] = [
  villageTeam("CAMPHO", 1, [
    leader("Nguyễn Văn Hùng", "village_head"),
    member("Trần Thị Thu Sương", "womens_union"),
    member("Lê Minh Tuấn", "youth_union"),
    member("Phạm Văn Lâm", "police"),
    member("Châu Thị Ngọc Hân", "commune_official"),
  ]),
  villageTeam("CAMPHO", 2, [
    leader("Trương Văn Định", "party_cell_secretary"),
    member("Nguyễn Thị Hoa", "womens_union"),
    member("Võ Minh Nhật", "youth_union"),
    member("Lê Thị Bảo Ngọc", "youth_union"),
    member("Đoàn Văn Cường", "police", { photoConsent: false }),
    member("Phạm Thị Lan Anh", "commune_official"),
  ]),
  villageTeam("CAMPHO", 3, [
    leader("Huỳnh Văn Tư", "village_head"),
    member("Lê Thị Phượng", "womens_union"),
    member("Nguyễn Hữu Thắng", "youth_union"),
    member("Trần Công Danh", "commune_official"),
  ]),
  villageTeam("CAMPHO", 4, [
    leader("Phan Văn Lợi", "village_head"),
    member("Trần Thị Cúc", "womens_union"),
    member("Lê Quốc Việt", "youth_union"),
    member("Nguyễn Thị Mỹ Linh", "youth_union"),
    member("Võ Văn Hải", "police"),
    member("Đặng Thị Thu Thủy", "commune_official"),
  ]),
  villageTeam("CAMPHO", 5, [
    leader("Lê Văn Thuận", "party_cell_secretary"),
    member("Phạm Thị Kim Chi", "womens_union"),
    member("Nguyễn Đức Anh", "youth_union"),
    member("Tôn Thất Hòa", "teacher"),
    member("Ngô Thị Diễm", "commune_official"),
  ]),
  villageTeam("CAMPHO", 6, [
    leader("Trần Văn Khải", "village_head"),
    member("Huỳnh Thị Tuyết", "womens_union"),
    member("Phạm Gia Bảo", "youth_union"),
    member("Lý Thị Hương", "commune_official"),
  ]),
];

/**
 * Phước Lộc: 3 teams, 36 members (000:629), most of them Gié-triêng. Thôn 3, the farthest
 * village, is led by its party-cell secretary (000:631; the person here is fictional).
 */
const PHUOC_LOC_TEAMS: readonly DemoTeam[] = [
  villageTeam("PHUOCLOC", 1, [
    leader("Hồ Văn Thuận", "village_head"),
    member("Hồ Văn Minh", "party_cell_secretary"),
    member("Hồ Thị Lan", "womens_union"),
    member("Hồ Thị Bích", "womens_union"),
    member("Hồ Văn Tài", "youth_union"),
    member("Hồ Thị Ngọc", "youth_union"),
    member("Đinh Văn Quang", "youth_union"),
    member("Hồ Văn Hòa", "farmers_union"),
    member("Hồ Văn Dũng", "farmers_union", { photoConsent: false }),
    member("Hồ Văn Kiên", "police"),
    member("Nguyễn Văn Trung", "commune_official"),
    member("Lê Thị Thanh Hương", "teacher"),
  ]),
  villageTeam("PHUOCLOC", 2, [
    leader("Hồ Văn Nhơn", "village_head"),
    member("Hồ Văn Thiện", "party_cell_secretary"),
    member("Hồ Thị Dung", "womens_union"),
    member("Hồ Thị Nga", "womens_union"),
    member("Hồ Văn Lâm", "youth_union"),
    member("Hồ Thị Huyền", "youth_union"),
    member("Hồ Văn Tiến", "youth_union"),
    member("Đinh Văn Phước", "farmers_union"),
    member("Hồ Văn Sinh", "farmers_union"),
    member("Hồ Văn Lượng", "police"),
    member("Trần Văn Hậu", "commune_official"),
    member("Phạm Thị Thu Trang", "teacher"),
  ]),
  villageTeam("PHUOCLOC", 3, [
    leader("Hồ Văn Bình", "party_cell_secretary"),
    member("Hồ Văn Xuân", "village_head"),
    member("Hồ Thị Hiền", "womens_union"),
    member("Hồ Thị Thơm", "womens_union"),
    member("Hồ Văn Tuấn", "youth_union"),
    member("Hồ Thị Mai", "youth_union"),
    member("Đinh Văn Lực", "youth_union"),
    member("Hồ Văn Khánh", "farmers_union"),
    member("Hồ Văn Đức", "farmers_union", { photoConsent: false }),
    member("Hồ Văn Sơn", "police"),
    member("Nguyễn Thanh Tâm", "commune_official"),
    member("Võ Thị Kim Yến", "teacher"),
  ]),
];

export const DEMO_TEAMS: readonly DemoTeam[] = [
  ...CAM_PHO_TEAMS,
  ...CAM_THANH_TEAMS,
  CAM_THANH_POOL,
  ...PHUOC_LOC_TEAMS,
];

/** Commune admins and district/province viewers (fictional officials). */
export const DEMO_STAFF: ReadonlyArray<{
  key: string;
  name: string;
  homeVillage: string;
  unitCode: string;
  role: "admin" | "viewer";
}> = [
  {
    key: "admin-camthanh",
    name: "Nguyễn Thị Hồng Vân",
    homeVillage: "CAMTHANH-T2",
    unitCode: "CAMTHANH",
    role: "admin",
  },
  {
    key: "admin-campho",
    name: "Trần Thị Ngọc Diệp",
    homeVillage: "CAMPHO-KP3",
    unitCode: "CAMPHO",
    role: "admin",
  },
  {
    key: "admin-phuocloc",
    name: "Đinh Văn Hưng",
    homeVillage: "PHUOCLOC-T1",
    unitCode: "PHUOCLOC",
    role: "admin",
  },
  {
    key: "viewer-hoian",
    name: "Phan Thị Thanh Bình",
    homeVillage: "CAMPHO-KP4",
    unitCode: "HOIAN",
    role: "viewer",
  },
  {
    key: "viewer-quangnam",
    name: "Võ Quốc Thịnh",
    homeVillage: "CAMPHO-KP1",
    unitCode: "QNAM",
    role: "viewer",
  },
];

/** Residents. `citizen-new` has just opened the mini app and not picked a village yet. */
export const DEMO_CITIZENS: ReadonlyArray<{ key: string; name: string; homeVillage: string | null }> = [
  { key: "citizen-camthanh", name: "Nguyễn Thị Tư", homeVillage: "CAMTHANH-T1" },
  { key: "citizen-camthanh-t2", name: "Lê Văn Hai", homeVillage: "CAMTHANH-T2" },
  { key: "citizen-camthanh-t3", name: "Phạm Thị Hường", homeVillage: "CAMTHANH-T3" },
  { key: "citizen-camthanh-t4", name: "Võ Văn Năm", homeVillage: "CAMTHANH-T4" },
  { key: "citizen-camthanh-t5", name: "Đặng Văn Thọ", homeVillage: "CAMTHANH-T5" },
  { key: "citizen-campho", name: "Lê Thị Kim Loan", homeVillage: "CAMPHO-KP2" },
  { key: "citizen-campho-kp5", name: "Trần Văn Phú", homeVillage: "CAMPHO-KP5" },
  { key: "citizen-phuocloc-t3", name: "Hồ Thị Nhung", homeVillage: "PHUOCLOC-T3" },
  { key: "citizen-new", name: "Nguyễn Minh Khôi", homeVillage: null },
];

export type DemoPersonaRole = "citizen" | "member" | "leader" | "admin" | "viewer";

/** The identities offered by the sandbox switcher; `key` is a person key from the lists above. */
export const DEMO_PERSONA_LABELS: ReadonlyArray<{ key: string; label: string; role: DemoPersonaRole }> = [
  { key: "citizen-camthanh", label: "Người dân – Thôn 1, Cẩm Thanh", role: "citizen" },
  { key: "citizen-campho", label: "Người dân – Khối phố 2, Cẩm Phô", role: "citizen" },
  { key: "citizen-new", label: "Người dùng mới – chưa chọn thôn", role: "citizen" },
  { key: "leader-camthanh-t1", label: "Tổ trưởng – Tổ CNSCĐ Thôn 1, Cẩm Thanh", role: "leader" },
  { key: "member-camthanh-t1", label: "Thành viên – Tổ CNSCĐ Thôn 1, Cẩm Thanh", role: "member" },
  { key: "member-camthanh-t2", label: "Thành viên – Tổ CNSCĐ Thôn 2, Cẩm Thanh", role: "member" },
  { key: "admin-camthanh", label: "Cán bộ UBND xã Cẩm Thanh", role: "admin" },
  { key: "admin-campho", label: "Cán bộ UBND phường Cẩm Phô", role: "admin" },
  { key: "viewer-hoian", label: "Phòng Văn hóa – Thông tin TP Hội An (chỉ xem)", role: "viewer" },
  { key: "viewer-quangnam", label: "Sở Khoa học và Công nghệ Quảng Nam (chỉ xem)", role: "viewer" },
];

// ---------------------------------------------------------------------------------------------
// Directory
// ---------------------------------------------------------------------------------------------

/** "0235 39CC NNN": Quảng Nam's area code, a block per commune, an obviously made-up line. */
export function demoPhone(commune: DemoCommune, line: number): string {
  return `0235 39${commune.phoneBlock} ${String(line).padStart(3, "0")}`;
}

export interface DemoContact {
  category: "leadership" | "hotline" | "police" | "health" | "village" | "other";
  name: string;
  title: string | null;
  phone: string;
}

/** The Cẩm Phô contact list (000:618): leaders, hotline, police, health; villages are added per team. */
export function communeContacts(commune: DemoCommune): DemoContact[] {
  const committee = `UBND ${commune.inSentence}`;
  const isWard = commune.inSentence.startsWith("phường");
  return [
    {
      category: "leadership",
      name: `Chủ tịch ${committee}`,
      title: "Lãnh đạo",
      phone: demoPhone(commune, 101),
    },
    {
      category: "leadership",
      name: `Phó Chủ tịch ${committee}`,
      title: "Lãnh đạo",
      phone: demoPhone(commune, 102),
    },
    {
      category: "hotline",
      name: isWard
        ? "Đường dây nóng môi trường, trật tự văn minh đô thị"
        : "Đường dây nóng môi trường, trật tự",
      title: "Tiếp nhận phản ánh 24/7",
      phone: demoPhone(commune, 110),
    },
    {
      category: "police",
      name: `Công an ${commune.inSentence}`,
      title: "Trực ban",
      phone: demoPhone(commune, 113),
    },
    {
      category: "health",
      name: `Trạm Y tế ${commune.inSentence}`,
      title: "Trực cấp cứu",
      phone: demoPhone(commune, 115),
    },
    {
      category: "other",
      name: "Bộ phận Một cửa",
      title: "Tiếp nhận và trả kết quả thủ tục hành chính",
      phone: demoPhone(commune, 120),
    },
  ];
}

/** Each village team's line, listed under the commune: 0235 39CC 12N. */
export function villageContactPhone(commune: DemoCommune, villageNumber: number): string {
  return demoPhone(commune, 120 + villageNumber);
}

const NATIONAL_PORTAL = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html";
const QUANG_NAM_PORTAL = "https://dichvucong.quangnam.gov.vn";

export interface DemoProcedure {
  field: string;
  name: string;
  whatToBring: readonly string[];
  fee: string;
  processingTime: string;
  nationalPortalUrl: string;
  provincialPortalUrl: string;
}

const procedure = (p: Omit<DemoProcedure, "nationalPortalUrl" | "provincialPortalUrl">): DemoProcedure => ({
  ...p,
  nationalPortalUrl: NATIONAL_PORTAL,
  provincialPortalUrl: QUANG_NAM_PORTAL,
});

/** The frequent commune procedures of seeds-digest §2.21, shared by every commune. */
export const DEMO_PROCEDURES: readonly DemoProcedure[] = [
  procedure({
    field: "Hộ tịch",
    name: "Đăng ký khai sinh",
    whatToBring: [
      "Tờ khai đăng ký khai sinh (theo mẫu, có thể điền sẵn khi nộp trực tuyến)",
      "Giấy chứng sinh do bệnh viện, trạm y tế cấp (bản chính)",
      "Căn cước hoặc hộ chiếu của người đi đăng ký",
      "Giấy chứng nhận kết hôn của cha mẹ (nếu có)",
    ],
    fee: "Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh)",
    processingTime: "Trong ngày làm việc; nộp sau 15 giờ thì nhận kết quả ngày làm việc tiếp theo",
  }),
  procedure({
    field: "Hộ tịch",
    name: "Đăng ký khai tử",
    whatToBring: [
      "Tờ khai đăng ký khai tử (theo mẫu)",
      "Giấy báo tử hoặc giấy tờ thay giấy báo tử (bản chính)",
      "Căn cước hoặc hộ chiếu của người đi đăng ký",
    ],
    fee: "Miễn lệ phí khi đăng ký đúng hạn (trong 15 ngày kể từ ngày mất)",
    processingTime: "Trong ngày làm việc; trường hợp cần xác minh không quá 03 ngày làm việc",
  }),
  procedure({
    field: "Hộ tịch",
    name: "Đăng ký kết hôn",
    whatToBring: [
      "Tờ khai đăng ký kết hôn (hai bên cùng ký)",
      "Căn cước hoặc hộ chiếu của hai bên",
      "Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi không thường trú)",
      "Hai bên nam, nữ cùng có mặt khi nhận Giấy chứng nhận kết hôn",
    ],
    fee: "Miễn lệ phí",
    processingTime: "Trong ngày làm việc; trường hợp cần xác minh không quá 05 ngày làm việc",
  }),
  procedure({
    field: "Hộ tịch",
    name: "Cấp Giấy xác nhận tình trạng hôn nhân",
    whatToBring: [
      "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)",
      "Căn cước hoặc hộ chiếu của người yêu cầu",
      "Giấy tờ chứng minh đã ly hôn hoặc vợ/chồng đã mất (nếu có)",
    ],
    fee: "Theo mức thu do HĐND tỉnh Quảng Nam quy định (xem trên Cổng dịch vụ công)",
    processingTime: "03 ngày làm việc",
  }),
  procedure({
    field: "Chứng thực",
    name: "Chứng thực bản sao từ bản chính",
    whatToBring: [
      "Bản chính giấy tờ, văn bản cần chứng thực",
      "Bản sao cần chứng thực (nếu chưa có thì photo tại Bộ phận Một cửa)",
    ],
    fee: "2.000 đồng/trang; từ trang thứ ba trở đi 1.000 đồng/trang, tối đa 200.000 đồng/bản",
    processingTime: "Trong ngày làm việc; nộp sau 15 giờ thì nhận kết quả ngày làm việc tiếp theo",
  }),
  procedure({
    field: "Chứng thực",
    name: "Chứng thực chữ ký",
    whatToBring: [
      "Căn cước hoặc hộ chiếu còn giá trị",
      "Giấy tờ, văn bản cần chứng thực chữ ký (chưa ký, ký trước mặt cán bộ chứng thực)",
    ],
    fee: "10.000 đồng/trường hợp",
    processingTime: "Trong ngày làm việc",
  }),
  procedure({
    field: "Hộ tịch",
    name: "Cấp bản sao trích lục hộ tịch",
    whatToBring: [
      "Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)",
      "Căn cước hoặc hộ chiếu của người yêu cầu",
      "Văn bản ủy quyền (nếu nhờ người khác làm thay)",
    ],
    fee: "8.000 đồng/bản sao trích lục",
    processingTime: "Trong ngày làm việc",
  }),
];

export interface DemoPlace {
  communeCode: string;
  category: "lodging" | "site" | "food" | "specialty" | "ocop";
  name: string;
  description: string;
  address: string | null;
  /** A line number in the commune's fake block, or none. */
  phoneLine: number | null;
}

/** Specialties from 003:13 for Cẩm Thanh; the Cẩm Phô model's lodging, food and sites (000:615). */
export const DEMO_PLACES: readonly DemoPlace[] = [
  {
    communeCode: "CAMTHANH",
    category: "ocop",
    name: "Rau hữu cơ Thanh Đông",
    description:
      "Rau, củ trồng theo hướng hữu cơ của hợp tác xã rau hữu cơ Thanh Đông; đặt mua qua Facebook, trang web của HTX hoặc tại vườn.",
    address: "Xã Cẩm Thanh, TP Hội An",
    phoneLine: 201,
  },
  {
    communeCode: "CAMTHANH",
    category: "ocop",
    name: "Trà hữu cơ HTX bền vững",
    description: "Trà thảo mộc trồng và sao theo phương pháp hữu cơ, đóng gói làm quà; có bán trên PostMart.",
    address: "Xã Cẩm Thanh, TP Hội An",
    phoneLine: 202,
  },
  {
    communeCode: "CAMTHANH",
    category: "specialty",
    name: "Tôm sấy khô Cẩm Thanh",
    description:
      "Tôm đất vùng nước lợ, phơi nắng, sấy khô theo cách làm truyền thống; món quà quen thuộc của du khách.",
    address: "Xã Cẩm Thanh, TP Hội An",
    phoneLine: 203,
  },
  {
    communeCode: "CAMTHANH",
    category: "site",
    name: "Rừng dừa Bảy Mẫu",
    description: "Đi thuyền thúng giữa rừng dừa nước, xem múa thúng, câu cua cùng người dân địa phương.",
    address: "Xã Cẩm Thanh, TP Hội An",
    phoneLine: null,
  },
  {
    communeCode: "CAMPHO",
    category: "lodging",
    name: "Homestay Hoài Phố",
    description: "Nhà nghỉ gia đình 6 phòng, cách phố cổ 10 phút đi bộ, cho thuê xe đạp.",
    address: "Khối phố 3, phường Cẩm Phô",
    phoneLine: 201,
  },
  {
    communeCode: "CAMPHO",
    category: "food",
    name: "Quán cao lầu, cơm gà Cẩm Phô",
    description: "Cao lầu, mì Quảng, cơm gà kiểu Hội An; mở cửa từ 6 giờ sáng đến 21 giờ.",
    address: "Khối phố 2, phường Cẩm Phô",
    phoneLine: 202,
  },
  {
    communeCode: "CAMPHO",
    category: "site",
    name: "Đình Cẩm Phô",
    description:
      "Ngôi đình cổ của làng Cẩm Phô, nơi tổ chức lễ hội truyền thống hằng năm của cư dân trong phường.",
    address: "Đường Nguyễn Thị Minh Khai, phường Cẩm Phô",
    phoneLine: null,
  },
  {
    communeCode: "CAMPHO",
    category: "specialty",
    name: "Bánh đậu xanh, bánh ít lá gai",
    description: "Bánh làm thủ công tại các hộ gia đình trong phường, đóng hộp làm quà.",
    address: "Khối phố 5, phường Cẩm Phô",
    phoneLine: 203,
  },
  {
    communeCode: "PHUOCLOC",
    category: "specialty",
    name: "Mật ong rừng Phước Lộc",
    description: "Mật ong khai thác từ rừng tự nhiên, do tổ hợp tác của bà con Thôn 2 đóng chai.",
    address: "Thôn 2, xã Phước Lộc",
    phoneLine: 201,
  },
  {
    communeCode: "PHUOCLOC",
    category: "specialty",
    name: "Măng khô, gạo lúa rẫy",
    description: "Măng rừng phơi khô và gạo lúa rẫy của đồng bào Gié-triêng, bán theo mùa.",
    address: "Xã Phước Lộc, huyện Phước Sơn",
    phoneLine: 202,
  },
];

export interface DemoJob {
  communeCode: string;
  title: string;
  employer: string;
  description: string;
  contactLine: number;
  isTraining: boolean;
  publishedDaysAgo: number;
  /** Days after `now`; negative for an expired posting. */
  expiresInDays: number;
}

export const DEMO_JOBS: readonly DemoJob[] = [
  {
    communeCode: "CAMTHANH",
    title: "Lớp tập huấn đưa sản phẩm lên sàn thương mại điện tử",
    employer: "UBND xã Cẩm Thanh phối hợp Bưu điện Hội An",
    description:
      "Hướng dẫn chụp ảnh sản phẩm, mở gian hàng trên PostMart, Voso, nhận thanh toán qua mã QR. Miễn phí, ưu tiên hộ có sản phẩm OCOP.",
    contactLine: 301,
    isTraining: true,
    publishedDaysAgo: 4,
    expiresInDays: 20,
  },
  {
    communeCode: "CAMTHANH",
    title: "Tuyển 5 người chèo thuyền thúng, hướng dẫn khách",
    employer: "Tổ hợp tác du lịch thuyền thúng Thôn 5",
    description: "Làm theo ca, ưu tiên người địa phương biết bơi và giao tiếp tiếng Anh cơ bản.",
    contactLine: 302,
    isTraining: false,
    publishedDaysAgo: 8,
    expiresInDays: 12,
  },
  {
    communeCode: "CAMPHO",
    title: "Tuyển nhân viên phục vụ nhà hàng",
    employer: "Một nhà hàng trên đường Nguyễn Thị Minh Khai",
    description: "Làm ca sáng hoặc ca tối, lương thỏa thuận, có bữa ăn giữa ca.",
    contactLine: 301,
    isTraining: false,
    publishedDaysAgo: 6,
    expiresInDays: 24,
  },
  {
    communeCode: "CAMPHO",
    title: "Tuyển lao động thời vụ dịp lễ hội",
    employer: "Cơ sở làm đèn lồng Khối phố 4",
    description: "Làm khung và dán vải đèn lồng, trả công theo sản phẩm.",
    contactLine: 302,
    isTraining: false,
    publishedDaysAgo: 45,
    expiresInDays: -5,
  },
];

// ---------------------------------------------------------------------------------------------
// Publishing
// ---------------------------------------------------------------------------------------------

export interface DemoNews {
  title: string;
  summary: string;
  body: string;
  publishedDaysAgo: number;
  /** The event is pinned and takes place next Saturday at 08:00 (Vietnam time). */
  isEvent?: boolean;
}

/** The seed posts of 000:713-716 and the Tam Kỳ "Ngày thứ 7" event (000:593), per commune. */
export function communeNews(commune: DemoCommune): DemoNews[] {
  const place = commune.inSentence;
  const hall = `hội trường UBND ${place}`;
  return [
    {
      title: "Những điều cần biết về Đề án 06",
      summary: "Đề án 06 giúp bà con làm thủ tục nhanh hơn, ít giấy tờ hơn nhờ định danh điện tử.",
      body: [
        "Đề án 06 của Chính phủ phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia.",
        "Có tài khoản định danh điện tử VNeID mức 2, bà con đăng nhập được Cổng dịch vụ công, xuất trình giấy tờ trên điện thoại, khám chữa bệnh bằng căn cước mà không cần thẻ bảo hiểm y tế giấy.",
        `Tổ công nghệ số cộng đồng ở mỗi ${commune.villagePrefix.toLowerCase()} sẵn sàng hỗ trợ bà con cài đặt và kích hoạt VNeID.`,
        "Lưu ý: thành viên Tổ không bao giờ hỏi mật khẩu hay mã OTP của bà con.",
      ].join("\n\n"),
      publishedDaysAgo: 21,
    },
    {
      title: "Lợi ích của việc thanh toán không dùng tiền mặt",
      summary: "Đóng tiền điện, nước, học phí ngay trên điện thoại, không phải xếp hàng.",
      body: [
        "Thanh toán bằng ví điện tử hoặc ứng dụng ngân hàng giúp bà con đóng tiền điện, tiền nước, học phí cho con và mua hàng bằng mã QR mà không cần mang tiền mặt.",
        "Tiền đi thẳng vào tài khoản, có lịch sử giao dịch để tra lại, tránh thất lạc, nhầm lẫn.",
        "Để an toàn: đặt mật khẩu riêng, không bấm vào đường link lạ, không đọc mã OTP cho bất kỳ ai, kể cả người xưng là cán bộ.",
        "Cần cài đặt ví, bà con chọn “Nhờ Tổ công nghệ giúp” trong ứng dụng.",
      ].join("\n\n"),
      publishedDaysAgo: 15,
    },
    {
      title: "Hướng dẫn người dân thực hiện dịch vụ công trực tuyến",
      summary: "Năm bước nộp hồ sơ trên điện thoại, không phải đến Bộ phận Một cửa.",
      body: [
        "Bước 1: Đăng nhập Cổng dịch vụ công quốc gia hoặc Cổng dịch vụ công tỉnh Quảng Nam bằng tài khoản VNeID.",
        "Bước 2: Chọn thủ tục cần làm (hoặc vào mục “Nộp hồ sơ trực tuyến” trong ứng dụng để đi thẳng tới thủ tục).",
        "Bước 3: Điền tờ khai, chụp ảnh giấy tờ đính kèm.",
        "Bước 4: Nộp hồ sơ, thanh toán phí, lệ phí trực tuyến (nếu có) và ghi lại mã hồ sơ.",
        "Bước 5: Theo dõi kết quả bằng mã hồ sơ; nhận kết quả tại nhà hoặc tại Bộ phận Một cửa.",
      ].join("\n\n"),
      publishedDaysAgo: 10,
    },
    {
      title: "Thông báo: Thu nhận hồ sơ căn cước công dân dưới 14 tuổi",
      summary: "Cha mẹ đưa con đến làm thẻ căn cước tại điểm thu nhận của Công an.",
      body: [
        `Công an ${place} tổ chức thu nhận hồ sơ cấp thẻ căn cước cho trẻ em dưới 14 tuổi tại ${hall}.`,
        "Trẻ dưới 6 tuổi: cha, mẹ có thể đăng ký trực tuyến trên ứng dụng VNeID, không cần đưa trẻ đến.",
        "Trẻ từ đủ 6 tuổi đến dưới 14 tuổi: cha hoặc mẹ đưa trẻ đến để chụp ảnh, lấy vân tay; mang theo căn cước của cha hoặc mẹ.",
        "Lịch cụ thể xem trong mục Thông báo của ứng dụng.",
      ].join("\n\n"),
      publishedDaysAgo: 5,
    },
    {
      title: "Ngày thứ 7 – Ngày hội công dân số",
      summary: `Sáng thứ 7 tuần này, 8 giờ tại ${hall}: hỗ trợ VNeID, dịch vụ công, ví điện tử.`,
      body: [
        `Từ 8 giờ sáng thứ 7, tại ${hall}, các Tổ công nghệ số cộng đồng cùng Đoàn Thanh niên hỗ trợ bà con miễn phí:`,
        "- cài đặt, kích hoạt tài khoản định danh điện tử VNeID mức 2;\n- tạo tài khoản và nộp hồ sơ dịch vụ công trực tuyến;\n- cài ví điện tử, thanh toán tiền điện, tiền nước;\n- cài VssID, sổ sức khỏe điện tử.",
        "Bà con nhớ mang theo căn cước và điện thoại đã sạc pin.",
      ].join("\n\n"),
      publishedDaysAgo: 2,
      isEvent: true,
    },
  ];
}

export interface DemoDocument {
  title: string;
  number: string;
  /** A fixed date (YYYY-MM-DD), or days before `now`. */
  issued: string | { daysAgo: number };
  summary: string;
}

export function communeDocuments(commune: DemoCommune): DemoDocument[] {
  const village = commune.villagePrefix.toLowerCase();
  return [
    {
      title: `Quyết định thành lập Tổ công nghệ số cộng đồng các ${village} trên địa bàn ${commune.inSentence}`,
      number: commune.teamDecision.no,
      issued: commune.teamDecision.date,
      summary: `Thành lập ${commune.villageCount} Tổ công nghệ số cộng đồng, mỗi ${village} một tổ.`,
    },
    {
      title: "Quyết định ban hành Quy chế hoạt động của Tổ công nghệ số cộng đồng",
      number: commune.charterDecision.no,
      issued: commune.charterDecision.date,
      summary: "Phân công rõ người, rõ việc, rõ tiến độ, rõ trách nhiệm cho từng thành viên.",
    },
    {
      title:
        "Kế hoạch tuyên truyền, hỗ trợ người dân sử dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt",
      number: commune.planNo,
      issued: { daysAgo: 38 },
      summary: "Mỗi tháng tổ chức ít nhất một buổi hỗ trợ tại nhà văn hóa và tại Bộ phận Một cửa.",
    },
    {
      title: "Thông báo lịch trực hỗ trợ dịch vụ công trực tuyến tại Bộ phận Một cửa",
      number: commune.noticeNo,
      issued: { daysAgo: 12 },
      summary:
        "Thành viên Tổ trực hỗ trợ bà con nộp hồ sơ trực tuyến vào giờ hành chính các ngày trong tuần.",
    },
  ];
}

export function communeAnnouncement(commune: DemoCommune): { title: string; body: string } {
  return {
    title: "Lịch hỗ trợ kích hoạt định danh điện tử mức 2",
    body: `Các Tổ công nghệ số cộng đồng ${commune.inSentence} hỗ trợ bà con kích hoạt VNeID mức 2 tại nhà văn hóa các ${commune.villagePrefix.toLowerCase()} vào tối thứ 6 và sáng thứ 7 hằng tuần. Bà con mang theo căn cước gắn chip và điện thoại. Tổ không thu bất kỳ khoản phí nào và không bao giờ hỏi mã OTP.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Sample requests, replayed through the real lifecycle
// ---------------------------------------------------------------------------------------------

/** A past moment: a local (Vietnam) time some days ago, or some minutes before `now`. */
export type DemoMoment = { daysAgo: number; at: string } | { minutesAgo: number };

export type DemoStep =
  | { action: "claim" | "start"; by: string; when: DemoMoment }
  | { action: "note"; by: string; when: DemoMoment; text: string }
  | {
      action: "resolve";
      by: string;
      when: DemoMoment;
      outcomeCode: string;
      note?: string;
      receiptCode?: string;
      publicAnswer?: string;
    }
  | { action: "rate"; by: string; when: DemoMoment; rating: number; comment?: string };

type WithoutVillage<T> = T extends unknown ? Omit<T, "villageId"> : never;

export interface DemoRequest {
  filedBy: string;
  when: DemoMoment;
  /** Needed when the request is not for the filer's own village (filed on behalf). */
  villageCode?: string;
  input: WithoutVillage<CreateRequestInput>;
  steps: readonly DemoStep[];
}

/**
 * Claims and starts happen within a working day of creation and "new" requests are only hours
 * old, so the deadline sweep does not escalate the demo the moment the server starts.
 */
export const DEMO_REQUESTS: readonly DemoRequest[] = [
  // Cẩm Thanh, closed and rated 5.
  {
    filedBy: "citizen-camthanh",
    when: { daysAgo: 9, at: "14:20" },
    input: {
      kind: "help",
      category: "online_dossier",
      meetingMode: "home_visit",
      text: "Con dâu tui mới sinh cháu, nhờ tổ giúp đăng ký khai sinh trên mạng cho cháu, tụi nhỏ không rành làm.",
    },
    steps: [
      { action: "claim", by: "leader-camthanh-t1", when: { daysAgo: 9, at: "15:05" } },
      { action: "start", by: "leader-camthanh-t1", when: { daysAgo: 8, at: "08:30" } },
      {
        action: "resolve",
        by: "leader-camthanh-t1",
        when: { daysAgo: 8, at: "09:40" },
        outcomeCode: "dossier_submitted",
        receiptCode: "000.31.10.H47-0012",
        note: "Đã nộp hồ sơ khai sinh trực tuyến bằng tài khoản VNeID của mẹ cháu, hẹn nhận kết quả tại Một cửa.",
      },
      {
        action: "rate",
        by: "citizen-camthanh",
        when: { daysAgo: 8, at: "19:30" },
        rating: 5,
        comment: "Mấy đứa trong tổ nhiệt tình lắm, cảm ơn nhiều.",
      },
    ],
  },
  // Cẩm Thanh field report, answered publicly by the commune.
  {
    filedBy: "citizen-camthanh-t5",
    when: { daysAgo: 6, at: "07:10" },
    input: {
      kind: "field_report",
      category: "environment",
      placeText: "Bờ mương đường vào rừng dừa, Thôn 5",
      text: "Rác sinh hoạt bị đổ dọc bờ mương cạnh đường vô rừng dừa, mấy bữa nay bốc mùi, ruồi nhiều lắm. Đề nghị xã cho thu gom giùm.",
    },
    steps: [
      { action: "claim", by: "admin-camthanh", when: { daysAgo: 6, at: "08:05" } },
      {
        action: "note",
        by: "admin-camthanh",
        when: { daysAgo: 6, at: "08:20" },
        text: "Đã báo đơn vị thu gom rác và trưởng Thôn 5 kiểm tra.",
      },
      {
        action: "resolve",
        by: "admin-camthanh",
        when: { daysAgo: 4, at: "15:30" },
        outcomeCode: "fixed",
        publicAnswer:
          "UBND xã Cẩm Thanh đã phối hợp với đơn vị thu gom và Thôn 5 dọn sạch điểm rác, đặt biển cấm đổ rác tại bờ mương. Đề nghị bà con bỏ rác đúng giờ, đúng nơi quy định. Cảm ơn bà con đã phản ánh.",
      },
    ],
  },
  // Cẩm Thanh question, answered publicly.
  {
    filedBy: "citizen-camthanh-t3",
    when: { daysAgo: 5, at: "20:45" },
    input: {
      kind: "question",
      category: "procedure",
      text: "Cho tui hỏi con tui 9 tuổi giờ làm căn cước thì làm ở đâu, có phải dẫn cháu theo không, làm online được không?",
    },
    steps: [
      { action: "claim", by: "admin-camthanh", when: { daysAgo: 4, at: "08:10" } },
      {
        action: "resolve",
        by: "admin-camthanh",
        when: { daysAgo: 4, at: "09:30" },
        outcomeCode: "answered",
        publicAnswer:
          "Trẻ dưới 6 tuổi: cha, mẹ đăng ký trực tuyến trên ứng dụng VNeID, không cần đưa trẻ đến. Trẻ từ đủ 6 tuổi đến dưới 14 tuổi: cha hoặc mẹ đưa trẻ đến điểm thu nhận của Công an để chụp ảnh, lấy vân tay, mang theo căn cước của cha hoặc mẹ. Lịch thu nhận tại xã được đăng trong mục Thông báo.",
      },
    ],
  },
  // Cẩm Thanh, resolved, waiting for the requester's rating.
  {
    filedBy: "citizen-camthanh-t3",
    when: { daysAgo: 3, at: "09:30" },
    input: {
      kind: "help",
      category: "vneid_level2",
      meetingMode: "village_hall",
      text: "Tui làm căn cước gắn chip rồi mà chưa có định danh mức 2, nhờ tổ chỉ giúp. Tui ra nhà văn hóa thôn được.",
    },
    steps: [
      { action: "claim", by: "member-camthanh-t3", when: { daysAgo: 3, at: "10:15" } },
      { action: "start", by: "member-camthanh-t3", when: { daysAgo: 2, at: "08:00" } },
      {
        action: "resolve",
        by: "member-camthanh-t3",
        when: { daysAgo: 2, at: "09:00" },
        outcomeCode: "vneid_level2_activated",
        note: "Đã cài VNeID, hướng dẫn đăng nhập; tài khoản mức 2 đã được kích hoạt.",
      },
    ],
  },
  // Cẩm Thanh, in progress: a member filed it for an elderly neighbour without a smartphone.
  {
    filedBy: "member-camthanh-t1",
    when: { daysAgo: 1, at: "15:00" },
    villageCode: "CAMTHANH-T1",
    input: {
      kind: "help",
      category: "public_service_account",
      meetingMode: "home_visit",
      text: "Bà Sáu 78 tuổi, không có điện thoại thông minh, cần tạo tài khoản dịch vụ công để làm hồ sơ trợ cấp. Con cháu đi làm xa.",
      onBehalf: { name: "Nguyễn Thị Sáu", consent: true },
    },
    steps: [
      { action: "claim", by: "member-camthanh-t1", when: { daysAgo: 1, at: "15:02" } },
      { action: "start", by: "member-camthanh-t1", when: { daysAgo: 1, at: "16:30" } },
      {
        action: "note",
        by: "member-camthanh-t1",
        when: { daysAgo: 1, at: "17:15" },
        text: "Đã tới nhà, bà có căn cước gắn chip. Hẹn quay lại khi cháu bà ở nhà để đăng ký bằng số điện thoại của gia đình.",
      },
    ],
  },
  // Cẩm Thanh, claimed, not started yet.
  {
    filedBy: "citizen-camthanh-t2",
    when: { minutesAgo: 300 },
    input: {
      kind: "help",
      category: "vssid",
      meetingMode: "village_hall",
      text: "Tui muốn coi sổ bảo hiểm xã hội trên điện thoại mà cài VssID hoài không đăng nhập được, báo sai mật khẩu. Nhờ mấy cháu chỉ giùm.",
    },
    steps: [{ action: "claim", by: "member-camthanh-t2", when: { minutesAgo: 45 } }],
  },
  // Cẩm Phô, new.
  {
    filedBy: "citizen-campho",
    when: { minutesAgo: 240 },
    input: {
      kind: "help",
      category: "vneid_level2",
      meetingMode: "home_visit",
      text: "Nhà tui có hai ông bà già chưa có định danh điện tử, nhờ tổ khối phố qua nhà giúp được không? Buổi tối tui mới ở nhà.",
    },
    steps: [],
  },
  // Cẩm Thanh field report, new, with a place description.
  {
    filedBy: "citizen-camthanh-t4",
    when: { minutesAgo: 180 },
    input: {
      kind: "field_report",
      category: "lighting",
      placeText: "Đường từ nhà văn hóa Thôn 4 ra bến đò",
      text: "Đèn đường đoạn từ nhà văn hóa ra bến đò bị hư mấy hôm nay, tối đi tối om, tụi nhỏ đi học thêm về sợ lắm.",
    },
    steps: [],
  },
  // Cẩm Thanh, new: waiting in the Thôn 1 queue for the demo personas to claim.
  {
    filedBy: "citizen-camthanh",
    when: { minutesAgo: 90 },
    input: {
      kind: "help",
      category: "e_payment",
      meetingMode: "home_visit",
      text: "Nhờ tổ cài giùm tui cái ví VNPT Money để đóng tiền điện, tiền nước hằng tháng, tui không rành điện thoại. Chiều nào tui cũng ở nhà.",
    },
    steps: [],
  },
];
