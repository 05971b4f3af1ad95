/**
 * Paging of the public news, documents and announcements lists: walking the pages with `before`
 * returns every item exactly once, in the list's own order, even when publication dates and
 * pinning do not follow insertion order (news published late, back-dated, pinned).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announcements, documents, news } from "../bot-server/src/db/schema";
import { T0 } from "./helpers/fixtures";
import { startTestServer, type TestServer } from "./helpers/server";

let s: TestServer;
const day = (n: number) => new Date(T0.getTime() - n * 86_400_000);
/** Publication days (days before T0) in insertion order: deliberately not monotonic. */
const DAYS = [3, 9, 1, 7, 7, 2, 12, 5, 0, 7, 4];
const PINNED = new Set([4, 7]);

beforeAll(async () => {
  s = await startTestServer();
  const communeId = s.world.units.commune;
  DAYS.forEach((d, i) => {
    s.db
      .insert(news)
      .values({
        unitId: i % 3 === 0 ? s.world.units.village1 : communeId,
        title: `Tin ${i}`,
        summary: "Tóm tắt",
        body: "Nội dung",
        pinned: PINNED.has(i),
        publishedAt: day(d),
      })
      .run();
    s.db
      .insert(documents)
      .values({
        unitId: communeId,
        title: `Văn bản ${i}`,
        number: `${i}/QĐ-UBND`,
        issuedDate: "2026-01-01",
        issuer: "UBND xã",
        publishedAt: day(d),
      })
      .run();
    s.db
      .insert(announcements)
      .values({ communeId, title: `Thông báo ${i}`, body: "Nội dung", villageIds: null, publishedAt: day(d) })
      .run();
  });
});
afterAll(() => s?.close());

async function walk(path: string, pageSize: number) {
  const seen: Array<{ id: number; title: string }> = [];
  let before: number | undefined;
  for (let page = 0; page < 20; page++) {
    const query = `communeId=${s.world.units.commune}&limit=${pageSize}${before ? `&before=${before}` : ""}`;
    const response = await s.call("GET", `${path}?${query}`);
    expect(response.status).toBe(200);
    const items = response.json.items as Array<{ id: number; title: string }>;
    if (items.length === 0) break;
    seen.push(...items);
    before = items.at(-1)?.id;
  }
  return seen.map((i) => i.title);
}

/** The expected order, computed here from the fixture: pinned first (news), newest first, then id. */
function expected(prefix: string, withPinned: boolean) {
  return DAYS.map((d, i) => ({ i, d, pinned: withPinned && PINNED.has(i) }))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.d - b.d || b.i - a.i)
    .map(({ i }) => `${prefix} ${i}`);
}

describe("public list paging", () => {
  for (const size of [1, 2, 3, 4, 50]) {
    it(`news, ${size} per page: every item once, pinned first, newest first`, async () => {
      expect(await walk("/api/public/news", size)).toEqual(expected("Tin", true));
    });
    it(`documents and announcements, ${size} per page: every item once, newest first`, async () => {
      expect(await walk("/api/public/documents", size)).toEqual(expected("Văn bản", false));
      expect(await walk("/api/public/announcements", size)).toEqual(expected("Thông báo", false));
    });
  }
});
