/**
 * "Liên hệ" (SPEC §2 #8): leaders, hotline, police, health station, each village's team and the
 * one-stop desk, grouped; one tap calls (Zalo's call screen inside Zalo, a tel: link elsewhere).
 */
import { CONTACT_CATEGORIES } from "@cau-noi/shared/domain";
import { type ContactItem, citizenApi } from "../../api/citizen-endpoints";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { Screen } from "../../components/screen";
import { useFreshResource } from "../citizen-common/fresh-resource";
import { WithHomeVillage } from "../citizen-common/home-village";
import { CallButton, groupBy } from "../citizen-common/pieces";
import "../../styles/citizen.css";

const CONTACT_GROUP_LABELS: Record<string, string> = {
  leadership: "Lãnh đạo UBND",
  hotline: "Đường dây nóng",
  police: "Công an",
  health: "Y tế",
  village: "Tổ công nghệ số các thôn, khối phố",
  other: "Liên hệ khác",
};

function ContactRow({ contact }: { contact: ContactItem }) {
  return (
    <li className="item-card contact-row">
      <div className="grow">
        <div style={{ fontWeight: 700 }}>{contact.name}</div>
        {contact.title && <div className="small muted">{contact.title}</div>}
        <div className="phone">{contact.phone}</div>
      </div>
      <CallButton phone={contact.phone} label={contact.name} />
    </li>
  );
}

function Contacts({ communeId }: { communeId: number }) {
  const { data } = useFreshResource(`citizen:contacts:${communeId}`, () => citizenApi.contacts(communeId));
  const groups = groupBy(data.data.items, (c) => c.category, CONTACT_CATEGORIES);
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {groups.length === 0 ? (
        <Empty>Xã, phường chưa đăng số liên hệ. Anh/chị vui lòng quay lại sau.</Empty>
      ) : (
        groups.map(([category, contacts]) => (
          <section key={category} className="section" aria-labelledby={`contacts-${category}`}>
            <h2 id={`contacts-${category}`} className="section-title">
              {CONTACT_GROUP_LABELS[category] ?? "Liên hệ khác"}
            </h2>
            <ul className="list">
              {contacts.map((contact) => (
                <ContactRow key={contact.id} contact={contact} />
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}

export default function ContactsPage() {
  return (
    <Screen title="Liên hệ">
      <WithHomeVillage>{(village) => <Contacts communeId={village.communeId} />}</WithHomeVillage>
    </Screen>
  );
}
