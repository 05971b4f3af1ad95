/** Entries for team members and leaders (their queue), commune admins and viewers, from my roles. */
import { Tile } from "../../components/icon-grid";
import { ADMIN_FEATURE, MEMBER_FEATURE, VIEWER_FEATURE } from "../../features";
import { useProfile } from "../../state/profile";

export function StaffSection() {
  const { roles } = useProfile().data.data;
  const member = roles.memberships.length > 0;
  const admin = roles.adminOf.length > 0;
  const viewer = roles.viewerOf.length > 0;
  if (!member && !admin && !viewer) return null;
  const teams = roles.memberships.map((m) => m.teamName).join(", ");
  return (
    <section className="section" aria-labelledby="staff-title">
      <h2 id="staff-title" className="section-title">
        Công việc của anh/chị
      </h2>
      <div className="staff-list">
        {member && (
          <div>
            <Tile feature={MEMBER_FEATURE} variant="staff" />
            <p className="small muted" style={{ margin: "4px 4px 0" }}>
              {teams}
            </p>
          </div>
        )}
        {admin && <Tile feature={ADMIN_FEATURE} variant="staff" />}
        {viewer && <Tile feature={VIEWER_FEATURE} variant="staff" />}
      </div>
    </section>
  );
}
