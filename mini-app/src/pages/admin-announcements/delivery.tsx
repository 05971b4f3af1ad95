/**
 * Delivery report of one announcement: sent, pending, uncertain, undeliverable by Zalo's reason,
 * overall and per village. Refreshes every few seconds while messages are still pending.
 */

import type { deliveryReportSchema } from "@cau-noi/shared";
import { useEffect } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import type { z } from "zod";
import { adminApi } from "../../api/admin-endpoints";
import { useResource } from "../../api/resource";
import { Icon } from "../../icons";
import { AdminScreen, Saved, useCommune } from "../admin/kit";

type Report = z.infer<typeof deliveryReportSchema>;
const REFRESH_MS = 3000;

function Counts({ report }: { report: Report }) {
  const undeliverable = report.undeliverable.reduce((n, u) => n + u.count, 0);
  return (
    <div className="stat-grid">
      <div className="stat ok">
        <span className="num">{report.sent}</span>Đã gửi
      </div>
      <div className="stat warn">
        <span className="num">{report.pending}</span>Đang chờ gửi
      </div>
      <div className="stat">
        <span className="num">{report.uncertain}</span>Chưa rõ kết quả
      </div>
      <div className="stat bad">
        <span className="num">{undeliverable}</span>Không gửi được
      </div>
    </div>
  );
}

function ByVillage({ report }: { report: Report }) {
  const { communeId } = useCommune();
  const { data } = useResource(`admin:villages:${communeId}`, () => adminApi.communeVillages(communeId));
  const names = new Map(data.data.items.map((v) => [v.id, v.name]));
  if (report.byVillage.length === 0) return null;
  return (
    <section className="section" aria-labelledby="by-village">
      <h2 id="by-village" className="section-title">
        Theo thôn
      </h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Thôn</th>
            <th scope="col">Đã gửi</th>
            <th scope="col">Chờ</th>
            <th scope="col">Không gửi được</th>
          </tr>
        </thead>
        <tbody>
          {report.byVillage.map((v) => (
            <tr key={v.villageId ?? "none"}>
              <td>
                {v.villageId === null ? "Chưa chọn thôn" : (names.get(v.villageId) ?? `Thôn #${v.villageId}`)}
              </td>
              <td>{v.sent}</td>
              <td>{v.pending + v.uncertain}</td>
              <td>{v.undeliverable.reduce((n, u) => n + u.count, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Delivery({ id }: { id: number }) {
  const { data: report, refresh } = useResource(`admin:delivery:${id}`, () => adminApi.delivery(id));
  const [params] = useSearchParams();
  const pending = report.pending > 0;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [pending, refresh]);

  return (
    <>
      {params.has("queued") && (
        <Saved>
          <strong>Đã gửi thông báo số {id}.</strong> {params.get("queued")} tin nhắn được xếp hàng gửi qua
          Zalo.
        </Saved>
      )}
      <p className="lead" style={{ marginTop: 0 }}>
        Tổng số người nhận: <strong>{report.total}</strong>
      </p>
      <Counts report={report} />
      <p className="small muted" role="status">
        {pending ? (
          <>
            <Icon name="refresh" size={16} /> Đang gửi – trang tự cập nhật.
          </>
        ) : (
          "Đã gửi xong."
        )}
      </p>
      {report.undeliverable.length > 0 && (
        <section className="section" aria-labelledby="reasons">
          <h2 id="reasons" className="section-title">
            Lý do không gửi được
          </h2>
          <ul className="list">
            {report.undeliverable.map((u) => (
              <li key={u.reason} className="list-item row-between">
                <span>{u.label}</span>
                <strong>{u.count}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ByVillage report={report} />
      <Link to="/admin/announcements" className="btn secondary block">
        Danh sách thông báo
      </Link>
    </>
  );
}

function DeliveryPage() {
  const id = Number(useParams().id);
  return <Delivery id={id} />;
}

export default function AnnouncementDeliveryPage() {
  return (
    <AdminScreen title="Kết quả gửi thông báo" back="/admin/announcements">
      <DeliveryPage />
    </AdminScreen>
  );
}
