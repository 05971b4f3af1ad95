/**
 * Conversation transcripts over the whole OA channel: the Zalo stand-in posts signed webhook
 * events to the real app over HTTP, the inbox worker processes them, and each transcript asserts
 * the replies queued in the outbox and the records that result (persons, requests, photos).
 * Residents write with and without diacritics, and with typos.
 */
import { desc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WorkingCalendar } from "../bot-server/src/calendar/working-time";
import { persons, photos, requestPhotos, requests } from "../bot-server/src/db/schema";
import { SANDBOX_ZALO } from "../bot-server/src/env";
import { notifyChange } from "../bot-server/src/notifications/notifier";
import { createLifecycle } from "../bot-server/src/requests/lifecycle";
import { signatureHeader } from "../bot-server/src/webhook/signature";
import { type Chat, type Reply, startChat, texts } from "./helpers/chat";

let c: Chat;
beforeEach(async () => {
  c = await startChat();
});
afterEach(async () => {
  await c.close();
});

const lastRequest = () => c.db.select().from(requests).orderBy(desc(requests.id)).limit(1).get();
const personOf = (followerId: string) =>
  c.db.select().from(persons).where(eq(persons.oaFollowerId, followerId)).get();
const buttonTitles = (replies: Reply[]) => replies.flatMap((r) => r.buttons.map((b) => b.title));

/** A resident files a help request in chat and returns its id. */
async function fileHelpAs(key: string, text = "can giup cai vneid cho me toi") {
  const who = c.followerOf(key);
  const r = await c.say(who, text);
  await c.tap(who, r, "Đến nhà");
  c.drain();
  return lastRequest()?.id as number;
}

describe("first contact and the village", () => {
  it("1. greets a new resident and asks for the commune", async () => {
    const r = await c.say(c.followerOf("citizen-new"), "Xin chào");
    expect(texts(r)).toContain("xã, phường nào");
    expect(buttonTitles(r)).toEqual(["Phường Cẩm Phô", "Xã Cẩm Thanh", "Xã Phước Lộc"]);
  });

  it("2. lets them pick commune then village by buttons, and remembers it", async () => {
    const who = c.followerOf("citizen-new");
    let r = await c.say(who, "chao ban");
    r = await c.tap(who, r, "Xã Cẩm Thanh");
    expect(r).toHaveLength(2); // six villages, five buttons per message
    expect(buttonTitles(r)).toContain("Thôn 6");
    r = await c.tap(who, r, "Thôn 3");
    expect(texts(r)).toContain("Thôn 3, Xã Cẩm Thanh");
    expect(buttonTitles(r)).toContain("Nhờ Tổ công nghệ giúp");
    expect(personOf(who)?.homeVillageId).not.toBeNull();
  });

  it("3. understands a typed village without diacritics", async () => {
    const who = c.followerOf("citizen-new");
    let r = await c.say(who, "hello");
    r = await c.tap(who, r, "Xã Cẩm Thanh");
    r = await c.say(who, "thon 2");
    expect(texts(r)).toContain("Thôn 2, Xã Cẩm Thanh");
  });

  it("4. matches village and commune typed together", async () => {
    const who = c.followerOf("citizen-new");
    await c.say(who, "xin chào");
    const r = await c.say(who, "thôn 1 cẩm thanh");
    expect(texts(r)).toContain("Thôn 1, Xã Cẩm Thanh");
  });

  it("5. asks which one when a village name exists in two communes", async () => {
    const who = c.followerOf("citizen-new");
    await c.say(who, "xin chào");
    const r = await c.say(who, "thon 1");
    expect(texts(r)).toContain("gần giống");
    expect(buttonTitles(r)).toEqual(expect.arrayContaining(["Thôn 1, Xã Cẩm Thanh", "Thôn 1, Xã Phước Lộc"]));
    expect(personOf(who)?.homeVillageId).toBeNull();
  });

  it("6. finds a khối phố typed as 'khoi pho 2'", async () => {
    const who = c.followerOf("citizen-new");
    await c.say(who, "xin chào");
    const r = await c.say(who, "khoi pho 2");
    expect(texts(r)).toContain("Khối phố 2, Phường Cẩm Phô");
  });

  it("7. says so when it cannot find the village", async () => {
    const who = c.followerOf("citizen-new");
    await c.say(who, "xin chào");
    const r = await c.say(who, "qwerty zzz");
    expect(texts(r)).toContain("chưa tìm thấy");
    expect(personOf(who)?.homeVillageId).toBeNull();
  });

  it("8. keeps the first message and carries on once the village is known", async () => {
    const who = c.followerOf("citizen-new");
    let r = await c.say(who, "can giup cai vneid cho ba ngoai");
    expect(texts(r)).toContain("xã, phường nào");
    r = await c.tap(who, r, "Xã Cẩm Thanh");
    r = await c.tap(who, r, "Thôn 4");
    expect(texts(r)).toContain("Thôn 4, Xã Cẩm Thanh");
    expect(texts(r)).toContain("Định danh điện tử VNeID mức 2");
    expect(buttonTitles(r)).toContain("Đến nhà giúp");
  });

  it("9. welcomes a new follower and records the follow", async () => {
    c.addStranger("3100000000000000001", "3200000000000000001", "Khách Mới");
    const { mine } = await c.act("3100000000000000001", { follow: true });
    expect(texts(mine)).toContain("Cầu Nối xin chào");
    expect(texts(mine)).toContain("xã, phường nào");
    expect(personOf("3100000000000000001")).toMatchObject({
      oaFollowing: true,
      zaloAppUserId: "3200000000000000001",
    });
  });

  it("10. records an unfollow and sends nothing back", async () => {
    const who = c.followerOf("citizen-camthanh");
    const { mine } = await c.act(who, { unfollow: true });
    expect(mine).toEqual([]);
    expect(personOf(who)?.oaFollowing).toBe(false);
  });

  it("11. links the OA follower to the person who already used the mini app", async () => {
    const appOnly = c.db
      .insert(persons)
      .values({ zaloAppUserId: "3300000000000000001", displayName: "Dùng Mini App Trước" })
      .returning()
      .get();
    c.standin.addUser({
      followerId: "3400000000000000001",
      appUserId: "3300000000000000001",
      name: "Dùng Mini App Trước",
      following: false,
    });
    await c.act("3400000000000000001", { follow: true });
    expect(c.db.select().from(persons).where(eq(persons.id, appOnly.id)).get()?.oaFollowerId).toBe(
      "3400000000000000001",
    );
    expect(
      c.db.select().from(persons).where(eq(persons.zaloAppUserId, "3300000000000000001")).all(),
    ).toHaveLength(1);
  });
});

describe("asking the village team for help", () => {
  it("12. files a help request from 'can giup cai vneid' (no diacritics)", async () => {
    const who = c.followerOf("citizen-camthanh");
    let r = await c.say(who, "can giup cai vneid cho me toi");
    expect(texts(r)).toContain("Định danh điện tử VNeID mức 2");
    r = await c.tap(who, r, "Đến nhà");
    const row = lastRequest();
    expect(row).toMatchObject({
      kind: "help",
      category: "vneid_level2",
      meetingMode: "home_visit",
      routedTo: "team",
    });
    expect(texts(r)).toContain(`#${row?.id}`);
    expect(texts(r)).toContain("OTP");
  });

  it("13. files the same from 'Cần giúp cài VNeID mức 2 cho bố' (with diacritics)", async () => {
    const who = c.followerOf("citizen-camthanh");
    const r = await c.say(who, "Cần giúp cài VNeID mức 2 cho bố");
    await c.tap(who, r, "Một cửa");
    expect(lastRequest()).toMatchObject({ category: "vneid_level2", meetingMode: "one_stop" });
  });

  it("14. recognises a public-service account request with a typo", async () => {
    const who = c.followerOf("citizen-camthanh");
    const r = await c.say(who, "nho to huong dan tao tai khoan dich vu cong");
    await c.tap(who, r, "nhà văn hóa");
    expect(lastRequest()).toMatchObject({ category: "public_service_account", meetingMode: "village_hall" });
  });

  it("15. asks for details when the message is too short, then files it", async () => {
    const who = c.followerOf("citizen-camthanh");
    let r = await c.say(who, "giup");
    expect(texts(r)).toContain("mô tả ngắn");
    r = await c.say(who, "cài ví momo để trả tiền điện");
    expect(texts(r)).toContain("Thanh toán điện tử");
    await c.tap(who, r, "Đến nhà");
    expect(lastRequest()).toMatchObject({ category: "e_payment", text: "cài ví momo để trả tiền điện" });
  });

  it("16. starts from the menu button", async () => {
    const who = c.followerOf("citizen-camthanh");
    let r = await c.say(who, "menu");
    r = await c.tap(who, r, "Nhờ Tổ công nghệ giúp");
    expect(texts(r)).toContain("mô tả ngắn");
  });

  it("17. cancels half-way and files nothing", async () => {
    const who = c.followerOf("citizen-camthanh");
    const before = lastRequest()?.id;
    let r = await c.say(who, "can giup cai vneid cho me toi");
    r = await c.tap(who, r, "Hủy");
    expect(texts(r)).toContain("Đã hủy");
    expect(lastRequest()?.id).toBe(before);
  });

  it("18. pages every member of the village team with a claim button", async () => {
    const who = c.followerOf("citizen-camthanh");
    const r = await c.say(who, "can giup cai vneid cho me toi");
    const { all } = await c.act(who, { text: r[0]?.buttons[0]?.payload ?? "" });
    const id = lastRequest()?.id;
    const pages = all.filter((m) => m.purpose === "notify_new_request");
    expect(pages.length).toBe(6); // the Thôn 1 team of Cẩm Thanh
    expect(pages[0]?.text).toContain(`Yêu cầu mới #${id}`);
    expect(pages[0]?.buttons).toEqual([{ title: "Nhận việc này", payload: `#claim ${id}` }]);
  });
});

describe("field reports", () => {
  it("19. files 'phan anh rac thai o duong' as an environment report", async () => {
    const who = c.followerOf("citizen-camthanh");
    let r = await c.say(who, "phan anh rac thai o duong lang");
    expect(texts(r)).toContain("Môi trường");
    r = await c.tap(who, r, "Gửi phản ánh");
    expect(lastRequest()).toMatchObject({ kind: "field_report", category: "environment", isPublic: true });
    expect(texts(r)).toContain("không kèm tên");
  });

  it("20. collects text, photos and location, then files them together", async () => {
    const who = c.followerOf("citizen-camthanh");
    let r = await c.say(who, "phản ánh");
    expect(texts(r)).toContain("mô tả sự việc");
    r = await c.say(who, "Đèn đường ở ngã ba thôn 1 hỏng cả tuần nay");
    expect(texts(r)).toContain("Điện chiếu sáng");
    r = (await c.act(who, { imageUrl: "https://photo.example/1.jpg" })).mine;
    expect(texts(r)).toContain("1/5 ảnh");
    r = (await c.act(who, { latitude: 15.88, longitude: 108.36 })).mine;
    expect(texts(r)).toContain("vị trí");
    await c.tap(who, r, "Gửi phản ánh");
    const row = lastRequest();
    expect(row).toMatchObject({
      kind: "field_report",
      category: "lighting",
      latitude: 15.88,
      longitude: 108.36,
    });
    const attached = c.db
      .select()
      .from(requestPhotos)
      .innerJoin(photos, eq(photos.id, requestPhotos.photoId))
      .where(eq(requestPhotos.requestId, row?.id as number))
      .all();
    expect(attached.map((a) => a.photos.sourceUrl)).toEqual(["https://photo.example/1.jpg"]);
  });

  it("21. starts a report from a photo sent out of the blue", async () => {
    const who = c.followerOf("citizen-camthanh");
    let r = (await c.act(who, { imageUrl: "https://photo.example/2.jpg" })).mine;
    expect(texts(r)).toContain("muốn phản ánh");
    r = await c.say(who, "cây đổ chắn ngang đường vào thôn");
    r = await c.tap(who, r, "Gửi phản ánh");
    const row = lastRequest();
    expect(row?.kind).toBe("field_report");
    expect(
      c.db
        .select()
        .from(requestPhotos)
        .where(eq(requestPhotos.requestId, row?.id as number))
        .all(),
    ).toHaveLength(1);
  });

  it("22. keeps at most five photos", async () => {
    const who = c.followerOf("citizen-camthanh");
    await c.say(who, "phan anh lan chiem via he o cho");
    for (let i = 0; i < 7; i++) await c.act(who, { imageUrl: `https://photo.example/p${i}.jpg` });
    const r = await c.say(who, "#submit");
    expect(texts(r)).toContain("Đã gửi phản ánh");
    expect(
      c.db
        .select()
        .from(requestPhotos)
        .where(eq(requestPhotos.requestId, lastRequest()?.id as number))
        .all(),
    ).toHaveLength(5);
  });

  it("23. files a security report typed with diacritics", async () => {
    const who = c.followerOf("citizen-campho");
    const r = await c.say(who, "Phản ánh có nhóm thanh niên gây rối trật tự ban đêm");
    await c.tap(who, r, "Gửi phản ánh");
    expect(lastRequest()).toMatchObject({ kind: "field_report", category: "security" });
  });
});

describe("questions", () => {
  it("24. answers from the FAQ without diacritics and offers to ask staff", async () => {
    const r = await c.say(c.followerOf("citizen-camthanh"), "lam can cuoc cho con duoi 14 tuoi can gi?");
    expect(texts(r)).toContain("giấy khai sinh");
    expect(buttonTitles(r)).toEqual(["Đã rõ, cảm ơn", "Hỏi cán bộ"]);
  });

  it("25. turns the question into a request when they still want a person", async () => {
    const who = c.followerOf("citizen-camthanh");
    const before = lastRequest()?.id;
    let r = await c.say(who, "Giờ làm việc của một cửa xã thế nào?");
    expect(texts(r)).toContain("thứ Hai đến thứ Sáu");
    expect(lastRequest()?.id).toBe(before);
    r = await c.tap(who, r, "Hỏi cán bộ");
    expect(lastRequest()).toMatchObject({ kind: "question", text: "Giờ làm việc của một cửa xã thế nào?" });
    expect(texts(r)).toContain("cán bộ xã");
  });

  it("26. sends a question with no FAQ answer straight to the commune", async () => {
    const r = await c.say(
      c.followerOf("citizen-camthanh"),
      "cho hỏi khi nào có lịch tiêm phòng dại cho chó?",
    );
    expect(lastRequest()).toMatchObject({ kind: "question" });
    expect(texts(r)).toContain(`câu hỏi #${lastRequest()?.id}`);
  });

  it("27. asks what the question is when they tap Hỏi đáp", async () => {
    const who = c.followerOf("citizen-camthanh");
    let r = await c.say(who, "#menu");
    r = await c.tap(who, r, "Hỏi đáp");
    expect(texts(r)).toContain("muốn hỏi gì");
    r = await c.say(who, "thanh vien to co thu phi khong");
    expect(texts(r)).toContain("miễn phí");
  });
});

describe("information", () => {
  it("28. lists my requests with their status", async () => {
    const who = c.followerOf("citizen-camthanh");
    await fileHelpAs("citizen-camthanh");
    const r = await c.say(who, "yeu cau cua toi");
    expect(texts(r)).toContain(`#${lastRequest()?.id}`);
    expect(texts(r)).toContain("Chờ tiếp nhận");
  });

  it("29. shows the latest announcements of my commune", async () => {
    const r = await c.say(c.followerOf("citizen-camthanh"), "thông báo mới");
    expect(texts(r)).toContain("📢");
  });

  it("30. lists the commune's contacts for 'so dien thoai cong an xa'", async () => {
    const r = await c.say(c.followerOf("citizen-camthanh"), "so dien thoai cong an xa");
    expect(texts(r)).toMatch(/Công an.*0235 39/);
  });

  it("31. opens the mini app", async () => {
    const r = await c.say(c.followerOf("citizen-camthanh"), "mo mini app");
    expect(r[0]?.buttons[0]?.payload).toContain("zalo.me/s/");
  });

  it("32. calls a commune official and tells them who asked", async () => {
    const who = c.followerOf("citizen-camthanh");
    const { mine, all } = await c.act(who, { text: "tôi muốn gặp cán bộ" });
    expect(texts(mine)).toContain("Em đã báo cán bộ xã");
    const admin = c.followerOf("admin-camthanh");
    expect(all.some((m) => m.followerId === admin && m.purpose === "call_staff")).toBe(true);
  });

  it("33. answers thanks politely", async () => {
    const r = await c.say(c.followerOf("citizen-camthanh"), "cam on nhieu nhe");
    expect(texts(r)).toContain("không có gì");
  });

  it("34. shows the menu when it does not understand", async () => {
    const r = await c.say(c.followerOf("citizen-camthanh"), "asdkjh qwe zxc");
    expect(texts(r)).toContain("chưa hiểu");
    expect(buttonTitles(r)).toContain("Phản ánh hiện trường");
  });

  it("35. explains what it can read when it gets a sticker", async () => {
    const who = c.followerOf("citizen-camthanh");
    // The stand-in's users send text, images, locations and follows; a sticker is built by hand
    // in Zalo's shape (zalo-platform.md §1.5) and signed like Zalo does.
    const raw = JSON.stringify({
      app_id: SANDBOX_ZALO.appId,
      sender: { id: who },
      recipient: { id: SANDBOX_ZALO.oaId },
      event_name: "user_send_sticker",
      message: {
        msg_id: "sticker-msg-1",
        attachments: [{ type: "sticker", payload: { id: "abc", url: "https://sticker.example/1.png" } }],
      },
      timestamp: String(c.clock.now.getTime()),
    });
    const timestamp = String(c.clock.now.getTime());
    const response = await fetch(`${c.url}/webhooks/zalo`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-zevent-signature": signatureHeader(SANDBOX_ZALO.appId, raw, timestamp, SANDBOX_ZALO.oaSecretKey),
      },
      body: raw,
    });
    expect(response.status).toBe(200);
    c.inbox.runOnce();
    const r = c.drain().filter((m) => m.followerId === who);
    expect(texts(r)).toContain("chỉ đọc được tin nhắn chữ, ảnh và vị trí");
  });
});

describe("team members in chat", () => {
  it("36. a member claims from the notification; the resident learns who and their role", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    const member = c.followerOf("member-camthanh-t1");
    const { mine, all } = await c.act(member, { text: `#claim ${id}` });
    expect(texts(mine)).toContain(`Anh/chị đã nhận yêu cầu #${id}`);
    expect(buttonTitles(mine)).toEqual(["Bắt đầu làm", "Đã xong", "Trả lại cho tổ"]);
    const told = all.find((m) => m.followerId === c.followerOf("citizen-camthanh"));
    expect(told?.text).toMatch(/đã có người nhận: .+ \(.+, Tổ CNSCĐ Thôn 1\)/);
    expect(told?.text).toContain("OTP");
  });

  it("37. a late claim hears who already has it", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    await c.say(c.followerOf("member-camthanh-t1"), `#claim ${id}`);
    const owner = c.db
      .select()
      .from(persons)
      .where(eq(persons.id, lastRequest()?.ownerPersonId as number))
      .get();
    const r = await c.say(c.followerOf("leader-camthanh-t1"), `#claim ${id}`);
    expect(texts(r)).toBe(`Yêu cầu #${id} đã có người nhận: ${owner?.displayName}. Cảm ơn anh/chị!`);
  });

  it("38. typed commands work: 'nhan 12', 'bat dau 12'", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    const member = c.followerOf("member-camthanh-t1");
    await c.say(member, `nhận ${id}`);
    const { all } = await c.act(member, { text: `bat dau ${id}` });
    expect(lastRequest()?.status).toBe("in_progress");
    expect(
      all.some((m) => m.followerId === c.followerOf("citizen-camthanh") && m.text.includes("đang xử lý")),
    ).toBe(true);
  });

  it("39. done → outcome → the resident is asked to rate in one tap", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    const member = c.followerOf("member-camthanh-t1");
    await c.say(member, `#claim ${id}`);
    let r = await c.say(member, `#done ${id}`);
    expect(buttonTitles(r)).toEqual([
      "Đã kích hoạt VNeID mức 2",
      "Đã hướng dẫn",
      "Đã chuyển Bộ phận Một cửa",
      "Khác",
    ]);
    const { mine, all } = await c.act(member, { text: r[0]?.buttons[0]?.payload ?? "" });
    r = mine;
    expect(texts(r)).toContain("Đã ghi nhận");
    expect(lastRequest()).toMatchObject({ status: "resolved", outcomeCode: "vneid_level2_activated" });
    const citizen = all.filter((m) => m.followerId === c.followerOf("citizen-camthanh"));
    expect(buttonTitles(citizen)).toEqual(["1 sao", "2 sao", "3 sao", "4 sao", "5 sao", "Chưa xong"]);
  });

  it("40. the resident rates 5 stars and the member is thanked", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    const member = c.followerOf("member-camthanh-t1");
    await c.say(member, `#claim ${id}`);
    await c.say(member, `#outcome ${id} guided`);
    const { mine, all } = await c.act(c.followerOf("citizen-camthanh"), { text: `#rate ${id} 5` });
    expect(texts(mine)).toContain("Cảm ơn anh/chị đã đánh giá");
    expect(lastRequest()).toMatchObject({ status: "closed", rating: 5 });
    expect(all.some((m) => m.followerId === member && m.text.includes("5 sao"))).toBe(true);
  });

  it("41. 'Chưa xong' reopens it to the same member and tells the leader", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    const member = c.followerOf("member-camthanh-t1");
    await c.say(member, `#claim ${id}`);
    await c.say(member, `#outcome ${id} guided`);
    const { all } = await c.act(c.followerOf("citizen-camthanh"), { text: `#notdone ${id}` });
    expect(lastRequest()).toMatchObject({ status: "claimed", reopenCount: 1 });
    expect(all.some((m) => m.followerId === member && m.text.includes("chưa xong"))).toBe(true);
    expect(
      all.some((m) => m.followerId === c.followerOf("leader-camthanh-t1") && m.text.includes("chưa xong")),
    ).toBe(true);
  });

  it("42. releasing sends it back to the other members", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    const member = c.followerOf("member-camthanh-t1");
    await c.say(member, `#claim ${id}`);
    const { mine, all } = await c.act(member, { text: `#release ${id}` });
    expect(texts(mine)).toContain("Đã trả yêu cầu");
    expect(lastRequest()).toMatchObject({ status: "new", ownerPersonId: null });
    expect(all.filter((m) => m.purpose === "notify_new_request").length).toBe(5);
  });

  it("43. a member of another village cannot claim it", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    const r = await c.say(c.followerOf("member-camthanh-t2"), `#claim ${id}`);
    expect(texts(r)).toContain("Không tìm thấy yêu cầu");
    expect(lastRequest()?.ownerPersonId).toBeNull();
  });

  it("44. a resident typing a member command is refused politely", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    const r = await c.say(c.followerOf("citizen-camthanh"), `#claim ${id}`);
    expect(texts(r)).toContain("Chỉ thành viên tổ");
  });

  it("45. a submitted dossier asks for its receipt code", async () => {
    const who = c.followerOf("citizen-camthanh");
    const r = await c.say(who, "nho nop ho so truc tuyen dang ky khai sinh cho con");
    await c.tap(who, r, "Một cửa");
    const id = lastRequest()?.id as number;
    expect(lastRequest()?.category).toBe("online_dossier");
    const member = c.followerOf("member-camthanh-t1");
    await c.say(member, `#claim ${id}`);
    const ask = await c.say(member, `#outcome ${id} dossier_submitted`);
    expect(texts(ask)).toContain("mã biên nhận");
    const done = await c.say(member, "H49.23-260302-0007");
    expect(texts(done)).toContain("H49.23-260302-0007");
    expect(lastRequest()).toMatchObject({ status: "resolved", receiptCode: "H49.23-260302-0007" });
  });

  it("46. an overdue request is escalated to the team leader with a claim button", async () => {
    const id = await fileHelpAs("citizen-camthanh");
    const later = new Date(c.clock.now.getTime() + 25 * 3_600_000);
    const lifecycle = createLifecycle({
      db: c.db,
      calendar: new WorkingCalendar(),
      now: () => later,
      onChange: (tx, change) => notifyChange(tx, change, later),
    });
    lifecycle.sweep();
    // The demo's own sample requests may escalate too: look at this request's messages only.
    const escalations = c.drain().filter((m) => m.purpose === "escalation" && m.text.includes(`#${id} `));
    expect(escalations.map((m) => m.followerId)).toEqual([c.followerOf("leader-camthanh-t1")]);
    expect(escalations[0]?.buttons[0]?.payload).toBe(`#claim ${id}`);
  });
});
