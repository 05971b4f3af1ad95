/** Five faces from "Rất không hài lòng" to "Rất hài lòng": big buttons with words, drawn in SVG. */

export const RATING_WORDS = [
  "",
  "Rất không hài lòng",
  "Không hài lòng",
  "Bình thường",
  "Hài lòng",
  "Rất hài lòng",
];
const COLORS = ["", "#b42318", "#d9480f", "#9a6700", "#2b8a3e", "#16794c"];
/** Mouth: a curve between corners at y=20 whose control point is above (frown) or below (smile). */
const MOUTH_CONTROL_Y = [20, 12, 16, 20, 25, 29];

function Face({ rating }: { rating: number }) {
  const c = MOUTH_CONTROL_Y[rating] ?? 20;
  return (
    <svg width="44" height="44" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="14.5" fill={COLORS[rating]} />
      <circle cx="11" cy="12.5" r="2" fill="#fff" />
      <circle cx="21" cy="12.5" r="2" fill="#fff" />
      <path
        d={`M9.5 20 Q16 ${c} 22.5 20`}
        stroke="#fff"
        strokeWidth="2.4"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  );
}

export function FaceChoice({ value, onChange }: { value: number | null; onChange(rating: number): void }) {
  return (
    <fieldset className="faces">
      <legend className="faces-legend">Anh/chị hài lòng thế nào? (chạm để chọn)</legend>
      {[5, 4, 3, 2, 1].map((n) => (
        <button
          key={n}
          type="button"
          className={`face${value === n ? " selected" : ""}`}
          aria-pressed={value === n}
          aria-label={`${n} sao – ${RATING_WORDS[n]}`}
          onClick={() => onChange(n)}
        >
          <Face rating={n} />
          <span className="face-word">{RATING_WORDS[n]}</span>
          <span className="face-stars" aria-hidden="true">
            {"★".repeat(n)}
            <span className="off">{"★".repeat(5 - n)}</span>
          </span>
        </button>
      ))}
    </fieldset>
  );
}
