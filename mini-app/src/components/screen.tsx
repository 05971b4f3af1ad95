/**
 * One screen: header, scrolling page, and its sections' loading and error states. Pages are
 * `pages/<page>/index.tsx` returning a <Screen> whose children are section components that
 * load their own data (Suspense shows `fallback`, the boundary shows errors with "Thử lại").
 */
import { type ReactNode, Suspense } from "react";
import { Page } from "zmp-ui";
import { AppHeader, type AppHeaderProps } from "./app-header";
import { ErrorBoundary } from "./error-state";
import { NetworkBanner } from "./offline-banner";
import { ListSkeleton } from "./skeletons";

export interface ScreenProps extends AppHeaderProps {
  children: ReactNode;
  fallback?: ReactNode;
  /** This screen shows the bottom navigation (leave room for it). */
  withNav?: boolean;
  /** Replaces the standard header (the home page draws its own). */
  header?: ReactNode;
}

export function Screen({ title, back, children, fallback, withNav = false, header }: ScreenProps) {
  return (
    <>
      {header ?? <AppHeader title={title} back={back} />}
      <Page className={withNav ? "page" : "page no-nav"} name={title}>
        <NetworkBanner />
        <ErrorBoundary>
          <Suspense fallback={fallback ?? <ListSkeleton />}>{children}</Suspense>
        </ErrorBoundary>
      </Page>
    </>
  );
}
