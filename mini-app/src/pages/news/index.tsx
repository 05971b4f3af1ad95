/**
 * "Tin tức – sự kiện" (SPEC §2 #1): the commune's and its villages' news, upcoming events first
 * (the server puts pinned items on top), each opening its full text.
 */
import { Link } from "react-router-dom";
import { citizenApi, type NewsItem } from "../../api/citizen-endpoints";
import { Screen } from "../../components/screen";
import { Icon } from "../../icons";
import { WithHomeVillage } from "../citizen-common/home-village";
import { PagedList } from "../citizen-common/paged-list";
import "../../styles/citizen.css";
import { formatDate, formatEventTime } from "../../lib/dates";

/** Pinned items and events still to come lead the page. */
function isHighlight(item: NewsItem, now: number): boolean {
  return item.pinned || (item.isEvent && item.eventAt !== null && Date.parse(item.eventAt) > now);
}

function NewsCard({ item, highlight }: { item: NewsItem; highlight: boolean }) {
  return (
    <li>
      <Link to={`/news/${item.id}`} state={{ item }} className={`item-card${highlight ? " event-card" : ""}`}>
        {item.imageUrl && <img className="news-image" src={item.imageUrl} alt="" loading="lazy" />}
        {item.isEvent && item.eventAt && (
          <p className="event-when">
            <Icon name="clock" /> {formatEventTime(item.eventAt)}
          </p>
        )}
        <h3>{item.title}</h3>
        <p>{item.summary}</p>
        <div className="meta">
          {item.isEvent && <span className="tag accent">Sự kiện</span>}
          <span>{item.unitName}</span>
          <span>{formatDate(item.publishedAt)}</span>
        </div>
      </Link>
    </li>
  );
}

function NewsList({ communeId }: { communeId: number }) {
  const now = Date.now();
  return (
    <PagedList
      key={communeId}
      resourceKey={`citizen:news:${communeId}`}
      load={(before) => citizenApi.news(communeId, before)}
      empty="Xã, phường chưa đăng tin nào. Anh/chị vui lòng quay lại sau."
    >
      {(items) => {
        const top = items.filter((i) => isHighlight(i, now));
        const rest = items.filter((i) => !isHighlight(i, now));
        return (
          <>
            {top.length > 0 && (
              <section className="section" aria-labelledby="events-title">
                <h2 id="events-title" className="section-title">
                  Sự kiện, tin nổi bật
                </h2>
                <ul className="list">
                  {top.map((item) => (
                    <NewsCard key={item.id} item={item} highlight />
                  ))}
                </ul>
              </section>
            )}
            {rest.length > 0 && (
              <section className="section" aria-labelledby="news-title">
                <h2 id="news-title" className="section-title">
                  Tin tức
                </h2>
                <ul className="list">
                  {rest.map((item) => (
                    <NewsCard key={item.id} item={item} highlight={false} />
                  ))}
                </ul>
              </section>
            )}
          </>
        );
      }}
    </PagedList>
  );
}

export default function NewsPage() {
  return (
    <Screen title="Tin tức – sự kiện">
      <WithHomeVillage>{(village) => <NewsList communeId={village.communeId} />}</WithHomeVillage>
    </Screen>
  );
}
