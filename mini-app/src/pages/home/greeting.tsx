/** "Chào anh/chị …" and the home village, with "Đổi"; no village yet → the picker (first run). */
import { Link, Navigate } from "react-router-dom";
import { StaleBanner } from "../../components/offline-banner";
import { Icon } from "../../icons";
import { useProfile, villageLabel } from "../../state/profile";

export function Greeting() {
  const { data } = useProfile();
  const me = data.data;
  if (!me.homeVillage) return <Navigate to="/village?first=1" replace />;
  return (
    <>
      <div className="home-top">
        <p className="greeting">Chào anh/chị {me.displayName}</p>
        <div className="village-line">
          <Icon name="places" />
          <span className="name">{villageLabel(me.homeVillage)}</span>
          <Link to="/village" className="village-change" aria-label="Đổi thôn, khối phố nơi ở">
            Đổi
          </Link>
        </div>
      </div>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
    </>
  );
}
