/**
 * The OA conversation: one webhook event in, replies out (to the outbox), all inside the
 * event's transaction. Commands (button payloads, typed shortcuts) come first, then the step the
 * conversation is at, then free-text understanding. Every reply is short, polite Vietnamese
 * (anh/chị) and offers the next step as buttons.
 */
import {
  CATEGORIES_BY_KIND,
  CATEGORY_LABELS,
  type CreateRequestInput,
  MEETING_MODES,
  OUTCOME_CODES,
  OUTCOME_LABELS,
  REQUEST_STATUS_LABELS,
} from "@cau-noi/shared";
import { and, asc, desc, eq, or } from "drizzle-orm";
import { loadActor } from "../auth/actor";
import type { Db, Tx } from "../db/client";
import { adminUnits, announcements, contacts, persons, photos, requests } from "../db/schema";
import { searchFaq } from "../faq/faq";
import { AppError } from "../lib/errors";
import { communeAdmins } from "../notifications/recipients";
import { enqueueMessage, type OutgoingMessage, type ReplyButton } from "../outbox/enqueue";
import type { Lifecycle } from "../requests/lifecycle";
import { getVillage, listVillages } from "../units/queries";
import type { ZaloEvent } from "../webhook/events";
import { type Command, formatCommand, parseCommand } from "./commands";
import { ensurePerson, type PersonRow, touchPerson } from "./identity";
import { type ConversationState, loadState, saveState } from "./state";
import { understand } from "./understand";
import { matchVillage } from "./villages";

export interface ChatDeps {
  lifecycle: Lifecycle;
  now: () => Date;
  /** Link that opens the mini app inside Zalo. */
  miniAppUrl: string;
  /** When the OA serves one commune, its id: the village picker then shows only its villages. */
  communeId?: number;
}

const MAX_CHAT_PHOTOS = 5;
/** A category worth keeping from an earlier message: "other" means "not said yet". */
const known = (category: string | undefined) => (category && category !== "other" ? category : undefined);
/** Short labels: Zalo button titles are kept under 35 characters. */
const MEETING_BUTTONS: Record<(typeof MEETING_MODES)[number], string> = {
  home_visit: "Đến nhà giúp",
  one_stop: "Tại Bộ phận Một cửa",
  village_hall: "Tại nhà văn hóa thôn",
};
const cmd = (c: Command) => formatCommand(c);
const button = (title: string, c: Command): ReplyButton => ({ title, payload: cmd(c) });

class Conversation {
  private replies = 0;
  state: ConversationState;

  constructor(
    readonly tx: Tx,
    readonly deps: ChatDeps,
    readonly eventId: number,
    readonly followerId: string,
    public person: PersonRow,
    readonly now: Date,
  ) {
    this.state = loadState(tx, followerId, now);
  }

  reply(message: OutgoingMessage, purpose = "reply") {
    this.replies += 1;
    enqueueMessage(this.tx, {
      idempotencyKey: `evt:${this.eventId}:${this.replies}`,
      recipientFollowerId: this.followerId,
      personId: this.person.id,
      purpose,
      message,
      now: this.now,
    });
  }

  setState(state: ConversationState) {
    this.state = state;
    saveState(this.tx, this.followerId, this.person.id, state, this.now);
  }

  actor() {
    return loadActor(this.tx as unknown as Db, this.person.id, this.now);
  }

  refreshPerson() {
    this.person = this.tx.select().from(persons).where(eq(persons.id, this.person.id)).get() as PersonRow;
  }
}

/** Handles one stored webhook event. Throws only on bugs: the inbox records the failure. */
export function handleZaloEvent(tx: Tx, deps: ChatDeps, eventId: number, event: ZaloEvent): void {
  const now = deps.now();
  switch (event.event_name) {
    case "follow":
    case "unfollow": {
      const person = ensurePerson(tx, event.follower.id, event.user_id_by_app);
      const following = event.event_name === "follow";
      touchPerson(tx, person.id, { following, interactedAt: following ? now : undefined });
      if (following) welcome(new Conversation(tx, deps, eventId, event.follower.id, person, now));
      return;
    }
    case "user_send_text":
    case "user_send_image":
    case "user_send_location":
    case "user_send_link":
    case "user_send_sticker":
    case "user_send_file":
    case "user_send_audio":
    case "user_send_video":
    case "user_send_gif": {
      const person = ensurePerson(tx, event.sender.id, event.user_id_by_app);
      // Writing to the OA is an interaction and (Zalo) implies following for the reply window.
      touchPerson(tx, person.id, { interactedAt: now });
      const chat = new Conversation(tx, deps, eventId, event.sender.id, person, now);
      if (event.event_name === "user_send_text") {
        onText(chat, event.message.text);
        return;
      }
      if (event.event_name === "user_send_image") {
        const urls = event.message.attachments.flatMap((a) => (a.payload.url ? [a.payload.url] : []));
        onImages(chat, urls);
        return;
      }
      if (event.event_name === "user_send_location") {
        const location = coordinatesOf(event.message.attachments[0]?.payload);
        if (location) {
          onLocation(chat, location);
          return;
        }
      }
      chat.reply({
        text: "Dạ, em chỉ đọc được tin nhắn chữ, ảnh và vị trí. Anh/chị chọn việc cần làm bên dưới nhé.",
        buttons: menuButtons(chat),
      });
      return;
    }
    case "user_submit_info": {
      const person = ensurePerson(tx, event.sender.id, event.user_id_by_app);
      const phone = event.info.phone?.replace(/\D/g, "");
      // The resident submitted the form themselves: that is the consent we record.
      if (phone && /^\d{9,15}$/.test(phone)) {
        tx.update(persons).set({ phone, phoneConsentAt: now }).where(eq(persons.id, person.id)).run();
      }
      touchPerson(tx, person.id, { interactedAt: now });
      return;
    }
    default:
      // Receipts and echoes of our own messages need no answer.
      return;
  }
}

/**
 * A shared location's coordinates: `coordinates.latitude/longitude` in most samples, `lat/long`
 * in others (zalo-platform.md §1.5), as strings or numbers.
 */
function coordinatesOf(payload: Record<string, unknown> | undefined) {
  const point = (payload?.coordinates ?? payload) as Record<string, unknown> | undefined;
  const latitude = Number(point?.latitude ?? point?.lat);
  const longitude = Number(point?.longitude ?? point?.long ?? point?.lng);
  const valid =
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180;
  return valid ? { latitude, longitude } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

function welcome(chat: Conversation) {
  const name = chat.person.displayName === "Người dùng Zalo" ? "anh/chị" : chat.person.displayName;
  chat.reply({
    text:
      `Cầu Nối xin chào ${name}! Em là trợ lý của UBND xã và Tổ công nghệ số cộng đồng.\n` +
      "Anh/chị có thể nhờ tổ giúp việc trên điện thoại, phản ánh sự việc hoặc đặt câu hỏi ngay tại đây.",
  });
  if (chat.person.homeVillageId === null) return askVillage(chat);
  showMenu(chat);
}

function onText(chat: Conversation, text: string): void {
  const command = parseCommand(text);
  if (command) {
    onCommand(chat, command);
    return;
  }
  if (chat.state.step === "village") {
    onVillageText(chat, text);
    return;
  }
  if (chat.person.homeVillageId === null) {
    askVillage(chat, text);
    return;
  }
  switch (chat.state.step) {
    case "help_text":
      askMeetingMode(chat, known(chat.state.category) ?? understand(text).helpCategory ?? "other", text);
      return;
    case "report_text":
      collectReportMedia(chat, {
        category: known(chat.state.category) ?? understand(text).reportCategory ?? "other",
        text,
        photoIds: chat.state.photoIds,
        location: chat.state.location,
      });
      return;
    case "question_text":
      answerQuestion(chat, text);
      return;
    case "receipt":
      resolveWithReceipt(chat, chat.state.requestId, text);
      return;
    default:
      onFreeText(chat, text);
      return;
  }
}

function onFreeText(chat: Conversation, text: string) {
  const understood = understand(text);
  const substantive = text.trim().split(/\s+/).length >= 4;
  switch (understood.intent) {
    case "help":
      if (substantive) return askMeetingMode(chat, understood.helpCategory ?? "other", text);
      return askHelpText(chat, understood.helpCategory);
    case "report":
      if (substantive) {
        return collectReportMedia(chat, {
          category: understood.reportCategory ?? "other",
          text,
          photoIds: [],
        });
      }
      return askReportText(chat, understood.reportCategory);
    case "question":
      return answerQuestion(chat, text);
    case "my_requests":
      return showMine(chat);
    case "announcements":
      return showAnnouncements(chat);
    case "contacts":
      return showContacts(chat);
    case "open_app":
      return showApp(chat);
    case "human":
      return callStaff(chat, text);
    case "thanks":
      chat.setState({ step: "idle" });
      return chat.reply({ text: "Dạ, không có gì ạ. Chúc anh/chị một ngày tốt lành!" });
    case "greeting":
    case "menu":
    case "yes":
      return showMenu(
        chat,
        `Xin chào ${chat.person.displayName === "Người dùng Zalo" ? "anh/chị" : chat.person.displayName}! Em có thể giúp gì ạ?`,
      );
    case "no":
      chat.setState({ step: "idle" });
      return chat.reply({ text: "Dạ vâng. Khi cần, anh/chị cứ nhắn cho em nhé." });
    default:
      return showMenu(
        chat,
        "Xin lỗi, em chưa hiểu ý anh/chị. Anh/chị chọn một việc dưới đây, hoặc nhắn rõ hơn giúp em nhé.",
      );
  }
}

function onCommand(chat: Conversation, command: Command): void {
  switch (command.verb) {
    case "commune":
      askVillage(chat, undefined, command.communeId);
      return;
    case "village":
      setVillage(chat, command.villageId);
      return;
    case "village-search":
      askVillage(chat);
      return;
    case "cancel":
      chat.setState({ step: "idle" });
      showMenu(chat, "Đã hủy. Anh/chị cần gì thêm cứ chọn bên dưới nhé.");
      return;
    case "menu":
      showMenu(chat);
      return;
    case "mine":
      showMine(chat);
      return;
    case "announcements":
      showAnnouncements(chat);
      return;
    case "contacts":
      showContacts(chat);
      return;
    case "app":
      showApp(chat);
      return;
    case "human":
      callStaff(chat);
      return;
    default:
      break;
  }
  // Everything below files or works a request: it needs a home village first.
  if (chat.person.homeVillageId === null && ["help", "report", "question"].includes(command.verb)) {
    askVillage(chat, cmd(command));
    return;
  }
  switch (command.verb) {
    case "help":
      askHelpText(chat);
      return;
    case "category":
      askHelpText(chat, command.code);
      return;
    case "meet":
      fileHelp(chat, command.mode);
      return;
    case "report":
      askReportText(chat);
      return;
    case "submit":
    case "skip":
      chat.state.step === "report_media" || chat.state.step === "report_text"
        ? fileReport(chat)
        : showMenu(chat);
      return;
    case "question":
      chat.setState({ step: "question_text" });
      chat.reply({
        text: "Anh/chị muốn hỏi gì ạ? Ví dụ: “làm căn cước cho con dưới 14 tuổi cần gì?”",
        buttons: [button("Hủy", { verb: "cancel" })],
      });
      return;
    case "ask-staff":
      chat.state.step === "question_faq" ? fileQuestion(chat, chat.state.text) : answerQuestionPrompt(chat);
      return;
    case "claim":
      act(chat, command.requestId, () => chat.deps.lifecycle.claim(chat.actor(), command.requestId));
      return;
    case "start":
      act(chat, command.requestId, () => chat.deps.lifecycle.start(chat.actor(), command.requestId));
      return;
    case "release":
      act(chat, command.requestId, () => {
        chat.deps.lifecycle.release(chat.actor(), command.requestId, "Trả lại qua Zalo");
        chat.reply({
          text: `Đã trả yêu cầu #${command.requestId} lại cho tổ. Các thành viên khác sẽ được báo.`,
        });
      });
      return;
    case "done":
      askOutcome(chat, command.requestId);
      return;
    case "outcome":
      if (command.outcomeCode === "dossier_submitted") {
        chat.setState({ step: "receipt", requestId: command.requestId });
        chat.reply({
          text: `Anh/chị nhập mã biên nhận hồ sơ của yêu cầu #${command.requestId} giúp em.`,
          buttons: [button("Hủy", { verb: "cancel" })],
        });
        return;
      }
      act(chat, command.requestId, () => {
        chat.deps.lifecycle.resolve(chat.actor(), command.requestId, { outcomeCode: command.outcomeCode });
        chat.setState({ step: "idle" });
        chat.reply({
          text: `Đã ghi nhận yêu cầu #${command.requestId} xong: ${OUTCOME_LABELS[command.outcomeCode]}. Cảm ơn anh/chị!`,
        });
      });
      return;
    case "rate":
      act(chat, command.requestId, () => {
        chat.deps.lifecycle.rate(chat.actor(), command.requestId, { rating: command.rating });
        chat.reply({ text: "Cảm ơn anh/chị đã đánh giá! Ý kiến của anh/chị giúp Tổ phục vụ tốt hơn." });
      });
      return;
    case "notdone":
      act(chat, command.requestId, () => {
        chat.deps.lifecycle.reopen(chat.actor(), command.requestId, "Người dân báo chưa xong qua Zalo");
        chat.reply({
          text: `Em đã báo lại yêu cầu #${command.requestId} cho người phụ trách và tổ trưởng. Tổ sẽ liên hệ lại sớm.`,
        });
      });
      return;
    default:
      showMenu(chat);
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Village
// ---------------------------------------------------------------------------------------------

function communesOffered(chat: Conversation) {
  return chat.tx
    .select({ id: adminUnits.id, name: adminUnits.name })
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.level, "commune"),
        eq(adminUnits.active, true),
        chat.deps.communeId ? eq(adminUnits.id, chat.deps.communeId) : undefined,
      ),
    )
    .orderBy(asc(adminUnits.name))
    .all();
}

function askVillage(chat: Conversation, resume?: string, communeId?: number) {
  const communes = communesOffered(chat);
  const chosen = communeId ?? (communes.length === 1 ? communes[0]?.id : undefined);
  chat.setState({
    step: "village",
    communeId: chosen,
    resume: resume ?? (chat.state.step === "village" ? chat.state.resume : undefined),
  });
  if (chosen === undefined) {
    return chat.reply({
      text: "Để chuyển việc tới đúng Tổ công nghệ số, anh/chị cho em biết mình ở xã, phường nào ạ?",
      buttons: communes.slice(0, 5).map((c) => button(c.name, { verb: "commune", communeId: c.id })),
    });
  }
  const villages = listVillages(chat.tx as unknown as Db, { communeId: chosen });
  const chunks: (typeof villages)[] = [];
  for (let i = 0; i < villages.length; i += 5) chunks.push(villages.slice(i, i + 5));
  chunks.forEach((chunk, index) => {
    chat.reply({
      text:
        index === 0
          ? `Anh/chị ở thôn, khối phố nào của ${villages[0]?.communeName ?? "xã"}? Bấm chọn, hoặc gõ tên (ví dụ: “thôn 3”).`
          : "Hoặc:",
      buttons: chunk.map((v) => button(v.name, { verb: "village", villageId: v.id })),
    });
  });
}

function onVillageText(chat: Conversation, text: string) {
  const state = chat.state.step === "village" ? chat.state : { communeId: undefined };
  const villages = listVillages(chat.tx as unknown as Db, {
    communeId: state.communeId ?? chat.deps.communeId,
  });
  const matches = matchVillage(
    text,
    villages.map((v) => ({ id: v.id, name: v.name, communeName: v.communeName })),
  );
  if (matches.length === 1 && matches[0]) return setVillage(chat, matches[0].id);
  if (matches.length > 1) {
    return chat.reply({
      text: "Em tìm thấy mấy nơi gần giống. Anh/chị bấm chọn đúng nơi mình ở nhé:",
      buttons: matches.slice(0, 5).map((m) => {
        const v = villages.find((x) => x.id === m.id);
        return button(v ? `${v.name}, ${v.communeName}` : `#${m.id}`, { verb: "village", villageId: m.id });
      }),
    });
  }
  return chat.reply({
    text: "Em chưa tìm thấy thôn, khối phố này. Anh/chị gõ lại, ví dụ “thôn 2” hoặc “khối phố 5”, hoặc chọn lại xã.",
    buttons: [button("Chọn lại xã, phường", { verb: "village-search" })],
  });
}

function setVillage(chat: Conversation, villageId: number): void {
  const village = getVillage(chat.tx as unknown as Db, villageId);
  if (!village) {
    askVillage(chat);
    return;
  }
  chat.tx.update(persons).set({ homeVillageId: village.id }).where(eq(persons.id, chat.person.id)).run();
  chat.refreshPerson();
  const resume = chat.state.step === "village" ? chat.state.resume : undefined;
  chat.setState({ step: "idle" });
  chat.reply({ text: `Cảm ơn anh/chị. Em đã ghi nhận nơi ở: ${village.name}, ${village.communeName}.` });
  if (resume) {
    onText(chat, resume);
    return;
  }
  showMenu(chat);
}

// ---------------------------------------------------------------------------------------------
// Menu and information
// ---------------------------------------------------------------------------------------------

function menuButtons(chat: Conversation) {
  return [
    button("Nhờ Tổ công nghệ giúp", { verb: "help" }),
    button("Phản ánh hiện trường", { verb: "report" }),
    button("Hỏi đáp", { verb: "question" }),
    button("Yêu cầu của tôi", { verb: "mine" }),
    { title: "Mở Mini App Cầu Nối", url: chat.deps.miniAppUrl },
  ];
}

function showMenu(chat: Conversation, text = "Em có thể giúp gì cho anh/chị?") {
  chat.setState({ step: "idle" });
  chat.reply({
    text: `${text}\nGõ “thông báo”, “liên hệ” hoặc “gặp cán bộ” nếu cần.`,
    buttons: menuButtons(chat),
  });
}

function showMine(chat: Conversation) {
  const rows = chat.tx
    .select()
    .from(requests)
    .where(or(eq(requests.requesterPersonId, chat.person.id), eq(requests.filedByPersonId, chat.person.id)))
    .orderBy(desc(requests.createdAt))
    .limit(5)
    .all();
  if (rows.length === 0) return showMenu(chat, "Anh/chị chưa có yêu cầu nào.");
  const lines = rows.map(
    (r) => `#${r.id} ${CATEGORY_LABELS[r.category] ?? r.category}: ${REQUEST_STATUS_LABELS[r.status]}`,
  );
  chat.reply({
    text: `Yêu cầu gần đây của anh/chị:\n${lines.join("\n")}\nXem đầy đủ trong Mini App, mục “Của tôi”.`,
    buttons: [{ title: "Mở Mini App", url: chat.deps.miniAppUrl }, button("Về menu", { verb: "menu" })],
  });
}

function homeCommuneId(chat: Conversation): number | undefined {
  if (chat.person.homeVillageId === null) return chat.deps.communeId;
  return getVillage(chat.tx as unknown as Db, chat.person.homeVillageId)?.communeId;
}

function showAnnouncements(chat: Conversation) {
  const communeId = homeCommuneId(chat);
  if (communeId === undefined) return askVillage(chat, "thông báo");
  const rows = chat.tx
    .select()
    .from(announcements)
    .where(eq(announcements.communeId, communeId))
    .orderBy(desc(announcements.publishedAt))
    .limit(10)
    .all()
    .filter(
      (a) =>
        a.villageIds === null ||
        (chat.person.homeVillageId !== null && a.villageIds.includes(chat.person.homeVillageId)),
    )
    .slice(0, 3);
  if (rows.length === 0) return showMenu(chat, "Hiện chưa có thông báo mới.");
  chat.reply({
    text: rows
      .map((a) => `📢 ${a.title}\n${a.body.length > 300 ? `${a.body.slice(0, 299)}…` : a.body}`)
      .join("\n\n"),
    buttons: [button("Về menu", { verb: "menu" })],
  });
}

function showContacts(chat: Conversation) {
  const communeId = homeCommuneId(chat);
  if (communeId === undefined) return askVillage(chat, "liên hệ");
  const rows = chat.tx
    .select()
    .from(contacts)
    .where(eq(contacts.unitId, communeId))
    .orderBy(asc(contacts.sortOrder))
    .limit(12)
    .all();
  if (rows.length === 0) return showMenu(chat, "Xã chưa cập nhật danh bạ.");
  chat.reply({
    text: `Danh bạ liên hệ:\n${rows.map((c) => `• ${c.name}${c.title ? ` (${c.title})` : ""}: ${c.phone}`).join("\n")}`,
    buttons: [button("Về menu", { verb: "menu" })],
  });
}

function showApp(chat: Conversation) {
  chat.reply({
    text: "Mini App Cầu Nối có tin tức, thủ tục, phản ánh và theo dõi yêu cầu. Bấm để mở ngay trong Zalo:",
    buttons: [{ title: "Mở Mini App Cầu Nối", url: chat.deps.miniAppUrl }],
  });
}

function callStaff(chat: Conversation, text?: string) {
  const communeId = homeCommuneId(chat);
  chat.setState({ step: "idle" });
  chat.reply({
    text: "Em đã báo cán bộ xã. Cán bộ sẽ nhắn lại anh/chị trong giờ hành chính. Anh/chị cũng có thể gọi số trong mục Liên hệ.",
    buttons: [button("Xem liên hệ", { verb: "contacts" })],
  });
  if (communeId === undefined) return;
  const admins = communeAdmins(chat.tx, communeId, chat.now);
  for (const a of admins) {
    enqueueMessage(chat.tx, {
      idempotencyKey: `evt:${chat.eventId}:staff:${a.personId}`,
      recipientFollowerId: a.followerId,
      personId: a.personId,
      purpose: "call_staff",
      message: {
        text: `${chat.person.displayName} muốn trao đổi trực tiếp với cán bộ${text ? `: “${text.slice(0, 200)}”` : "."} Anh/chị vui lòng nhắn lại trên OA.`,
      },
      now: chat.now,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Help requests
// ---------------------------------------------------------------------------------------------

function askHelpText(chat: Conversation, category?: string) {
  chat.setState({ step: "help_text", category });
  const topic = category && category !== "other" ? ` về ${CATEGORY_LABELS[category]}` : "";
  chat.reply({
    text: `Anh/chị mô tả ngắn việc cần Tổ công nghệ giúp${topic} nhé. Ví dụ: “cài VNeID mức 2 cho mẹ tôi”, “tạo tài khoản dịch vụ công”.`,
    buttons: [button("Hủy", { verb: "cancel" })],
  });
}

function askMeetingMode(chat: Conversation, category: string, text: string) {
  const valid = (CATEGORIES_BY_KIND.help as readonly string[]).includes(category) ? category : "other";
  chat.setState({ step: "help_meet", category: valid, text });
  chat.reply({
    text: `Việc cần giúp: ${CATEGORY_LABELS[valid]}.\nAnh/chị muốn gặp Tổ công nghệ ở đâu?`,
    buttons: [
      ...MEETING_MODES.map((mode) => button(MEETING_BUTTONS[mode], { verb: "meet", mode })),
      button("Hủy", { verb: "cancel" }),
    ],
  });
}

function fileHelp(chat: Conversation, mode: (typeof MEETING_MODES)[number]) {
  if (chat.state.step !== "help_meet") return askHelpText(chat);
  const { category, text } = chat.state;
  const input = {
    kind: "help",
    category,
    meetingMode: mode,
    text: padText(text),
    clientId: `zalo-evt-${chat.eventId}`,
  } as CreateRequestInput;
  fileRequest(
    chat,
    input,
    (id, teamName) =>
      `Đã gửi yêu cầu #${id} tới ${teamName}. Khi có thành viên nhận, em sẽ báo anh/chị ngay.\n` +
      "Lưu ý: thành viên tổ không bao giờ hỏi mã OTP, mật khẩu hay đề nghị chuyển tiền.",
  );
}

// ---------------------------------------------------------------------------------------------
// Field reports
// ---------------------------------------------------------------------------------------------

function askReportText(chat: Conversation, category?: string, photoIds: string[] = []) {
  chat.setState({ step: "report_text", category, photoIds });
  chat.reply({
    text: "Anh/chị mô tả sự việc và địa điểm giúp em. Ví dụ: “rác đổ bừa bãi ở đầu cầu thôn 1”.",
    buttons: [button("Hủy", { verb: "cancel" })],
  });
}

function collectReportMedia(
  chat: Conversation,
  draft: {
    category: string;
    text: string;
    photoIds: string[];
    location?: { latitude: number; longitude: number };
  },
) {
  const category = (CATEGORIES_BY_KIND.field_report as readonly string[]).includes(draft.category)
    ? draft.category
    : "other";
  chat.setState({ step: "report_media", ...draft, category });
  chat.reply({
    text:
      `Phản ánh: ${CATEGORY_LABELS[category]}.\n` +
      "Anh/chị gửi thêm ảnh và vị trí (nếu có) ngay trong khung chat, rồi bấm “Gửi phản ánh”.",
    buttons: [button("Gửi phản ánh", { verb: "submit" }), button("Hủy", { verb: "cancel" })],
  });
}

function onImages(chat: Conversation, urls: string[]) {
  if (chat.person.homeVillageId === null) return askVillage(chat);
  const state = chat.state;
  const draft =
    state.step === "report_media" || state.step === "report_text"
      ? state
      : { step: "report_text" as const, category: undefined, photoIds: [] as string[], location: undefined };
  const room = MAX_CHAT_PHOTOS - draft.photoIds.length;
  const added = urls.slice(0, Math.max(0, room)).map((url) => storeChatPhoto(chat, url));
  const photoIds = [...draft.photoIds, ...added];
  if (draft.step === "report_media") {
    chat.setState({ ...draft, photoIds });
    return chat.reply({
      text: `Em đã nhận ${photoIds.length}/${MAX_CHAT_PHOTOS} ảnh.${room <= 0 ? " Đã đủ số ảnh tối đa." : ""}`,
      buttons: [button("Gửi phản ánh", { verb: "submit" }), button("Hủy", { verb: "cancel" })],
    });
  }
  chat.setState({ step: "report_text", category: draft.category, photoIds, location: draft.location });
  chat.reply({
    text: "Em đã nhận ảnh. Anh/chị muốn phản ánh sự việc này phải không? Mô tả ngắn sự việc và địa điểm giúp em.",
    buttons: [button("Hủy", { verb: "cancel" })],
  });
}

function onLocation(chat: Conversation, location: { latitude: number; longitude: number }) {
  const state = chat.state;
  if (state.step === "report_media" || state.step === "report_text") {
    chat.setState({ ...state, location });
    return chat.reply({
      text: "Em đã nhận vị trí.",
      buttons:
        state.step === "report_media"
          ? [button("Gửi phản ánh", { verb: "submit" }), button("Hủy", { verb: "cancel" })]
          : [],
    });
  }
  chat.setState({ step: "report_text", photoIds: [], location });
  chat.reply({
    text: "Em đã nhận vị trí. Anh/chị muốn phản ánh sự việc ở đây phải không? Mô tả ngắn giúp em.",
    buttons: [button("Hủy", { verb: "cancel" })],
  });
}

function storeChatPhoto(chat: Conversation, url: string): string {
  const id = crypto.randomUUID();
  chat.tx
    .insert(photos)
    .values({
      id,
      uploaderPersonId: chat.person.id,
      fileName: null,
      sourceUrl: url,
      mimeType: "image/jpeg",
      sizeBytes: 0,
    })
    .run();
  return id;
}

function fileReport(chat: Conversation) {
  const state = chat.state;
  if (state.step === "report_text") return askReportText(chat, state.category, state.photoIds);
  if (state.step !== "report_media") return showMenu(chat);
  const input = {
    kind: "field_report",
    category: state.category,
    text: padText(state.text),
    photoIds: state.photoIds,
    location: state.location,
    clientId: `zalo-evt-${chat.eventId}`,
  } as CreateRequestInput;
  fileRequest(
    chat,
    input,
    (id) =>
      `Đã gửi phản ánh #${id}. Cảm ơn anh/chị! Kết quả xử lý sẽ được đăng công khai trong Mini App (không kèm tên anh/chị) và em sẽ báo lại.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------

function answerQuestionPrompt(chat: Conversation) {
  chat.setState({ step: "question_text" });
  chat.reply({ text: "Anh/chị muốn hỏi gì ạ?", buttons: [button("Hủy", { verb: "cancel" })] });
}

function answerQuestion(chat: Conversation, text: string) {
  const match = searchFaq(chat.tx, homeCommuneId(chat) ?? null, text);
  if (match) {
    chat.setState({ step: "question_faq", text });
    return chat.reply({
      text: `Câu hỏi tương tự: ${match.question}\n${match.answer}`,
      buttons: [button("Đã rõ, cảm ơn", { verb: "cancel" }), button("Hỏi cán bộ", { verb: "ask-staff" })],
    });
  }
  fileQuestion(chat, text);
}

function fileQuestion(chat: Conversation, text: string) {
  const input = {
    kind: "question",
    category: "other",
    text: padText(text),
    clientId: `zalo-evt-${chat.eventId}`,
  } as CreateRequestInput;
  fileRequest(
    chat,
    input,
    (id) => `Em đã chuyển câu hỏi #${id} tới cán bộ xã. Câu trả lời sẽ được gửi lại cho anh/chị tại đây.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Shared
// ---------------------------------------------------------------------------------------------

/** Requests need 5+ characters; a short chat message is kept as written, with a marker. */
function padText(text: string): string {
  const trimmed = text.trim();
  return trimmed.length >= 5 ? trimmed.slice(0, 2000) : `${trimmed} (qua Zalo)`;
}

function fileRequest(
  chat: Conversation,
  input: CreateRequestInput,
  confirmation: (id: number, teamName: string) => string,
) {
  try {
    const { row } = chat.deps.lifecycle.create(chat.actor(), input, chat.person.homeVillageId);
    chat.setState({ step: "idle" });
    const village = getVillage(chat.tx as unknown as Db, row.villageId);
    const teamName =
      row.routedTo === "commune" ? "cán bộ UBND xã" : `Tổ công nghệ số ${village?.name ?? ""}`.trim();
    chat.reply({
      text: confirmation(row.id, teamName),
      buttons: [button("Yêu cầu của tôi", { verb: "mine" }), button("Về menu", { verb: "menu" })],
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    chat.reply({ text: `Chưa gửi được: ${error.message}`, buttons: [button("Về menu", { verb: "menu" })] });
  }
}

function askOutcome(chat: Conversation, requestId: number) {
  const row = chat.tx.select().from(requests).where(eq(requests.id, requestId)).get();
  if (!row) return chat.reply({ text: `Không tìm thấy yêu cầu #${requestId}.` });
  const primary: Record<string, string> = {
    vneid_level2: "vneid_level2_activated",
    public_service_account: "public_service_account_created",
    online_dossier: "dossier_submitted",
    e_payment: "e_wallet_installed",
    vssid: "vssid_installed",
    e_health: "e_health_activated",
    sim_data: "sim_registered",
    e_commerce: "e_commerce_shop_created",
  };
  const codes: string[] =
    row.kind === "help"
      ? [
          ...new Set(
            [primary[row.category], "guided", "referred_to_one_stop", "other"].filter(
              (c): c is string => c !== undefined,
            ),
          ),
        ]
      : [...OUTCOME_CODES[row.kind]];
  chat.reply({
    text: `Yêu cầu #${requestId} đã xong với kết quả nào ạ?`,
    buttons: codes.slice(0, 5).map((code) => ({
      title: OUTCOME_LABELS[code] ?? code,
      payload: `#outcome ${requestId} ${code}`,
    })),
  });
}

function resolveWithReceipt(chat: Conversation, requestId: number, text: string) {
  const receiptCode = text.trim().slice(0, 100);
  act(chat, requestId, () => {
    chat.deps.lifecycle.resolve(chat.actor(), requestId, { outcomeCode: "dossier_submitted", receiptCode });
    chat.setState({ step: "idle" });
    chat.reply({
      text: `Đã ghi nhận yêu cầu #${requestId} xong, mã biên nhận ${receiptCode}. Cảm ơn anh/chị!`,
    });
  });
}

/** Runs a lifecycle action; a refusal becomes a polite reply (with the owner for "taken"). */
function act(chat: Conversation, requestId: number, run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "already_taken") {
      const owner = chat.tx
        .select({ name: persons.displayName })
        .from(requests)
        .innerJoin(persons, eq(persons.id, requests.ownerPersonId))
        .where(eq(requests.id, requestId))
        .get();
      return chat.reply({
        text: `Yêu cầu #${requestId} đã có người nhận${owner ? `: ${owner.name}` : ""}. Cảm ơn anh/chị!`,
      });
    }
    chat.reply({ text: `Yêu cầu #${requestId}: ${error.message}` });
  }
}
