/** Public reads of what the commune publishes: news and events, documents, announcements. */
import {
  announcementItemSchema,
  documentItemSchema,
  newsItemSchema,
  pageQuerySchema,
  publicFieldReportSchema,
  publicQuestionSchema,
} from "@cau-noi/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { and, type Column, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { adminUnits, announcements, documents, news } from "../db/schema";
import { AppError } from "../lib/errors";
import { createRouter, errorResponses, jsonResponse } from "../lib/openapi";
import { listPublicFieldReports, listPublicQuestions } from "../requests/queries";
import { getUnit } from "../units/queries";

const tags = ["Công khai"];

/**
 * Keyset paging in a list's own order (every column descending, the id last): the items after
 * the item `before`, read from that item's sort values. Paging by `id < before` alone would skip
 * or repeat items whenever publication dates (or pinning) do not follow ids.
 */
function after(
  columns: Column[],
  anchor: unknown[] | undefined,
  before: number,
  id: Column,
): SQL | undefined {
  if (!anchor) return lt(id, before);
  const keys = [...columns, id];
  const values = [...anchor, before];
  return or(
    ...keys.map((column, i) =>
      and(...keys.slice(0, i).map((earlier, j) => eq(earlier, values[j])), lt(column, values[i])),
    ),
  );
}
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const publicList = <T extends z.ZodType, Q extends z.ZodObject = typeof pageQuerySchema>(
  path: string,
  summary: string,
  item: T,
  query: Q = pageQuerySchema as unknown as Q,
) =>
  createRoute({
    method: "get",
    path,
    tags,
    summary,
    request: { query },
    responses: { 200: jsonResponse(list(item), "Danh sách"), 400: errorResponses[400] },
  });

const fieldReportsRoute = publicList(
  "/api/public/field-reports",
  "Phản ánh hiện trường và kết quả xử lý (không có thông tin người gửi)",
  publicFieldReportSchema,
);
const questionsRoute = publicList(
  "/api/public/questions",
  "Câu hỏi đã được trả lời công khai",
  publicQuestionSchema,
);
const newsRoute = publicList("/api/public/news", "Tin tức – sự kiện của xã và các thôn", newsItemSchema);
const documentsRoute = publicList("/api/public/documents", "Văn bản mới", documentItemSchema);
const announcementsRoute = publicList(
  "/api/public/announcements",
  "Thông báo của xã (lọc theo thôn nếu có)",
  announcementItemSchema,
  pageQuerySchema.extend({
    villageId: z.coerce.number({ error: "Thôn, khối phố không hợp lệ." }).int().positive().optional(),
  }),
);

/** Public lists are per commune: reject ids that are not a commune with a clear message. */
export function requireCommune(db: Db, communeId: number) {
  const unit = getUnit(db, communeId);
  if (unit?.level !== "commune") {
    throw new AppError("validation_failed", "Xã, phường không hợp lệ.", {
      communeId: "Xã, phường không hợp lệ.",
    });
  }
  return unit;
}

const newsAfter = (db: Db, before: number) => {
  const row = db.select().from(news).where(eq(news.id, before)).get();
  return after([news.pinned, news.publishedAt], row && [row.pinned, row.publishedAt], before, news.id);
};
const documentsAfter = (db: Db, before: number) => {
  const row = db.select().from(documents).where(eq(documents.id, before)).get();
  return after([documents.publishedAt], row && [row.publishedAt], before, documents.id);
};
const announcementsAfter = (db: Db, before: number) => {
  const row = db.select().from(announcements).where(eq(announcements.id, before)).get();
  return after([announcements.publishedAt], row && [row.publishedAt], before, announcements.id);
};

export const publishingRoutes = createRouter()
  .openapi(fieldReportsRoute, (c) => {
    const { communeId, before, limit } = c.req.valid("query");
    requireCommune(c.var.deps.db, communeId);
    return c.json({ items: listPublicFieldReports(c.var.deps.db, communeId, before, limit) }, 200);
  })
  .openapi(questionsRoute, (c) => {
    const { communeId, before, limit } = c.req.valid("query");
    requireCommune(c.var.deps.db, communeId);
    return c.json({ items: listPublicQuestions(c.var.deps.db, communeId, before, limit) }, 200);
  })
  .openapi(newsRoute, (c) => {
    const { communeId, before, limit } = c.req.valid("query");
    const db = c.var.deps.db;
    requireCommune(db, communeId);
    // Commune-wide news and news of its villages.
    const unitIds = [
      communeId,
      ...db
        .select({ id: adminUnits.id })
        .from(adminUnits)
        .where(eq(adminUnits.parentId, communeId))
        .all()
        .map((u) => u.id),
    ];
    const rows = db
      .select({ item: news, unitName: adminUnits.name })
      .from(news)
      .innerJoin(adminUnits, eq(adminUnits.id, news.unitId))
      .where(and(inArray(news.unitId, unitIds), before === undefined ? undefined : newsAfter(db, before)))
      .orderBy(desc(news.pinned), desc(news.publishedAt), desc(news.id))
      .limit(limit)
      .all();
    const items = rows.map(({ item, unitName }) => ({
      id: item.id,
      title: item.title,
      summary: item.summary,
      body: item.body,
      imageUrl: item.imageUrl,
      isEvent: item.isEvent,
      eventAt: item.eventAt?.toISOString() ?? null,
      pinned: item.pinned,
      unitName,
      publishedAt: item.publishedAt.toISOString(),
    }));
    return c.json({ items }, 200);
  })
  .openapi(documentsRoute, (c) => {
    const { communeId, before, limit } = c.req.valid("query");
    const db = c.var.deps.db;
    requireCommune(db, communeId);
    const rows = db
      .select()
      .from(documents)
      .where(
        and(eq(documents.unitId, communeId), before === undefined ? undefined : documentsAfter(db, before)),
      )
      .orderBy(desc(documents.publishedAt), desc(documents.id))
      .limit(limit)
      .all();
    const items = rows.map(({ id, title, number, issuedDate, issuer, url, summary }) => ({
      id,
      title,
      number,
      issuedDate,
      issuer,
      url,
      summary,
    }));
    return c.json({ items }, 200);
  })
  .openapi(announcementsRoute, (c) => {
    const { communeId, villageId, before, limit } = c.req.valid("query");
    const db = c.var.deps.db;
    requireCommune(db, communeId);
    const rows = db
      .select()
      .from(announcements)
      .where(
        and(
          eq(announcements.communeId, communeId),
          before === undefined ? undefined : announcementsAfter(db, before),
        ),
      )
      .orderBy(desc(announcements.publishedAt), desc(announcements.id))
      .all();
    const items = rows
      .filter((a) => a.villageIds === null || villageId === undefined || a.villageIds.includes(villageId))
      .slice(0, limit)
      .map((a) => ({ id: a.id, title: a.title, body: a.body, publishedAt: a.publishedAt.toISOString() }));
    return c.json({ items }, 200);
  });
