/**
 * "Nhờ Tổ công nghệ giúp" as the first thing on home, above the grid: with large text the grid's
 * tile 9 is far below the fold, and asking the team for help is why most people open the app.
 */
import { Link } from "react-router-dom";
import { Icon } from "../../icons";

export function HelpCta() {
  return (
    <Link to="/help" className="help-cta">
      <Icon name="help" />
      <span>
        Nhờ Tổ công nghệ giúp
        <span className="sub">Cài VNeID, dịch vụ công, thanh toán…</span>
      </span>
    </Link>
  );
}
