/**
 * Choose or change the home village (PATCH /api/me). First run (`?first=1`, sent from home
 * when the profile has none): a welcome line, no back button, then home.
 */
import type { Village } from "@cau-noi/shared";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api } from "../../api/endpoints";
import { messageOf } from "../../api/errors";
import { Screen } from "../../components/screen";
import { VillageSearch } from "../../components/village-search";
import { profileChanged, useProfile, villageLabel } from "../../state/profile";

function Current() {
  const village = useProfile().data.data.homeVillage;
  if (!village) return null;
  return (
    <p className="banner info">
      <span className="grow">
        Nơi ở hiện tại: <strong>{villageLabel(village)}</strong>
      </span>
    </p>
  );
}

export default function VillagePickerPage() {
  const [params] = useSearchParams();
  const first = params.get("first") === "1";
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (village: Village) => {
    setBusy(true);
    setError(null);
    try {
      profileChanged(await api.setHomeVillage(village.id));
      navigate("/", { replace: true });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };

  return (
    <Screen title={first ? "Chọn nơi ở" : "Đổi thôn, khối phố"} back={!first}>
      {first ? (
        <p className="lead">
          Chào mừng anh/chị đến với Cầu Nối! Anh/chị ở thôn, khối phố nào? Tổ công nghệ của thôn đó sẽ hỗ trợ
          anh/chị.
        </p>
      ) : (
        <Current />
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <VillageSearch onSelect={choose} busy={busy} />
    </Screen>
  );
}
