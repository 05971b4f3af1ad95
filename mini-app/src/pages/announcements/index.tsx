/**
 * "Thông báo" (SPEC §2 #12): what the commune announced to everyone and to this person's
 * village, newest first (also delivered in Zalo chat to those who follow the OA).
 */
import { type AnnouncementItem, citizenApi } from "../../api/citizen-endpoints";
import { Screen } from "../../components/screen";
import { inSentence, paragraphs } from "../citizen-common/format";
import { WithHomeVillage } from "../citizen-common/home-village";
import { PagedList } from "../citizen-common/paged-list";
import "../../styles/citizen.css";
import { formatDateTime } from "../../lib/dates";

function AnnouncementCard({ item }: { item: AnnouncementItem }) {
  return (
    <li className="item-card">
      <div className="meta">{formatDateTime(item.publishedAt)}</div>
      <h3>{item.title}</h3>
      <div className="prose">
        {paragraphs(item.body).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
    </li>
  );
}

export default function AnnouncementsPage() {
  return (
    <Screen title="Thông báo" back={false} withNav>
      <WithHomeVillage>
        {(village) => (
          <PagedList
            key={village.id}
            resourceKey={`citizen:announcements:${village.communeId}:${village.id}`}
            load={(before) => citizenApi.announcements(village.communeId, village.id, before)}
            empty="Chưa có thông báo nào. Khi xã, phường có thông báo mới, anh/chị sẽ thấy ở đây."
          >
            {(items) => (
              <>
                <p className="page-intro">
                  Thông báo của {inSentence(village.communeName)} gửi tới bà con và tới {village.name}.
                </p>
                <ul className="list">
                  {items.map((item) => (
                    <AnnouncementCard key={item.id} item={item} />
                  ))}
                </ul>
              </>
            )}
          </PagedList>
        )}
      </WithHomeVillage>
    </Screen>
  );
}
