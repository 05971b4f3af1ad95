import { FIELD_REPORT_CATEGORIES, HELP_CATEGORIES } from "@cau-noi/shared";
import { describe, expect, it } from "vitest";
import {
  editDistance,
  explainUnderstanding,
  type Intent,
  normaliseTokens,
  tokenMatches,
  understand,
} from "../bot-server/src/chatbot/understand";

type Case = readonly [text: string, intent: Intent, category?: string];

const HELP_CASES: readonly Case[] = [
  ["can giup cai vneid", "help", "vneid_level2"],
  ["Cần giúp cài VNeID", "help", "vneid_level2"],
  ["CẦN GIÚP CÀI VNEID", "help", "vneid_level2"],
  ["nho to cai vneid muc 2 cho me", "help", "vneid_level2"],
  ["vneid", "help", "vneid_level2"],
  ["vnied", "help", "vneid_level2"],
  ["cai vnid giup em", "help", "vneid_level2"],
  ["jup toi kich hoat dinh danh dien tu", "help", "vneid_level2"],
  ["làm sao cài VNeID", "help", "vneid_level2"],
  ["hd cai vneid muc 2", "help", "vneid_level2"],
  ["huong dan kich hoat tai khoan dinh danh", "help", "vneid_level2"],
  ["nhờ tổ tạo tài khoản dịch vụ công", "help", "public_service_account"],
  ["tao tai khoan dvc", "help", "public_service_account"],
  ["quen mat khau tai khoan cong", "help", "public_service_account"],
  ["cần hỗ trợ nộp hồ sơ trực tuyến", "help", "online_dossier"],
  ["khai sinh online cho con", "help", "online_dossier"],
  ["nop hs online giup em voi", "help", "online_dossier"],
  ["cài ví điện tử giùm tôi", "help", "e_payment"],
  ["khong biet cai zalopay", "help", "e_payment"],
  ["huong dan chuyen khoan bang momo", "help", "e_payment"],
  ["can giup cai Viettel Money", "help", "e_payment"],
  ["VNPT Money", "help", "e_payment"],
  ["tạo mã QR cho quán", "help", "e_payment"],
  ["thanh toán tiền điện qua app ngân hàng", "help", "e_payment"],
  ["cài VssID", "help", "vssid"],
  ["cai vsid cho bo", "help", "vssid"],
  ["tra cuu bao hiem xa hoi", "help", "vssid"],
  ["kich hoat so suc khoe dien tu", "help", "e_health"],
  ["hồ sơ sức khỏe điện tử", "help", "e_health"],
  ["chuẩn hóa thuê bao SIM", "help", "sim_data"],
  ["điện thoại không vào được 4G, cần giúp", "help", "sim_data"],
  ["dang ky goi data", "help", "sim_data"],
  ["muốn bán hàng online trên Shopee", "help", "e_commerce"],
  ["mo gian hang postmart", "help", "e_commerce"],
  ["huong dan ban hang tren mang", "help", "e_commerce"],
  ["cần giúp", "help", "other"],
  ["nhờ tổ công nghệ đến nhà", "help", "other"],
  ["giup voi", "help", "other"],
];

const REPORT_CASES: readonly Case[] = [
  ["phan anh rac thai o duong", "report", "environment"],
  ["Phản ánh rác thải", "report", "environment"],
  ["phan anhh rac", "report", "environment"],
  ["fan anh mui hoi nuoc thai", "report", "environment"],
  ["ô nhiễm môi trường ở bến đò", "report", "environment"],
  ["có người đổ rác bừa bãi ra bờ sông", "report", "environment"],
  ["phản ánh lấn chiếm vỉa hè", "report", "urban_order"],
  ["xe đỗ xe chắn lối đi, mất trật tự", "report", "urban_order"],
  ["phản ánh đèn đường hỏng", "report", "lighting"],
  ["đèn đường không sáng cả tuần nay", "report", "lighting"],
  ["PHAN ANH BONG DEN CHIEU SANG", "report", "lighting"],
  ["đường có ổ gà lớn trước trường", "report", "roads"],
  ["phan anh sat lo dat o thon 3", "report", "roads"],
  ["cây cầu tre bị hỏng", "report", "roads"],
  ["pa duong hu", "report", "roads"],
  ["phản ánh trộm chó", "report", "security"],
  ["tối qua có đánh nhau gây rối ở chợ", "report", "security"],
  ["bị lừa đảo qua điện thoại", "report", "security"],
  ["toi muon phan anh", "report", "other"],
  ["gửi phản ánh hiện trường", "report", "other"],
];

const QUESTION_CASES: readonly Case[] = [
  ["cho hoi lam cccd cho con", "question"],
  ["thủ tục đăng ký khai sinh cần gì", "question"],
  ["xin hỏi giấy tờ gì để đăng ký kết hôn?", "question"],
  ["UBND xa lam viec den may gio?", "question"],
  ["chế độ người có công được hưởng như thế nào", "question"],
  ["toi co kien nghi ve lich hop thon", "question"],
  ["thu tuc chung thuc ban sao o dau", "question"],
  ["Con tôi cần làm căn cước", "question"],
  ["em muốn hỏi về chế độ bảo hiểm y tế cho người già", "question"],
];

const OTHER_INTENT_CASES: readonly Case[] = [
  ["yeu cau cua toi", "my_requests"],
  ["Yêu cầu của tôi đã xử lý chưa", "my_requests"],
  ["phản ánh của tôi", "my_requests"],
  ["xem tình trạng yc", "my_requests"],
  ["thong bao moi", "announcements"],
  ["Có tin tức gì mới không", "announcements"],
  ["xem van ban moi", "announcements"],
  ["tb", "announcements"],
  ["so dien thoai cong an xa", "contacts"],
  ["sdt tram y te", "contacts"],
  ["Liên hệ trưởng thôn", "contacts"],
  ["cho xin số tổ trưởng", "contacts"],
  ["đường dây nóng môi trường", "contacts"],
  ["mo mini app", "open_app"],
  ["miniapp", "open_app"],
  ["Mở ứng dụng Cầu Nối", "open_app"],
  ["gap can bo", "human"],
  ["cho tôi nói chuyện với người thật", "human"],
  ["gặp tư vấn viên", "human"],
  ["chao ad", "greeting"],
  ["Xin chào", "greeting"],
  ["alo", "greeting"],
  ["hello", "greeting"],
  ["chào tổ trưởng", "greeting"],
  ["ad ơi", "greeting"],
  ["menu", "menu"],
  ["quay lai danh muc", "menu"],
  ["cam on", "thanks"],
  ["Cảm ơn ad nhiều", "thanks"],
  ["tks", "thanks"],
  ["ok cảm ơn", "thanks"],
];

const YES_NO_CASES: readonly Case[] = [
  ["k", "no"],
  ["ko", "no"],
  ["khong", "no"],
  ["Không", "no"],
  ["khongg", "no"],
  ["thôi", "no"],
  ["hủy", "no"],
  ["không cần đâu ạ", "no"],
  ["ko đồng ý", "no"],
  ["dc", "yes"],
  ["đc", "yes"],
  ["vâng", "yes"],
  ["vâng ạ", "yes"],
  ["ok", "yes"],
  ["okkk", "yes"],
  ["oke nhé", "yes"],
  ["co", "yes"],
  ["Có", "yes"],
  ["ừ", "yes"],
  ["đồng ý", "yes"],
  ["dạ", "yes"],
  ["được rồi", "yes"],
];

const UNKNOWN_CASES: readonly string[] = [
  "hôm nay trời đẹp quá",
  "ăn cơm chưa",
  "haha",
  "con mèo nhà tôi đi lạc",
  "abc xyz",
  "123",
  "",
  "   ",
  "🙂",
  "tôi đang ra chợ mua cá",
  "co khong",
  "không biết",
];

/** Named rows so vitest's `it.each` keeps the types and titles read "$text → $intent". */
const rows = (cases: readonly Case[]) =>
  cases.map(([text, intent, category]) => ({ text, intent, category }));

function check({ text, intent, category }: ReturnType<typeof rows>[number]): void {
  const result = understand(text);
  expect(result.intent, JSON.stringify(explainUnderstanding(text).scores)).toBe(intent);
  expect(result.confidence).toBeGreaterThanOrEqual(0.4);
  expect(result.confidence).toBeLessThanOrEqual(1);
  if (intent === "help") expect(result.helpCategory).toBe(category);
  if (intent === "report") expect(result.reportCategory).toBe(category);
}

describe("understand: help requests and their category", () => {
  it.each(rows(HELP_CASES))("$text → $intent / $category", check);
});

describe("understand: field reports and their category", () => {
  it.each(rows(REPORT_CASES))("$text → $intent / $category", check);
});

describe("understand: questions", () => {
  it.each(rows(QUESTION_CASES))("$text → $intent", check);
});

describe("understand: menu intents and small talk", () => {
  it.each(rows(OTHER_INTENT_CASES))("$text → $intent", check);
});

describe("understand: short yes/no replies", () => {
  it.each(rows(YES_NO_CASES))("$text → $intent", check);
});

describe("understand: chatter is unknown with low confidence", () => {
  it.each(UNKNOWN_CASES)("%j", (text) => {
    const result = understand(text);
    expect(result.intent).toBe("unknown");
    expect(result.confidence).toBeLessThan(0.4);
    expect(result.helpCategory).toBeUndefined();
    expect(result.reportCategory).toBeUndefined();
  });
});

describe("understand: rules between intents", () => {
  it("covers every intent and category in the tables above", () => {
    const all = [...HELP_CASES, ...REPORT_CASES, ...QUESTION_CASES, ...OTHER_INTENT_CASES, ...YES_NO_CASES];
    const intents = new Set(all.map(([, intent]) => intent));
    expect([...intents].sort()).toEqual(
      [
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
      ].sort(),
    );
    const helpCategories = new Set(HELP_CASES.map(([, , c]) => c));
    expect([...helpCategories].sort()).toEqual([...HELP_CATEGORIES].sort());
    const reportCategories = new Set(REPORT_CASES.map(([, , c]) => c));
    expect([...reportCategories].sort()).toEqual([...FIELD_REPORT_CATEGORIES].sort());
    expect(all.length + UNKNOWN_CASES.length).toBeGreaterThanOrEqual(80);
  });

  it("gives the same answer with and without diacritics", () => {
    const pairs = [
      ["Cần giúp cài VNeID", "can giup cai vneid"],
      ["Phản ánh đèn đường hỏng", "phan anh den duong hong"],
      ["Số điện thoại công an xã", "so dien thoai cong an xa"],
      ["Thủ tục đăng ký khai sinh cần gì", "thu tuc dang ky khai sinh can gi"],
    ];
    for (const [marked, plain] of pairs) expect(understand(marked ?? "")).toEqual(understand(plain ?? ""));
  });

  it("treats asking how to do a digital task as help, and a procedure question as a question", () => {
    expect(understand("làm sao cài VNeID?").intent).toBe("help");
    expect(understand("cho hỏi cách chuyển khoản bằng ví điện tử").intent).toBe("help");
    expect(understand("thủ tục đăng ký khai sinh cần gì?").intent).toBe("question");
  });

  it("lets a request beat a greeting or thanks in the same message", () => {
    expect(understand("chào ad, em cần giúp cài vneid").intent).toBe("help");
    expect(understand("cảm ơn, cho hỏi thủ tục đăng ký kết hôn").intent).toBe("question");
  });

  it("reads yes/no words only in short replies", () => {
    expect(understand("không biết cài vneid").intent).toBe("help");
    expect(understand("có rác ở đầu ngõ").intent).toBe("report");
  });

  it("lets a longer phrase hide the shorter ones inside it", () => {
    expect(understand("phản ánh của tôi đã xử lý chưa").intent).toBe("my_requests");
    expect(understand("cài sổ sức khỏe điện tử").helpCategory).toBe("e_health");
    expect(understand("không đồng ý").intent).toBe("no");
    expect(understand("bán hàng trên mạng").helpCategory).toBe("e_commerce");
  });

  it("is more confident with more evidence", () => {
    expect(understand("vneid").confidence).toBeLessThan(understand("cần giúp cài vneid").confidence);
  });

  it("explains itself with the matched phrases", () => {
    const explanation = explainUnderstanding("can giup cai vnied");
    expect(explanation.matches.map((m) => m.phrase)).toEqual(expect.arrayContaining(["cần giúp", "vneid"]));
    expect(explanation.helpTopic?.category).toBe("vneid_level2");
  });

  it("survives a very long message", () => {
    const long = `${"bla ".repeat(5000)} cần giúp`;
    expect(() => understand(long)).not.toThrow();
  });
});

describe("normalisation and fuzzy matching", () => {
  it("expands chat abbreviations and respells teen-code", () => {
    expect(normaliseTokens("ko dc")).toEqual(["khong", "duoc"]);
    expect(normaliseTokens("hd cai dvc")).toEqual(["huong", "dan", "cai", "dich", "vu", "cong"]);
    expect(normaliseTokens("fan anhhh jup")).toEqual(["phan", "anh", "giup"]);
    expect(normaliseTokens("sdt")).toEqual(["so", "dien", "thoai"]);
  });

  it("computes Damerau–Levenshtein distance with transpositions", () => {
    expect(editDistance("vneid", "vnied")).toBe(1);
    expect(editDistance("vneid", "vnid")).toBe(1);
    expect(editDistance("vneid", "vneid")).toBe(0);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("tolerates one typo only in longer words with the same first letter", () => {
    expect(tokenMatches("vnied", "vneid")).toBe(true);
    expect(tokenMatches("huog", "huong")).toBe(true);
    expect(tokenMatches("cia", "cai")).toBe(false);
    expect(tokenMatches("thong", "khong")).toBe(false);
    expect(tokenMatches("dung", "duong")).toBe(false);
    expect(tokenMatches("vneidxx", "vneid")).toBe(false);
  });
});
