/**
 * On a resolved request: rate 1–5 in one tap, or say "Chưa xong" to reopen it (SPEC §3 rating).
 * Not queued offline: these need an answer now, so they say clearly when the network is missing.
 */
import type { RequestDetail } from "@cau-noi/shared";
import { useState } from "react";
import { api } from "../api/endpoints";
import { messageOf } from "../api/errors";
import { Icon } from "../icons";

const STAR_WORDS = ["", "Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"];

export function RateControls({
  requestId,
  canReopen = true,
  onDone,
}: {
  requestId: number;
  /** "Chưa xong" only while resolved; a request closed after 7 days can still be rated. */
  canReopen?: boolean;
  onDone(detail: RequestDetail): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmReopen, setConfirmReopen] = useState(false);

  const run = async (action: () => Promise<RequestDetail>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await action());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rate">
      <fieldset className="stars" style={{ border: 0, margin: 0, padding: 0, flexWrap: "wrap" }}>
        <legend style={{ padding: 0, marginBottom: 4, fontWeight: 700 }}>
          Anh/chị hài lòng với sự hỗ trợ không? (chạm một sao)
        </legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            className="star"
            disabled={busy}
            aria-label={`${n} sao – ${STAR_WORDS[n]}`}
            onClick={() => run(() => api.rate(requestId, n))}
          >
            <Icon name="star" />
          </button>
        ))}
      </fieldset>
      {!canReopen ? null : confirmReopen ? (
        <div className="banner" style={{ marginTop: 8 }}>
          <div className="grow">
            <p style={{ margin: "0 0 8px" }}>Báo cho Tổ công nghệ là việc này chưa xong?</p>
            <div className="btn-row">
              <button
                type="button"
                className="btn danger-outline"
                disabled={busy}
                onClick={() => run(() => api.reopen(requestId))}
              >
                Đúng, chưa xong
              </button>
              <button type="button" className="btn link" onClick={() => setConfirmReopen(false)}>
                Không
              </button>
            </div>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="btn danger-outline"
          style={{ marginTop: 8 }}
          disabled={busy}
          onClick={() => setConfirmReopen(true)}
        >
          Chưa xong
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function RatingShown({ rating }: { rating: number }) {
  return (
    <span className="stars" role="img" aria-label={`Đã đánh giá ${rating} sao`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={`star${n <= rating ? "" : " off"}`} style={{ minWidth: 0, minHeight: 0 }}>
          <Icon name="star" filled={n <= rating} size={22} />
        </span>
      ))}
    </span>
  );
}
