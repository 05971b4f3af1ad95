/**
 * "Đội của thôn" (SPEC §2 #11): the home village's Tổ công nghệ số cộng đồng as residents may
 * see it (name, civic role, photo only with consent, else initials) so they can tell a real
 * member from a scammer, and the anti-fraud tips: members never ask for OTPs, passwords or money.
 */
import { Link } from "react-router-dom";
import type { Cached } from "../../api/cache";
import { citizenApi, type TeamDirectory } from "../../api/citizen-endpoints";
import { ApiError } from "../../api/errors";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { Avatar } from "../../components/request-bits";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { useFreshResource } from "../citizen-common/fresh-resource";
import { WithHomeVillage } from "../citizen-common/home-village";
import "../../styles/citizen.css";
import { fresh } from "../../api/cache";
import { formatDate } from "../../lib/dates";

/** Shown even when the village has no team in the app: the advice holds for everyone. */
const BASIC_TIPS = [
  "Thành viên Tổ công nghệ số cộng đồng không bao giờ hỏi mã OTP, mật khẩu hay mã PIN của anh/chị.",
  "Không chuyển tiền cho bất kỳ ai tự xưng là cán bộ, thành viên tổ để “hỗ trợ” hay “nộp phí”.",
];

/** No team yet for this village: a 404 from the server, said plainly instead of as an error. */
async function loadTeam(villageId: number): Promise<Cached<TeamDirectory | null>> {
  try {
    return await citizenApi.team(villageId);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return fresh(null);
    throw error;
  }
}

function Tips({ tips }: { tips: readonly string[] }) {
  return (
    <section className="section card tips-card" aria-labelledby="tips-title">
      <h2 id="tips-title" className="section-title" style={{ marginTop: 0 }}>
        Cảnh giác lừa đảo
      </h2>
      <ul className="tips">
        {tips.map((tip) => (
          <li key={tip}>
            <Icon name="alert" />
            <span>{tip}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Team({ villageId, villageName }: { villageId: number; villageName: string }) {
  const { data } = useFreshResource(`citizen:team:${villageId}`, () => loadTeam(villageId));
  const team = data.data;
  if (!team) {
    return (
      <>
        <Empty>
          {villageName} chưa có danh sách Tổ công nghệ số trên ứng dụng. Anh/chị có thể gọi UBND xã, phường
          trong mục Liên hệ để hỏi.
          <div style={{ marginTop: 12 }}>
            <Link to="/contacts" className="btn secondary">
              Mở mục Liên hệ
            </Link>
          </div>
        </Empty>
        <Tips tips={BASIC_TIPS} />
      </>
    );
  }
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      <section className="section card">
        <h2 style={{ margin: "0 0 4px", fontSize: "1.2rem" }}>{team.teamName}</h2>
        <div className="muted">{team.villageName}</div>
        {team.decisionNo && (
          <div className="small muted" style={{ marginTop: 4 }}>
            Thành lập theo Quyết định số {team.decisionNo}
            {team.decisionDate ? ` ngày ${formatDate(team.decisionDate)}` : ""}
          </div>
        )}
      </section>
      <Tips tips={team.antiFraudTips.length > 0 ? team.antiFraudTips : BASIC_TIPS} />
      <section className="section" aria-labelledby="members-title">
        <h2 id="members-title" className="section-title">
          Thành viên ({team.members.length})
        </h2>
        {team.members.length === 0 ? (
          <Empty>Tổ chưa có thành viên nào trên ứng dụng.</Empty>
        ) : (
          <ul className="list">
            {team.members.map((m) => (
              <li key={`${m.displayName}-${m.civicRole}`} className="item-card member-row">
                <Avatar name={m.displayName} url={m.avatarUrl} />
                <div className="grow">
                  <div style={{ fontWeight: 800 }}>{m.displayName}</div>
                  <div>{m.civicRoleLabel}</div>
                  {m.isLeader && <span className="tag">Tổ trưởng</span>}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section">
        <Link to="/help" className="btn accent block">
          <Icon name="help" /> Nhờ Tổ công nghệ giúp
        </Link>
      </section>
    </>
  );
}

export default function TeamPage() {
  return (
    <Screen title="Đội của thôn">
      <WithHomeVillage>
        {(village) => <Team villageId={village.id} villageName={village.name} />}
      </WithHomeVillage>
    </Screen>
  );
}
