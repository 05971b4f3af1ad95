/**
 * Broadcast: a commune admin announces to chosen villages; the announcement reaches the mini
 * app feed, is queued to the followers of those villages only, sent through the outbox to the
 * Zalo stand-in, and the delivery report says who got it and why others did not.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adminUnits, announcements, outboxMessages, persons } from "../bot-server/src/db/schema";
import { type Chat, startChat } from "./helpers/chat";

let c: Chat;
beforeEach(async () => {
  c = await startChat();
});
afterEach(async () => {
  await c.close();
});

async function api(method: string, path: string, token: string, json?: unknown) {
  const response = await fetch(`${c.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json ? { "content-type": "application/json" } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  return { status: response.status, json: (await response.json()) as any };
}

const unit = (code: string) =>
  c.db.select().from(adminUnits).where(eq(adminUnits.code, code)).get()?.id as number;

describe("announcements", () => {
  it("reach the chosen villages' followers only, and the report counts sent and undeliverable", async () => {
    const admin = await c.login("admin-camthanh");
    const [t1, t2] = [unit("CAMTHANH-T1"), unit("CAMTHANH-T2")];
    const followers = c.db
      .select()
      .from(persons)
      .where(and(inArray(persons.homeVillageId, [t1, t2]), eq(persons.oaFollowing, true)))
      .all();
    expect(followers.length).toBeGreaterThan(2);
    // One of them blocked the OA in Zalo: Zalo refuses, the report says why.
    const blocked = followers[0];
    c.standin.setBlocked(blocked?.oaFollowerId as string, true);

    const created = await api("POST", "/api/admin/announcements", admin, {
      communeId: unit("CAMTHANH"),
      title: "Lịch hỗ trợ cài VNeID thứ Bảy",
      body: "Sáng thứ Bảy này, Tổ công nghệ số hỗ trợ cài VNeID mức 2 tại nhà văn hóa thôn.",
      villageIds: [t1, t2],
    });
    expect(created.status).toBe(201);
    expect(created.json.queued).toBe(followers.length);
    const recipients = c.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.announcementId, created.json.id))
      .all();
    expect(new Set(recipients.map((r) => r.personId))).toEqual(new Set(followers.map((f) => f.id)));

    let report = await api("GET", `/api/admin/announcements/${created.json.id}/delivery`, admin);
    expect(report.json).toMatchObject({ total: followers.length, sent: 0, pending: followers.length });

    await c.deliver();
    report = await api("GET", `/api/admin/announcements/${created.json.id}/delivery`, admin);
    expect(report.json).toMatchObject({ total: followers.length, sent: followers.length - 1, pending: 0 });
    expect(report.json.undeliverable).toEqual([
      { reason: "blocked_by_user", label: expect.any(String), count: 1 },
    ]);
    const delivered = c.standin.sentMessages().filter((m) => m.text?.includes("Lịch hỗ trợ cài VNeID"));
    expect(delivered).toHaveLength(followers.length - 1);

    const feed = await fetch(
      `${c.url}/api/public/announcements?communeId=${unit("CAMTHANH")}&villageId=${t1}`,
    );
    expect(((await feed.json()) as any).items[0].title).toBe("Lịch hỗ trợ cài VNeID thứ Bảy");
  });

  it("are for commune admins only, and only for their own villages", async () => {
    const member = await c.login("member-camthanh-t1");
    const admin = await c.login("admin-camthanh");
    const before = c.db.select().from(announcements).all().length;
    const payload = {
      communeId: unit("CAMTHANH"),
      title: "Thông báo thử",
      body: "Nội dung thông báo thử nghiệm.",
    };
    expect((await api("POST", "/api/admin/announcements", member, payload)).status).toBe(403);
    const foreign = await api("POST", "/api/admin/announcements", admin, {
      ...payload,
      villageIds: [unit("CAMPHO-KP1")],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.fields).toHaveProperty("villageIds");
    const otherCommune = await api("POST", "/api/admin/announcements", admin, {
      ...payload,
      communeId: unit("CAMPHO"),
    });
    expect(otherCommune.status).toBe(403);
    expect(c.db.select().from(announcements).all().length).toBe(before);
    const viewerReport = await api(
      "GET",
      "/api/admin/announcements/1/delivery",
      await c.login("viewer-hoian"),
    );
    expect(viewerReport.status).toBe(404);
  });
});
