/**
 * The team's members with the open requests each one holds (GET /api/teams/{id}/members): the
 * leader's view of the load, and the picker used to assign or reassign a request.
 */
import type { RequestDetail, TeamRoster } from "@cau-noi/shared";
import { CIVIC_ROLE_LABELS } from "@cau-noi/shared/domain";
import { Suspense, useState } from "react";
import { messageOf } from "../../api/errors";
import { invalidate, useResource } from "../../api/resource";
import { staffApi } from "../../api/staff-endpoints";
import { StaleBanner } from "../../components/offline-banner";
import { ListSkeleton } from "../../components/skeletons";
import "./queue.css";

export const rosterKey = (teamId: number) => `team-members:${teamId}`;

export function useRoster(teamId: number) {
  return useResource(rosterKey(teamId), () => staffApi.teamMembers(teamId));
}

/** After any change of who works on what: queues, loads and "mine" load again when shown. */
export function workChanged(): void {
  invalidate("queue:");
  invalidate("team-members:");
  invalidate("mine");
}

function LoadCount({ n }: { n: number }) {
  return (
    <span className={`load-count${n >= 3 ? " busy" : ""}`} role="img" aria-label={`${n} việc đang làm`}>
      {n}
    </span>
  );
}

function roleOf(member: TeamRoster["items"][number]): string {
  return `${member.isLeader ? "Tổ trưởng · " : ""}${CIVIC_ROLE_LABELS[member.civicRole]}`;
}

/** "Việc đang làm của từng thành viên": the load a leader balances. */
export function MemberLoad({ teamId }: { teamId: number }) {
  const { data } = useRoster(teamId);
  const roster = data.data;
  return (
    <section className="section" aria-labelledby="load-title">
      <h2 id="load-title" className="section-title">
        Việc đang làm của từng thành viên
      </h2>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      <ul className="card load-list" style={{ listStyle: "none", margin: 0, padding: "4px 14px" }}>
        {roster.items.map((m) => (
          <li key={m.personId}>
            <div className="grow" style={{ flex: 1 }}>
              <div style={{ fontWeight: 700 }}>{m.name}</div>
              <div className="small muted">{roleOf(m)}</div>
            </div>
            <LoadCount n={m.openCount} />
          </li>
        ))}
      </ul>
      <p className="small muted" style={{ margin: "6px 4px 0" }}>
        Số bên phải là số việc thành viên đang nhận mà chưa xong.
      </p>
    </section>
  );
}

function Choices({
  teamId,
  requestId,
  ownerId,
  onDone,
}: {
  teamId: number;
  requestId: number;
  ownerId: number | null;
  onDone(detail: RequestDetail): void;
}) {
  const { data } = useRoster(teamId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const assign = async (personId: number) => {
    setBusy(true);
    setError(null);
    try {
      const detail = await staffApi.assign(requestId, personId);
      workChanged();
      onDone(detail);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className="choice-list">
        {data.data.items.map((m) => (
          <button
            key={m.personId}
            type="button"
            className="option-button"
            disabled={busy || m.personId === ownerId}
            aria-label={`Giao cho ${m.name} (${m.openCount} việc đang làm)`}
            onClick={() => void assign(m.personId)}
          >
            <span className="grow">
              <strong>{m.name}</strong>
              <span className="small muted" style={{ display: "block" }}>
                {m.personId === ownerId ? "Đang phụ trách việc này" : roleOf(m)}
              </span>
            </span>
            <LoadCount n={m.openCount} />
          </button>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** Assign or reassign one request to a member of its team, showing each member's load. */
export function AssignPicker(props: {
  teamId: number;
  requestId: number;
  ownerId: number | null;
  onDone(detail: RequestDetail): void;
  onCancel(): void;
}) {
  return (
    <fieldset className="field" style={{ margin: 0 }}>
      <legend>{props.ownerId === null ? "Giao cho thành viên" : "Giao lại cho thành viên"}</legend>
      <Suspense fallback={<ListSkeleton rows={2} />}>
        <Choices {...props} />
      </Suspense>
      <button type="button" className="btn link" onClick={props.onCancel}>
        Thôi
      </button>
    </fieldset>
  );
}
