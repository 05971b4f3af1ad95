/**
 * Commune admins curate the FAQ the chatbot answers from. Entries with no commune are shared by
 * every commune: listed read-only, never changed by one commune's admin. Each change writes the
 * entry and its FTS5 search text in the same transaction (faq.ts), so the chatbot's search sees
 * exactly what is stored.
 */
import {
  adminCommuneQuerySchema,
  adminFaqItemSchema,
  createFaqSchema,
  deletedSchema,
  idParam,
  itemsOf,
  updateFaqSchema,
} from "@cau-noi/shared";
import { createRoute } from "@hono/zod-openapi";
import { asc, desc, eq, isNull, or } from "drizzle-orm";
import { requireCommuneAdmin } from "../auth/admin-guard";
import { requireSession } from "../auth/middleware";
import { faqEntries } from "../db/schema";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";
import { addFaqEntry, removeFaqEntry, updateFaqEntry } from "./faq";

const tags = ["Quản trị"];
const authed = { tags, security: bearerSecurity, middleware: requireSession };
const immediate = { behavior: "immediate" } as const;
const NOT_FOUND = "Không tìm thấy câu hỏi này.";

const listRoute = createRoute({
  method: "get",
  path: "/api/admin/faq",
  summary: "Câu hỏi thường gặp mà chatbot dùng để trả lời (của xã và dùng chung)",
  ...authed,
  request: { query: adminCommuneQuerySchema },
  responses: { 200: jsonResponse(itemsOf(adminFaqItemSchema), "Danh sách"), ...errorResponses },
});
const createFaqRoute = createRoute({
  method: "post",
  path: "/api/admin/faq",
  summary: "Thêm câu hỏi thường gặp",
  ...authed,
  request: { body: jsonBody(createFaqSchema) },
  responses: { 201: jsonResponse(adminFaqItemSchema, "Đã thêm"), ...errorResponses },
});
const updateFaqRoute = createRoute({
  method: "patch",
  path: "/api/admin/faq/{id}",
  summary: "Sửa, tạm ngừng hoặc dùng lại câu hỏi thường gặp",
  ...authed,
  request: { params: idParam, body: jsonBody(updateFaqSchema) },
  responses: { 200: jsonResponse(adminFaqItemSchema, "Đã lưu"), ...errorResponses },
});
const deleteFaqRoute = createRoute({
  method: "delete",
  path: "/api/admin/faq/{id}",
  summary: "Xóa câu hỏi thường gặp",
  ...authed,
  request: { params: idParam },
  responses: { 200: jsonResponse(deletedSchema, "Đã xóa"), ...errorResponses },
});

function faqItem(row: typeof faqEntries.$inferSelect) {
  return {
    id: row.id,
    communeId: row.communeId,
    editable: row.communeId !== null,
    question: row.question,
    answer: row.answer,
    keywords: row.keywords,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

export const adminFaqRoutes = createRouter()
  .openapi(listRoute, (c) => {
    const { communeId } = c.req.valid("query");
    requireCommuneAdmin(c.var.actor, communeId, "Không tìm thấy xã, phường.");
    const rows = c.var.deps.db
      .select()
      .from(faqEntries)
      .where(or(eq(faqEntries.communeId, communeId), isNull(faqEntries.communeId)))
      // The commune's own entries first (the ones it can edit), newest first.
      .orderBy(asc(isNull(faqEntries.communeId)), desc(faqEntries.id))
      .all();
    return c.json({ items: rows.map(faqItem) }, 200);
  })
  .openapi(createFaqRoute, (c) => {
    const { communeId, active, ...input } = c.req.valid("json");
    requireCommuneAdmin(c.var.actor, communeId, "Không tìm thấy xã, phường.");
    const row = c.var.deps.db.transaction((tx) => {
      const id = addFaqEntry(tx, { communeId, ...input });
      return active === false
        ? updateFaqEntry(tx, id, { active })
        : tx.select().from(faqEntries).where(eq(faqEntries.id, id)).get();
    }, immediate);
    if (!row) throw new Error("faq entry vanished inside its own transaction");
    c.var.logger.info({ faqId: row.id }, "faq entry created");
    return c.json(faqItem(row), 201);
  })
  .openapi(updateFaqRoute, (c) => {
    const id = c.req.valid("param").id;
    const changes = Object.fromEntries(
      Object.entries(c.req.valid("json")).filter(([, v]) => v !== undefined),
    );
    const row = c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(faqEntries).where(eq(faqEntries.id, id)).get();
      requireCommuneAdmin(c.var.actor, current?.communeId, NOT_FOUND);
      return updateFaqEntry(tx, id, changes);
    }, immediate);
    return c.json(faqItem(row), 200);
  })
  .openapi(deleteFaqRoute, (c) => {
    const id = c.req.valid("param").id;
    c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(faqEntries).where(eq(faqEntries.id, id)).get();
      requireCommuneAdmin(c.var.actor, current?.communeId, NOT_FOUND);
      removeFaqEntry(tx, id);
    }, immediate);
    c.var.logger.info({ faqId: id }, "faq entry removed");
    return c.json({ id, deleted: true as const }, 200);
  });
