/**
 * The route table (zaui-coffee style: ZMPRouter + Routes in a layout) and the bottom tabs.
 * Home is in the main bundle; every other page is its own lazily loaded chunk.
 */
import { lazy, Suspense, useEffect, useRef } from "react";
import { Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { PLACEHOLDERS } from "../features";
import HomePage from "../pages/home";
import { AREA_ROUTES } from "../routes";
import { personKey, setChoosing, useSession } from "../state/session";
import { BottomNav, TAB_PATHS } from "./bottom-nav";
import { PageSkeleton } from "./skeletons";

const VillagePickerPage = lazy(() => import("../pages/village-picker"));
const SettingsPage = lazy(() => import("../pages/settings"));
const HelpRequestPage = lazy(() => import("../pages/help-request"));
const RequestDetailPage = lazy(() => import("../pages/request-detail"));
const MinePage = lazy(() => import("../pages/mine"));
const UnderConstructionPage = lazy(() => import("../pages/under-construction"));

function SandboxBar() {
  const session = useSession();
  return (
    <div className="sandbox-bar" role="note">
      <span className="grow">
        Thử nghiệm · <strong>{session.persona?.name ?? "chưa chọn người dùng"}</strong>
      </span>
      <button type="button" onClick={() => setChoosing(true)}>
        Đổi người
      </button>
    </div>
  );
}

/** Another person signed in (sandbox switcher): start again from home, as they would. */
function useHomeOnNewPerson(token: string | null) {
  const navigate = useNavigate();
  const person = personKey(token);
  const previous = useRef(person);
  useEffect(() => {
    if (previous.current !== person) navigate("/", { replace: true });
    previous.current = person;
  }, [person, navigate]);
}

export function Layout() {
  const session = useSession();
  const { pathname } = useLocation();
  useHomeOnNewPerson(session.token);
  return (
    <div className="shell">
      {session.sandbox && <SandboxBar />}
      <Suspense fallback={<PageSkeleton />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/village" element={<VillagePickerPage />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="/help" element={<HelpRequestPage />} />
          <Route path="/requests/:id" element={<RequestDetailPage />} />
          <Route path="/mine" element={<MinePage />} />
          {AREA_ROUTES.map(({ path, Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          {PLACEHOLDERS.map((f) => (
            <Route
              key={f.path}
              path={f.path}
              element={<UnderConstructionPage title={f.label} withNav={TAB_PATHS.includes(f.path)} />}
            />
          ))}
          <Route path="*" element={<UnderConstructionPage title="Không tìm thấy trang" />} />
        </Routes>
      </Suspense>
      {TAB_PATHS.includes(pathname) && <BottomNav />}
    </div>
  );
}
