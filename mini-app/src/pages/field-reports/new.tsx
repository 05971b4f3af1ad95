/**
 * "Gửi phản ánh" (SPEC §2 #3): category, what happened, where, up to 5 photos and, only if the
 * person taps for it, their position. Photos are uploaded first (they need the network); the
 * report then goes through the offline queue with a clientId, so it is never filed twice.
 *
 * Offline with photos, honestly: photos cannot be kept for later, so the person chooses to send
 * the report now without them (it waits on the phone and goes when the network returns), or to
 * keep the form and send everything once back online.
 */
import type { RequestDetail } from "@cau-noi/shared";
import { CATEGORIES_BY_KIND, CATEGORY_LABELS } from "@cau-noi/shared/domain";
import { type FormEvent, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";
import { CREATE_REQUEST_PATH } from "../../api/endpoints";
import { ApiError, messageOf } from "../../api/errors";
import { invalidate } from "../../api/resource";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { uploadPhoto } from "../../lib/photo-upload";
import { queue } from "../../state/queue";
import { inSentence } from "../citizen-common/format";
import { WithHomeVillage } from "../citizen-common/home-village";
import { RadioChoices } from "../citizen-common/radio-choices";
import {
  checkReport,
  EMPTY_REPORT,
  type ReportErrors,
  type ReportForm,
  reportErrorsFromServer,
  toReportRequest,
} from "./form-state";
import { LocationChoice } from "./location-choice";
import { PhotoPicker, usePhotoPicks } from "./photo-picker";
import { flashSent } from "./sent-flash";
import "../../styles/citizen.css";
import { showRequest } from "../../state/request-cache";

const OPTIONS = CATEGORIES_BY_KIND.field_report.map((value) => ({
  value,
  label: CATEGORY_LABELS[value] ?? value,
}));

function Queued() {
  return (
    <div className="section">
      <div className="banner ok" role="status">
        <Icon name="check" />
        <div className="grow">
          <strong>Đã lưu phản ánh trên máy.</strong>
          <div>
            Hiện chưa có mạng. Khi có mạng trở lại, phản ánh sẽ tự gửi tới UBND – anh/chị không cần gửi lại.
          </div>
        </div>
      </div>
      <div className="page-actions">
        <Link to="/mine" className="btn block">
          Xem “Của tôi”
        </Link>
        <Link to="/field-reports" className="btn secondary block">
          Về Phản ánh hiện trường
        </Link>
      </div>
    </div>
  );
}

function OfflinePhotos({ count, onTextOnly, onKeep }: { count: number; onTextOnly(): void; onKeep(): void }) {
  return (
    <div className="banner" role="alert">
      <Icon name="offline" />
      <div className="grow">
        <strong>Chưa gửi được {count} ảnh vì đang mất mạng.</strong>
        <p style={{ margin: "4px 0 10px" }}>
          Ảnh chỉ gửi được khi có mạng. Anh/chị có thể gửi phản ánh ngay, không kèm ảnh (sẽ tự gửi khi có
          mạng), hoặc giữ lại và bấm “Gửi phản ánh” khi có mạng trở lại.
        </p>
        <div className="page-actions">
          <button type="button" className="btn block" onClick={onTextOnly}>
            Gửi không kèm ảnh
          </button>
          <button type="button" className="btn secondary block" onClick={onKeep}>
            Giữ lại, gửi sau khi có mạng
          </button>
        </div>
      </div>
    </div>
  );
}

function ReportFormView({ communeName }: { communeName: string }) {
  const navigate = useNavigate();
  const fromList = (useLocation().state as { fromList?: boolean } | null)?.fromList === true;
  const [form, setForm] = useState<ReportForm>(EMPTY_REPORT);
  const [errors, setErrors] = useState<ReportErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const [offlinePhotos, setOfflinePhotos] = useState(false);
  const photos = usePhotoPicks();

  const set = (patch: Partial<ReportForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setMessage(null);
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key as keyof ReportErrors];
      return next;
    });
  };

  if (queued) return <Queued />;

  const ready = photos.picks.filter((p) => p.status === "ready");

  /** Uploads what is not uploaded yet; the photo ids, or null when it stopped (offline, refused). */
  const uploadAll = async (): Promise<string[] | null> => {
    const ids: string[] = [];
    for (const [i, pick] of ready.entries()) {
      if (pick.uploaded) {
        ids.push(pick.uploaded.id);
        continue;
      }
      setBusy(`Đang gửi ảnh ${i + 1}/${ready.length}…`);
      try {
        const uploaded = await uploadPhoto(pick.blob as Blob);
        photos.update(pick.key, { uploaded });
        ids.push(uploaded.id);
      } catch (error) {
        if (error instanceof ApiError && error.isNetwork) setOfflinePhotos(true);
        else setMessage(messageOf(error));
        return null;
      }
    }
    return ids;
  };

  const send = async (photoIds: string[]) => {
    setOfflinePhotos(false);
    setBusy("Đang gửi phản ánh…");
    const category = form.category ?? "other";
    const label = `Phản ánh: ${CATEGORY_LABELS[category] ?? category}`;
    const result = await queue.submit(CREATE_REQUEST_PATH, { ...toReportRequest(form, photoIds) }, label);
    setBusy(null);
    if (result.status === "sent") {
      const detail = result.response as RequestDetail;
      showRequest(detail);
      invalidate("citizen:field-reports");
      invalidate("mine");
      // Back to the list it came from (so "Quay lại" then leads home), or to the list anew.
      if (fromList) {
        flashSent(detail.id);
        navigate(-1);
      } else navigate(`/field-reports?sent=${detail.id}`, { replace: true });
    } else if (result.status === "queued") {
      setQueued(true);
    } else {
      setErrors(reportErrorsFromServer(result.error.fields ?? {}));
      setMessage(result.error.message);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkReport(form);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    if (photos.picks.some((p) => p.status === "compressing")) {
      setMessage("Ảnh đang được thu nhỏ, anh/chị chờ một chút rồi bấm gửi lại.");
      return;
    }
    if (ready.length > 0 && ready.some((p) => !p.uploaded) && !navigator.onLine) {
      setOfflinePhotos(true);
      return;
    }
    setBusy("Đang gửi…");
    const ids = await uploadAll();
    if (ids === null) {
      setBusy(null);
      return;
    }
    await send(ids);
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="page-intro">
        Phản ánh được gửi tới UBND {communeName} và hiện công khai cùng kết quả xử lý, không kèm tên, số điện
        thoại của anh/chị.
      </p>
      <RadioChoices
        name="category"
        legend="1. Lĩnh vực phản ánh"
        options={OPTIONS}
        value={form.category}
        error={errors.category}
        onChange={(category) => set({ category })}
      />
      <div className="field">
        <label htmlFor="report-text">2. Nội dung phản ánh</label>
        <p className="field-hint">Mô tả sự việc: cái gì, từ bao giờ, ảnh hưởng thế nào.</p>
        <textarea
          id="report-text"
          className={`textarea${errors.text ? " invalid" : ""}`}
          value={form.text}
          maxLength={2000}
          onChange={(e) => set({ text: e.target.value })}
        />
        {errors.text && <p className="field-error">{errors.text}</p>}
      </div>
      <div className="field">
        <label htmlFor="report-place">3. Nơi xảy ra (không bắt buộc)</label>
        <input
          id="report-place"
          className={`input${errors.placeText ? " invalid" : ""}`}
          placeholder="Ví dụ: đầu đường vào Thôn 2, gần nhà văn hóa"
          value={form.placeText}
          maxLength={200}
          onChange={(e) => set({ placeText: e.target.value })}
        />
        {errors.placeText && <p className="field-error">{errors.placeText}</p>}
      </div>
      <PhotoPicker picks={photos.picks} onAdd={(files) => void photos.add(files)} onRemove={photos.remove} />
      <LocationChoice value={form.location} onChange={(location) => set({ location })} />
      {offlinePhotos && (
        <OfflinePhotos
          count={ready.filter((p) => !p.uploaded).length}
          onTextOnly={() => void send([])}
          onKeep={() => {
            setOfflinePhotos(false);
            setMessage("Phản ánh vẫn còn trên màn hình này. Khi có mạng, anh/chị bấm “Gửi phản ánh”.");
          }}
        />
      )}
      {(message || Object.keys(errors).length > 0) && (
        <p className={`banner${Object.keys(errors).length > 0 ? " error" : ""}`} role="alert">
          {message ?? "Anh/chị vui lòng xem lại các mục được đánh dấu đỏ."}
        </p>
      )}
      <button type="submit" className="btn accent block" disabled={busy !== null}>
        <Icon name="send" /> {busy ?? "Gửi phản ánh"}
      </button>
    </form>
  );
}

export default function NewFieldReportPage() {
  return (
    <Screen title="Gửi phản ánh">
      <WithHomeVillage>
        {(village) => <ReportFormView communeName={inSentence(village.communeName)} />}
      </WithHomeVillage>
    </Screen>
  );
}
