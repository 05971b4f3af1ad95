/**
 * "Nhờ Tổ công nghệ giúp" (SPEC §2 #9): category, how to meet, an optional note, optionally for
 * a relative. Submitted through the offline queue: online it goes at once and opens the request;
 * offline it is kept on the device and sent when the network returns (no duplicates: clientId).
 */
import type { RequestDetail } from "@cau-noi/shared";
import { CATEGORY_LABELS } from "@cau-noi/shared/domain";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { CREATE_REQUEST_PATH } from "../../api/endpoints";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { useProfile, villageLabel } from "../../state/profile";
import { queue } from "../../state/queue";
import { showRequest } from "../../state/request-cache";
import { CategoryChoice, MeetingChoice } from "./choices";
import {
  checkForm,
  EMPTY_FORM,
  errorsFromServer,
  type FormErrors,
  type HelpForm,
  toRequest,
} from "./form-state";
import { PersonFields, RELATIVE_WORDING } from "./person-fields";

/** Which error a form value clears when it changes. */
const ERROR_OF: Partial<Record<keyof HelpForm, keyof FormErrors>> = {
  category: "category",
  meetingMode: "meetingMode",
  note: "note",
  relativeName: "name",
  relativePhone: "phone",
  consent: "consent",
  relativeVillageId: "village",
};

function Queued() {
  return (
    <div className="section">
      <div className="banner ok" role="status">
        <Icon name="check" />
        <div className="grow">
          <strong>Đã lưu yêu cầu trên máy.</strong>
          <div>
            Hiện chưa có mạng. Khi có mạng trở lại, yêu cầu sẽ tự gửi tới Tổ công nghệ – anh/chị không cần gửi
            lại.
          </div>
        </div>
      </div>
      <div className="btn-row">
        <Link to="/mine" className="btn block">
          Xem “Của tôi”
        </Link>
        <Link to="/" className="btn secondary block">
          Về trang chủ
        </Link>
      </div>
    </div>
  );
}

function HelpRequestForm() {
  const me = useProfile().data.data;
  const navigate = useNavigate();
  const [form, setForm] = useState<HelpForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const set = (patch: Partial<HelpForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setMessage(null);
    // A field the person just changed no longer shows its old error.
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as Array<keyof HelpForm>) {
        const field = ERROR_OF[key];
        if (field) delete next[field];
      }
      return next;
    });
  };
  const home = me.homeVillage ? villageLabel(me.homeVillage) : null;

  if (queued) return <Queued />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkForm(form, me.homeVillage !== null);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0 || !form.category) return;
    setBusy(true);
    const label = `Nhờ giúp: ${CATEGORY_LABELS[form.category] ?? form.category}`;
    const result = await queue.submit(CREATE_REQUEST_PATH, { ...toRequest(form) }, label);
    setBusy(false);
    if (result.status === "sent") {
      const detail = result.response as RequestDetail;
      showRequest(detail);
      navigate(`/requests/${detail.id}?new=1`, { replace: true });
    } else if (result.status === "queued") {
      setQueued(true);
    } else {
      setErrors(errorsFromServer(result.error.fields ?? {}));
      setMessage(result.error.message);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="lead">
        Tổ công nghệ số cộng đồng{" "}
        {form.forRelative && form.relativeVillageName
          ? `(${form.relativeVillageName})`
          : home
            ? `của ${home}`
            : ""}{" "}
        sẽ nhận yêu cầu và liên hệ với anh/chị.
      </p>
      <CategoryChoice
        value={form.category}
        error={errors.category}
        onChange={(category) => set({ category })}
      />
      <MeetingChoice
        value={form.meetingMode}
        error={errors.meetingMode}
        onChange={(meetingMode) => set({ meetingMode })}
      />
      <div className="field">
        <label htmlFor="note">3. Ghi chú thêm (không bắt buộc)</label>
        <p className="field-hint">Ví dụ: thời gian anh/chị ở nhà. Không ghi mã OTP hay mật khẩu.</p>
        <textarea
          id="note"
          className={`textarea${errors.note ? " invalid" : ""}`}
          value={form.note}
          maxLength={2000}
          onChange={(e) => set({ note: e.target.value })}
        />
        {errors.note && <p className="field-error">{errors.note}</p>}
      </div>
      <div className="section">
        <label className={`choice${form.forRelative ? " selected" : ""}`} htmlFor="for-relative">
          <input
            id="for-relative"
            type="checkbox"
            checked={form.forRelative}
            onChange={(e) => set({ forRelative: e.target.checked })}
          />
          <span>
            <span style={{ display: "block", fontWeight: 700 }}>Nhờ giúp cho người thân</span>
            <span className="small muted">Người không có điện thoại thông minh</span>
          </span>
        </label>
      </div>
      {form.forRelative && (
        <PersonFields
          wording={RELATIVE_WORDING}
          form={form}
          errors={errors}
          homeVillageName={home}
          set={set}
        />
      )}
      {(message || Object.keys(errors).length > 0) && (
        <p className="banner error" role="alert">
          {message ?? "Anh/chị vui lòng xem lại các mục được đánh dấu đỏ."}
        </p>
      )}
      <button type="submit" className="btn accent block" disabled={busy}>
        <Icon name="send" /> {busy ? "Đang gửi…" : "Gửi cho Tổ công nghệ"}
      </button>
    </form>
  );
}

export default function HelpRequestPage() {
  return (
    <Screen title="Nhờ Tổ công nghệ giúp">
      <HelpRequestForm />
    </Screen>
  );
}
