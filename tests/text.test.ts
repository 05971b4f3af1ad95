import { describe, expect, it } from "vitest";
import { containsPersonalNumber, foldVietnamese, redactPersonalData } from "../shared/src/text";

const PHONE = "[đã ẩn số điện thoại]";
const ID = "[đã ẩn số giấy tờ]";

describe("foldVietnamese", () => {
  it("lower-cases and strips diacritics", () => {
    expect(foldVietnamese("Khối phố 2")).toBe("khoi pho 2");
    expect(foldVietnamese("Cẩm Thanh")).toBe("cam thanh");
    expect(foldVietnamese("Nguyễn Thị Ánh Tuyết")).toBe("nguyen thi anh tuyet");
    expect(foldVietnamese("ă â ê ô ơ ư ỳ ỹ ỵ")).toBe("a a e o o u y y y");
  });

  it("folds đ and Đ to d", () => {
    expect(foldVietnamese("Đường")).toBe("duong");
    expect(foldVietnamese("đường Trần Hưng Đạo")).toBe("duong tran hung dao");
    expect(foldVietnamese("ĐẶNG")).toBe("dang");
  });

  it("collapses and trims whitespace", () => {
    expect(foldVietnamese("  Hội   An \t Quảng\nNam  ")).toBe("hoi an quang nam");
    expect(foldVietnamese("Thôn\u00a03")).toBe("thon 3");
  });

  it("gives the same result for precomposed and decomposed input", () => {
    const composed = "Phường Cẩm Phô";
    expect(foldVietnamese(composed.normalize("NFD"))).toBe(foldVietnamese(composed));
    expect(foldVietnamese(composed)).toBe("phuong cam pho");
  });

  it("leaves already folded text unchanged", () => {
    expect(foldVietnamese("khoi pho 2")).toBe("khoi pho 2");
  });
});

describe("redactPersonalData", () => {
  it.each([
    "0905123456",
    "0905 123 456",
    "0905.123.456",
    "0905-123-456",
    "+84905123456",
    "+84 905 123 456",
    "84905123456",
    "84 905 123 456",
    "024 3825 1234", // Hà Nội landline
  ])("masks the phone number %s", (phone) => {
    expect(redactPersonalData(`Gọi tôi theo số ${phone} nhé.`)).toBe(`Gọi tôi theo số ${PHONE} nhé.`);
    expect(redactPersonalData(phone)).toBe(PHONE);
  });

  it("masks a phone number glued to punctuation", () => {
    expect(redactPersonalData("SĐT:0905123456, Zalo:0935111222.")).toBe(`SĐT:${PHONE}, Zalo:${PHONE}.`);
  });

  it("masks 12-digit CCCD and 9-digit CMND numbers", () => {
    expect(redactPersonalData("CCCD 049203001234 của tôi")).toBe(`CCCD ${ID} của tôi`);
    expect(redactPersonalData("CMND số 201234567")).toBe(`CMND số ${ID}`);
    // An old Hà Nội CMND starts with 0 but is nine digits, not a phone number.
    expect(redactPersonalData("CMND 012345678")).toBe(`CMND ${ID}`);
  });

  it("masks several numbers in one text", () => {
    expect(redactPersonalData("Anh Minh, 0905123456, CCCD 049203001234, Thôn 3")).toBe(
      `Anh Minh, ${PHONE}, CCCD ${ID}, Thôn 3`,
    );
  });

  it.each([
    "Thôn 3, xã Cẩm Thanh",
    "Khối phố 2, phường Cẩm Phô",
    "Dự kiến xong trong năm 2025",
    "số nhà 12, kiệt 45 Nguyễn Duy Hiệu",
    "Biên nhận 123456",
    "Mã hồ sơ 1234567890",
    "Ngày 30/04/2026 lúc 10:00",
    "Không có số nào cả",
  ])("leaves ordinary text alone: %s", (text) => {
    expect(redactPersonalData(text)).toBe(text);
    expect(containsPersonalNumber(text)).toBe(false);
  });

  it("is idempotent", () => {
    const once = redactPersonalData("Liên hệ 0905 123 456 hoặc CCCD 049203001234");
    expect(redactPersonalData(once)).toBe(once);
  });
});

describe("containsPersonalNumber", () => {
  it.each([
    "Gọi 0905123456",
    "Gọi 0905 123 456",
    "Gọi 0905.123.456",
    "Gọi +84905123456",
    "Gọi 84 905 123 456",
    "CCCD 049203001234",
    "CMND 201234567",
  ])("is true before and false after redaction: %s", (text) => {
    expect(containsPersonalNumber(text)).toBe(true);
    expect(containsPersonalNumber(text)).toBe(true); // no state carried between calls
    expect(containsPersonalNumber(redactPersonalData(text))).toBe(false);
  });
});
