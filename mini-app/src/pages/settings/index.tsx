/** Readability (large text, high contrast: saved on this device) and the home village. */
import { Link } from "react-router-dom";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { useProfile, villageLabel } from "../../state/profile";
import { updateSettings, useSettings } from "../../state/settings";

function Toggle({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange(value: boolean): void;
}) {
  return (
    <label className={`choice${checked ? " selected" : ""}`} htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <span style={{ display: "block", fontWeight: 700 }}>{label}</span>
        <span className="small muted">{hint}</span>
      </span>
    </label>
  );
}

function HomeVillage() {
  const village = useProfile().data.data.homeVillage;
  return (
    <section className="section">
      <h2 className="section-title">Nơi ở</h2>
      <Link to="/village" className="option-button" style={{ textDecoration: "none", color: "inherit" }}>
        <Icon name="places" />
        <span className="grow">
          <span style={{ display: "block", fontWeight: 700 }}>
            {village ? villageLabel(village) : "Chưa chọn thôn, khối phố"}
          </span>
          <span className="small muted">Bấm để đổi thôn, khối phố</span>
        </span>
        <Icon name="forward" />
      </Link>
    </section>
  );
}

export default function SettingsPage() {
  const settings = useSettings();
  return (
    <Screen title="Cài đặt" back={false} withNav>
      <section className="section">
        <h2 className="section-title">Dễ đọc</h2>
        <div className="choice-list">
          <Toggle
            id="large-text"
            label="Chữ to"
            hint="Phóng to chữ và nút bấm trên mọi màn hình."
            checked={settings.largeText}
            onChange={(largeText) => updateSettings({ largeText })}
          />
          <Toggle
            id="high-contrast"
            label="Tương phản cao"
            hint="Chữ đen trên nền trắng, viền đậm, dễ nhìn ngoài nắng."
            checked={settings.highContrast}
            onChange={(highContrast) => updateSettings({ highContrast })}
          />
        </div>
        <p className="small muted">Cài đặt được lưu trên máy này.</p>
      </section>
      <HomeVillage />
      <section className="section card">
        <strong>Lưu ý an toàn</strong>
        <p style={{ margin: "6px 0 0" }}>
          Thành viên Tổ công nghệ không bao giờ hỏi mã OTP hay mật khẩu của anh/chị.
        </p>
      </section>
    </Screen>
  );
}
