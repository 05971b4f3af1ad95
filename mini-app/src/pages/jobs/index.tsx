/**
 * "Kết nối việc làm" (SPEC §2 #6): job postings and training courses still open (the server
 * leaves expired ones out), with the deadline and a way to get in touch.
 */
import { citizenApi, type JobItem } from "../../api/citizen-endpoints";
import { Empty } from "../../components/error-state";
import { StaleBanner } from "../../components/offline-banner";
import { Screen } from "../../components/screen";
import { useFreshResource } from "../citizen-common/fresh-resource";
import { WithHomeVillage } from "../citizen-common/home-village";
import { isPhoneNumber } from "../citizen-common/links";
import { CallButton } from "../citizen-common/pieces";
import "../../styles/citizen.css";
import { formatDate } from "../../lib/dates";

function JobCard({ job }: { job: JobItem }) {
  return (
    <li className="item-card">
      <div className="meta">
        <span className="tag">{job.isTraining ? "Đào tạo" : "Việc làm"}</span>
        <span>Hạn đến {formatDate(job.expiresAt)}</span>
      </div>
      <h3>{job.title}</h3>
      <div className="meta">{job.employer}</div>
      <p>{job.description}</p>
      {isPhoneNumber(job.contact) ? (
        <div className="contact-row">
          <span className="grow">
            Liên hệ: <span className="phone">{job.contact}</span>
          </span>
          <CallButton phone={job.contact} label={job.employer} />
        </div>
      ) : (
        <p className="small">Liên hệ: {job.contact}</p>
      )}
    </li>
  );
}

function JobSection({ id, title, jobs }: { id: string; title: string; jobs: JobItem[] }) {
  if (jobs.length === 0) return null;
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title} ({jobs.length})
      </h2>
      <ul className="list">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} />
        ))}
      </ul>
    </section>
  );
}

function Jobs({ communeId }: { communeId: number }) {
  const { data } = useFreshResource(`citizen:jobs:${communeId}`, () => citizenApi.jobs(communeId));
  const items = data.data.items;
  return (
    <>
      <StaleBanner stale={data.stale} savedAt={data.savedAt} />
      {items.length === 0 ? (
        <Empty>Hiện chưa có tin tuyển dụng hay lớp đào tạo nào. Anh/chị vui lòng quay lại sau.</Empty>
      ) : (
        <>
          <JobSection id="jobs-work" title="Việc làm" jobs={items.filter((j) => !j.isTraining)} />
          <JobSection id="jobs-training" title="Đào tạo, tập huấn" jobs={items.filter((j) => j.isTraining)} />
        </>
      )}
    </>
  );
}

export default function JobsPage() {
  return (
    <Screen title="Kết nối việc làm">
      <WithHomeVillage>{(village) => <Jobs communeId={village.communeId} />}</WithHomeVillage>
    </Screen>
  );
}
