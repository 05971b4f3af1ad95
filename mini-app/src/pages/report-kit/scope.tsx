/**
 * Which units the person may report on, from their roles: the communes they administer, the
 * district or province they view, and, for team leaders, their team's village. A unit picker
 * appears only when there is more than one.
 */
import type { Profile } from "@cau-noi/shared";

export interface ScopeUnit {
  unitId: number;
  name: string;
  role: "admin" | "viewer" | "leader";
}

export function reportUnits(profile: Profile, who: "admin" | "any"): ScopeUnit[] {
  const { roles } = profile;
  const units: ScopeUnit[] = roles.adminOf.map((u) => ({
    unitId: u.unitId,
    name: u.unitName,
    role: "admin",
  }));
  if (who === "any") {
    units.push(
      ...roles.viewerOf.map((u) => ({ unitId: u.unitId, name: u.unitName, role: "viewer" as const })),
    );
    units.push(
      ...roles.memberships
        .filter((m) => m.isLeader)
        .map((m) => ({ unitId: m.unitId, name: m.teamName, role: "leader" as const })),
    );
  }
  return units.filter((u, i) => units.findIndex((v) => v.unitId === u.unitId) === i);
}

export function UnitSelect({
  units,
  value,
  onChange,
  label = "Đơn vị",
}: {
  units: readonly ScopeUnit[];
  value: number;
  onChange(unitId: number): void;
  label?: string;
}) {
  if (units.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor="unit-select">{label}</label>
      <select
        id="unit-select"
        className="input"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {units.map((u) => (
          <option key={u.unitId} value={u.unitId}>
            {u.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Shown to someone who opens an admin page without the role (a shared link, a changed role). */
export function NotAllowed({ what }: { what: string }) {
  return (
    <div className="empty" role="note">
      <p className="lead">
        Trang {what} chỉ dành cho cán bộ được giao quản lý. Anh/chị vui lòng quay lại trang chủ.
      </p>
    </div>
  );
}
