/**
 * Targets for teams (issue #5, A-11): a commune admin sets a target per team, period and metric
 * and follows every team's progress; a target can be removed.
 */
import { Suspense, useState } from "react";
import { messageOf } from "../../api/errors";
import { reportsApi } from "../../api/reports-endpoints";
import { useResource } from "../../api/resource";
import { Screen } from "../../components/screen";
import { DetailSkeleton, ListSkeleton } from "../../components/skeletons";
import { Icon } from "../../icons";
import { useProfile } from "../../state/profile";
import "../report-kit/report-kit.css";
import { presetPeriod } from "../report-kit/period";
import { NotAllowed, reportUnits, UnitSelect } from "../report-kit/scope";
import { StaleNote } from "../report-kit/stale-note";
import { groupByTeam, TargetProgress } from "./progress";
import { TargetForm, type TeamChoice } from "./target-form";

/** The commune's village teams, from this month's funding sheet (one row per team). */
function useTeams(communeId: number): TeamChoice[] {
  const month = presetPeriod("this_month");
  const { data } = useResource(`funding-teams:${communeId}:${month.from}`, () =>
    reportsApi.funding({ unitId: communeId, ...month }),
  );
  const seen = new Map<number, TeamChoice>();
  for (const r of data.data.rows) seen.set(r.teamId, { teamId: r.teamId, name: r.teamName });
  return [...seen.values()];
}

function TargetList({ communeId, version }: { communeId: number; version: number }) {
  const { data: cached, refresh } = useResource(`admin-targets:${communeId}:${version}`, () =>
    reportsApi.adminTargets(communeId),
  );
  const [error, setError] = useState<string | null>(null);
  // A removal asks once more: a stray tap must not undo the commune's decision.
  const [confirming, setConfirming] = useState<number | null>(null);
  const remove = async (id: number) => {
    setError(null);
    try {
      await reportsApi.deleteTarget(id);
      setConfirming(null);
      refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const groups = groupByTeam(cached.data.items);
  return (
    <>
      <StaleNote cached={cached} />
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {groups.length === 0 && <p className="muted">Chưa giao chỉ tiêu nào.</p>}
      {groups.map((g) => (
        <section key={g.teamId} className="card target-team" aria-label={g.teamName}>
          <h3>{g.teamName}</h3>
          {g.items.map((t) => (
            <div key={t.id}>
              <TargetProgress
                target={t}
                action={
                  <button
                    type="button"
                    className="icon-button"
                    aria-label="Xóa chỉ tiêu này"
                    onClick={() => setConfirming(t.id)}
                  >
                    <Icon name="close" />
                  </button>
                }
              />
              {confirming === t.id && (
                <div className="banner" role="alertdialog" aria-label="Xóa chỉ tiêu">
                  <div className="grow">
                    <p style={{ margin: "0 0 8px" }}>Xóa chỉ tiêu này của {t.teamName}?</p>
                    <div className="btn-row">
                      <button type="button" className="btn danger-outline" onClick={() => remove(t.id)}>
                        Xóa
                      </button>
                      <button type="button" className="btn link" onClick={() => setConfirming(null)}>
                        Không
                      </button>
                    </div>
                  </div>
                </div>
              )}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function Targets({ communeId }: { communeId: number }) {
  const teams = useTeams(communeId);
  // A new version key loads the list again after a save (the server counts the progress).
  const [version, setVersion] = useState(0);
  return (
    <>
      <h2 className="section-title">Giao chỉ tiêu</h2>
      <TargetForm teams={teams} onSaved={() => setVersion((v) => v + 1)} />
      <h2 className="section-title">Chỉ tiêu đã giao và tiến độ</h2>
      <Suspense fallback={<ListSkeleton rows={3} />}>
        <TargetList communeId={communeId} version={version} />
      </Suspense>
    </>
  );
}

function AdminTargets() {
  const units = reportUnits(useProfile().data.data, "admin");
  const [communeId, setCommuneId] = useState(units[0]?.unitId ?? 0);
  if (units.length === 0) return <NotAllowed what="chỉ tiêu của các tổ" />;
  return (
    <>
      <UnitSelect units={units} value={communeId} onChange={setCommuneId} label="Xã, phường" />
      <Suspense fallback={<DetailSkeleton />}>
        <Targets communeId={communeId} />
      </Suspense>
    </>
  );
}

export default function AdminTargetsPage() {
  return (
    <Screen title="Chỉ tiêu của các tổ" fallback={<DetailSkeleton />}>
      <AdminTargets />
    </Screen>
  );
}
