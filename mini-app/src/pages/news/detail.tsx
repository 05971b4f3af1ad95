/**
 * One news item in full. The list hands the item over (router state); opened directly, it is
 * looked up in the commune's first page of news (the same cached resource as the list).
 */
import { useLocation, useParams } from "react-router-dom";
import { citizenApi, type NewsItem } from "../../api/citizen-endpoints";
import { Empty } from "../../components/error-state";
import { Screen } from "../../components/screen";
import { DetailSkeleton } from "../../components/skeletons";
import { Icon } from "../../icons";
import { paragraphs } from "../citizen-common/format";
import { useFreshResource } from "../citizen-common/fresh-resource";
import { WithHomeVillage } from "../citizen-common/home-village";
import "../../styles/citizen.css";
import { formatDate, formatEventTime } from "../../lib/dates";

function Article({ item }: { item: NewsItem }) {
  return (
    <article className="section card">
      {item.imageUrl && <img className="news-image" src={item.imageUrl} alt="" />}
      <h2 style={{ margin: "0 0 8px", fontSize: "1.3rem", lineHeight: 1.3 }}>{item.title}</h2>
      <div className="meta">
        {item.isEvent && <span className="tag accent">Sự kiện</span>}
        <span>{item.unitName}</span>
        <span>Đăng ngày {formatDate(item.publishedAt)}</span>
      </div>
      {item.isEvent && item.eventAt && (
        <p className="event-when">
          <Icon name="clock" /> {formatEventTime(item.eventAt)}
        </p>
      )}
      <div className="prose">
        {paragraphs(item.body).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
    </article>
  );
}

function FromList({ communeId, id }: { communeId: number; id: number }) {
  const { data } = useFreshResource(`citizen:news:${communeId}`, () => citizenApi.news(communeId));
  const item = data.data.items.find((i) => i.id === id);
  if (!item) return <Empty>Không tìm thấy tin này. Có thể tin đã được gỡ xuống.</Empty>;
  return <Article item={item} />;
}

export default function NewsDetailPage() {
  const id = Number(useParams().id);
  const passed = (useLocation().state as { item?: NewsItem } | null)?.item;
  return (
    <Screen title="Tin tức – sự kiện" fallback={<DetailSkeleton />}>
      {passed && passed.id === id ? (
        <Article item={passed} />
      ) : (
        <WithHomeVillage>{(village) => <FromList communeId={village.communeId} id={id} />}</WithHomeVillage>
      )}
    </Screen>
  );
}
