/**
 * The public directory: communes, contacts, procedures with portal links, places, jobs, and each
 * village's team (names and civic roles so residents can tell real members from scammers; no
 * phone numbers or Zalo ids).
 */
import {
  CIVIC_ROLE_LABELS,
  contactItemSchema,
  idParam,
  jobItemSchema,
  placeItemSchema,
  procedureItemSchema,
  teamDirectorySchema,
} from "@cau-noi/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, desc, eq, gt, isNull, or } from "drizzle-orm";
import { adminUnits, contacts, jobs, memberships, persons, places, procedures, teams } from "../db/schema";
import { notFound } from "../lib/errors";
import { createRouter, errorResponses, jsonResponse } from "../lib/openapi";
import { requireCommune } from "../publishing/routes";
import { getUnit } from "../units/queries";

const tags = ["Danh bạ"];
const communeQuery = z.object({
  communeId: z.coerce.number({ error: "Vui lòng chọn xã, phường." }).int().positive(),
});
const list = <T extends z.ZodType>(item: T) => jsonResponse(z.object({ items: z.array(item) }), "Danh sách");

export const ANTI_FRAUD_TIPS = [
  "Thành viên Tổ công nghệ số cộng đồng không bao giờ hỏi mã OTP, mật khẩu hay mã PIN của anh/chị.",
  "Không chuyển tiền cho bất kỳ ai tự xưng là cán bộ, thành viên tổ để “hỗ trợ” hay “nộp phí”.",
  "Chỉ tin người có tên trong danh sách này; khi nghi ngờ, gọi Trưởng thôn hoặc UBND xã để hỏi lại.",
  "Không bấm vào đường link lạ gửi qua tin nhắn, không cài ứng dụng ngoài kho ứng dụng chính thức.",
];

const communesRoute = createRoute({
  method: "get",
  path: "/api/public/communes",
  tags,
  summary: "Các xã, phường dùng Cầu Nối",
  responses: { 200: list(z.object({ id: z.number(), code: z.string(), name: z.string() })) },
});
/** `GET <path>?communeId=`: a public list of one commune's directory. */
const communeListRoute = <P extends string, T extends z.ZodType>(path: P, summary: string, item: T) =>
  createRoute({
    method: "get",
    path,
    tags,
    summary,
    request: { query: communeQuery },
    responses: { 200: list(item), 400: errorResponses[400] },
  });

const contactsRoute = communeListRoute(
  "/api/public/contacts",
  "Số điện thoại lãnh đạo, đường dây nóng, công an, y tế, các thôn",
  contactItemSchema,
);
const proceduresRoute = communeListRoute(
  "/api/public/procedures",
  "Thủ tục thường gặp, giấy tờ cần mang, đường dẫn Cổng dịch vụ công",
  procedureItemSchema,
);
const placesRoute = communeListRoute(
  "/api/public/places",
  "Lưu trú, du lịch, ẩm thực, đặc sản, sản phẩm OCOP",
  placeItemSchema,
);
const jobsRoute = communeListRoute("/api/public/jobs", "Việc làm và lớp đào tạo còn hạn", jobItemSchema);
const teamRoute = createRoute({
  method: "get",
  path: "/api/public/villages/{id}/team",
  tags,
  summary: "Tổ công nghệ số của thôn: họ tên, vai trò, ảnh (nếu đồng ý)",
  request: { params: idParam },
  responses: {
    200: jsonResponse(teamDirectorySchema, "Danh sách thành viên"),
    400: errorResponses[400],
    404: errorResponses[404],
  },
});

export const directoryRoutes = createRouter()
  .openapi(communesRoute, (c) => {
    const items = c.var.deps.db
      .select({ id: adminUnits.id, code: adminUnits.code, name: adminUnits.name })
      .from(adminUnits)
      .where(and(eq(adminUnits.level, "commune"), eq(adminUnits.active, true)))
      .orderBy(asc(adminUnits.name))
      .all();
    return c.json({ items }, 200);
  })
  .openapi(contactsRoute, (c) => {
    const { communeId } = c.req.valid("query");
    const db = c.var.deps.db;
    requireCommune(db, communeId);
    const items = db
      .select({
        id: contacts.id,
        category: contacts.category,
        name: contacts.name,
        title: contacts.title,
        phone: contacts.phone,
      })
      .from(contacts)
      .where(eq(contacts.unitId, communeId))
      .orderBy(asc(contacts.sortOrder), asc(contacts.id))
      .all();
    return c.json({ items }, 200);
  })
  .openapi(proceduresRoute, (c) => {
    const { communeId } = c.req.valid("query");
    const db = c.var.deps.db;
    requireCommune(db, communeId);
    const items = db
      .select()
      .from(procedures)
      .where(or(isNull(procedures.unitId), eq(procedures.unitId, communeId)))
      .orderBy(asc(procedures.sortOrder), asc(procedures.id))
      .all()
      .map(({ unitId: _unit, sortOrder: _order, ...item }) => item);
    return c.json({ items }, 200);
  })
  .openapi(placesRoute, (c) => {
    const { communeId } = c.req.valid("query");
    const db = c.var.deps.db;
    requireCommune(db, communeId);
    const items = db
      .select()
      .from(places)
      .where(eq(places.unitId, communeId))
      .orderBy(asc(places.category), asc(places.id))
      .all()
      .map(({ unitId: _unit, ...item }) => item);
    return c.json({ items }, 200);
  })
  .openapi(jobsRoute, (c) => {
    const { communeId } = c.req.valid("query");
    const { db, now } = c.var.deps;
    requireCommune(db, communeId);
    const items = db
      .select()
      .from(jobs)
      .where(and(eq(jobs.unitId, communeId), gt(jobs.expiresAt, now())))
      .orderBy(desc(jobs.publishedAt))
      .all()
      .map((j) => ({
        id: j.id,
        title: j.title,
        employer: j.employer,
        description: j.description,
        contact: j.contact,
        isTraining: j.isTraining,
        expiresAt: j.expiresAt.toISOString(),
      }));
    return c.json({ items }, 200);
  })
  .openapi(teamRoute, (c) => {
    const { db, now } = c.var.deps;
    const village = getUnit(db, c.req.valid("param").id);
    if (village?.level !== "village") throw notFound("Không tìm thấy thôn, khối phố.");
    const team = db
      .select()
      .from(teams)
      .where(and(eq(teams.unitId, village.id), eq(teams.kind, "village"), eq(teams.active, true)))
      .get();
    if (!team) throw notFound("Thôn này chưa có tổ công nghệ số.");
    const members = db
      .select({
        displayName: persons.displayName,
        civicRole: memberships.civicRole,
        isLeader: memberships.isLeader,
        avatarUrl: persons.avatarUrl,
        photoConsent: persons.photoConsent,
      })
      .from(memberships)
      .innerJoin(persons, eq(persons.id, memberships.personId))
      .where(
        and(
          eq(memberships.teamId, team.id),
          or(isNull(memberships.activeTo), gt(memberships.activeTo, now())),
        ),
      )
      .orderBy(desc(memberships.isLeader), asc(persons.displayName))
      .all();
    return c.json(
      {
        teamId: team.id,
        teamName: team.name,
        villageName: village.name,
        decisionNo: team.decisionNo,
        decisionDate: team.decisionDate,
        members: members.map((m) => ({
          displayName: m.displayName,
          civicRole: m.civicRole,
          civicRoleLabel: CIVIC_ROLE_LABELS[m.civicRole],
          isLeader: m.isLeader,
          avatarUrl: m.photoConsent ? m.avatarUrl : null,
        })),
        antiFraudTips: ANTI_FRAUD_TIPS,
      },
      200,
    );
  });
