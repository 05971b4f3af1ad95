/**
 * Commune admins publish news (for the whole commune or one village) and documents. What they
 * save is what residents read in the public lists (publishing/routes.ts): there is no draft
 * state. Every change is one IMMEDIATE transaction that re-reads the item and re-checks the
 * admin's commune inside it.
 */
import {
  adminDocumentItemSchema,
  adminNewsItemSchema,
  adminPageQuerySchema,
  createDocumentSchema,
  createNewsSchema,
  deletedSchema,
  idParam,
  pagedItemsOf,
  updateDocumentSchema,
  updateNewsSchema,
} from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { requireCommuneAdmin } from "../auth/admin-guard";
import { requireSession } from "../auth/middleware";
import type { Db, Tx } from "../db/client";
import { adminUnits, documents, news, persons } from "../db/schema";
import { AppError } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { communeOfUnit } from "../units/commune-of";

const tags = ["Quản trị"];
const authed = { tags, security: bearerSecurity, middleware: requireSession };
const NEWS_NOT_FOUND = "Không tìm thấy tin này.";
const DOCUMENT_NOT_FOUND = "Không tìm thấy văn bản này.";

const deleted = { 200: jsonResponse(deletedSchema, "Đã xóa"), ...errorResponses };

const listNewsRoute = createRoute({
  method: "get",
  path: "/api/admin/news",
  summary: "Tin tức – sự kiện của xã và các thôn (để sửa, xóa)",
  ...authed,
  request: { query: adminPageQuerySchema },
  responses: { 200: jsonResponse(pagedItemsOf(adminNewsItemSchema), "Danh sách"), ...errorResponses },
});
const createNewsRoute = createRoute({
  method: "post",
  path: "/api/admin/news",
  summary: "Đăng tin tức – sự kiện",
  ...authed,
  request: { body: jsonBody(createNewsSchema) },
  responses: { 201: jsonResponse(adminNewsItemSchema, "Đã đăng"), ...errorResponses },
});
const updateNewsRoute = createRoute({
  method: "patch",
  path: "/api/admin/news/{id}",
  summary: "Sửa tin tức – sự kiện",
  ...authed,
  request: { params: idParam, body: jsonBody(updateNewsSchema) },
  responses: { 200: jsonResponse(adminNewsItemSchema, "Đã lưu"), ...errorResponses },
});
const deleteNewsRoute = createRoute({
  method: "delete",
  path: "/api/admin/news/{id}",
  summary: "Gỡ tin tức – sự kiện",
  ...authed,
  request: { params: idParam },
  responses: deleted,
});
const listDocumentsRoute = createRoute({
  method: "get",
  path: "/api/admin/documents",
  summary: "Văn bản của xã (để sửa, xóa)",
  ...authed,
  request: { query: adminPageQuerySchema },
  responses: { 200: jsonResponse(pagedItemsOf(adminDocumentItemSchema), "Danh sách"), ...errorResponses },
});
const createDocumentRoute = createRoute({
  method: "post",
  path: "/api/admin/documents",
  summary: "Đăng văn bản mới",
  ...authed,
  request: { body: jsonBody(createDocumentSchema) },
  responses: { 201: jsonResponse(adminDocumentItemSchema, "Đã đăng"), ...errorResponses },
});
const updateDocumentRoute = createRoute({
  method: "patch",
  path: "/api/admin/documents/{id}",
  summary: "Sửa văn bản",
  ...authed,
  request: { params: idParam, body: jsonBody(updateDocumentSchema) },
  responses: { 200: jsonResponse(adminDocumentItemSchema, "Đã lưu"), ...errorResponses },
});
const deleteDocumentRoute = createRoute({
  method: "delete",
  path: "/api/admin/documents/{id}",
  summary: "Gỡ văn bản",
  ...authed,
  request: { params: idParam },
  responses: deleted,
});

const invalid = (field: string, message: string) =>
  new AppError("validation_failed", message, { [field]: message });

/** The unit news is filed under: the commune, or one of its active villages. */
function newsUnit(tx: Tx, communeId: number, villageId: number | null | undefined): number {
  if (villageId === null || villageId === undefined) return communeId;
  const village = tx.select().from(adminUnits).where(eq(adminUnits.id, villageId)).get();
  if (village?.level !== "village" || village.parentId !== communeId) {
    throw invalid("villageId", "Thôn, khối phố không thuộc xã này.");
  }
  return village.id;
}

/** Admin items of the given news ids, in the order of `ids` (one read for a whole page). */
function newsItems(db: Db | Tx, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = db
    .select({ item: news, unit: adminUnits, authorName: persons.displayName })
    .from(news)
    .innerJoin(adminUnits, eq(adminUnits.id, news.unitId))
    .leftJoin(persons, eq(persons.id, news.authorPersonId))
    .where(inArray(news.id, ids))
    .all();
  const byId = new Map(rows.map((r) => [r.item.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { item, unit, authorName } = row;
    const isVillage = unit.level === "village";
    return [
      {
        id: item.id,
        communeId: isVillage ? (unit.parentId ?? unit.id) : unit.id,
        villageId: isVillage ? unit.id : null,
        unitName: unit.name,
        title: item.title,
        summary: item.summary,
        body: item.body,
        imageUrl: item.imageUrl,
        isEvent: item.isEvent,
        eventAt: item.eventAt?.toISOString() ?? null,
        pinned: item.pinned,
        authorName,
        publishedAt: item.publishedAt.toISOString(),
      },
    ];
  });
}

function toNewsItem(db: Db | Tx, id: number) {
  const [item] = newsItems(db, [id]);
  if (!item) throw new AppError("not_found", NEWS_NOT_FOUND);
  return item;
}

function toDocumentItem(row: typeof documents.$inferSelect) {
  return {
    id: row.id,
    communeId: row.unitId,
    title: row.title,
    number: row.number,
    issuedDate: row.issuedDate,
    issuer: row.issuer,
    url: row.url,
    summary: row.summary,
    publishedAt: row.publishedAt.toISOString(),
  };
}

/** Events need a time; plain news has none (a stale one would still show). */
function eventFields(isEvent: boolean, eventAt: string | null | undefined, previous: Date | null) {
  if (!isEvent) return { isEvent: false, eventAt: null };
  const at = eventAt === undefined ? previous : eventAt === null ? null : new Date(eventAt);
  if (at === null) throw invalid("eventAt", "Vui lòng nhập thời gian diễn ra sự kiện.");
  return { isEvent: true, eventAt: at };
}

const immediate = { behavior: "immediate" } as const;

/** `nextBefore` of a page ordered by id, newest first. */
const nextBefore = (ids: number[], limit: number) => (ids.length === limit ? (ids.at(-1) ?? null) : null);

export const adminContentRoutes = createRouter()
  .openapi(listNewsRoute, (c) => {
    const { deps, actor } = c.var;
    const { communeId, before, limit } = c.req.valid("query");
    requireCommuneAdmin(actor, communeId, "Không tìm thấy xã, phường.");
    const villageIds = deps.db
      .select({ id: adminUnits.id })
      .from(adminUnits)
      .where(and(eq(adminUnits.parentId, communeId), eq(adminUnits.level, "village")))
      .all()
      .map((u) => u.id);
    const ids = deps.db
      .select({ id: news.id })
      .from(news)
      .where(
        and(
          inArray(news.unitId, [communeId, ...villageIds]),
          before === undefined ? undefined : lt(news.id, before),
        ),
      )
      .orderBy(desc(news.id))
      .limit(limit)
      .all()
      .map((r) => r.id);
    return c.json({ items: newsItems(deps.db, ids), nextBefore: nextBefore(ids, limit) }, 200);
  })
  .openapi(createNewsRoute, (c) => {
    const { deps, actor } = c.var;
    const input = c.req.valid("json");
    requireCommuneAdmin(actor, input.communeId, "Không tìm thấy xã, phường.");
    const item = deps.db.transaction((tx) => {
      const unitId = newsUnit(tx, input.communeId, input.villageId);
      const { id } = tx
        .insert(news)
        .values({
          unitId,
          title: input.title,
          summary: input.summary,
          body: input.body,
          imageUrl: input.imageUrl ?? null,
          ...eventFields(input.isEvent ?? false, input.eventAt, null),
          pinned: input.pinned ?? false,
          authorPersonId: actor.personId,
          publishedAt: deps.now(),
        })
        .returning({ id: news.id })
        .get();
      return toNewsItem(tx, id);
    }, immediate);
    c.var.logger.info({ newsId: item.id }, "news published");
    return c.json(item, 201);
  })
  .openapi(updateNewsRoute, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    const input = c.req.valid("json");
    const item = deps.db.transaction((tx) => {
      const row = tx.select().from(news).where(eq(news.id, id)).get();
      const communeId = row ? communeOfUnit(tx, row.unitId) : undefined;
      requireCommuneAdmin(actor, communeId, NEWS_NOT_FOUND);
      if (!row) throw new AppError("not_found", NEWS_NOT_FOUND);
      tx.update(news)
        .set({
          ...(input.villageId !== undefined ? { unitId: newsUnit(tx, communeId, input.villageId) } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.summary !== undefined ? { summary: input.summary } : {}),
          ...(input.body !== undefined ? { body: input.body } : {}),
          ...(input.imageUrl !== undefined ? { imageUrl: input.imageUrl } : {}),
          ...(input.pinned !== undefined ? { pinned: input.pinned } : {}),
          // Only an edit touching the event checks it: older items stay editable as they are.
          ...(input.isEvent === undefined && input.eventAt === undefined
            ? {}
            : eventFields(input.isEvent ?? row.isEvent, input.eventAt, row.eventAt)),
        })
        .where(eq(news.id, id))
        .run();
      return toNewsItem(tx, id);
    }, immediate);
    return c.json(item, 200);
  })
  .openapi(deleteNewsRoute, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    deps.db.transaction((tx) => {
      const row = tx.select({ unitId: news.unitId }).from(news).where(eq(news.id, id)).get();
      requireCommuneAdmin(actor, row ? communeOfUnit(tx, row.unitId) : undefined, NEWS_NOT_FOUND);
      tx.delete(news).where(eq(news.id, id)).run();
    }, immediate);
    c.var.logger.info({ newsId: id }, "news removed");
    return c.json({ id, deleted: true as const }, 200);
  })
  .openapi(listDocumentsRoute, (c) => {
    const { deps, actor } = c.var;
    const { communeId, before, limit } = c.req.valid("query");
    requireCommuneAdmin(actor, communeId, "Không tìm thấy xã, phường.");
    const rows = deps.db
      .select()
      .from(documents)
      .where(
        and(eq(documents.unitId, communeId), before === undefined ? undefined : lt(documents.id, before)),
      )
      .orderBy(desc(documents.id))
      .limit(limit)
      .all();
    return c.json(
      {
        items: rows.map(toDocumentItem),
        nextBefore: nextBefore(
          rows.map((r) => r.id),
          limit,
        ),
      },
      200,
    );
  })
  .openapi(createDocumentRoute, (c) => {
    const { deps, actor } = c.var;
    const input = c.req.valid("json");
    requireCommuneAdmin(actor, input.communeId, "Không tìm thấy xã, phường.");
    const row = deps.db.transaction(
      (tx) =>
        tx
          .insert(documents)
          .values({
            unitId: input.communeId,
            title: input.title,
            number: input.number,
            issuedDate: input.issuedDate,
            issuer: input.issuer,
            url: input.url ?? null,
            summary: input.summary ?? null,
            publishedAt: deps.now(),
          })
          .returning()
          .get(),
      immediate,
    );
    c.var.logger.info({ documentId: row.id }, "document published");
    return c.json(toDocumentItem(row), 201);
  })
  .openapi(updateDocumentRoute, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    const input = c.req.valid("json");
    const row = deps.db.transaction((tx) => {
      const current = tx.select().from(documents).where(eq(documents.id, id)).get();
      requireCommuneAdmin(actor, current ? communeOfUnit(tx, current.unitId) : undefined, DOCUMENT_NOT_FOUND);
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length === 0) return current as typeof documents.$inferSelect;
      return tx.update(documents).set(changes).where(eq(documents.id, id)).returning().get();
    }, immediate);
    return c.json(toDocumentItem(row), 200);
  })
  .openapi(deleteDocumentRoute, (c) => {
    const { deps, actor } = c.var;
    const id = c.req.valid("param").id;
    deps.db.transaction((tx) => {
      const row = tx.select({ unitId: documents.unitId }).from(documents).where(eq(documents.id, id)).get();
      requireCommuneAdmin(actor, row ? communeOfUnit(tx, row.unitId) : undefined, DOCUMENT_NOT_FOUND);
      tx.delete(documents).where(eq(documents.id, id)).run();
    }, immediate);
    c.var.logger.info({ documentId: id }, "document removed");
    return c.json({ id, deleted: true as const }, 200);
  });
