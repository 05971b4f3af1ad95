/**
 * Placeholder for the grid entries not routed yet (routes/). Says so plainly
 * and points to what works today.
 */
import { Link } from "react-router-dom";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";

export default function UnderConstructionPage({
  title,
  withNav = false,
}: {
  title: string;
  withNav?: boolean;
}) {
  return (
    <Screen title={title} back={!withNav} withNav={withNav}>
      <div className="empty">
        <Icon name="build" />
        <p className="lead">
          <strong>Đang xây dựng</strong>
          <br />
          Mục “{title}” sẽ sớm có. Anh/chị cần hỗ trợ ngay, xin bấm “Nhờ Tổ công nghệ giúp”.
        </p>
        <Link to="/help" className="btn accent">
          Nhờ Tổ công nghệ giúp
        </Link>
        <Link to="/" className="btn secondary">
          Về trang chủ
        </Link>
      </div>
    </Screen>
  );
}
