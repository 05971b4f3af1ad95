/**
 * The admin-curated FAQ the chatbot answers from before a question goes to a person. Search is
 * SQLite FTS5 over folded text (no diacritics), ranked by bm25, and an answer is offered only
 * when most of the question's meaningful words are found in it.
 */
import { foldVietnamese } from "@cau-noi/shared";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { faqEntries } from "../db/schema";

/** Words too common to say anything about what is asked. */
const STOPWORDS = new Set(
  "a ah a oi ban cho co cac cai can cua da de den di do duoc gi hay hoi khong la lam len lieu ma minh muon nao nay neu nhe nhu nhung o oi ra roi sao se thi the theo thi toi tu va vay ve voi xin ak ad em anh chi".split(
    " ",
  ),
);

function searchText(entry: { question: string; answer: string; keywords: string }): string {
  return foldVietnamese(`${entry.question} ${entry.keywords} ${entry.answer}`);
}

export function addFaqEntry(
  tx: Tx | Db,
  entry: { communeId: number | null; question: string; answer: string; keywords?: string },
): number {
  const row = tx
    .insert(faqEntries)
    .values({
      communeId: entry.communeId,
      question: entry.question,
      answer: entry.answer,
      keywords: entry.keywords ?? "",
    })
    .returning()
    .get();
  tx.run(sql`insert into faq_fts(rowid, text) values (${row.id}, ${searchText(row)})`);
  return row.id;
}

/**
 * Rewrites an entry and its search text together (call inside the caller's transaction), so the
 * chatbot never finds an entry by words it no longer has.
 */
export function updateFaqEntry(
  tx: Tx,
  id: number,
  changes: Partial<{ question: string; answer: string; keywords: string; active: boolean }>,
) {
  const row =
    Object.keys(changes).length === 0
      ? tx.select().from(faqEntries).where(eq(faqEntries.id, id)).get()
      : tx.update(faqEntries).set(changes).where(eq(faqEntries.id, id)).returning().get();
  if (!row) throw new Error(`faq entry ${id} not found`);
  tx.run(sql`delete from faq_fts where rowid = ${id}`);
  tx.run(sql`insert into faq_fts(rowid, text) values (${id}, ${searchText(row)})`);
  return row;
}

/** Deletes an entry and its search text together (call inside the caller's transaction). */
export function removeFaqEntry(tx: Tx, id: number) {
  tx.run(sql`delete from faq_fts where rowid = ${id}`);
  tx.delete(faqEntries).where(eq(faqEntries.id, id)).run();
}

/** Meaningful folded words of a question, safe to put in an FTS5 query. */
export function queryWords(text: string): string[] {
  return [
    ...new Set(
      foldVietnamese(text)
        .replace(/[^a-z0-9 ]/g, " ")
        .split(" ")
        .filter((w) => w.length > 1 && !STOPWORDS.has(w)),
    ),
  ];
}

export interface FaqMatch {
  id: number;
  question: string;
  answer: string;
  /** Share of the asked words found in the entry, 0..1. */
  coverage: number;
}

/** The best FAQ entry for a question in a commune (or shared by all), if it is good enough. */
export function searchFaq(
  db: Db | Tx,
  communeId: number | null,
  text: string,
  minCoverage = 0.6,
): FaqMatch | undefined {
  const words = queryWords(text);
  if (words.length === 0) return undefined;
  const match = words.map((w) => `"${w}"`).join(" OR ");
  const hits = db.all<{ id: number; text: string }>(
    sql`select rowid as id, text from faq_fts where faq_fts match ${match} order by bm25(faq_fts) limit 10`,
  );
  if (hits.length === 0) return undefined;
  const entries = db
    .select()
    .from(faqEntries)
    .where(
      and(
        inArray(
          faqEntries.id,
          hits.map((h) => h.id),
        ),
        eq(faqEntries.active, true),
        communeId === null
          ? isNull(faqEntries.communeId)
          : or(isNull(faqEntries.communeId), eq(faqEntries.communeId, communeId)),
      ),
    )
    .all();
  // bm25 order first; coverage decides whether the best hit really answers the question.
  for (const hit of hits) {
    const entry = entries.find((e) => e.id === hit.id);
    if (!entry) continue;
    const indexed = new Set(hit.text.split(" "));
    const coverage = words.filter((w) => indexed.has(w)).length / words.length;
    if (coverage >= minCoverage)
      return { id: entry.id, question: entry.question, answer: entry.answer, coverage };
  }
  return undefined;
}

/** Questions residents ask often (seeds-digest §2.20–2.21), shared by every commune. */
export const DEMO_FAQ: { question: string; answer: string; keywords: string }[] = [
  {
    question: "Làm căn cước cho trẻ em dưới 14 tuổi cần những gì?",
    answer:
      "Cha, mẹ hoặc người giám hộ đưa trẻ đến Công an xã (trẻ dưới 6 tuổi có thể làm trực tuyến trên VNeID), mang giấy khai sinh của trẻ và căn cước của người đi cùng. Trẻ từ 6 đến dưới 14 tuổi được thu nhận ảnh, vân tay tại chỗ.",
    keywords: "căn cước cccd trẻ em con dưới 14 tuổi dưới 6 tuổi làm cấp",
  },
  {
    question: "Kích hoạt định danh điện tử VNeID mức 2 ở đâu?",
    answer:
      "Anh/chị mang căn cước gắn chip và điện thoại có số thuê bao chính chủ đến Công an xã để đăng ký, sau đó kích hoạt trên ứng dụng VNeID. Tổ công nghệ số của thôn có thể đến nhà hướng dẫn miễn phí.",
    keywords: "vneid định danh điện tử mức 2 kích hoạt tài khoản",
  },
  {
    question: "Đăng ký khai sinh trực tuyến như thế nào?",
    answer:
      "Vào Cổng dịch vụ công quốc gia (dichvucong.gov.vn) bằng tài khoản VNeID, chọn “Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ dưới 6 tuổi”, khai thông tin và tải ảnh giấy chứng sinh. Kết quả trả qua bưu điện hoặc tại Bộ phận Một cửa.",
    keywords: "khai sinh đăng ký trực tuyến online giấy khai sinh con mới sinh",
  },
  {
    question: "Giờ làm việc của Bộ phận Một cửa xã?",
    answer:
      "Từ thứ Hai đến thứ Sáu: sáng 7 giờ 30 đến 11 giờ 30, chiều 13 giờ 30 đến 17 giờ. Nghỉ thứ Bảy, Chủ nhật và ngày lễ.",
    keywords: "giờ làm việc một cửa mở cửa thời gian tiếp dân",
  },
  {
    question: "Thành viên Tổ công nghệ số có thu phí hay hỏi mã OTP không?",
    answer:
      "Không. Tổ công nghệ số cộng đồng hỗ trợ hoàn toàn miễn phí và không bao giờ hỏi mã OTP, mật khẩu hay đề nghị chuyển tiền. Nếu có người như vậy, anh/chị báo ngay cho Công an xã.",
    keywords: "thu phí tiền otp mật khẩu lừa đảo giả mạo",
  },
  {
    question: "Nhận lương hưu, trợ cấp qua tài khoản ngân hàng thế nào?",
    answer:
      "Anh/chị mở tài khoản ngân hàng hoặc ví điện tử đứng tên mình, rồi đăng ký số tài khoản với cán bộ Lao động – Thương binh và Xã hội của xã hoặc Bưu điện. Tổ công nghệ số có thể giúp mở tài khoản tại nhà.",
    keywords: "lương hưu trợ cấp bảo trợ xã hội tài khoản ngân hàng nhận tiền",
  },
];
