/**
 * Webhook events the Zalo stand-in sends when a simulated user acts, in the shapes of
 * zalo-platform.md §1.5: every id and the timestamp are strings, key order follows the samples.
 * The events are serialised once; that exact text is what gets signed and posted.
 */

export type UserAction =
  | { text: string }
  | { imageUrl: string; caption?: string }
  | { latitude: number | string; longitude: number | string }
  | { follow: true; source?: string }
  | { unfollow: true; source?: string };

export type UserActionKind = "text" | "image" | "location" | "follow" | "unfollow";

export interface EventContext {
  appId: string;
  oaId: string;
  followerId: string;
  userIdByApp: string;
  /** Epoch milliseconds, as a string. */
  timestamp: string;
  msgId: string;
}

const COORDINATE = /^-?\d{1,3}(\.\d{1,12})?$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function coordinate(value: unknown, limit: number): string | null {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !COORDINATE.test(text)) return null;
  return Math.abs(Number(text)) <= limit ? text : null;
}

/** Checks an action coming from tests or the sandbox page; returns a clean copy or an error. */
export function parseUserAction(
  input: unknown,
): { ok: true; kind: UserActionKind; action: UserAction } | { ok: false; message: string } {
  if (!isObject(input)) return { ok: false, message: "expected an object" };
  if (input.follow === true) {
    const source = typeof input.source === "string" ? input.source : undefined;
    return { ok: true, kind: "follow", action: { follow: true, ...(source ? { source } : {}) } };
  }
  if (input.unfollow === true) {
    const source = typeof input.source === "string" ? input.source : undefined;
    return { ok: true, kind: "unfollow", action: { unfollow: true, ...(source ? { source } : {}) } };
  }
  if (input.text !== undefined) {
    if (typeof input.text !== "string" || input.text.trim() === "" || input.text.length > 2000) {
      return { ok: false, message: "text must be 1–2000 characters" };
    }
    return { ok: true, kind: "text", action: { text: input.text } };
  }
  if (input.imageUrl !== undefined) {
    if (typeof input.imageUrl !== "string" || !/^https?:\/\//.test(input.imageUrl)) {
      return { ok: false, message: "imageUrl must be an http(s) URL" };
    }
    const caption = typeof input.caption === "string" && input.caption !== "" ? input.caption : undefined;
    return { ok: true, kind: "image", action: { imageUrl: input.imageUrl, ...(caption ? { caption } : {}) } };
  }
  if (input.latitude !== undefined || input.longitude !== undefined) {
    const latitude = coordinate(input.latitude, 90);
    const longitude = coordinate(input.longitude, 180);
    if (latitude === null || longitude === null)
      return { ok: false, message: "latitude/longitude are invalid" };
    return { ok: true, kind: "location", action: { latitude, longitude } };
  }
  return { ok: false, message: "expected text, imageUrl, latitude/longitude, follow or unfollow" };
}

/** The event object for an action, ready for `JSON.stringify`. */
export function buildEvent(ctx: EventContext, action: UserAction): Record<string, unknown> {
  if ("follow" in action || "unfollow" in action) {
    return {
      oa_id: ctx.oaId,
      follower: { id: ctx.followerId },
      user_id_by_app: ctx.userIdByApp,
      event_name: "follow" in action ? "follow" : "unfollow",
      source: action.source ?? "oa_profile",
      app_id: ctx.appId,
      timestamp: ctx.timestamp,
    };
  }
  const fromUser = (eventName: string, message: Record<string, unknown>) => ({
    app_id: ctx.appId,
    sender: { id: ctx.followerId },
    recipient: { id: ctx.oaId },
    user_id_by_app: ctx.userIdByApp,
    event_name: eventName,
    message,
    timestamp: ctx.timestamp,
  });
  if ("text" in action) return fromUser("user_send_text", { text: action.text, msg_id: ctx.msgId });
  if ("imageUrl" in action) {
    return fromUser("user_send_image", {
      ...(action.caption ? { text: action.caption } : {}),
      attachments: [{ type: "image", payload: { thumbnail: action.imageUrl, url: action.imageUrl } }],
      msg_id: ctx.msgId,
    });
  }
  return fromUser("user_send_location", {
    attachments: [
      {
        type: "location",
        payload: { coordinates: { latitude: String(action.latitude), longitude: String(action.longitude) } },
      },
    ],
    msg_id: ctx.msgId,
  });
}
