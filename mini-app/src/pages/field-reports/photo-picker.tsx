/**
 * Up to 5 photos from the camera or the gallery, each shrunk on the phone right after it is
 * picked (lib/photo-upload.ts), previewed, and removable. Nothing is uploaded here: the form
 * uploads when the person sends the report.
 */
import type { MAX_PHOTOS_PER_REQUEST as SharedMax } from "@cau-noi/shared";
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { messageOf } from "../../api/errors";
import { Icon } from "../../icons";
import { compressPhoto, type UploadedPhoto } from "../../lib/photo-upload";

export interface PickedPhoto {
  key: string;
  status: "compressing" | "ready" | "failed";
  blob?: Blob;
  preview?: string;
  /** Set once uploaded, so a second try of the form does not upload it again. */
  uploaded?: UploadedPhoto;
  error?: string;
}

function kb(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The server's limit (shared MAX_PHOTOS_PER_REQUEST). Typed by it, so the two cannot drift,
 * without importing the shared module's value: that would bring zod into the bundle.
 */
const MAX_PHOTOS_PER_REQUEST: typeof SharedMax = 5;

let counter = 0;

export function usePhotoPicks() {
  const [picks, setPicks] = useState<PickedPhoto[]>([]);
  const urls = useRef(new Set<string>());
  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );
  const update = (key: string, patch: Partial<PickedPhoto>) =>
    setPicks((current) => current.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const add = async (files: File[]) => {
    const added = files.map((): PickedPhoto => ({ key: `photo-${++counter}`, status: "compressing" }));
    setPicks((current) => [...current, ...added]);
    // One at a time: decoding several 12-megapixel photos at once can exhaust an old phone's memory.
    for (const [i, file] of files.entries()) {
      const key = added[i]?.key ?? "";
      try {
        const blob = await compressPhoto(file);
        const preview = URL.createObjectURL(blob);
        urls.current.add(preview);
        update(key, { status: "ready", blob, preview });
      } catch (error) {
        update(key, { status: "failed", error: messageOf(error) });
      }
    }
  };

  const remove = (key: string) =>
    setPicks((current) => {
      const gone = current.find((p) => p.key === key);
      if (gone?.preview) {
        URL.revokeObjectURL(gone.preview);
        urls.current.delete(gone.preview);
      }
      return current.filter((p) => p.key !== key);
    });

  return { picks, add, remove, update };
}

export function PhotoPicker({
  picks,
  onAdd,
  onRemove,
}: {
  picks: PickedPhoto[];
  onAdd(files: File[]): void;
  onRemove(key: string): void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const room = MAX_PHOTOS_PER_REQUEST - picks.length;

  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ""; // the same photo can be picked again after removing it
    if (files.length === 0) return;
    setNotice(files.length > room ? `Chỉ gửi được tối đa ${MAX_PHOTOS_PER_REQUEST} ảnh.` : null);
    if (room > 0) onAdd(files.slice(0, room));
  };

  return (
    <div className="field">
      <span className="field-label">4. Ảnh chụp (không bắt buộc, tối đa {MAX_PHOTOS_PER_REQUEST} ảnh)</span>
      <p className="field-hint">Ảnh được thu nhỏ trên máy trước khi gửi cho đỡ tốn dung lượng 3G/4G.</p>
      {picks.length > 0 && (
        <ul className="photo-picks" aria-label="Ảnh đã chọn">
          {picks.map((p, i) => (
            <li key={p.key} className="photo-pick">
              {p.preview ? (
                <img src={p.preview} alt={`Ảnh ${i + 1}`} />
              ) : (
                <span className="placeholder" aria-hidden="true" />
              )}
              <span className={p.status === "failed" ? "field-error" : "muted"} role="status">
                {p.status === "compressing"
                  ? "Đang thu nhỏ…"
                  : p.status === "failed"
                    ? (p.error ?? "Ảnh lỗi")
                    : `Ảnh ${i + 1} · ${kb(p.blob?.size ?? 0)}`}
              </span>
              <button
                type="button"
                className="remove"
                onClick={() => onRemove(p.key)}
                aria-label={`Xóa ảnh ${i + 1}`}
              >
                Xóa
              </button>
            </li>
          ))}
        </ul>
      )}
      {room > 0 && (
        <div className="btn-row">
          <label className="btn secondary file-button">
            <Icon name="camera" /> Chụp ảnh
            <input
              type="file"
              accept="image/*"
              capture="environment"
              onChange={picked}
              aria-label="Chụp ảnh"
            />
          </label>
          <label className="btn secondary file-button">
            <Icon name="image" /> Chọn ảnh có sẵn
            <input
              type="file"
              accept="image/*"
              multiple
              onChange={picked}
              aria-label="Chọn ảnh có sẵn"
              data-testid="photo-input"
            />
          </label>
        </div>
      )}
      {notice && (
        <p className="field-error" role="alert">
          {notice}
        </p>
      )}
    </div>
  );
}
