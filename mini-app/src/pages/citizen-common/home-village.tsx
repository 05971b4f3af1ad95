/**
 * The citizen pages show their home commune's content: the commune comes from the home village
 * in the person's profile (GET /api/me). Without one yet, they are asked to pick it.
 */
import type { Village } from "@cau-noi/shared";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { Empty } from "../../components/error-state";
import { useProfile } from "../../state/profile";

export function useHomeVillage(): Village | null {
  return useProfile().data.data.homeVillage;
}

/** Renders `children(village)` once the person has a home village; else a way to choose it. */
export function WithHomeVillage({ children }: { children: (village: Village) => ReactNode }) {
  const village = useHomeVillage();
  if (!village) {
    return (
      <Empty>
        Anh/chị chưa chọn thôn, khối phố nơi mình sống. Xin chọn để xem thông tin của xã, phường mình.
        <div style={{ marginTop: 12 }}>
          <Link to="/village" className="btn">
            Chọn thôn, khối phố
          </Link>
        </div>
      </Empty>
    );
  }
  return <>{children(village)}</>;
}
