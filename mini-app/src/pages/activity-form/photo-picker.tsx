/**
 * Up to 5 photos of the activity: each is compressed on the phone and uploaded as soon as it is
 * picked (lib/photo-upload.ts). Without a network photos cannot go up: the activity can still be
 * logged, and photos added later while it is editable.
 */
import type { MAX_PHOTOS_PER_ACTIVITY as SharedMax } from "@cau-noi/shared";
import { type ChangeEvent, useState } from "react";
import { sessionUrl } from "../../api/client";
import { messageOf } from "../../api/errors";
import { useOnline } from "../../components/offline-banner";
import { compressAndUpload } from "../../lib/photo-upload";
import type { PhotoRef } from "./form-state";

/**
 * The server's limit (shared MAX_PHOTOS_PER_ACTIVITY). Typed by it, so the two cannot drift,
 * without importing the shared module's value: that would bring zod into the bundle.
 */
const MAX_PHOTOS_PER_ACTIVITY: typeof SharedMax = 5;

/** An <img> cannot send the session header: private photos take it as `?session=`. */
export function photoSrc(url: string): string {
  return url ? sessionUrl(url) : "";
}

export function PhotoPicker({
  photos,
  error,
  onChange,
}: {
  photos: PhotoRef[];
  error?: string;
  onChange(photos: PhotoRef[]): void;
}) {
  const online = useOnline();
  const [uploading, setUploading] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const room = MAX_PHOTOS_PER_ACTIVITY - photos.length;

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []).slice(0, room);
    event.target.value = "";
    if (files.length === 0) return;
    setProblem(null);
    setUploading(files.length);
    let next = photos;
    for (const file of files) {
      try {
        const uploaded = await compressAndUpload(file);
        next = [...next, { id: uploaded.id, url: uploaded.url }];
        onChange(next);
      } catch (e) {
        setProblem(messageOf(e));
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  return (
    <fieldset className="field">
      <legend>Ảnh hoạt động (tối đa {MAX_PHOTOS_PER_ACTIVITY} ảnh, không bắt buộc)</legend>
      {photos.length > 0 && (
        <ul className="photo-strip" aria-label="Ảnh đã chọn">
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <img src={photoSrc(photo.url)} alt={`Ảnh ${i + 1}`} />
              <button
                type="button"
                className="btn link"
                onClick={() => onChange(photos.filter((p) => p.id !== photo.id))}
              >
                Bỏ ảnh {i + 1}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!online ? (
        <p className="field-hint">
          Chưa có mạng nên chưa tải ảnh lên được. Anh/chị vẫn ghi được hoạt động và thêm ảnh sau (trong 7
          ngày).
        </p>
      ) : (
        room > 0 && (
          <label className="btn secondary" style={{ cursor: "pointer" }}>
            <input
              type="file"
              accept="image/*"
              multiple
              className="visually-hidden"
              disabled={uploading > 0}
              onChange={(e) => void pick(e)}
            />
            {uploading > 0 ? `Đang tải ${uploading} ảnh…` : "Chọn ảnh"}
          </label>
        )
      )}
      {(problem || error) && (
        <p className="field-error" role="alert">
          {problem ?? error}
        </p>
      )}
    </fieldset>
  );
}
