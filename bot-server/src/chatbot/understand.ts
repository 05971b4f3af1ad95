/**
 * Rule-based understanding of a resident's chat message: which intent, which help or report
 * category, and how sure we are.
 *
 * Deliberately not a black box: every decision comes from the phrase tables below (a phrase and
 * a weight), so a team leader can ask "why did the bot think that?" and a developer can answer by
 * pointing at a line. Pipeline:
 *
 *   fold diacritics → tokenise → normalise chat spelling (stretched letters, f→ph, j→gi,
 *   abbreviations like "ko", "dc", "hd", "dvc") → find phrases (exact, or one edit away for
 *   longer words) → a longer phrase hides the shorter ones inside it → combine weights per intent
 *   (noisy-or) → pick the intent.
 */
import type { FIELD_REPORT_CATEGORIES, HELP_CATEGORIES } from "@cau-noi/shared";
import { foldVietnamese } from "@cau-noi/shared";

export type HelpCategory = (typeof HELP_CATEGORIES)[number];
export type ReportCategory = (typeof FIELD_REPORT_CATEGORIES)[number];

export const INTENTS = [
  "help",
  "report",
  "question",
  "my_requests",
  "announcements",
  "contacts",
  "open_app",
  "human",
  "greeting",
  "menu",
  "thanks",
  "yes",
  "no",
  "unknown",
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Understanding {
  intent: Intent;
  helpCategory?: HelpCategory;
  reportCategory?: ReportCategory;
  /** 0..1. For `unknown` it is the score of the best (rejected) guess, so always low. */
  confidence: number;
}

type KnownIntent = Exclude<Intent, "unknown">;
type PhraseList = ReadonlyArray<readonly [phrase: string, weight: number]>;

// ---------------------------------------------------------------------------------------------
// Tables. Phrases are written the way residents write them, with diacritics; they go through the
// same folding and normalisation as the messages, so "dvc" in a table and "DVC" in a message meet.
// ---------------------------------------------------------------------------------------------

const INTENT_PHRASES: Record<KnownIntent, PhraseList> = {
  help: [
    ["cần giúp", 0.9],
    ["cần hỗ trợ", 0.9],
    ["nhờ giúp", 0.9],
    ["giúp với", 0.8],
    ["giúp đỡ", 0.7],
    ["giúp", 0.6],
    ["giùm", 0.6],
    ["dùm", 0.6],
    ["chỉ giúp", 0.8],
    ["chỉ cách", 0.7],
    ["nhờ tổ", 0.85],
    ["nhờ tổ công nghệ", 0.95],
    ["tổ công nghệ", 0.3],
    ["nhờ", 0.45],
    ["hỗ trợ", 0.7],
    ["hướng dẫn", 0.6],
    ["cài", 0.35],
    ["cài đặt", 0.45],
    ["kích hoạt", 0.5],
    ["đăng ký", 0.3],
    ["tạo tài khoản", 0.6],
    ["đăng ký tài khoản", 0.5],
    ["không biết cài", 0.7],
    ["không biết dùng", 0.6],
    ["không biết làm", 0.5],
    ["bị lỗi", 0.45],
    ["lỗi", 0.35],
    ["quên mật khẩu", 0.6],
    ["đăng nhập", 0.45],
    ["help", 0.6],
  ],
  report: [
    ["phản ánh", 0.85],
    ["gửi phản ánh", 0.95],
    ["muốn phản ánh", 0.95],
    ["phản ánh hiện trường", 0.95],
    ["báo hỏng", 0.7],
    ["bị hỏng", 0.45],
    ["hỏng", 0.35],
    ["hư hỏng", 0.45],
    ["tố cáo", 0.6],
    ["tố giác", 0.7],
    ["bị lừa", 0.6],
    ["khiếu nại", 0.5],
    ["sự cố", 0.5],
    ["báo cáo sự cố", 0.8],
  ],
  question: [
    ["hỏi", 0.5],
    ["cho hỏi", 0.7],
    ["xin hỏi", 0.7],
    ["hỏi đáp", 0.7],
    ["câu hỏi", 0.6],
    ["thắc mắc", 0.6],
    ["thủ tục", 0.6],
    ["làm sao", 0.5],
    ["làm thế nào", 0.5],
    ["như thế nào", 0.5],
    ["thế nào", 0.4],
    ["ra sao", 0.4],
    ["là sao", 0.4],
    ["là gì", 0.4],
    ["cần gì", 0.4],
    ["cần những gì", 0.5],
    ["giấy tờ gì", 0.6],
    ["bao giờ", 0.4],
    ["khi nào", 0.4],
    ["ở đâu", 0.4],
    ["bao nhiêu", 0.4],
    ["có được không", 0.4],
    ["kiến nghị", 0.6],
    ["góp ý", 0.6],
    ["đề nghị", 0.4],
    ["chính sách", 0.5],
    // Paper procedures at the one-stop desk (seeds §2.21): residents ask what to bring.
    ["căn cước", 0.45],
    ["cccd", 0.45],
    ["khai sinh", 0.45],
    ["khai tử", 0.45],
    ["kết hôn", 0.45],
    ["chứng thực", 0.45],
  ],
  my_requests: [
    ["yêu cầu của tôi", 0.95],
    ["phản ánh của tôi", 0.95],
    ["câu hỏi của tôi", 0.95],
    ["đơn của tôi", 0.85],
    ["hồ sơ của tôi", 0.7],
    ["của tôi", 0.5],
    ["của mình", 0.4],
    ["yêu cầu", 0.3],
    ["xem yêu cầu", 0.85],
    ["kiểm tra yêu cầu", 0.85],
    ["yêu cầu đã gửi", 0.85],
    ["tình trạng", 0.6],
    ["trạng thái", 0.6],
    ["tiến độ", 0.6],
    ["xử lý chưa", 0.7],
    ["đã xử lý chưa", 0.85],
    ["xong chưa", 0.6],
    ["đến đâu rồi", 0.6],
    ["theo dõi", 0.5],
    ["lịch sử", 0.5],
  ],
  announcements: [
    ["thông báo", 0.8],
    ["thông báo mới", 0.95],
    ["tin tức", 0.8],
    ["tin mới", 0.85],
    ["tin gì mới", 0.85],
    ["có gì mới", 0.7],
    ["bản tin", 0.8],
    ["văn bản mới", 0.85],
    ["sự kiện", 0.6],
    ["lịch họp", 0.6],
  ],
  contacts: [
    ["số điện thoại", 0.9],
    ["điện thoại", 0.4],
    ["số máy", 0.7],
    ["số của", 0.6],
    ["liên hệ", 0.8],
    ["liên lạc", 0.75],
    ["hotline", 0.9],
    ["đường dây nóng", 0.9],
    ["danh bạ", 0.9],
    ["gọi cho", 0.6],
    ["gọi điện", 0.6],
    ["địa chỉ", 0.5],
    ["xin số", 0.75],
    ["cho xin số", 0.8],
    ["tổ trưởng", 0.45],
    ["trưởng thôn", 0.45],
  ],
  open_app: [
    ["mini app", 0.95],
    ["mở app", 0.9],
    ["mở ứng dụng", 0.9],
    ["vào app", 0.85],
    ["ứng dụng cầu nối", 0.95],
    ["cầu nối", 0.6],
    ["app", 0.4],
    ["ứng dụng", 0.3],
  ],
  human: [
    ["gặp cán bộ", 0.9],
    ["cán bộ", 0.5],
    ["gặp người", 0.8],
    ["người thật", 0.85],
    ["nói chuyện", 0.5],
    ["nói chuyện với người", 0.9],
    ["nhân viên", 0.6],
    ["tư vấn viên", 0.85],
    ["tổng đài viên", 0.85],
    ["gặp trực tiếp", 0.75],
    ["gặp tổ", 0.8],
    ["gặp thành viên", 0.8],
    ["gặp admin", 0.8],
    ["chuyển người", 0.8],
    ["không phải bot", 0.8],
    ["gặp", 0.35],
  ],
  greeting: [
    ["chào", 0.8],
    ["xin chào", 0.9],
    ["chào bạn", 0.9],
    ["chào ad", 0.9],
    ["ad ơi", 0.6],
    ["chào buổi sáng", 0.9],
    ["hi", 0.8],
    ["hello", 0.85],
    ["alo", 0.8],
    ["hey", 0.7],
  ],
  menu: [
    ["menu", 0.9],
    ["xem menu", 0.95],
    ["danh mục", 0.8],
    ["chức năng", 0.7],
    ["tùy chọn", 0.7],
    ["lựa chọn", 0.6],
    ["quay lại", 0.7],
    ["trở về", 0.6],
    ["trang chủ", 0.8],
    ["bắt đầu", 0.7],
    ["bắt đầu lại", 0.85],
    ["start", 0.7],
  ],
  thanks: [
    ["cảm ơn", 0.9],
    ["cảm ơn nhiều", 0.95],
    ["biết ơn", 0.6],
  ],
  yes: [
    ["có", 0.9],
    ["ừ", 0.9],
    ["ừm", 0.9],
    ["ok", 0.9],
    ["vâng", 0.9],
    ["dạ", 0.6],
    ["dạ vâng", 0.95],
    ["đồng ý", 0.95],
    ["nhất trí", 0.9],
    ["được", 0.85],
    ["được rồi", 0.9],
    ["đúng", 0.85],
    ["đúng rồi", 0.9],
    ["chuẩn", 0.8],
    ["yes", 0.9],
  ],
  no: [
    ["không", 0.9],
    ["không cần", 0.95],
    ["không phải", 0.9],
    ["không có", 0.9],
    ["không đồng ý", 0.95],
    ["thôi", 0.85],
    ["thôi khỏi", 0.9],
    ["khỏi", 0.7],
    ["hủy", 0.9],
    ["hủy bỏ", 0.95],
    ["no", 0.8],
    ["chưa", 0.7],
    ["sai", 0.7],
  ],
};

/** Topics a resident asks the team about (SPEC §2 #9, seeds §2.20). */
const HELP_CATEGORY_PHRASES: Record<Exclude<HelpCategory, "other">, PhraseList> = {
  vneid_level2: [
    ["vneid", 1],
    ["định danh", 0.95],
    ["định danh điện tử", 1],
    ["tài khoản định danh", 1],
    ["căn cước điện tử", 0.8],
    ["mức 2", 0.6],
    ["mức độ 2", 0.6],
    ["đề án 06", 0.6],
  ],
  public_service_account: [
    ["dịch vụ công", 0.8],
    ["dịch vụ công trực tuyến", 0.85],
    ["cổng dịch vụ công", 0.9],
    ["tài khoản dịch vụ công", 1],
    ["tài khoản công", 0.8],
  ],
  online_dossier: [
    ["nộp hồ sơ", 1],
    ["hồ sơ trực tuyến", 1],
    ["hồ sơ online", 1],
    ["nộp trực tuyến", 0.9],
    ["nộp online", 0.9],
    ["khai sinh online", 1],
    ["khai sinh trực tuyến", 1],
    ["khai tử online", 1],
    ["khai tử trực tuyến", 1],
    ["đăng ký online", 0.6],
    ["hồ sơ", 0.4],
  ],
  e_payment: [
    ["ví điện tử", 1],
    ["thanh toán", 0.9],
    ["thanh toán không dùng tiền mặt", 1],
    ["chuyển khoản", 0.9],
    ["momo", 1],
    ["zalo pay", 0.95],
    ["viettel money", 1],
    ["viettel pay", 1],
    ["vnpt money", 1],
    ["vnpt pay", 0.9],
    ["mã qr", 0.9],
    ["qr", 0.8],
    ["quét mã", 0.8],
    ["ngân hàng", 0.6],
    ["app ngân hàng", 0.9],
    ["tài khoản ngân hàng", 0.9],
    ["tiền điện", 0.5],
    ["tiền nước", 0.5],
    ["học phí", 0.5],
  ],
  vssid: [
    ["vssid", 1],
    ["bảo hiểm xã hội", 0.95],
    ["bảo hiểm y tế", 0.7],
    ["thẻ bảo hiểm", 0.7],
    ["bảo hiểm", 0.5],
  ],
  e_health: [
    ["sổ sức khỏe", 1],
    ["sổ sức khỏe điện tử", 1],
    ["hồ sơ sức khỏe", 1],
    ["sức khỏe điện tử", 1],
    ["y tế số", 0.8],
    ["sức khỏe", 0.5],
  ],
  sim_data: [
    ["sim", 0.9],
    ["2g", 0.8],
    ["3g", 0.8],
    ["4g", 0.9],
    ["5g", 0.9],
    ["data", 0.8],
    ["dữ liệu di động", 0.9],
    ["mạng", 0.45],
    ["mạng yếu", 0.8],
    ["mất mạng", 0.8],
    ["mất sóng", 0.8],
    ["sóng yếu", 0.8],
    ["wifi", 0.6],
    ["thuê bao", 0.8],
    ["chuẩn hóa thuê bao", 1],
    ["chuẩn hóa thông tin thuê bao", 1],
    ["đăng ký sim", 1],
    ["gói cước", 0.8],
  ],
  e_commerce: [
    ["bán hàng online", 1],
    ["bán hàng trực tuyến", 1],
    ["bán hàng trên mạng", 1],
    ["bán hàng qua mạng", 1],
    ["bán online", 0.9],
    ["bán hàng", 0.6],
    ["gian hàng", 0.8],
    ["thương mại điện tử", 1],
    ["shopee", 1],
    ["lazada", 1],
    ["postmart", 1],
    ["voso", 1],
    ["sendo", 1],
    ["tiki", 0.9],
    ["livestream", 0.8],
    ["ocop", 0.5],
  ],
};

/** Field-report categories (SPEC §2 #3). */
const REPORT_CATEGORY_PHRASES: Record<Exclude<ReportCategory, "other">, PhraseList> = {
  environment: [
    ["rác", 0.8],
    ["rác thải", 1],
    ["đổ rác", 0.95],
    ["xả rác", 0.95],
    ["đốt rác", 1],
    ["môi trường", 0.9],
    ["ô nhiễm", 1],
    ["nước thải", 1],
    ["mùi hôi", 1],
    ["hôi thối", 1],
    ["bốc mùi", 0.9],
    ["cống rãnh", 0.9],
    ["tắc cống", 0.9],
    ["cống thoát nước", 0.9],
    ["ngập nước", 0.7],
    ["xác động vật", 0.9],
  ],
  urban_order: [
    ["lấn chiếm", 1],
    ["vỉa hè", 0.9],
    ["lòng lề đường", 0.9],
    ["trật tự", 0.7],
    ["trật tự đô thị", 1],
    ["văn minh đô thị", 0.9],
    ["đỗ xe", 0.9],
    ["đậu xe", 0.9],
    ["bán hàng rong", 0.8],
    ["xây dựng trái phép", 0.9],
    ["xây trái phép", 0.9],
    ["quảng cáo", 0.6],
    ["tiếng ồn", 0.8],
    ["ồn ào", 0.8],
    ["karaoke", 0.8],
  ],
  roads: [
    ["đường", 0.4],
    ["đường sá", 0.9],
    ["đường xá", 0.9],
    ["mặt đường", 0.9],
    ["đường hư", 0.9],
    ["đường hỏng", 0.9],
    ["đường xấu", 0.8],
    ["đường bị", 0.6],
    ["đường ngập", 0.8],
    ["ổ gà", 1],
    ["ổ voi", 1],
    ["hố sâu", 0.9],
    ["hố ga", 0.9],
    ["hố to", 0.9],
    ["hố lớn", 0.9],
    ["cái hố", 0.8],
    ["sạt lở", 1],
    ["lở đất", 0.9],
    ["sụt lún", 0.9],
    ["cây cầu", 0.9],
    ["cầu treo", 0.9],
    ["cầu tre", 0.9],
    ["cầu gỗ", 0.9],
    ["cầu bị", 0.7],
    ["cầu hư", 0.8],
    ["cầu hỏng", 0.8],
    ["cầu sập", 0.9],
    ["giao thông", 0.6],
    ["biển báo", 0.7],
  ],
  lighting: [
    ["đèn đường", 1],
    ["chiếu sáng", 0.95],
    ["đèn chiếu sáng", 1],
    ["bóng đèn", 0.9],
    ["cột đèn", 0.9],
    ["đèn cao áp", 0.9],
    ["đèn hỏng", 0.9],
    ["hỏng đèn", 0.9],
    ["đèn bị", 0.8],
    ["đèn tắt", 0.8],
    ["đèn tối", 0.9],
    ["đèn không sáng", 1],
    ["điện tối", 0.8],
    ["tối om", 0.8],
    ["tối thui", 0.8],
    ["mất điện", 0.5],
  ],
  security: [
    ["trộm", 0.9],
    ["ăn trộm", 1],
    ["mất trộm", 1],
    ["trộm cắp", 1],
    ["mất cắp", 0.9],
    ["an ninh", 0.9],
    ["an ninh trật tự", 1],
    ["đánh nhau", 1],
    ["gây rối", 1],
    ["hành hung", 0.9],
    ["lừa đảo", 0.9],
    ["cướp", 0.9],
    ["cướp giật", 1],
    ["ma túy", 1],
    ["cờ bạc", 0.9],
    ["đánh bạc", 0.9],
    ["say xỉn", 0.7],
    ["người lạ", 0.6],
    ["đối tượng lạ", 0.8],
  ],
};

// ---------------------------------------------------------------------------------------------
// Tuning constants, each with its reason.
// ---------------------------------------------------------------------------------------------

/** Below this an intent is a guess we would rather not act on: we show the menu instead. */
const INTENT_THRESHOLD = 0.4;
/** Naming a topic ("vneid") is itself a request for help, but weaker than saying "cần giúp". */
const HELP_TOPIC_TO_INTENT = 0.6;
/** Naming a problem ("rác thải") usually means a report; "đường" alone (0.4 × 0.5) does not. */
const REPORT_TOPIC_TO_INTENT = 0.5;
/** Asking how to do a digital task is a help request, so a clear topic halves the question score. */
const QUESTION_DAMPING_WITH_TOPIC = 0.5;
/** Only a specific digital topic (VNeID, a wallet) damps a question; "bảo hiểm y tế" may be a policy question. */
const CLEAR_TOPIC_WEIGHT = 0.8;
/** A "?" hints at a question without deciding it. */
const QUESTION_MARK_WEIGHT = 0.4;
/** Content this strong beats any small talk in the same message. */
const CLEAR_CONTENT = 0.6;
/** When the runner-up is this close we are less sure, and say so in the confidence. */
const AMBIGUITY_MARGIN = 0.1;
const AMBIGUITY_PENALTY = 0.8;
/** Yes/no words only mean yes/no in a short reply ("không biết cài" is not a "no"). */
const SHORT_REPLY_MAX_TOKENS = 5;
/** Long pastes are cut: intent lives in the first sentences and this bounds the work. */
const MAX_TOKENS = 80;

/** Intents that ask for something; they beat small talk in a mixed message ("chào ad, cần giúp…"). */
const CONTENT_INTENTS: readonly KnownIntent[] = [
  "help",
  "report",
  "question",
  "my_requests",
  "announcements",
  "contacts",
  "open_app",
  "human",
  "menu",
];
const SMALL_TALK_INTENTS: readonly KnownIntent[] = ["greeting", "thanks", "yes", "no"];

/** Words that may surround "có"/"không" in a short reply without making it a sentence. */
const REPLY_FILLERS = new Set([
  "a",
  "ah",
  "admin",
  "nhe",
  "nha",
  "nhen",
  "roi",
  "em",
  "anh",
  "chi",
  "oi",
  "ha",
  "nhi",
  "ban",
  "minh",
  "toi",
  "luon",
  "dau",
  "ma",
  "vay",
  "day",
  "da",
  "chu",
]);

// ---------------------------------------------------------------------------------------------
// Normalisation of chat spelling.
// ---------------------------------------------------------------------------------------------

/** Chat abbreviations and teen-code, folded form → what they stand for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  k: "khong",
  ko: "khong",
  kh: "khong",
  khg: "khong",
  kg: "khong",
  hok: "khong",
  hem: "khong",
  dc: "duoc",
  j: "gi",
  jup: "giup",
  zup: "giup",
  hd: "huong dan",
  ntn: "nhu the nao",
  sdt: "so dien thoai",
  dvc: "dich vu cong",
  dvctt: "dich vu cong truc tuyen",
  tmdt: "thuong mai dien tu",
  bhxh: "bao hiem xa hoi",
  bhyt: "bao hiem y te",
  hs: "ho so",
  tb: "thong bao",
  yc: "yeu cau",
  pa: "phan anh",
  cb: "can bo",
  ng: "nguoi",
  mn: "moi nguoi",
  lm: "lam",
  vs: "voi",
  r: "roi",
  tui: "toi",
  ad: "admin",
  add: "admin",
  tks: "cam on",
  thks: "cam on",
  thx: "cam on",
  thank: "cam on",
  thanks: "cam on",
  camon: "cam on",
  oke: "ok",
  okie: "ok",
  oki: "ok",
  okay: "ok",
  okela: "ok",
  uh: "u",
  uk: "u",
  uhm: "um",
};

/** English words starting with f that must not become "ph…". */
const KEEP_F = new Set(["facebook", "fb", "file", "free", "form", "fanpage"]);

/**
 * Collapses a stretched ending ("anhhh" → "anh", "okkk" → "ok"). Only letters, so "100" stays.
 * Vietnamese words never end in a doubled letter, so this loses nothing.
 */
function collapseStretch(token: string): string {
  return token.replace(/([a-z])\1+$/, "$1");
}

/** Vietnamese has no f and writes gi, not j: "fan anh" → "phan anh", "jờ" → "gio". */
function respell(token: string): string {
  if (token.startsWith("f") && token.length > 1 && !KEEP_F.has(token)) return `ph${token.slice(1)}`;
  if (token.startsWith("j") && token.length > 1) return `gi${token.slice(1)}`;
  return token;
}

/** Folded, normalised tokens of a message or of a table phrase (both go through here). */
export function normaliseTokens(text: string): string[] {
  const raw = foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
  const out: string[] = [];
  for (const token of raw) {
    const collapsed = collapseStretch(token);
    const expanded = ABBREVIATIONS[collapsed] ?? respell(collapsed);
    out.push(...expanded.split(" "));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fuzzy token comparison.
// ---------------------------------------------------------------------------------------------

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance: "vnied" ↔ "vneid" is 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Table words that one typo away collide with common words ("đường"↔"dùng", "chuẩn"↔"chưa"). */
const EXACT_ONLY = new Set(["duong", "chuan"]);
/** Short words are too dense: "cai" one edit away is "cái", "cầu", "còi"… so only 5+ letters are fuzzy. */
const FUZZY_MIN_LENGTH = 5;

/**
 * A message token matches a table token exactly, or one edit away when the table word is long,
 * the typed word not much shorter, and both start with the same letter (typos rarely hit the first).
 */
export function tokenMatches(input: string, expected: string): boolean {
  if (input === expected) return true;
  if (expected.length < FUZZY_MIN_LENGTH || input.length < FUZZY_MIN_LENGTH - 1) return false;
  if (input[0] !== expected[0] || EXACT_ONLY.has(expected) || /\d/.test(expected + input)) return false;
  if (Math.abs(input.length - expected.length) > 1) return false;
  return editDistance(input, expected) <= 1;
}

// ---------------------------------------------------------------------------------------------
// Phrase matching.
// ---------------------------------------------------------------------------------------------

type Target =
  | { kind: "intent"; intent: KnownIntent }
  | { kind: "help"; category: Exclude<HelpCategory, "other"> }
  | { kind: "report"; category: Exclude<ReportCategory, "other"> };

interface CompiledPhrase {
  text: string;
  tokens: string[];
  joined: string;
  weight: number;
  target: Target;
}

/** A phrase found in the message, over input tokens [start, end). */
export interface PhraseMatch {
  phrase: string;
  weight: number;
  target: Target;
  start: number;
  end: number;
}

function compile(list: PhraseList, target: Target): CompiledPhrase[] {
  return list.map(([text, weight]) => {
    const tokens = normaliseTokens(text);
    return { text, tokens, joined: tokens.join(""), weight, target };
  });
}

function compileAll(): { intents: CompiledPhrase[]; topics: CompiledPhrase[] } {
  const intents = Object.entries(INTENT_PHRASES).flatMap(([intent, list]) =>
    compile(list, { kind: "intent", intent: intent as KnownIntent }),
  );
  const help = Object.entries(HELP_CATEGORY_PHRASES).flatMap(([category, list]) =>
    compile(list, { kind: "help", category: category as Exclude<HelpCategory, "other"> }),
  );
  const report = Object.entries(REPORT_CATEGORY_PHRASES).flatMap(([category, list]) =>
    compile(list, { kind: "report", category: category as Exclude<ReportCategory, "other"> }),
  );
  return { intents, topics: [...help, ...report] };
}

const COMPILED = compileAll();

/**
 * How many message tokens the phrase covers starting at `i`, or 0. Besides word-by-word, a
 * multi-word phrase may be typed as one word ("miniapp", "zalopay") and a long one-word phrase
 * may be split in two ("vn eid").
 */
function matchLengthAt(tokens: readonly string[], i: number, phrase: CompiledPhrase): number {
  const first = tokens[i];
  if (first === undefined) return 0;
  const sequential = phrase.tokens.every((expected, k) => {
    const input = tokens[i + k];
    return input !== undefined && tokenMatches(input, expected);
  });
  if (sequential) return phrase.tokens.length;
  if (phrase.tokens.length > 1 && tokenMatches(first, phrase.joined)) return 1;
  const second = tokens[i + 1];
  if (phrase.tokens.length === 1 && phrase.joined.length >= FUZZY_MIN_LENGTH && second !== undefined) {
    if (tokenMatches(first + second, phrase.joined)) return 2;
  }
  return 0;
}

function findMatches(tokens: readonly string[], phrases: readonly CompiledPhrase[]): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (const phrase of phrases) {
    for (let i = 0; i < tokens.length; i++) {
      const length = matchLengthAt(tokens, i, phrase);
      if (length > 0) {
        found.push({
          phrase: phrase.text,
          weight: phrase.weight,
          target: phrase.target,
          start: i,
          end: i + length,
        });
      }
    }
  }
  return found;
}

/**
 * A longer phrase hides the shorter ones inside it: "phản ánh của tôi" is about my requests, not a
 * new report; "hồ sơ sức khỏe" is e-health, not a dossier; "không đồng ý" is no, not yes.
 */
function dropContained(matches: readonly PhraseMatch[]): PhraseMatch[] {
  return matches.filter(
    (m) =>
      !matches.some(
        (other) => other.start <= m.start && other.end >= m.end && other.end - other.start > m.end - m.start,
      ),
  );
}

// ---------------------------------------------------------------------------------------------
// Scoring.
// ---------------------------------------------------------------------------------------------

/** Independent pieces of evidence combine as 1 − Π(1 − w): more evidence, never above 1. */
function noisyOr(weights: readonly number[]): number {
  return 1 - weights.reduce((rest, w) => rest * (1 - w), 1);
}

/** The category with the most evidence; several phrases of one category add up ("đỗ xe", "trật tự"). */
function bestTopic<C extends string>(
  matches: readonly PhraseMatch[],
  kind: "help" | "report",
): { category: C; weight: number } | undefined {
  const byCategory = new Map<C, number[]>();
  for (const m of matches) {
    if (m.target.kind !== kind) continue;
    const category = m.target.category as C;
    byCategory.set(category, [...(byCategory.get(category) ?? []), m.weight]);
  }
  let best: { category: C; weight: number } | undefined;
  for (const [category, weights] of byCategory) {
    const weight = noisyOr(weights);
    if (!best || weight > best.weight) best = { category, weight };
  }
  return best;
}

/** Yes/no words count only when the whole message is a short reply made of them and fillers. */
function isShortReply(tokens: readonly string[], matches: readonly PhraseMatch[]): boolean {
  if (tokens.length === 0 || tokens.length > SHORT_REPLY_MAX_TOKENS) return false;
  return tokens.every(
    (token, i) =>
      REPLY_FILLERS.has(token) ||
      matches.some(
        (m) =>
          m.target.kind === "intent" &&
          (m.target.intent === "yes" || m.target.intent === "no") &&
          m.start <= i &&
          i < m.end,
      ),
  );
}

/** Everything the decision was based on, for logs, tests and "why did the bot say that?". */
export interface Explanation {
  tokens: string[];
  matches: PhraseMatch[];
  scores: Partial<Record<KnownIntent, number>>;
  helpTopic?: { category: Exclude<HelpCategory, "other">; weight: number };
  reportTopic?: { category: Exclude<ReportCategory, "other">; weight: number };
}

export function explainUnderstanding(text: string): Explanation {
  const tokens = normaliseTokens(text).slice(0, MAX_TOKENS);
  const intentMatches = dropContained(findMatches(tokens, COMPILED.intents));
  const topicMatches = dropContained(findMatches(tokens, COMPILED.topics));
  const helpTopic = bestTopic<Exclude<HelpCategory, "other">>(topicMatches, "help");
  const reportTopic = bestTopic<Exclude<ReportCategory, "other">>(topicMatches, "report");
  const shortReply = isShortReply(tokens, intentMatches);

  const evidence = new Map<KnownIntent, number[]>();
  const add = (intent: KnownIntent, weight: number): void => {
    evidence.set(intent, [...(evidence.get(intent) ?? []), weight]);
  };
  for (const m of intentMatches) {
    if (m.target.kind !== "intent") continue;
    if ((m.target.intent === "yes" || m.target.intent === "no") && !shortReply) continue;
    add(m.target.intent, m.weight);
  }
  if (helpTopic) add("help", HELP_TOPIC_TO_INTENT * helpTopic.weight);
  if (reportTopic) add("report", REPORT_TOPIC_TO_INTENT * reportTopic.weight);
  if (/[?？]/.test(text)) add("question", QUESTION_MARK_WEIGHT);

  const scores: Partial<Record<KnownIntent, number>> = {};
  for (const [intent, weights] of evidence) scores[intent] = noisyOr(weights);
  if (scores.question !== undefined && helpTopic && helpTopic.weight >= CLEAR_TOPIC_WEIGHT) {
    scores.question *= QUESTION_DAMPING_WITH_TOPIC;
  }
  return { tokens, matches: [...intentMatches, ...topicMatches], scores, helpTopic, reportTopic };
}

function ranked(scores: Explanation["scores"], group: readonly KnownIntent[]): [KnownIntent, number][] {
  return group
    .map((intent): [KnownIntent, number] => [intent, scores[intent] ?? 0])
    .filter(([, score]) => score > 0)
    .sort((a, b) => b[1] - a[1]);
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Content beats small talk when it is clear, or at least as strong ("chào ad, cần giúp cài VNeID"
 * is help, "chào tổ trưởng" stays a greeting); a tie between yes and no is not an answer.
 */
function decide(scores: Explanation["scores"]): { intent: Intent; confidence: number } {
  const content = ranked(scores, CONTENT_INTENTS);
  const smallTalk = ranked(scores, SMALL_TALK_INTENTS);
  const contentBest = content[0]?.[1] ?? 0;
  const smallTalkBest = smallTalk[0]?.[1] ?? 0;
  const contentWins = contentBest >= Math.max(INTENT_THRESHOLD, Math.min(smallTalkBest, CLEAR_CONTENT));
  const pool = contentWins ? content : smallTalk;
  const [winner, runnerUp] = pool;
  if (!winner || winner[1] < INTENT_THRESHOLD) {
    return { intent: "unknown", confidence: round(Math.max(contentBest, smallTalkBest)) };
  }
  if ((scores.yes ?? 0) > 0 && scores.yes === scores.no && (winner[0] === "yes" || winner[0] === "no")) {
    return { intent: "unknown", confidence: round(INTENT_THRESHOLD / 2) };
  }
  const close = runnerUp !== undefined && winner[1] - runnerUp[1] < AMBIGUITY_MARGIN;
  return { intent: winner[0], confidence: round(close ? winner[1] * AMBIGUITY_PENALTY : winner[1]) };
}

/** What a resident's message asks for. Pure: same text, same answer. */
export function understand(text: string): Understanding {
  const explanation = explainUnderstanding(text);
  const { intent, confidence } = decide(explanation.scores);
  if (intent === "help")
    return { intent, helpCategory: explanation.helpTopic?.category ?? "other", confidence };
  if (intent === "report") {
    return { intent, reportCategory: explanation.reportTopic?.category ?? "other", confidence };
  }
  return { intent, confidence };
}
