/** The activity's fields: date, place, topic, form, members from the roster, counts, photos, note. */
import type { TeamRoster } from "@cau-noi/shared";
import { ACTIVITY_FORM_LABELS, ACTIVITY_FORMS, CIVIC_ROLE_LABELS } from "@cau-noi/shared/domain";
import { TextField } from "../../components/form-fields";
import type { ActivityErrors, ActivityFormValues } from "./form-state";
import { today } from "./form-state";
import { PhotoPicker } from "./photo-picker";
import "./activity.css";

interface Props {
  values: ActivityFormValues;
  errors: ActivityErrors;
  roster: TeamRoster;
  set(patch: Partial<ActivityFormValues>): void;
}

function ErrorLine({ message }: { message?: string }) {
  return message ? <p className="field-error">{message}</p> : null;
}

function Members({ values, errors, roster, set }: Props) {
  const toggle = (personId: number, on: boolean) =>
    set({
      memberPersonIds: on
        ? [...values.memberPersonIds, personId]
        : values.memberPersonIds.filter((id) => id !== personId),
    });
  return (
    <fieldset className="field">
      <legend>Thành viên tham gia</legend>
      <div className="member-checks">
        {roster.items.map((m) => {
          const on = values.memberPersonIds.includes(m.personId);
          return (
            <label key={m.personId} className={`choice${on ? " selected" : ""}`}>
              <input type="checkbox" checked={on} onChange={(e) => toggle(m.personId, e.target.checked)} />
              <span>
                <span style={{ display: "block", fontWeight: 700 }}>{m.name}</span>
                <span className="small muted">{CIVIC_ROLE_LABELS[m.civicRole]}</span>
              </span>
            </label>
          );
        })}
      </div>
      <ErrorLine message={errors.memberPersonIds} />
    </fieldset>
  );
}

export function ActivityFields(props: Props) {
  const { values, errors, set } = props;
  return (
    <>
      <div className="field">
        <label htmlFor="activity-date">Ngày hoạt động</label>
        <input
          id="activity-date"
          type="date"
          className={`input${errors.activityDate ? " invalid" : ""}`}
          value={values.activityDate}
          max={today()}
          onChange={(e) => set({ activityDate: e.target.value })}
        />
        <ErrorLine message={errors.activityDate} />
      </div>
      <TextField
        id="activity-place"
        label="Địa điểm"
        value={values.place}
        error={errors.place}
        maxLength={200}
        onChange={(place) => set({ place })}
      />
      <TextField
        id="activity-topic"
        label="Nội dung, chủ đề"
        value={values.topic}
        error={errors.topic}
        maxLength={300}
        onChange={(topic) => set({ topic })}
      />
      <fieldset className="field">
        <legend>Hình thức</legend>
        <div className="choice-list">
          {ACTIVITY_FORMS.map((form) => (
            <label key={form} className={`choice${values.form === form ? " selected" : ""}`}>
              <input
                type="radio"
                name="activity-form"
                value={form}
                checked={values.form === form}
                onChange={() => set({ form })}
              />
              <span>{ACTIVITY_FORM_LABELS[form]}</span>
            </label>
          ))}
        </div>
        <ErrorLine message={errors.form} />
      </fieldset>
      <Members {...props} />
      <div className="two-numbers">
        <div className="field">
          <label htmlFor="activity-residents">Số người dân được hỗ trợ</label>
          <input
            id="activity-residents"
            className={`input${errors.residentsReached ? " invalid" : ""}`}
            inputMode="numeric"
            value={values.residentsReached}
            onChange={(e) => set({ residentsReached: e.target.value })}
          />
          <ErrorLine message={errors.residentsReached} />
        </div>
        <div className="field">
          <label htmlFor="activity-leaflets">Số tờ rơi đã phát</label>
          <input
            id="activity-leaflets"
            className={`input${errors.leaflets ? " invalid" : ""}`}
            inputMode="numeric"
            value={values.leaflets}
            onChange={(e) => set({ leaflets: e.target.value })}
          />
          <ErrorLine message={errors.leaflets} />
        </div>
      </div>
      <PhotoPicker photos={values.photos} error={errors.photos} onChange={(photos) => set({ photos })} />
      <div className="field">
        <label htmlFor="activity-note">Ghi chú (không bắt buộc)</label>
        <textarea
          id="activity-note"
          className={`textarea${errors.note ? " invalid" : ""}`}
          value={values.note}
          maxLength={2000}
          onChange={(e) => set({ note: e.target.value })}
        />
        <ErrorLine message={errors.note} />
      </div>
    </>
  );
}
