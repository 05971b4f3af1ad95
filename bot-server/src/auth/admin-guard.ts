/**
 * The guard of every commune-admin endpoint: the policy decides (canAdministerCommune), this
 * turns a refusal into 404, the answer for an item that does not exist, so ids of other
 * communes never leak.
 */
import { notFound } from "../lib/errors";
import type { Actor } from "./actor";
import { canAdministerCommune } from "./policy";

export function requireCommuneAdmin(
  actor: Actor,
  communeId: number | null | undefined,
  message = "Không tìm thấy nội dung anh/chị cần.",
): asserts communeId is number {
  if (communeId === undefined || !canAdministerCommune(actor, communeId)) throw notFound(message);
}
