/**
 * Validation of `POST /v3.0/oa/message/cs` bodies for the Zalo stand-in (zalo-platform.md §2.2).
 * A body Zalo would refuse is answered `-201 <field> is invalid!`, naming the first bad field.
 *
 * Where Zalo's limits are documented we enforce them (text ≤ 2,000 characters). Where they are
 * not, the stand-in errs on the strict side so that what passes here is safe on the real API:
 * button titles ≤ 35 characters (the promotion-era limit, S17), at most 5 buttons and 5 list
 * elements (the official PHP SDK's builder), ids as numeric strings (a JSON number cannot hold
 * a 19-digit Zalo id). Template types are accepted leniently: `media`, `list`,
 * `request_user_info`, `button`, or no `template_type` at all when the payload carries buttons.
 */

export type OaButtonType =
  | "oa.query.show"
  | "oa.query.hide"
  | "oa.open.url"
  | "oa.open.phone"
  | "oa.open.sms";

export interface OaButton {
  title: string;
  type: OaButtonType;
  /** A string for `oa.query.*`; `{ url }`, `{ phone_code }` or `{ phone_code, content }` otherwise. */
  payload: unknown;
}

export interface CsMessage {
  recipient: { user_id: string } | { message_id: string };
  text: string | null;
  attachment: Record<string, unknown> | null;
  /** Every button of the message: the payload's `buttons`, then each list element's action. */
  buttons: OaButton[];
  quoteMessageId: string | null;
}

export type CsParse = { ok: true; message: CsMessage } | { ok: false; field: string };

export const TEXT_MAX = 2000;
export const BUTTON_TITLE_MAX = 35;
export const BUTTONS_MAX = 5;
export const ELEMENTS_MAX = 5;
const QUERY_PAYLOAD_MAX = 1000;

const NUMERIC_ID = /^\d{1,32}$/;
const BUTTON_TYPES: readonly string[] = [
  "oa.query.show",
  "oa.query.hide",
  "oa.open.url",
  "oa.open.phone",
  "oa.open.sms",
];
const TEMPLATE_TYPES: readonly string[] = ["media", "list", "request_user_info", "button"];
const MEDIA_TYPES: readonly string[] = ["image", "gif", "sticker"];

class Invalid extends Error {
  constructor(readonly field: string) {
    super(`${field} is invalid!`);
  }
}

function fail(field: string): never {
  throw new Invalid(field);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Length in characters as a person counts them: NFC code points, not UTF-16 units. */
export function charLength(text: string): number {
  return [...text.normalize("NFC")].length;
}

function nonEmptyString(value: unknown, max: number): value is string {
  return typeof value === "string" && value.trim() !== "" && charLength(value) <= max;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** An action object (`default_action`, or a button without its title). */
function checkAction(value: unknown, field: string): { type: OaButtonType; payload: unknown } {
  if (!isObject(value)) fail(field);
  const { type, payload } = value;
  if (typeof type !== "string" || !BUTTON_TYPES.includes(type)) fail("type");
  switch (type) {
    case "oa.query.show":
    case "oa.query.hide":
      if (!nonEmptyString(payload, QUERY_PAYLOAD_MAX)) fail("payload");
      break;
    case "oa.open.url": {
      // The PHP SDK also sets a top-level `url`; either place is accepted.
      const url = isObject(payload) ? payload.url : value.url;
      if (!isHttpUrl(url)) fail("url");
      return { type, payload: { url } };
    }
    case "oa.open.phone":
      if (
        !isObject(payload) ||
        typeof payload.phone_code !== "string" ||
        !/^\+?\d{8,15}$/.test(payload.phone_code)
      ) {
        fail("phone_code");
      }
      break;
    case "oa.open.sms":
      if (
        !isObject(payload) ||
        typeof payload.phone_code !== "string" ||
        !/^\+?\d{8,15}$/.test(payload.phone_code)
      ) {
        fail("phone_code");
      }
      if (!nonEmptyString(payload.content, 160)) fail("content");
      break;
  }
  return { type: type as OaButtonType, payload };
}

function checkButtons(value: unknown): OaButton[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length === 0 || value.length > BUTTONS_MAX) fail("buttons");
  return value.map((button) => {
    if (!isObject(button)) fail("buttons");
    if (!nonEmptyString(button.title, BUTTON_TITLE_MAX)) fail("title");
    const action = checkAction(button, "buttons");
    return { title: button.title, ...action };
  });
}

function checkElements(templateType: string | undefined, value: unknown): OaButton[] {
  if (templateType === undefined || templateType === "button") {
    if (value !== undefined) fail("elements");
    return [];
  }
  const max = templateType === "list" ? ELEMENTS_MAX : 1;
  if (!Array.isArray(value) || value.length === 0 || value.length > max) fail("elements");
  const actions: OaButton[] = [];
  for (const element of value) {
    if (!isObject(element)) fail("elements");
    if (templateType === "media") {
      if (typeof element.media_type !== "string" || !MEDIA_TYPES.includes(element.media_type))
        fail("media_type");
      const hasUrl = element.url !== undefined;
      const hasAsset = element.attachment_id !== undefined;
      if (hasUrl === hasAsset) fail("url");
      if (hasUrl && !isHttpUrl(element.url)) fail("url");
      if (hasAsset && !nonEmptyString(element.attachment_id, 200)) fail("attachment_id");
    } else {
      if (!nonEmptyString(element.title, 100)) fail("title");
      if (element.subtitle !== undefined && typeof element.subtitle !== "string") fail("subtitle");
      if (templateType === "request_user_info" && !nonEmptyString(element.subtitle, 500)) fail("subtitle");
      if (element.image_url !== undefined && !isHttpUrl(element.image_url)) fail("image_url");
      if (templateType === "request_user_info" && element.image_url === undefined) fail("image_url");
      if (element.default_action !== undefined) {
        actions.push({ title: element.title, ...checkAction(element.default_action, "default_action") });
      }
    }
  }
  return actions;
}

function checkAttachment(value: unknown): OaButton[] {
  if (!isObject(value)) fail("attachment");
  const { type, payload } = value;
  if (!isObject(payload)) fail("payload");
  if (type === "file") {
    if (!nonEmptyString(payload.token, 1000)) fail("token");
    return [];
  }
  if (type !== "template") fail("attachment");
  const templateType = payload.template_type;
  if (
    templateType !== undefined &&
    (typeof templateType !== "string" || !TEMPLATE_TYPES.includes(templateType))
  ) {
    fail("template_type");
  }
  const buttons = checkButtons(payload.buttons);
  if ((templateType === undefined || templateType === "button") && buttons.length === 0) fail("buttons");
  if (templateType === "request_user_info" && buttons.length > 0) fail("buttons");
  const actions = checkElements(templateType as string | undefined, payload.elements);
  return [...buttons, ...actions];
}

function checkRecipient(value: unknown): CsMessage["recipient"] {
  if (!isObject(value)) fail("recipient");
  const keys = Object.keys(value);
  if (keys.length !== 1) fail("recipient");
  if (keys[0] === "user_id") {
    if (typeof value.user_id !== "string" || !NUMERIC_ID.test(value.user_id)) fail("user_id");
    return { user_id: value.user_id };
  }
  if (keys[0] === "message_id") {
    if (!nonEmptyString(value.message_id, 200)) fail("message_id");
    return { message_id: value.message_id };
  }
  // phone / group_id / anonymous recipients exist on Zalo but not in this stand-in.
  return fail("recipient");
}

export function parseCsMessage(body: unknown): CsParse {
  try {
    if (!isObject(body)) fail("body");
    const recipient = checkRecipient(body.recipient);
    const message = body.message;
    if (!isObject(message)) fail("message");
    const { text, attachment, quote_message_id: quote } = message;
    if (text !== undefined && !nonEmptyString(text, TEXT_MAX)) fail("text");
    if (text === undefined && attachment === undefined) fail("message");
    if (quote !== undefined && !nonEmptyString(quote, 200)) fail("quote_message_id");
    const buttons = attachment === undefined ? [] : checkAttachment(attachment);
    return {
      ok: true,
      message: {
        recipient,
        text: (text as string | undefined) ?? null,
        attachment: (attachment as Record<string, unknown> | undefined) ?? null,
        buttons,
        quoteMessageId: (quote as string | undefined) ?? null,
      },
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, field: error.field };
    throw error;
  }
}
