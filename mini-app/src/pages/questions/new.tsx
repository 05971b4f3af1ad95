/**
 * "Đặt câu hỏi": a `question` request (POST /api/requests through the offline queue). Asked
 * privately; the commune may answer publicly, without the asker's name.
 */
import type { RequestDetail } from "@cau-noi/shared";
import { CATEGORIES_BY_KIND, CATEGORY_LABELS } from "@cau-noi/shared/domain";
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { CREATE_REQUEST_PATH } from "../../api/endpoints";
import { invalidate } from "../../api/resource";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { queue } from "../../state/queue";
import { inSentence } from "../citizen-common/format";
import { useHomeVillage } from "../citizen-common/home-village";
import { RadioChoices } from "../citizen-common/radio-choices";
import "../../styles/citizen.css";
import { showRequest } from "../../state/request-cache";

type QuestionCategory = (typeof CATEGORIES_BY_KIND.question)[number];
const OPTIONS = CATEGORIES_BY_KIND.question.map((value) => ({
  value,
  label: CATEGORY_LABELS[value] ?? value,
}));

interface Errors {
  category?: string;
  text?: string;
}

function Sent({ id }: { id: number | null }) {
  return (
    <div className="section">
      <div className="banner ok" role="status">
        <Icon name="check" />
        <div className="grow">
          {id === null ? (
            <>
              <strong>Đã lưu câu hỏi trên máy.</strong>
              <div>
                Hiện chưa có mạng. Khi có mạng trở lại, câu hỏi sẽ tự gửi – anh/chị không cần gửi lại.
              </div>
            </>
          ) : (
            <>
              <strong>Đã gửi câu hỏi số {id}.</strong>
              <div>Cán bộ sẽ trả lời anh/chị. Anh/chị theo dõi ở mục “Của tôi”.</div>
            </>
          )}
        </div>
      </div>
      <div className="page-actions">
        {id !== null && (
          <Link to={`/requests/${id}`} className="btn block">
            Xem câu hỏi của tôi
          </Link>
        )}
        <Link to="/questions" className="btn secondary block">
          Về Hỏi đáp – kiến nghị
        </Link>
      </div>
    </div>
  );
}

function QuestionForm() {
  const village = useHomeVillage();
  const [category, setCategory] = useState<QuestionCategory | null>(null);
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ id: number | null } | null>(null);

  if (sent) return <Sent id={sent.id} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!category) found.category = "Anh/chị vui lòng chọn loại câu hỏi.";
    const trimmed = text.trim();
    if (trimmed.length < 5) found.text = "Anh/chị vui lòng viết câu hỏi (ít nhất 5 ký tự).";
    else if (trimmed.length > 2000) found.text = "Câu hỏi dài quá 2000 ký tự.";
    setErrors(found);
    setMessage(null);
    if (found.category || found.text || !category) return;
    setBusy(true);
    const label = `Câu hỏi: ${CATEGORY_LABELS[category] ?? category}`;
    const result = await queue.submit(
      CREATE_REQUEST_PATH,
      { kind: "question", category, text: trimmed },
      label,
    );
    setBusy(false);
    if (result.status === "sent") {
      const detail = result.response as RequestDetail;
      showRequest(detail);
      invalidate("mine");
      setSent({ id: detail.id });
    } else if (result.status === "queued") {
      setSent({ id: null });
    } else {
      const fields = result.error.fields ?? {};
      setErrors({ category: fields.category, text: fields.text });
      setMessage(result.error.message);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="page-intro">
        Câu hỏi được gửi riêng tới UBND {village ? inSentence(village.communeName) : "xã, phường"}. Câu trả
        lời có thể được đăng công khai để bà con cùng biết, không kèm tên anh/chị.
      </p>
      <RadioChoices
        name="category"
        legend="1. Anh/chị muốn hỏi về"
        options={OPTIONS}
        value={category}
        error={errors.category}
        onChange={(value) => {
          setCategory(value);
          setErrors((e) => ({ ...e, category: undefined }));
        }}
      />
      <div className="field">
        <label htmlFor="question-text">2. Câu hỏi, kiến nghị của anh/chị</label>
        <p className="field-hint">Không ghi số căn cước, mã OTP hay mật khẩu.</p>
        <textarea
          id="question-text"
          className={`textarea${errors.text ? " invalid" : ""}`}
          value={text}
          maxLength={2000}
          onChange={(e) => {
            setText(e.target.value);
            setErrors((current) => ({ ...current, text: undefined }));
          }}
        />
        {errors.text && <p className="field-error">{errors.text}</p>}
      </div>
      {(message || errors.category || errors.text) && (
        <p className="banner error" role="alert">
          {message ?? "Anh/chị vui lòng xem lại các mục được đánh dấu đỏ."}
        </p>
      )}
      <button type="submit" className="btn accent block" disabled={busy}>
        <Icon name="send" /> {busy ? "Đang gửi…" : "Gửi câu hỏi"}
      </button>
    </form>
  );
}

export default function NewQuestionPage() {
  return (
    <Screen title="Đặt câu hỏi, kiến nghị">
      <QuestionForm />
    </Screen>
  );
}
