/** "Gửi kèm vị trí": optional, asked only on a tap, with a plain word when it does not work. */
import { useState } from "react";
import { Icon } from "../../icons";
import { locate, type Position } from "./location";

export function LocationChoice({
  value,
  onChange,
}: {
  value: Position | null;
  onChange(position: Position | null): void;
}) {
  const [state, setState] = useState<"idle" | "asking" | "failed">("idle");

  const ask = async () => {
    setState("asking");
    const position = await locate();
    setState(position ? "idle" : "failed");
    onChange(position);
  };

  return (
    <div className="field">
      <span className="field-label">5. Vị trí (không bắt buộc)</span>
      {value ? (
        <div className="banner ok" role="status">
          <Icon name="places" />
          <div className="grow">
            <strong>Đã lấy vị trí của anh/chị.</strong>
            <div className="small">
              {value.latitude.toFixed(5)}, {value.longitude.toFixed(5)}
            </div>
            <button type="button" className="btn link" onClick={() => onChange(null)}>
              Bỏ vị trí
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="field-hint">
            Chỉ khi anh/chị đồng ý: vị trí giúp cán bộ tìm đúng chỗ cần xử lý. Vị trí không hiện công khai.
          </p>
          <button type="button" className="btn secondary block" onClick={ask} disabled={state === "asking"}>
            <Icon name="places" /> {state === "asking" ? "Đang lấy vị trí…" : "Gửi kèm vị trí"}
          </button>
          {state === "failed" && (
            <p className="field-hint" role="status" style={{ marginTop: 8 }}>
              Chưa lấy được vị trí (anh/chị chưa cho phép, hoặc máy chưa bật định vị). Không sao cả – anh/chị
              có thể ghi rõ địa điểm ở ô “Nơi xảy ra” phía trên.
            </p>
          )}
        </>
      )}
    </div>
  );
}
