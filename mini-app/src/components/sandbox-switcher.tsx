/**
 * Sandbox only (the server's /healthz says `sandbox: true`): act as a demo citizen, member or
 * admin. The local Zalo stand-in issues that person's Zalo token, which goes through the same
 * POST /api/session as a real one. Loaded lazily: live mode never downloads it.
 */
import type { SandboxPersona } from "@cau-noi/shared";
import { foldVietnamese } from "@cau-noi/shared/text";
import { Suspense, useState } from "react";
import { useNavigate } from "react-router-dom";
import { api } from "../api/endpoints";
import { useResource } from "../api/resource";
import { Icon } from "../icons";
import { choosePersona, setChoosing, useSession } from "../state/session";
import { ErrorBoundary } from "./error-state";
import { ListSkeleton } from "./skeletons";

const GROUPS: ReadonlyArray<[string, string]> = [
  ["demo", "Người dùng mẫu"],
  ["citizen", "Người dân"],
  ["member", "Thành viên tổ"],
  ["leader", "Tổ trưởng"],
  ["admin", "Cán bộ xã, phường"],
  ["viewer", "Người xem báo cáo"],
];

function matches(persona: SandboxPersona, words: string[]) {
  const hay = foldVietnamese(
    [persona.name, persona.roleLabel, persona.demoLabel ?? "", ...persona.roleLabels].join(" "),
  );
  return words.every((w) => hay.includes(w));
}

function PersonaList({ query }: { query: string }) {
  const { data } = useResource("sandbox:personas", () => api.sandboxPersonas());
  const session = useSession();
  const busy = session.phase === "signing-in";
  const navigate = useNavigate();
  const words = foldVietnamese(query).split(" ").filter(Boolean);
  const usable = data.personas.filter((p) => p.appUserId !== null && matches(p, words));
  if (usable.length === 0) return <p className="lead muted">Không tìm thấy ai khớp với “{query}”.</p>;
  return (
    <>
      {GROUPS.map(([group, title]) => {
        const people = usable.filter((p) =>
          group === "demo" ? p.demoLabel : !p.demoLabel && p.role === group,
        );
        if (people.length === 0) return null;
        return (
          <section key={group} className="section">
            <h2 className="section-title">
              {title} ({people.length})
            </h2>
            <ul className="list">
              {people.map((p) => {
                const current = session.persona?.appUserId === p.appUserId;
                return (
                  <li key={p.followerId}>
                    <button
                      type="button"
                      className={`option-button${current ? " selected" : ""}`}
                      data-persona={p.appUserId}
                      disabled={busy}
                      onClick={async () => {
                        const chosen = {
                          appUserId: p.appUserId as string,
                          name: p.name,
                          followerId: p.followerId,
                        };
                        if (await choosePersona(chosen)) navigate("/", { replace: true });
                      }}
                    >
                      <Icon name="user" />
                      <span className="grow">
                        <span style={{ display: "block", fontWeight: 700 }}>{p.name}</span>
                        <span className="small muted">{p.demoLabel ?? p.roleLabel}</span>
                      </span>
                      {current ? <Icon name="check" /> : <Icon name="forward" />}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export default function SandboxSwitcher() {
  const session = useSession();
  const [query, setQuery] = useState("");
  const canCancel = session.token !== null && session.choosing;
  return (
    <div className="shell">
      <header className="app-header">
        {canCancel && (
          <button
            type="button"
            className="header-back"
            aria-label="Quay lại"
            onClick={() => setChoosing(false)}
          >
            <Icon name="back" size={28} />
          </button>
        )}
        <h1>Chọn người dùng thử</h1>
      </header>
      <main className="page no-nav">
        <p className="banner info">
          <span className="grow">
            <strong>Chế độ thử nghiệm:</strong> Zalo được giả lập trên máy này. Chọn một người dùng mẫu để
            dùng Mini App như người đó. Khi chạy thật trong Zalo, màn hình này không có.
          </span>
        </p>
        {session.phase === "signing-in" && (
          <p className="banner" role="status">
            Đang đăng nhập…
          </p>
        )}
        {session.error && (
          <p className="banner error" role="alert">
            {session.error}
          </p>
        )}
        <label className="field-label" htmlFor="persona-search">
          Tìm theo tên, vai trò, thôn
        </label>
        <input
          id="persona-search"
          className="input"
          type="search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ marginBottom: 12 }}
        />
        <ErrorBoundary>
          <Suspense fallback={<ListSkeleton />}>
            <PersonaList query={query} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
