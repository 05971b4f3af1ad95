/** Four large tabs with labels, shown on the main screens. */
import { NavLink } from "react-router-dom";
import { Icon, type IconName } from "../icons";
import { useQueue } from "../state/queue";

const TABS: ReadonlyArray<{ to: string; label: string; icon: IconName }> = [
  { to: "/", label: "Trang chủ", icon: "home" },
  { to: "/mine", label: "Của tôi", icon: "mine" },
  { to: "/announcements", label: "Thông báo", icon: "announcements" },
  { to: "/settings", label: "Cài đặt", icon: "settings" },
];

export const TAB_PATHS = TABS.map((t) => t.to);

export function BottomNav() {
  const waiting = useQueue().list().length;
  return (
    <nav className="bottom-nav" aria-label="Điều hướng chính">
      {TABS.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end className={({ isActive }) => (isActive ? "active" : "")}>
          <Icon name={tab.icon} size={26} />
          <span>{tab.label}</span>
          {tab.to === "/mine" && waiting > 0 && (
            <span className="nav-badge" role="status" aria-label={`${waiting} mục chờ gửi`}>
              {waiting}
            </span>
          )}
        </NavLink>
      ))}
    </nav>
  );
}
