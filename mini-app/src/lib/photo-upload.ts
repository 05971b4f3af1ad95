/**
 * Photos from the phone, made small before they leave it (SPEC §2: about 300 KB each) and
 * uploaded to `POST /api/photos` (multipart, field `file`; bot-server/src/photos/routes.ts).
 * Used by field reports and by team activities.
 *
 * Re-encoding every photo also drops its EXIF block: a phone photo carries the GPS position
 * of the place it was taken, which must not reach a public list unless the person chose to
 * send their location.
 *
 * zmp-sdk's `chooseImage` is itself an `<input type="file">` (zalo-platform.md §5.7), so pages
 * use such an input directly and pass its files here.
 */
import type { output } from "zod";
import { apiUrl, renewSession, type SharedModule, sessionToken } from "../api/client";
import { ApiError, errorFromBody, networkError } from "../api/errors";

/** What we aim for per photo (the server accepts far more: UPLOAD_MAX_BYTES). */
export const PHOTO_TARGET_BYTES = 300 * 1024;
/** Longest side after scaling: enough to read a street sign, small enough for 3G. */
export const PHOTO_MAX_SIDE = 1600;
/** Below this the photo stops being useful; we give up shrinking further. */
const MIN_SIDE = 480;
const QUALITIES = [0.82, 0.72, 0.62, 0.52, 0.42] as const;
const UPLOAD_TIMEOUT_MS = 60_000;

export type UploadedPhoto = output<SharedModule["photoUploadResponseSchema"]>;

export const UNREADABLE_PHOTO = "Không đọc được ảnh này. Anh/chị vui lòng chọn ảnh khác (JPEG hoặc PNG).";

interface Decoded {
  source: CanvasImageSource;
  width: number;
  height: number;
  release(): void;
}

/** Decodes with the photo's EXIF orientation applied, so a portrait photo stays upright. */
async function decode(file: Blob): Promise<Decoded> {
  if (typeof createImageBitmap === "function") {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      // Old WebViews reject the options bag or some formats: try an <img> below.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    return {
      source: img,
      width: img.naturalWidth,
      height: img.naturalHeight,
      release: () => URL.revokeObjectURL(url),
    };
  } catch {
    URL.revokeObjectURL(url);
    throw new ApiError(400, "unreadable_photo", UNREADABLE_PHOTO);
  }
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new ApiError(400, "unreadable_photo", UNREADABLE_PHOTO))),
      "image/jpeg",
      quality,
    );
  });
}

function draw(image: Decoded, longest: number): HTMLCanvasElement {
  const scale = Math.min(1, longest / Math.max(image.width, image.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(image.width * scale));
  canvas.height = Math.max(1, Math.round(image.height * scale));
  const context = canvas.getContext("2d");
  if (!context) throw new ApiError(400, "unreadable_photo", UNREADABLE_PHOTO);
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.imageSmoothingQuality = "high";
  context.drawImage(image.source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/**
 * A JPEG of at most PHOTO_MAX_SIDE px on its longest side, with the quality stepped down until it
 * is at most PHOTO_TARGET_BYTES; if even the lowest quality is too big, the photo is scaled down
 * further (never below MIN_SIDE px). Returns the smallest result found.
 */
export async function compressPhoto(file: Blob): Promise<Blob> {
  const image = await decode(file);
  try {
    let longest = Math.min(PHOTO_MAX_SIDE, Math.max(image.width, image.height));
    let best: Blob | null = null;
    for (;;) {
      const canvas = draw(image, longest);
      for (const quality of QUALITIES) {
        const blob = await toJpeg(canvas, quality);
        if (!best || blob.size < best.size) best = blob;
        if (blob.size <= PHOTO_TARGET_BYTES) return blob;
      }
      canvas.width = 0; // frees the bitmap memory at once on low-end phones
      if (longest <= MIN_SIDE && best) return best;
      longest = Math.max(MIN_SIDE, Math.round(longest * 0.75));
    }
  } finally {
    image.release();
  }
}

async function post(form: FormData): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), UPLOAD_TIMEOUT_MS);
  const token = sessionToken();
  try {
    return await fetch(apiUrl("/api/photos"), {
      method: "POST",
      // No content-type: the browser writes the multipart boundary itself.
      headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: form,
      signal: controller.signal,
    });
  } catch {
    throw networkError();
  } finally {
    clearTimeout(timer);
  }
}

/** Uploads one (already compressed) photo; throws `ApiError` with the server's Vietnamese message. */
export async function uploadPhoto(blob: Blob): Promise<UploadedPhoto> {
  const form = () => {
    const data = new FormData();
    data.append("file", blob, blob.type === "image/png" ? "photo.png" : "photo.jpg");
    return data;
  };
  let response = await post(form());
  if (response.status === 401 && (await renewSession())) response = await post(form());
  const text = await response.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw errorFromBody(response.status, body);
  return body as UploadedPhoto;
}

/** Compress then upload: what a form does with each photo the person picked. */
export async function compressAndUpload(file: Blob): Promise<UploadedPhoto> {
  return uploadPhoto(await compressPhoto(file));
}
