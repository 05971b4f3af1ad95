/**
 * Photo upload (`POST /api/photos`, multipart field `file`) and serving (`GET /media/photos/:id`).
 * Photos of public field reports are public; any other photo only reaches its uploader and the
 * people who may see its request or its team activity.
 */
import { photoUploadResponseSchema } from "@cau-noi/shared";
import { eq } from "drizzle-orm";
import { bodyLimit } from "hono/body-limit";
import { mayReadActivityPhoto } from "../activities/service";
import { loadActor } from "../auth/actor";
import { bearerToken, requireSession } from "../auth/middleware";
import * as policy from "../auth/policy";
import { photos } from "../db/schema";
import { AppError, notFound } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonResponse } from "../lib/openapi";
import { isPublicPhoto, photoUrl, requestOfPhoto } from "../requests/queries";
import { readPhoto, sniffImageType, storePhoto } from "./storage";

const MULTIPART_OVERHEAD = 64 * 1024;

export const photoRoutes = createRouter();

photoRoutes.openAPIRegistry.registerPath({
  method: "post",
  path: "/api/photos",
  tags: ["Ảnh"],
  summary: "Tải ảnh lên (JPEG, PNG, WebP; trường `file`)",
  security: bearerSecurity,
  responses: { 201: jsonResponse(photoUploadResponseSchema, "Ảnh đã lưu"), ...errorResponses },
});

photoRoutes.post(
  "/api/photos",
  requireSession,
  async (c, next) =>
    bodyLimit({
      maxSize: c.var.deps.config.uploadMaxBytes + MULTIPART_OVERHEAD,
      onError: () => {
        throw tooLarge(c.var.deps.config.uploadMaxBytes);
      },
    })(c, next),
  async (c) => {
    const { deps, actor } = c.var;
    const form = await c.req.formData().catch(() => {
      throw new AppError("validation_failed", "Vui lòng chọn ảnh.", { file: "Vui lòng chọn ảnh." });
    });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("validation_failed", "Vui lòng chọn ảnh.", { file: "Vui lòng chọn ảnh." });
    }
    if (file.size > deps.config.uploadMaxBytes) throw tooLarge(deps.config.uploadMaxBytes);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffImageType(bytes);
    if (!type) {
      throw new AppError("unsupported_media_type", "Chỉ nhận ảnh JPEG, PNG hoặc WebP.", {
        file: "Chỉ nhận ảnh JPEG, PNG hoặc WebP.",
      });
    }
    const stored = await storePhoto(deps.config.uploadDir, bytes, type.ext);
    deps.db
      .insert(photos)
      .values({
        id: stored.id,
        uploaderPersonId: actor.personId,
        fileName: stored.fileName,
        mimeType: type.mime,
        sizeBytes: bytes.byteLength,
      })
      .run();
    return c.json({ id: stored.id, url: photoUrl(stored.id) }, 201);
  },
);

photoRoutes.get("/media/photos/:id", async (c) => {
  const { deps, services } = c.var;
  const id = c.req.param("id");
  const photo = deps.db.select().from(photos).where(eq(photos.id, id)).get();
  if (!photo) throw notFound("Không tìm thấy ảnh.");
  if (!isPublicPhoto(deps.db, id)) {
    // <img> cannot send headers: the session may come as `?session=`.
    const token = bearerToken(c.req.header("authorization")) ?? c.req.query("session");
    if (!token) throw notFound("Không tìm thấy ảnh.");
    const now = deps.now();
    // A bad session answers like an unknown photo: no hint that this id exists.
    const personId = await services.sessions.verify(token, now).catch(() => {
      throw notFound("Không tìm thấy ảnh.");
    });
    const actor = loadActor(deps.db, personId, now);
    const request = requestOfPhoto(deps.db, id);
    const allowed =
      photo.uploaderPersonId === actor.personId ||
      (request !== undefined && policy.canView(actor, request)) ||
      mayReadActivityPhoto(deps.db, actor, id);
    if (!allowed) throw notFound("Không tìm thấy ảnh.");
  }
  // A photo sent in the OA chat stays on Zalo's CDN.
  if (photo.fileName === null) return photo.sourceUrl ? c.redirect(photo.sourceUrl, 302) : c.notFound();
  const bytes = await readPhoto(deps.config.uploadDir, photo.fileName);
  return c.body(new Uint8Array(bytes), 200, {
    "content-type": photo.mimeType,
    "cache-control": "private, max-age=86400",
    "x-content-type-options": "nosniff",
  });
});

function tooLarge(max: number) {
  // Below 1 MB in KB: "tối đa 0 MB" would be no answer at all.
  const limit =
    max >= 1024 * 1024
      ? `${Math.round((max / 1024 / 1024) * 10) / 10} MB`
      : `${Math.max(1, Math.floor(max / 1024))} KB`;
  return new AppError("payload_too_large", `Ảnh quá lớn, tối đa ${limit}.`, {
    file: `Ảnh quá lớn, tối đa ${limit}.`,
  });
}
