/**
 * One field report or question for the commune: what was sent (text, place, photos, who sent
 * it – admins only), its status and history; publish or edit the commune's public answer, answer
 * and resolve it with an outcome, or reject it (spam, out of scope, duplicate).
 */
import type { RequestDetail } from "@cau-noi/shared";
import {
  OUTCOME_CODES,
  OUTCOME_LABELS,
  REJECT_REASON_LABELS,
  REJECT_REASONS,
  type RejectReason,
} from "@cau-noi/shared/domain";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { adminApi } from "../../api/admin-endpoints";
import { sessionUrl } from "../../api/client";
import { invalidate, setResource, useResource } from "../../api/resource";
import { FormMessage, SelectField, TextArea, TextField } from "../../components/form-fields";
import { categoryLabel, kindLabel, OwnerLine, StatusBadge } from "../../components/request-bits";
import { DetailSkeleton } from "../../components/skeletons";
import { Icon } from "../../icons";
import { formatDateTime } from "../../lib/dates";
import { requestKey } from "../../state/request-cache";
import { AdminScreen, Saved, useSubmit } from "../admin/kit";
import { History } from "../request-detail/history";

const OPEN = ["new", "claimed", "in_progress", "escalated"];

function What({ detail }: { detail: RequestDetail }) {
  return (
    <section className="section card">
      <div className="row-between" style={{ marginBottom: 8 }}>
        <span className="small muted">
          {kindLabel(detail.kind)} · số {detail.id}
        </span>
        <StatusBadge status={detail.status} />
      </div>
      <div className="title" style={{ fontWeight: 800 }}>
        {categoryLabel(detail.category)}
      </div>
      <p style={{ whiteSpace: "pre-wrap" }}>{detail.text}</p>
      <dl className="kv">
        <dt>Thôn</dt>
        <dd>{detail.villageName}</dd>
        {detail.placeText && (
          <>
            <dt>Địa điểm</dt>
            <dd>{detail.placeText}</dd>
          </>
        )}
        {detail.location && (
          <>
            <dt>Vị trí</dt>
            <dd>
              {detail.location.latitude.toFixed(5)}, {detail.location.longitude.toFixed(5)}
            </dd>
          </>
        )}
        <dt>Người gửi</dt>
        <dd>{detail.requesterName ?? "Không rõ"} (không công khai)</dd>
        <dt>Gửi lúc</dt>
        <dd>{formatDateTime(detail.createdAt)}</dd>
      </dl>
      <div className="small">
        <OwnerLine owner={detail.owner} />
      </div>
      {detail.photoUrls.length > 0 && (
        <div className="photo-row" style={{ marginTop: 10 }}>
          {detail.photoUrls.map((url, i) => (
            <a key={url} href={sessionUrl(url)} target="_blank" rel="noreferrer">
              <img src={sessionUrl(url)} alt={`Ảnh ${i + 1}`} loading="lazy" />
            </a>
          ))}
        </div>
      )}
    </section>
  );
}

function Answer({
  detail,
  onChanged,
  reload,
}: {
  detail: RequestDetail;
  onChanged(next: RequestDetail, msg: string): void;
  reload(): void;
}) {
  const open = OPEN.includes(detail.status);
  const outcomes = OUTCOME_CODES[detail.kind].map((value) => ({
    value,
    label: OUTCOME_LABELS[value] ?? value,
  }));
  const [answer, setAnswer] = useState(detail.publicAnswer ?? "");
  const [outcome, setOutcome] = useState<string>(detail.kind === "question" ? "answered" : "");
  const form = useSubmit();
  const checkAnswer = () =>
    form.invalid(answer.trim().length < 5 ? { answer: "Câu trả lời cần ít nhất 5 ký tự." } : {});

  const publish = async () => {
    if (checkAnswer()) return;
    const next = await form.run(() => adminApi.publicAnswer(detail.id, answer.trim()));
    if (next) onChanged(next, "Đã đăng câu trả lời công khai.");
  };
  const resolve = async () => {
    if (
      form.invalid({
        ...(answer.trim().length < 5 ? { answer: "Câu trả lời cần ít nhất 5 ký tự." } : {}),
        ...(outcome ? {} : { outcomeCode: "Vui lòng chọn kết quả." }),
      })
    )
      return;
    const next = await form.run(async () => {
      // Resolving needs an owner: the admin takes a request nobody has claimed yet.
      if (detail.status === "new") await adminApi.claim(detail.id);
      return adminApi.resolve(detail.id, { outcomeCode: outcome, publicAnswer: answer.trim() });
    });
    if (next) onChanged(next, "Đã trả lời công khai và báo đã xử lý xong.");
    // The claim may have gone through before the resolve was refused: show the status as it is.
    else if (detail.status === "new") reload();
  };

  return (
    <section className="section" aria-labelledby="answer-title">
      <h2 id="answer-title" className="section-title">
        Trả lời công khai
      </h2>
      <p className="small muted" style={{ marginTop: 0 }}>
        Câu trả lời hiện trong danh sách công khai, không kèm tên người gửi. Không ghi số điện thoại hay số
        giấy tờ.
      </p>
      <TextArea
        id="public-answer"
        label="Câu trả lời của xã"
        value={answer}
        maxLength={4000}
        rows={5}
        error={form.errors.answer ?? form.errors.publicAnswer}
        onChange={(v) => {
          setAnswer(v);
          form.clear("answer");
          form.clear("publicAnswer");
        }}
      />
      {open && (
        <SelectField
          id="outcome"
          label="Kết quả xử lý (khi đóng)"
          value={outcome}
          options={outcomes}
          error={form.errors.outcomeCode}
          onChange={(v) => {
            setOutcome(v);
            form.clear("outcomeCode");
          }}
        />
      )}
      <FormMessage message={form.message} />
      <div className="btn-row">
        {open && (
          <button type="button" className="btn accent block" onClick={resolve} disabled={form.busy}>
            <Icon name="check" /> Trả lời và đóng
          </button>
        )}
        <button
          type="button"
          className={`btn block${open ? " secondary" : ""}`}
          onClick={publish}
          disabled={form.busy}
        >
          {detail.publicAnswer ? "Lưu câu trả lời" : "Chỉ đăng câu trả lời"}
        </button>
      </div>
    </section>
  );
}

function Reject({
  detail,
  onChanged,
}: {
  detail: RequestDetail;
  onChanged(next: RequestDetail, msg: string): void;
}) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState<RejectReason | "">("");
  const [duplicateOf, setDuplicateOf] = useState("");
  const [note, setNote] = useState("");
  const form = useSubmit();
  if (!opened) {
    return (
      <button type="button" className="btn danger-outline block" onClick={() => setOpened(true)}>
        Từ chối (tin rác, trùng…)
      </button>
    );
  }
  const reject = async () => {
    const errors: Record<string, string> = {};
    if (!reason) errors.reason = "Vui lòng chọn lý do.";
    if (reason === "duplicate" && !/^\d+$/.test(duplicateOf.trim()))
      errors.duplicateOfId = "Vui lòng nhập mã yêu cầu bị trùng.";
    if (form.invalid(errors) || !reason) return;
    const next = await form.run(() =>
      adminApi.reject(detail.id, {
        reason,
        ...(reason === "duplicate" ? { duplicateOfId: Number(duplicateOf.trim()) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    );
    if (next) onChanged(next, "Đã từ chối.");
  };
  return (
    <section className="section confirm-box" aria-labelledby="reject-title">
      <h2 id="reject-title" className="section-title" style={{ marginTop: 0 }}>
        Từ chối
      </h2>
      <SelectField
        id="reject-reason"
        label="Lý do"
        value={reason}
        options={REJECT_REASONS.map((value) => ({ value, label: REJECT_REASON_LABELS[value] }))}
        error={form.errors.reason}
        onChange={(v) => {
          setReason(v);
          form.clear("reason");
        }}
      />
      {reason === "duplicate" && (
        <TextField
          id="duplicate-of"
          label="Trùng với yêu cầu số"
          inputMode="numeric"
          value={duplicateOf}
          error={form.errors.duplicateOfId}
          onChange={(v) => {
            setDuplicateOf(v);
            form.clear("duplicateOfId");
          }}
        />
      )}
      <TextArea
        id="reject-note"
        label="Ghi chú (không bắt buộc)"
        value={note}
        maxLength={1000}
        rows={2}
        onChange={setNote}
      />
      <FormMessage message={form.message} />
      <div className="btn-row">
        <button type="button" className="btn danger" onClick={reject} disabled={form.busy}>
          {form.busy ? "Đang xử lý…" : "Xác nhận từ chối"}
        </button>
        <button type="button" className="btn secondary" onClick={() => setOpened(false)} disabled={form.busy}>
          Không
        </button>
      </div>
    </section>
  );
}

function Detail({ id }: { id: number }) {
  const key = `admin:request:${id}`;
  const { data: detail, refresh } = useResource(key, () => adminApi.requestDetail(id));
  const [saved, setSaved] = useState<string | null>(null);
  const changed = (next: RequestDetail, message: string) => {
    setResource(key, next);
    invalidate("admin:requests:");
    invalidate(requestKey(id));
    setSaved(message);
  };
  const rejected = detail.rejectReason !== null;
  return (
    <>
      {saved && <Saved>{saved}</Saved>}
      <What detail={detail} />
      {rejected ? (
        <p className="banner info">
          Đã từ chối: {REJECT_REASON_LABELS[detail.rejectReason as RejectReason] ?? detail.rejectReason}
          {detail.duplicateOfId ? ` (trùng với số ${detail.duplicateOfId})` : ""}.
        </p>
      ) : (
        detail.kind !== "help" && (
          <Answer key={detail.publicAnswer ?? ""} detail={detail} onChanged={changed} reload={refresh} />
        )
      )}
      {detail.resolvedAt && detail.outcomeCode && (
        <p className="banner ok">
          <Icon name="check" /> Kết quả: {OUTCOME_LABELS[detail.outcomeCode] ?? detail.outcomeCode} (
          {formatDateTime(detail.resolvedAt)})
        </p>
      )}
      {OPEN.includes(detail.status) && <Reject detail={detail} onChanged={changed} />}
      <History events={detail.events} />
    </>
  );
}

function DetailPage() {
  return <Detail id={Number(useParams().id)} />;
}

export default function AdminTriageDetailPage() {
  return (
    <AdminScreen title="Xử lý phản ánh, câu hỏi" back="/admin/triage" fallback={<DetailSkeleton />}>
      <DetailPage />
    </AdminScreen>
  );
}
