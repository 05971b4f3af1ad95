/**
 * zod schemas of the Zalo OA webhook events we receive (zalo-platform.md §1.4–1.5). Ids and
 * timestamps are strings: they exceed 2^53 and must never pass through `Number`.
 */
import { z } from "zod";

const id = z.string().regex(/^\d{1,32}$/, "must be a numeric string");
const timestamp = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform(String);
const party = z.object({ id });

const common = {
  app_id: z.string(),
  timestamp,
  user_id_by_app: id.optional(),
};

/** A user → OA message: sender is the follower, recipient the OA. */
const fromUser = <N extends string, M extends z.ZodType>(name: N, message: M) =>
  z.object({ ...common, event_name: z.literal(name), sender: party, recipient: party, message });

const attachment = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().optional(),
      thumbnail: z.string().optional(),
      name: z.string().optional(),
      size: z.union([z.string(), z.number()]).optional(),
      description: z.string().optional(),
      // Locations come as coordinates.latitude/longitude in most samples, lat/long in others.
      coordinates: z
        .object({ latitude: z.union([z.string(), z.number()]), longitude: z.union([z.string(), z.number()]) })
        .optional(),
      id: z.string().optional(),
    })
    .passthrough(),
});

const mediaMessage = z.object({
  msg_id: z.string(),
  text: z.string().optional(),
  attachments: z.array(attachment).min(1),
});

export const textEvent = fromUser("user_send_text", z.object({ msg_id: z.string(), text: z.string() }));
export const imageEvent = fromUser("user_send_image", mediaMessage);
export const locationEvent = fromUser("user_send_location", mediaMessage);
export const linkEvent = fromUser("user_send_link", mediaMessage);
export const stickerEvent = fromUser("user_send_sticker", mediaMessage);
export const fileEvent = fromUser("user_send_file", mediaMessage);
export const audioEvent = fromUser("user_send_audio", mediaMessage);
export const videoEvent = fromUser("user_send_video", mediaMessage);
export const gifEvent = fromUser("user_send_gif", mediaMessage);

export const followEvent = z.object({
  ...common,
  event_name: z.enum(["follow", "unfollow"]),
  oa_id: id,
  follower: party,
  source: z.string().optional(),
});

export const submitInfoEvent = z.object({
  ...common,
  event_name: z.literal("user_submit_info"),
  sender: party,
  recipient: party,
  info: z
    .object({
      name: z.string().optional(),
      phone: z.string().optional(),
      address: z.string().optional(),
      city: z.string().optional(),
      district: z.string().optional(),
      ward: z.string().optional(),
    })
    .passthrough(),
});

/** Receipts: sender is the OA, recipient the user. */
export const receivedEvent = z.object({
  ...common,
  event_name: z.literal("user_received_message"),
  sender: party,
  recipient: party,
  message: z.object({ msg_id: z.string() }).passthrough(),
});
export const seenEvent = z.object({
  ...common,
  event_name: z.literal("user_seen_message"),
  sender: party,
  recipient: party,
  message: z.object({ msg_ids: z.array(z.string()) }).passthrough(),
});

/** Echoes of what the OA (or an agent in the OA console) sent. */
export const oaSendEvent = z.object({
  ...common,
  event_name: z.enum([
    "oa_send_text",
    "oa_send_image",
    "oa_send_gif",
    "oa_send_list",
    "oa_send_file",
    "oa_send_sticker",
  ]),
  sender: party,
  recipient: party,
  message: z.object({ msg_id: z.string() }).passthrough(),
});

/** Keyed by event_name, so a malformed event's error names the bad field. */
export const zaloEventSchema = z.discriminatedUnion("event_name", [
  textEvent,
  imageEvent,
  locationEvent,
  linkEvent,
  stickerEvent,
  fileEvent,
  audioEvent,
  videoEvent,
  gifEvent,
  followEvent,
  submitInfoEvent,
  receivedEvent,
  seenEvent,
  oaSendEvent,
]);
export type ZaloEvent = z.infer<typeof zaloEventSchema>;

export const KNOWN_EVENT_NAMES = [
  "user_send_text",
  "user_send_image",
  "user_send_location",
  "user_send_link",
  "user_send_sticker",
  "user_send_file",
  "user_send_audio",
  "user_send_video",
  "user_send_gif",
  "follow",
  "unfollow",
  "user_submit_info",
  "user_received_message",
  "user_seen_message",
  "oa_send_text",
  "oa_send_image",
  "oa_send_gif",
  "oa_send_list",
  "oa_send_file",
  "oa_send_sticker",
] as const;
