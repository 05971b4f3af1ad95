/**
 * Commune admins keep their directory current: contacts, procedures with portal links, places
 * and jobs. The public lists (directory/routes.ts) read the same rows, so a change shows at
 * once. Procedures without a commune are shared by every commune: listed here read-only, never
 * changed by one commune's admin. Each change is one IMMEDIATE transaction that re-reads the row
 * and checks its commune inside it; another commune's row answers 404.
 */
import {
  adminCommuneQuerySchema,
  adminContactItemSchema,
  adminJobItemSchema,
  adminPlaceItemSchema,
  adminProcedureItemSchema,
  createContactSchema,
  createJobSchema,
  createPlaceSchema,
  createProcedureSchema,
  deletedSchema,
  idParam,
  itemsOf,
  updateContactSchema,
  updateJobSchema,
  updatePlaceSchema,
  updateProcedureSchema,
} from "@cau-noi/shared";
import { createRoute, type z } from "@hono/zod-openapi";
import { asc, desc, eq, isNull, or } from "drizzle-orm";
import { requireCommuneAdmin } from "../auth/admin-guard";
import { requireSession } from "../auth/middleware";
import { WorkingCalendar } from "../calendar/working-time";
import { contacts, jobs, places, procedures } from "../db/schema";
import { AppError } from "../lib/errors";
import { bearerSecurity, createRouter, errorResponses, jsonBody, jsonResponse } from "../lib/openapi";

const tags = ["Quản trị"];
const authed = { tags, security: bearerSecurity, middleware: requireSession };
const immediate = { behavior: "immediate" } as const;
const COMMUNE_NOT_FOUND = "Không tìm thấy xã, phường.";

/** The four routes of one directory list: GET and POST on the list, PATCH and DELETE on an item. */
function crudRoutes<P extends string, C extends z.ZodType, U extends z.ZodType, I extends z.ZodType>(
  path: P,
  what: string,
  schemas: { create: C; update: U; item: I },
) {
  const list = `/api/admin/${path}` as const;
  const one = `/api/admin/${path}/{id}` as const;
  return {
    list: createRoute({
      method: "get",
      path: list,
      summary: `${what}: danh sách để quản lý`,
      ...authed,
      request: { query: adminCommuneQuerySchema },
      responses: { 200: jsonResponse(itemsOf(schemas.item), "Danh sách"), ...errorResponses },
    }),
    create: createRoute({
      method: "post",
      path: list,
      summary: `${what}: thêm mới`,
      ...authed,
      request: { body: jsonBody(schemas.create) },
      responses: { 201: jsonResponse(schemas.item, "Đã thêm"), ...errorResponses },
    }),
    update: createRoute({
      method: "patch",
      path: one,
      summary: `${what}: sửa`,
      ...authed,
      request: { params: idParam, body: jsonBody(schemas.update) },
      responses: { 200: jsonResponse(schemas.item, "Đã lưu"), ...errorResponses },
    }),
    remove: createRoute({
      method: "delete",
      path: one,
      summary: `${what}: xóa`,
      ...authed,
      request: { params: idParam },
      responses: { 200: jsonResponse(deletedSchema, "Đã xóa"), ...errorResponses },
    }),
  };
}

const contactRoutes = crudRoutes("contacts", "Danh bạ điện thoại", {
  create: createContactSchema,
  update: updateContactSchema,
  item: adminContactItemSchema,
});
const procedureRoutes = crudRoutes("procedures", "Thủ tục hành chính", {
  create: createProcedureSchema,
  update: updateProcedureSchema,
  item: adminProcedureItemSchema,
});
const placeRoutes = crudRoutes("places", "Lưu trú, du lịch, đặc sản", {
  create: createPlaceSchema,
  update: updatePlaceSchema,
  item: adminPlaceItemSchema,
});
const jobRoutes = crudRoutes("jobs", "Việc làm, lớp đào tạo", {
  create: createJobSchema,
  update: updateJobSchema,
  item: adminJobItemSchema,
});

/** The fields a PATCH actually sends (undefined means "leave as is"). */
function sentFields<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// Jobs are shown through the whole last day, Vietnam time (UTC+7, no daylight saving).
const endOfDayVn = (date: string) => new Date(`${date}T23:59:59.999+07:00`);

function jobExpiry(expiresOn: string, now: Date): Date {
  const at = endOfDayVn(expiresOn);
  if (at <= now) {
    throw new AppError("validation_failed", "Ngày hết hạn đã qua.", { expiresOn: "Ngày hết hạn đã qua." });
  }
  return at;
}

type ContactRow = typeof contacts.$inferSelect;
type ProcedureRow = typeof procedures.$inferSelect;
type PlaceRow = typeof places.$inferSelect;
type JobRow = typeof jobs.$inferSelect;

const contactItem = ({ unitId, ...rest }: ContactRow) => ({ communeId: unitId, ...rest });
const placeItem = ({ unitId, ...rest }: PlaceRow) => ({ communeId: unitId, ...rest });
const procedureItem = ({ unitId, ...rest }: ProcedureRow) => ({
  communeId: unitId,
  editable: unitId !== null,
  ...rest,
});
const jobItem = (row: JobRow, now: Date) => ({
  id: row.id,
  communeId: row.unitId,
  title: row.title,
  employer: row.employer,
  description: row.description,
  contact: row.contact,
  isTraining: row.isTraining,
  expiresOn: WorkingCalendar.localDate(row.expiresAt),
  expiresAt: row.expiresAt.toISOString(),
  expired: row.expiresAt <= now,
  publishedAt: row.publishedAt.toISOString(),
});

const deleted = (id: number) => ({ id, deleted: true as const });

export const adminDirectoryRoutes = createRouter()
  // --- contacts ---------------------------------------------------------------------------
  .openapi(contactRoutes.list, (c) => {
    const { communeId } = c.req.valid("query");
    requireCommuneAdmin(c.var.actor, communeId, COMMUNE_NOT_FOUND);
    const rows = c.var.deps.db
      .select()
      .from(contacts)
      .where(eq(contacts.unitId, communeId))
      .orderBy(asc(contacts.sortOrder), asc(contacts.id))
      .all();
    return c.json({ items: rows.map(contactItem) }, 200);
  })
  .openapi(contactRoutes.create, (c) => {
    const { communeId, ...input } = c.req.valid("json");
    requireCommuneAdmin(c.var.actor, communeId, COMMUNE_NOT_FOUND);
    const row = c.var.deps.db.transaction(
      (tx) =>
        tx
          .insert(contacts)
          .values({
            ...input,
            unitId: communeId,
            title: input.title ?? null,
            sortOrder: input.sortOrder ?? 0,
          })
          .returning()
          .get(),
      immediate,
    );
    return c.json(contactItem(row), 201);
  })
  .openapi(contactRoutes.update, (c) => {
    const id = c.req.valid("param").id;
    const changes = sentFields(c.req.valid("json"));
    const row = c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(contacts).where(eq(contacts.id, id)).get();
      requireCommuneAdmin(c.var.actor, current?.unitId, "Không tìm thấy số liên hệ này.");
      if (Object.keys(changes).length === 0) return current as ContactRow;
      return tx.update(contacts).set(changes).where(eq(contacts.id, id)).returning().get();
    }, immediate);
    return c.json(contactItem(row), 200);
  })
  .openapi(contactRoutes.remove, (c) => {
    const id = c.req.valid("param").id;
    c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(contacts).where(eq(contacts.id, id)).get();
      requireCommuneAdmin(c.var.actor, current?.unitId, "Không tìm thấy số liên hệ này.");
      tx.delete(contacts).where(eq(contacts.id, id)).run();
    }, immediate);
    return c.json(deleted(id), 200);
  })
  // --- procedures -------------------------------------------------------------------------
  .openapi(procedureRoutes.list, (c) => {
    const { communeId } = c.req.valid("query");
    requireCommuneAdmin(c.var.actor, communeId, COMMUNE_NOT_FOUND);
    const rows = c.var.deps.db
      .select()
      .from(procedures)
      .where(or(isNull(procedures.unitId), eq(procedures.unitId, communeId)))
      .orderBy(asc(procedures.sortOrder), asc(procedures.id))
      .all();
    return c.json({ items: rows.map(procedureItem) }, 200);
  })
  .openapi(procedureRoutes.create, (c) => {
    const { communeId, ...input } = c.req.valid("json");
    requireCommuneAdmin(c.var.actor, communeId, COMMUNE_NOT_FOUND);
    const row = c.var.deps.db.transaction(
      (tx) =>
        tx
          .insert(procedures)
          .values({
            ...input,
            unitId: communeId,
            fee: input.fee ?? null,
            processingTime: input.processingTime ?? null,
            provincialPortalUrl: input.provincialPortalUrl ?? null,
            sortOrder: input.sortOrder ?? 0,
          })
          .returning()
          .get(),
      immediate,
    );
    return c.json(procedureItem(row), 201);
  })
  .openapi(procedureRoutes.update, (c) => {
    const id = c.req.valid("param").id;
    const changes = sentFields(c.req.valid("json"));
    const row = c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(procedures).where(eq(procedures.id, id)).get();
      // Shared procedures (unitId null) are nobody's to change here: 404 like any other's.
      requireCommuneAdmin(c.var.actor, current?.unitId, "Không tìm thấy thủ tục này.");
      if (Object.keys(changes).length === 0) return current as ProcedureRow;
      return tx.update(procedures).set(changes).where(eq(procedures.id, id)).returning().get();
    }, immediate);
    return c.json(procedureItem(row), 200);
  })
  .openapi(procedureRoutes.remove, (c) => {
    const id = c.req.valid("param").id;
    c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(procedures).where(eq(procedures.id, id)).get();
      requireCommuneAdmin(c.var.actor, current?.unitId, "Không tìm thấy thủ tục này.");
      tx.delete(procedures).where(eq(procedures.id, id)).run();
    }, immediate);
    return c.json(deleted(id), 200);
  })
  // --- places -----------------------------------------------------------------------------
  .openapi(placeRoutes.list, (c) => {
    const { communeId } = c.req.valid("query");
    requireCommuneAdmin(c.var.actor, communeId, COMMUNE_NOT_FOUND);
    const rows = c.var.deps.db
      .select()
      .from(places)
      .where(eq(places.unitId, communeId))
      .orderBy(asc(places.category), asc(places.id))
      .all();
    return c.json({ items: rows.map(placeItem) }, 200);
  })
  .openapi(placeRoutes.create, (c) => {
    const { communeId, ...input } = c.req.valid("json");
    requireCommuneAdmin(c.var.actor, communeId, COMMUNE_NOT_FOUND);
    const row = c.var.deps.db.transaction(
      (tx) =>
        tx
          .insert(places)
          .values({ ...input, unitId: communeId, address: input.address ?? null, phone: input.phone ?? null })
          .returning()
          .get(),
      immediate,
    );
    return c.json(placeItem(row), 201);
  })
  .openapi(placeRoutes.update, (c) => {
    const id = c.req.valid("param").id;
    const changes = sentFields(c.req.valid("json"));
    const row = c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(places).where(eq(places.id, id)).get();
      requireCommuneAdmin(c.var.actor, current?.unitId, "Không tìm thấy địa điểm này.");
      if (Object.keys(changes).length === 0) return current as PlaceRow;
      return tx.update(places).set(changes).where(eq(places.id, id)).returning().get();
    }, immediate);
    return c.json(placeItem(row), 200);
  })
  .openapi(placeRoutes.remove, (c) => {
    const id = c.req.valid("param").id;
    c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(places).where(eq(places.id, id)).get();
      requireCommuneAdmin(c.var.actor, current?.unitId, "Không tìm thấy địa điểm này.");
      tx.delete(places).where(eq(places.id, id)).run();
    }, immediate);
    return c.json(deleted(id), 200);
  })
  // --- jobs -------------------------------------------------------------------------------
  .openapi(jobRoutes.list, (c) => {
    const { communeId } = c.req.valid("query");
    requireCommuneAdmin(c.var.actor, communeId, COMMUNE_NOT_FOUND);
    const now = c.var.deps.now();
    const rows = c.var.deps.db
      .select()
      .from(jobs)
      .where(eq(jobs.unitId, communeId))
      .orderBy(desc(jobs.publishedAt), desc(jobs.id))
      .all();
    return c.json({ items: rows.map((r) => jobItem(r, now)) }, 200);
  })
  .openapi(jobRoutes.create, (c) => {
    const { communeId, expiresOn, ...input } = c.req.valid("json");
    requireCommuneAdmin(c.var.actor, communeId, COMMUNE_NOT_FOUND);
    const now = c.var.deps.now();
    const expiresAt = jobExpiry(expiresOn, now);
    const row = c.var.deps.db.transaction(
      (tx) =>
        tx
          .insert(jobs)
          .values({
            ...input,
            unitId: communeId,
            isTraining: input.isTraining ?? false,
            publishedAt: now,
            expiresAt,
          })
          .returning()
          .get(),
      immediate,
    );
    return c.json(jobItem(row, now), 201);
  })
  .openapi(jobRoutes.update, (c) => {
    const id = c.req.valid("param").id;
    const { expiresOn, ...input } = c.req.valid("json");
    const now = c.var.deps.now();
    const row = c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(jobs).where(eq(jobs.id, id)).get();
      requireCommuneAdmin(c.var.actor, current?.unitId, "Không tìm thấy tin việc làm này.");
      const changes = {
        ...sentFields(input),
        ...(expiresOn === undefined ? {} : { expiresAt: jobExpiry(expiresOn, now) }),
      };
      if (Object.keys(changes).length === 0) return current as JobRow;
      return tx.update(jobs).set(changes).where(eq(jobs.id, id)).returning().get();
    }, immediate);
    return c.json(jobItem(row, now), 200);
  })
  .openapi(jobRoutes.remove, (c) => {
    const id = c.req.valid("param").id;
    c.var.deps.db.transaction((tx) => {
      const current = tx.select().from(jobs).where(eq(jobs.id, id)).get();
      requireCommuneAdmin(c.var.actor, current?.unitId, "Không tìm thấy tin việc làm này.");
      tx.delete(jobs).where(eq(jobs.id, id)).run();
    }, immediate);
    return c.json(deleted(id), 200);
  });
