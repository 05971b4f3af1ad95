/**
 * The person a request is filed for, when it is not the sender: name, phone if they have one,
 * village, and their consent (SPEC §3 on behalf). One form, two wordings: a resident asking for a
 * relative ("Nhờ giúp cho người thân") and a team member filing for a resident without a
 * smartphone ("Nhận hộ người dân").
 */
import { type ReactNode, useState } from "react";
import { VillageSearch } from "../../components/village-search";
import type { FormErrors, HelpForm } from "./form-state";

interface Wording {
  /** Prefix of the inputs' ids (labels point at them). */
  id: string;
  legend: ReactNode;
  nameLabel: string;
  phoneLabel: string;
  /** Ask how the person is related to the sender. */
  withRelationship: boolean;
  villageLabel: string;
  villageButton(chosen: boolean): string;
  consentId: string;
  consentText: string;
}

export const RELATIVE_WORDING: Wording = {
  id: "relative",
  legend: <legend className="visually-hidden">Thông tin người thân</legend>,
  nameLabel: "Họ tên người thân",
  phoneLabel: "Số điện thoại người thân (không bắt buộc)",
  withRelationship: true,
  villageLabel: "Người thân ở",
  villageButton: () => "Người thân ở thôn khác",
  consentId: "consent",
  consentText: "Người thân đã đồng ý để Tổ công nghệ liên hệ và giúp đỡ.",
};

export const RESIDENT_WORDING: Wording = {
  id: "resident",
  legend: (
    <legend className="field-label" style={{ paddingTop: 8 }}>
      Người dân cần giúp
    </legend>
  ),
  nameLabel: "Họ tên người dân",
  phoneLabel: "Số điện thoại (không bắt buộc)",
  withRelationship: false,
  villageLabel: "Thôn, khối phố",
  villageButton: (chosen) => (chosen ? "Người dân ở thôn khác" : "Chọn thôn"),
  consentId: "resident-consent",
  consentText: "Người dân đã đồng ý để Tổ công nghệ ghi lại thông tin và giúp đỡ.",
};

interface Props {
  wording: Wording;
  form: HelpForm;
  errors: FormErrors;
  /** The sender's own village, assumed until another is chosen (relatives only). */
  homeVillageName?: string | null;
  set(patch: Partial<HelpForm>): void;
}

export function PersonFields({ wording: w, form, errors, homeVillageName = null, set }: Props) {
  const [choosingVillage, setChoosingVillage] = useState(false);
  return (
    <fieldset className="field card">
      {w.legend}
      <div className="field">
        <label htmlFor={`${w.id}-name`}>{w.nameLabel}</label>
        <input
          id={`${w.id}-name`}
          className={`input${errors.name ? " invalid" : ""}`}
          value={form.relativeName}
          autoComplete="off"
          onChange={(e) => set({ relativeName: e.target.value })}
        />
        {errors.name && <p className="field-error">{errors.name}</p>}
      </div>
      {w.withRelationship && (
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
      )}
      <div className="field">
        <label htmlFor={`${w.id}-phone`}>{w.phoneLabel}</label>
        <input
          id={`${w.id}-phone`}
          className={`input${errors.phone ? " invalid" : ""}`}
          type="tel"
          inputMode="tel"
          value={form.relativePhone}
          onChange={(e) => set({ relativePhone: e.target.value })}
        />
        {errors.phone && <p className="field-error">{errors.phone}</p>}
      </div>
      <div className="field">
        <span className="field-label">{w.villageLabel}</span>
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
            {w.villageButton(form.relativeVillageId !== null)}
          </button>
        )}
        {errors.village && <p className="field-error">{errors.village}</p>}
      </div>
      <label className="check-row" htmlFor={w.consentId}>
        <input
          id={w.consentId}
          type="checkbox"
          checked={form.consent}
          onChange={(e) => set({ consent: e.target.checked })}
        />
        <span>{w.consentText}</span>
      </label>
      {errors.consent && <p className="field-error">{errors.consent}</p>}
    </fieldset>
  );
}
