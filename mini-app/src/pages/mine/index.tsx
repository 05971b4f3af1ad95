/** "Của tôi" (SPEC §2 #10): what is still on this device, then everything sent, newest first. */
import { Suspense } from "react";
import { Screen } from "../../components/screen";
import { ListSkeleton } from "../../components/skeletons";
import { QueuedList } from "./queued-list";
import { RequestList } from "./request-list";

export default function MinePage() {
  return (
    <Screen title="Của tôi" back={false} withNav>
      <QueuedList />
      <Suspense fallback={<ListSkeleton />}>
        <RequestList />
      </Suspense>
    </Screen>
  );
}
