/**
 * The app's own header (app-config `actionBarHidden: true`): a back button drawn with our SVG
 * (zmp-ui's Header draws its icon with the CDN font) and room on the right for Zalo's capsule.
 */
import { useNavigate } from "react-router-dom";
import { Icon } from "../icons";

export interface AppHeaderProps {
  title: string;
  /** Show the back button (default true); a path to go to instead of history back. */
  back?: boolean | string;
}

export function AppHeader({ title, back = true }: AppHeaderProps) {
  const navigate = useNavigate();
  const goBack = () => {
    if (typeof back === "string") navigate(back);
    else if (window.history.length > 1) navigate(-1);
    else navigate("/");
  };
  return (
    <header className="app-header">
      {back !== false && (
        <button type="button" className="header-back" onClick={goBack} aria-label="Quay lại">
          <Icon name="back" size={28} />
        </button>
      )}
      <h1>{title}</h1>
    </header>
  );
}
