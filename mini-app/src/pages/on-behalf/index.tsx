/**
 * "Nhận hộ người dân": a team member files a help request for a resident without a smartphone
 * (SPEC §3 on behalf: name, phone if any, village, consent). The category and meeting choices,
 * the body and the server's field errors are the help request form's own (pages/help-request);
 * sent through the offline queue, so it works at a village hall without signal.
 */
import type { RequestDetail } from "@cau-noi/shared";
import { CATEGORY_LABELS } from "@cau-noi/shared/domain";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { CREATE_REQUEST_PATH } from "../../api/endpoints";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { useProfile } from "../../state/profile";
import { queue } from "../../state/queue";
import { showRequest } from "../../state/request-cache";
import { CategoryChoice, MeetingChoice } from "../help-request/choices";
import {
  EMPTY_FORM,
  errorsFromServer,
  type FormErrors,
  type HelpForm,
  normalizePhone,
  toRequest,
} from "../help-request/form-state";
import { PersonFields, RESIDENT_WORDING } from "../help-request/person-fields";
import { useRoster, workChanged } from "../queue/member-load";

const PHONE = /^(\+?84|0)\d{9,10}$/;

function check(form: HelpForm): FormErrors {
  const errors: FormErrors = {};
  if (form.relativeName.trim().length < 2) errors.name = "Vui lòng nhập họ tên người dân.";
  const phone = normalizePhone(form.relativePhone);
  if (phone && !PHONE.test(phone)) errors.phone = "Số điện thoại chưa đúng (ví dụ 0905123456).";
  if (form.relativeVillageId === null) errors.village = "Vui lòng chọn thôn của người dân.";
  if (!form.consent) errors.consent = "Cần có sự đồng ý của người dân.";
  if (!form.category) errors.category = "Vui lòng chọn việc cần giúp.";
  if (!form.meetingMode) errors.meetingMode = "Vui lòng chọn cách gặp.";
  if (form.note.trim().length > 2000) errors.note = "Ghi chú dài quá 2000 ký tự.";
  return errors;
}

function Queued() {
  return (
    <div className="section">
      <div className="banner ok" role="status">
        <Icon name="check" />
        <div className="grow">
          <strong>Đã lưu yêu cầu trên máy.</strong>
          <div>Hiện chưa có mạng. Khi có mạng trở lại, yêu cầu sẽ tự gửi – anh/chị không cần nhập lại.</div>
        </div>
      </div>
      <Link to="/queue" className="btn block">
        Về việc của tổ
      </Link>
    </div>
  );
}

function OnBehalfForm({ teamId }: { teamId: number }) {
  const roster = useRoster(teamId).data.data;
  const navigate = useNavigate();
  const [form, setForm] = useState<HelpForm>(() => ({
    ...EMPTY_FORM,
    forRelative: true,
    relativeVillageId: roster.villageId,
    relativeVillageName: roster.villageName ? `${roster.villageName}, ${roster.communeName}` : null,
  }));
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const set = (patch: Partial<HelpForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setMessage(null);
  };

  if (queued) return <Queued />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(form);
    setErrors(found);
    if (Object.keys(found).length > 0 || !form.category) return;
    setBusy(true);
    const category = CATEGORY_LABELS[form.category] ?? form.category;
    const label = `Nhận hộ ${form.relativeName.trim()}: ${category}`;
    const result = await queue.submit(CREATE_REQUEST_PATH, { ...toRequest(form) }, label);
    setBusy(false);
    if (result.status === "sent") {
      const detail = result.response as RequestDetail;
      showRequest(detail);
      workChanged();
      navigate(`/requests/${detail.id}`, { replace: true });
    } else if (result.status === "queued") {
      setQueued(true);
    } else {
      setErrors(errorsFromServer(result.error.fields ?? {}));
      setMessage(result.error.message);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="lead" style={{ marginTop: 0 }}>
        Ghi nhận yêu cầu giúp đỡ cho người dân không có điện thoại thông minh. Yêu cầu vào hàng chờ của tổ phụ
        trách thôn đó.
      </p>
      <PersonFields wording={RESIDENT_WORDING} form={form} errors={errors} set={set} />
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
        <p className="field-hint">Ví dụ: địa chỉ, giờ người dân ở nhà. Không ghi mã OTP hay mật khẩu.</p>
        <textarea
          id="note"
          className={`textarea${errors.note ? " invalid" : ""}`}
          value={form.note}
          maxLength={2000}
          onChange={(e) => set({ note: e.target.value })}
        />
        {errors.note && <p className="field-error">{errors.note}</p>}
      </div>
      {(message || Object.keys(errors).length > 0) && (
        <p className="banner error" role="alert">
          {message ?? "Anh/chị vui lòng xem lại các mục được đánh dấu đỏ."}
        </p>
      )}
      <button type="submit" className="btn accent block" disabled={busy}>
        <Icon name="send" /> {busy ? "Đang gửi…" : "Ghi nhận yêu cầu"}
      </button>
    </form>
  );
}

function ForTeam() {
  const memberships = useProfile().data.data.roles.memberships;
  const team = Number(useSearchParams()[0].get("team"));
  const membership = memberships.find((m) => m.teamId === team) ?? memberships[0];
  if (!membership) return <p className="lead">Chỉ thành viên Tổ công nghệ mới nhận hộ người dân được.</p>;
  return <OnBehalfForm teamId={membership.teamId} />;
}

export default function OnBehalfPage() {
  return (
    <Screen title="Nhận hộ người dân">
      <ForTeam />
    </Screen>
  );
}
