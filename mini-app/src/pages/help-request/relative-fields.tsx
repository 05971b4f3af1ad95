/** "Nhờ giúp cho người thân": who, how to reach them, their village, and their consent (SPEC §3 on behalf). */
import { useState } from "react";
import { VillageSearch } from "../../components/village-search";
import type { FormErrors, HelpForm } from "./form-state";

interface Props {
  form: HelpForm;
  errors: FormErrors;
  homeVillageName: string | null;
  set(patch: Partial<HelpForm>): void;
}

export function RelativeFields({ form, errors, homeVillageName, set }: Props) {
  const [choosingVillage, setChoosingVillage] = useState(false);
  return (
    <fieldset className="field card">
      <legend className="visually-hidden">Thông tin người thân</legend>
      <div className="field">
        <label htmlFor="relative-name">Họ tên người thân</label>
        <input
          id="relative-name"
          className={`input${errors.name ? " invalid" : ""}`}
          value={form.relativeName}
          autoComplete="off"
          onChange={(e) => set({ relativeName: e.target.value })}
        />
        {errors.name && <p className="field-error">{errors.name}</p>}
      </div>
      <div className="field">
        <label htmlFor="relationship">Quan hệ với anh/chị (không bắt buộc)</label>
        <input
          id="relationship"
          className="input"
          placeholder="Ví dụ: mẹ, ông nội"
          value={form.relationship}
          onChange={(e) => set({ relationship: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="relative-phone">Số điện thoại người thân (không bắt buộc)</label>
        <input
          id="relative-phone"
          className={`input${errors.phone ? " invalid" : ""}`}
          type="tel"
          inputMode="tel"
          value={form.relativePhone}
          onChange={(e) => set({ relativePhone: e.target.value })}
        />
        {errors.phone && <p className="field-error">{errors.phone}</p>}
      </div>
      <div className="field">
        <span className="field-label">Người thân ở</span>
        <p style={{ margin: "0 0 8px" }}>
          <strong>{form.relativeVillageName ?? homeVillageName ?? "Chưa chọn"}</strong>
          {form.relativeVillageName === null && homeVillageName && (
            <span className="muted"> (cùng thôn với anh/chị)</span>
          )}
        </p>
        {choosingVillage ? (
          <VillageSearch
            selectedId={form.relativeVillageId}
            onSelect={(village) => {
              set({
                relativeVillageId: village.id,
                relativeVillageName: `${village.name}, ${village.communeName}`,
              });
              setChoosingVillage(false);
            }}
          />
        ) : (
          <button type="button" className="btn secondary" onClick={() => setChoosingVillage(true)}>
            Người thân ở thôn khác
          </button>
        )}
        {errors.village && <p className="field-error">{errors.village}</p>}
      </div>
      <label className="check-row" htmlFor="consent">
        <input
          id="consent"
          type="checkbox"
          checked={form.consent}
          onChange={(e) => set({ consent: e.target.checked })}
        />
        <span>Người thân đã đồng ý để Tổ công nghệ liên hệ và giúp đỡ.</span>
      </label>
      {errors.consent && <p className="field-error">{errors.consent}</p>}
    </fieldset>
  );
}
