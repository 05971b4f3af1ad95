/**
 * "Du lịch – lưu trú – ẩm thực" (SPEC §2 #5): lodging, sites, food, specialties and OCOP
 * products of the commune, filterable by kind, with a call button where there is a number.
 */
import { PLACE_CATEGORIES } from "@cau-noi/shared/domain";
import { useState } from "react";
import { citizenApi, type PlaceItem } from "../../api/citizen-endpoints";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { Screen } from "../../components/screen";
import { useFreshResource } from "../citizen-common/fresh-resource";
import { WithHomeVillage } from "../citizen-common/home-village";
import { CallButton, ChipFilter, groupBy } from "../citizen-common/pieces";
import "../../styles/citizen.css";

const PLACE_LABELS: Record<string, string> = {
  lodging: "Cơ sở lưu trú",
  site: "Địa điểm du lịch",
  food: "Ẩm thực",
  specialty: "Đặc sản, quà tặng",
  ocop: "Sản phẩm OCOP",
};

function PlaceCard({ place }: { place: PlaceItem }) {
  return (
    <li className="item-card">
      <h3>{place.name}</h3>
      <p>{place.description}</p>
      {place.address && <div className="meta">Địa chỉ: {place.address}</div>}
      {place.phone && (
        <div className="contact-row" style={{ marginTop: 8 }}>
          <span className="grow phone">{place.phone}</span>
          <CallButton phone={place.phone} label={place.name} />
        </div>
      )}
    </li>
  );
}

function Places({ communeId }: { communeId: number }) {
  const { data } = useFreshResource(`citizen:places:${communeId}`, () => citizenApi.places(communeId));
  const [category, setCategory] = useState<string | null>(null);
  const groups = groupBy(data.data.items, (p) => p.category, PLACE_CATEGORIES);
  const shown = category === null ? groups : groups.filter(([key]) => key === category);
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {groups.length === 0 ? (
        <Empty>Chưa có địa điểm nào được giới thiệu. Anh/chị vui lòng quay lại sau.</Empty>
      ) : (
        <>
          <ChipFilter
            label="Lọc theo loại"
            options={groups.map(([key]) => ({ value: key, label: PLACE_LABELS[key] ?? key }))}
            value={category}
            onChange={setCategory}
          />
          {shown.map(([key, places]) => (
            <section key={key} className="section" aria-labelledby={`places-${key}`}>
              <h2 id={`places-${key}`} className="section-title">
                {PLACE_LABELS[key] ?? key}
              </h2>
              <ul className="list">
                {places.map((place) => (
                  <PlaceCard key={place.id} place={place} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}

export default function PlacesPage() {
  return (
    <Screen title="Du lịch – lưu trú – ẩm thực">
      <WithHomeVillage>{(village) => <Places communeId={village.communeId} />}</WithHomeVillage>
    </Screen>
  );
}
