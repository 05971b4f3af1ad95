import { describe, expect, it } from "vitest";
import { matchVillage, type VillageCandidate } from "../bot-server/src/chatbot/villages";

/** Like the demo: Cẩm Phô KP1–6 (ids 1–6), Cẩm Thanh T1–6 (ids 11–16), Phước Lộc T1–3 (ids 21–23). */
const VILLAGES: VillageCandidate[] = [
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ id: n, name: `Khối phố ${n}`, communeName: "Phường Cẩm Phô" })),
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ id: 10 + n, name: `Thôn ${n}`, communeName: "Xã Cẩm Thanh" })),
  ...[1, 2, 3].map((n) => ({ id: 20 + n, name: `Thôn ${n}`, communeName: "Xã Phước Lộc" })),
];

const ids = (text: string, villages: VillageCandidate[] = VILLAGES): number[] =>
  matchVillage(text, villages).map((m) => m.id);

describe("matchVillage: one commune's village", () => {
  it.each([
    ["khoi pho 2", [2]],
    ["Khối phố 2", [2]],
    ["KHỐI PHỐ 2", [2]],
    ["kp2", [2]],
    ["kp 2", [2]],
    ["khối 2", [2]],
    ["khoi 2", [2]],
    ["tổ dân phố 5", [5]],
    ["tdp 5", [5]],
    ["tdp5", [5]],
    ["thon 5", [15]],
    ["t5", [15]],
    ["ap 4", [14]],
    ["ấp 4", [14]],
    ["thon sau", [16]],
    ["khoi pho bon", [4]],
  ] as const)("%s → %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe("matchVillage: the same number in two communes", () => {
  it.each([
    ["thon 3", [13, 23]],
    ["thôn 3", [13, 23]],
    ["t3", [13, 23]],
    ["Thôn 1", [11, 21]],
    ["thon mot", [11, 21]],
    ["thôn hai", [12, 22]],
    ["thon ba", [13, 23]],
  ] as const)("%s → both, equally", (text, expected) => {
    const matches = matchVillage(text, VILLAGES);
    expect(matches.map((m) => m.id)).toEqual(expected);
    expect(matches[0]?.score).toBe(matches[1]?.score);
  });
});

describe("matchVillage: a commune name decides", () => {
  it.each([
    ["thôn 1 cẩm thanh", [11]],
    ["cam thanh thon 1", [11]],
    ["thon 1 xa cam thanh", [11]],
    ["Thôn 1, Phước Lộc", [21]],
    ["phuoc loc t2", [22]],
    ["kp 6 cam pho", [6]],
    ["cẩm phô khối phố 3", [3]],
    ["t3 camthanh", [13]],
    ["thon 3 cam than", [13]],
  ] as const)("%s → %j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it("scores a village with its commune above one without", () => {
    const withCommune = matchVillage("thon 1 cam thanh", VILLAGES)[0]?.score ?? 0;
    const without = matchVillage("thon 1", VILLAGES)[0]?.score ?? 0;
    expect(withCommune).toBeGreaterThan(without);
    expect(withCommune).toBeLessThanOrEqual(1);
  });

  it("lists a commune's villages when only the commune is given", () => {
    expect(ids("cẩm thanh")).toEqual([11, 12, 13, 14, 15, 16]);
    expect(ids("xã Phước Lộc")).toEqual([21, 22, 23]);
  });

  it("finds nothing when the commune has no such village", () => {
    expect(ids("thôn 5 phước lộc")).toEqual([]);
  });
});

describe("matchVillage: nothing plausible", () => {
  it.each(["", "   ", "xin chào", "tôi cần giúp cài vneid", "thôn 9", "khối phố 12", "ba", "năm nay"])(
    "%j → []",
    (text) => {
      expect(matchVillage(text, VILLAGES)).toEqual([]);
    },
  );

  it("returns nothing for an empty list", () => {
    expect(matchVillage("thon 1", [])).toEqual([]);
  });
});

describe("matchVillage: ranking", () => {
  it("prefers the kind word typed over the number alone", () => {
    // "thôn 2" could be a resident of Khối phố 2 using the wrong word, but Thôn 2s come first and
    // the far-off guess is dropped.
    expect(ids("thon 2")).toEqual([12, 22]);
  });

  it("offers every village with that number for a bare number", () => {
    expect(ids("3")).toEqual([3, 13, 23]);
  });

  it("falls back to a different kind word when nothing else has the number", () => {
    const villages = [{ id: 1, name: "Khối phố 4", communeName: "Phường Cẩm Phô" }];
    expect(matchVillage("thon 4", villages)).toEqual([{ id: 1, score: 0.5 }]);
  });

  it("matches villages with proper names", () => {
    const villages = [
      { id: 1, name: "Thôn Phú Mỹ", communeName: "Xã Tam Lộc" },
      { id: 2, name: "Thôn Đại Lộc", communeName: "Xã Tam Lộc" },
      { id: 3, name: "Bản Khe Rèm", communeName: "Xã Tam Lộc" },
    ];
    expect(ids("thon phu my", villages)).toEqual([1]);
    expect(ids("Khe Rèm", villages)).toEqual([3]);
  });

  it("reads number words up to the tens", () => {
    const villages = [11, 15, 20, 21].map((n) => ({ id: n, name: `Thôn ${n}`, communeName: "Xã A" }));
    expect(ids("thon muoi mot", villages)).toEqual([11]);
    expect(ids("thôn mười lăm", villages)).toEqual([15]);
    expect(ids("thon hai muoi", villages)).toEqual([20]);
    expect(ids("thon hai muoi mot", villages)).toEqual([21]);
  });

  it("keeps scores in 0..1 and best first", () => {
    for (const text of ["thon 1", "kp 2 cam pho", "3", "cam thanh", "ap 4"]) {
      const matches = matchVillage(text, VILLAGES);
      for (const m of matches) expect(m.score).toBeGreaterThan(0);
      for (const m of matches) expect(m.score).toBeLessThanOrEqual(1);
      const scores = matches.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});
