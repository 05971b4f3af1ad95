/**
 * The printable survey QR for the one-stop desk: a PNG of the code, and an A4 PDF poster with
 * the title, the commune, the procedure field, the code and plain instructions. The DejaVu fonts
 * cover every Vietnamese diacritic, so the poster prints correctly without system fonts.
 */
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

/** Pixels of the PNG: about 8.5 cm at 300 dpi, sharp when printed or scaled on the poster. */
const QR_PIXELS = 1000;

/** The QR code of a link as a PNG, with a quiet zone and error correction for worn prints. */
export function qrPng(link: string): Promise<Buffer> {
  return QRCode.toBuffer(link, { type: "png", width: QR_PIXELS, margin: 4, errorCorrectionLevel: "M" });
}

export interface PosterText {
  /** e.g. "Xã Cẩm Thanh". */
  communeName: string;
  /** e.g. "Hộ tịch". */
  fieldLabel: string;
  link: string;
}

export const POSTER_TITLE = "Đánh giá mức độ hài lòng";

export const POSTER_STEPS = [
  "Mở Zalo trên điện thoại, chạm biểu tượng quét mã QR.",
  "Đưa camera vào mã QR ở trên, Zalo sẽ mở trang đánh giá.",
  "Chạm số sao: 1 sao là chưa hài lòng, 5 sao là rất hài lòng.",
  "Nếu muốn, ghi thêm góp ý rồi chạm “Gửi đánh giá”.",
];

/** "Xã Cẩm Thanh" → "UBND xã Cẩm Thanh", as the heading of an official notice reads. */
function issuer(communeName: string): string {
  return `UBND ${communeName.charAt(0).toLocaleLowerCase("vi")}${communeName.slice(1)}`;
}

/** The A4 poster as a PDF. */
export async function posterPdf(text: PosterText): Promise<Buffer> {
  const qr = await qrPng(text.link);
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: `${POSTER_TITLE} – ${text.fieldLabel}`, Author: issuer(text.communeName) },
  });
  doc.registerFont("regular", FONT_REGULAR);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - 2 * 56;
  const centered = { width, align: "center" as const };
  doc.font("bold").fontSize(15).fillColor("#1f2937").text(issuer(text.communeName).toUpperCase(), centered);
  doc.font("regular").fontSize(12).text("Bộ phận Tiếp nhận và Trả kết quả (Một cửa)", centered);
  doc.moveDown(1.2);
  doc.font("bold").fontSize(30).fillColor("#0b5cad").text(POSTER_TITLE.toUpperCase(), centered);
  doc.moveDown(0.3);
  doc.font("regular").fontSize(15).fillColor("#1f2937").text("về giải quyết thủ tục hành chính", centered);
  doc.moveDown(0.6);
  doc.font("bold").fontSize(20).text(`Lĩnh vực: ${text.fieldLabel}`, centered);
  doc.moveDown(0.8);

  const qrSize = 280;
  const qrTop = doc.y;
  doc.image(qr, (doc.page.width - qrSize) / 2, qrTop, { width: qrSize, height: qrSize });
  doc.y = qrTop + qrSize + 16;

  doc.font("bold").fontSize(16).text("Cách đánh giá:", 56, doc.y, { width });
  doc.moveDown(0.3);
  POSTER_STEPS.forEach((step, i) => {
    doc
      .font("regular")
      .fontSize(14)
      .text(`${i + 1}. ${step}`, { width, paragraphGap: 4 });
  });
  doc.moveDown(0.8);
  doc
    .font("regular")
    .fontSize(12)
    .fillColor("#374151")
    .text(
      "Kết quả chỉ được tổng hợp theo số sao, không hiển thị tên người đánh giá. Xin cảm ơn anh/chị!",
      centered,
    );
  doc.moveDown(0.5);
  doc.fontSize(9).fillColor("#6b7280").text(text.link, centered);
  doc.end();
  return done;
}
