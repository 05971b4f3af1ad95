/** Who the member is filing for: name, phone if they have one, village, and their consent. */
import { useState } from "react";
import { VillageSearch } from "../../components/village-search";
import type { FormErrors, HelpForm } from "../help-request/form-state";

export function ResidentFields({
  form,
  errors,
  set,
}: {
  form: HelpForm;
  errors: FormErrors;
  set(patch: Partial<HelpForm>): void;
}) {
  const [choosingVillage, setChoosingVillage] = useState(false);
  return (
    <fieldset className="field card">
      <legend className="field-label" style={{ paddingTop: 8 }}>
        Người dân cần giúp
      </legend>
      <div className="field">
        <label htmlFor="resident-name">Họ tên người dân</label>
        <input
          id="resident-name"
          className={`input${errors.name ? " invalid" : ""}`}
          value={form.relativeName}
          autoComplete="off"
          onChange={(e) => set({ relativeName: e.target.value })}
        />
        {errors.name && <p className="field-error">{errors.name}</p>}
      </div>
      <div className="field">
        <label htmlFor="resident-phone">Số điện thoại (không bắt buộc)</label>
        <input
          id="resident-phone"
          className={`input${errors.phone ? " invalid" : ""}`}
          type="tel"
          inputMode="tel"
          value={form.relativePhone}
          onChange={(e) => set({ relativePhone: e.target.value })}
        />
        {errors.phone && <p className="field-error">{errors.phone}</p>}
      </div>
      <div className="field">
        <span className="field-label">Thôn, khối phố</span>
        <p style={{ margin: "0 0 8px" }}>
          <strong>{form.relativeVillageName ?? "Chưa chọn"}</strong>
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
            {form.relativeVillageId === null ? "Chọn thôn" : "Người dân ở thôn khác"}
          </button>
        )}
        {errors.village && <p className="field-error">{errors.village}</p>}
      </div>
      <label className="check-row" htmlFor="resident-consent">
        <input
          id="resident-consent"
          type="checkbox"
          checked={form.consent}
          onChange={(e) => set({ consent: e.target.checked })}
        />
        <span>Người dân đã đồng ý để Tổ công nghệ ghi lại thông tin và giúp đỡ.</span>
      </label>
      {errors.consent && <p className="field-error">{errors.consent}</p>}
    </fieldset>
  );
}
