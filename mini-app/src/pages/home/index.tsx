/**
 * Home: the grid of large labelled icons (SPEC §2). The grid is static and shows at once; the
 * greeting, the staff entries and the first-run redirect wait for the profile.
 */
import { Suspense } from "react";
import { IconGrid } from "../../components/icon-grid";
import { Screen } from "../../components/screen";
import { Skeleton } from "../../components/skeletons";
import { CITIZEN_FEATURES } from "../../features";
import { FollowOa } from "./follow-oa";
import { Greeting } from "./greeting";
import { HelpCta } from "./help-cta";
import { HomeHeader } from "./home-header";
import { StaffSection } from "./staff-section";

function GreetingFallback() {
  return (
    <div className="home-top" aria-hidden="true">
      <Skeleton height={24} width="70%" />
      <div style={{ height: 10 }} />
      <Skeleton height={44} />
    </div>
  );
}

export default function HomePage() {
  return (
    <Screen title="Cầu Nối" back={false} withNav header={<HomeHeader />}>
      <Suspense fallback={<GreetingFallback />}>
        <Greeting />
      </Suspense>
      <HelpCta />
      <section className="section" aria-labelledby="services-title">
        <h2 id="services-title" className="visually-hidden">
          Dịch vụ
        </h2>
        <IconGrid features={CITIZEN_FEATURES} label="Dịch vụ cho người dân" />
      </section>
      <Suspense fallback={null}>
        <StaffSection />
      </Suspense>
      <FollowOa />
    </Screen>
  );
}
