/**
 * The one-stop desk's satisfaction survey (issue #5, the Vĩnh Điện model), opened from the desk's
 * QR `https://zalo.me/s/<appId>/survey?commune=<id>&field=<code>`: the procedure field, five big
 * faces, an optional comment. Sent through the offline queue (clientId: never counted twice);
 * a warm thank-you either way.
 */
import { SURVEY_FIELD_LABELS, SURVEY_FIELDS, type SurveyField } from "@cau-noi/shared/domain";
import { Component, type FormEvent, type ReactNode, Suspense, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { ApiError } from "../../api/errors";
import { reportsApi, SURVEY_SUBMIT_PATH } from "../../api/reports-endpoints";
import { useResource } from "../../api/resource";
import { ErrorState } from "../../components/error-state";
import { Screen } from "../../components/screen";
import { Skeleton } from "../../components/skeletons";
import { Icon } from "../../icons";
import { queue } from "../../state/queue";
import "./survey.css";
import { FaceChoice, RATING_WORDS } from "./faces";

function CommuneName({ communeId, field }: { communeId: number; field: SurveyField }) {
  const { data } = useResource(`survey-form:${communeId}:${field}`, () =>
    reportsApi.surveyForm(communeId, field),
  );
  return <span className="muted">Bộ phận Một cửa – {data.data.communeName}</span>;
}

/** The commune's name is a nicety: offline, the survey still works without it. A 404 means a wrong QR. */
class CommuneBoundary extends Component<{ children: ReactNode; onMissing(): void }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    if ((error as ApiError | undefined)?.status === 404 || (error as ApiError | undefined)?.status === 400)
      this.props.onMissing();
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

function Thanks({ queued, rating }: { queued: boolean; rating: number }) {
  return (
    <div className="survey-thanks" role="status">
      <Icon name="check" />
      <p className="big">Cảm ơn anh/chị đã đánh giá!</p>
      <p className="lead">
        {rating >= 4
          ? "Ý kiến của anh/chị giúp Bộ phận Một cửa tiếp tục phục vụ tốt hơn."
          : "Chúng tôi ghi nhận và sẽ cố gắng cải thiện để phục vụ anh/chị tốt hơn."}
      </p>
      {queued && (
        <p className="banner info small">
          Hiện chưa có mạng: đánh giá đã lưu trên máy và sẽ tự gửi khi có mạng trở lại.
        </p>
      )}
      <Link to="/" className="btn secondary block">
        Về trang chủ Cầu Nối
      </Link>
    </div>
  );
}

function SurveyForm({ communeId, field }: { communeId: number; field: SurveyField }) {
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ queued: boolean } | null>(null);
  const [missing, setMissing] = useState(false);
  const label = SURVEY_FIELD_LABELS[field];

  if (missing)
    return <ErrorState message="Mã QR này không còn đúng. Anh/chị vui lòng báo cán bộ Bộ phận Một cửa." />;
  if (done && rating) return <Thanks queued={done.queued} rating={rating} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rating) {
      setError("Anh/chị vui lòng chạm chọn một mức hài lòng.");
      return;
    }
    setBusy(true);
    setError(null);
    const body = { communeId, field, rating, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    const result = await queue.submit(SURVEY_SUBMIT_PATH, body, `Đánh giá Một cửa: ${label}, ${rating} sao`);
    setBusy(false);
    if (result.status === "failed") {
      setError(result.error.message);
    } else setDone({ queued: result.status === "queued" });
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="survey-head">
        Đánh giá thủ tục lĩnh vực
        <span className="field-name">{label}</span>
        <CommuneBoundary onMissing={() => setMissing(true)}>
          <Suspense fallback={<Skeleton height={18} width="60%" />}>
            <CommuneName communeId={communeId} field={field} />
          </Suspense>
        </CommuneBoundary>
      </p>
      <FaceChoice
        value={rating}
        onChange={(n) => {
          setRating(n);
          setError(null);
        }}
      />
      <div className="field">
        <label htmlFor="survey-comment">Góp ý thêm (không bắt buộc)</label>
        <textarea
          id="survey-comment"
          className="textarea"
          maxLength={1000}
          placeholder="Ví dụ: cán bộ hướng dẫn tận tình, thời gian chờ lâu…"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <p className="field-hint">
          Đánh giá không ghi tên anh/chị. Vui lòng không ghi số điện thoại, số CCCD.
        </p>
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn accent block" disabled={busy}>
        <Icon name="send" />{" "}
        {busy ? "Đang gửi…" : rating ? `Gửi đánh giá: ${RATING_WORDS[rating]}` : "Gửi đánh giá"}
      </button>
    </form>
  );
}

function Survey() {
  const [params] = useSearchParams();
  const communeId = Number(params.get("commune"));
  const field = params.get("field") as SurveyField | null;
  if (!Number.isInteger(communeId) || communeId <= 0 || !field || !SURVEY_FIELDS.includes(field)) {
    return (
      <ErrorState message="Không đọc được mã QR khảo sát. Anh/chị vui lòng quét lại mã tại Bộ phận Một cửa." />
    );
  }
  return <SurveyForm key={`${communeId}:${field}`} communeId={communeId} field={field} />;
}

export default function SurveyPage() {
  return (
    <Screen title="Đánh giá mức độ hài lòng" back="/">
      <Survey />
    </Screen>
  );
}
