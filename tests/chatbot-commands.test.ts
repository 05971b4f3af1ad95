import { CATEGORIES_BY_KIND, MEETING_MODES, OUTCOME_CODES } from "@cau-noi/shared";
import { describe, expect, it } from "vitest";
import {
  type Command,
  formatCommand,
  parseCommand,
  parseId,
  REQUEST_VERBS,
  SIMPLE_VERBS,
} from "../bot-server/src/chatbot/commands";

describe("parseCommand: # grammar", () => {
  it.each([
    ["#menu", { verb: "menu" }],
    ["#help", { verb: "help" }],
    ["#report", { verb: "report" }],
    ["#question", { verb: "question" }],
    ["#mine", { verb: "mine" }],
    ["#announcements", { verb: "announcements" }],
    ["#contacts", { verb: "contacts" }],
    ["#app", { verb: "app" }],
    ["#human", { verb: "human" }],
    ["#village 12", { verb: "village", villageId: 12 }],
    ["#village-search", { verb: "village-search" }],
    ["#commune 4", { verb: "commune", communeId: 4 }],
    ["#submit", { verb: "submit" }],
    ["#claim 123", { verb: "claim", requestId: 123 }],
    ["#start 123", { verb: "start", requestId: 123 }],
    ["#done 123", { verb: "done", requestId: 123 }],
    [
      "#outcome 123 vneid_level2_activated",
      { verb: "outcome", requestId: 123, outcomeCode: "vneid_level2_activated" },
    ],
    ["#outcome 9 fixed", { verb: "outcome", requestId: 9, outcomeCode: "fixed" }],
    ["#release 123", { verb: "release", requestId: 123 }],
    ["#rate 123 5", { verb: "rate", requestId: 123, rating: 5 }],
    ["#rate 123 1", { verb: "rate", requestId: 123, rating: 1 }],
    ["#notdone 123", { verb: "notdone", requestId: 123 }],
    ["#cancel", { verb: "cancel" }],
    ["#skip", { verb: "skip" }],
    ["#ask-staff", { verb: "ask-staff" }],
    ["#category vneid_level2", { verb: "category", code: "vneid_level2" }],
    ["#category environment", { verb: "category", code: "environment" }],
    ["#meet home_visit", { verb: "meet", mode: "home_visit" }],
    ["#meet one_stop", { verb: "meet", mode: "one_stop" }],
    ["#meet village_hall", { verb: "meet", mode: "village_hall" }],
  ] as const)("%s", (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it("is case-insensitive and tolerant of extra spaces", () => {
    expect(parseCommand("#CLAIM 5")).toEqual({ verb: "claim", requestId: 5 });
    expect(parseCommand("  #Claim    5  ")).toEqual({ verb: "claim", requestId: 5 });
    expect(parseCommand("# claim 5")).toEqual({ verb: "claim", requestId: 5 });
    expect(parseCommand("#MEET Home_Visit")).toEqual({ verb: "meet", mode: "home_visit" });
    expect(parseCommand("#Menu")).toEqual({ verb: "menu" });
    expect(parseCommand("#rate\t7\t4")).toEqual({ verb: "rate", requestId: 7, rating: 4 });
  });

  it("accepts underscores for hyphens in verbs and '#' before ids", () => {
    expect(parseCommand("#ask_staff")).toEqual({ verb: "ask-staff" });
    expect(parseCommand("#village_search")).toEqual({ verb: "village-search" });
    expect(parseCommand("#claim #42")).toEqual({ verb: "claim", requestId: 42 });
  });
});

describe("parseCommand: typed Vietnamese commands", () => {
  it.each([
    ["nhận 123", { verb: "claim", requestId: 123 }],
    ["nhan 123", { verb: "claim", requestId: 123 }],
    ["nhan #123", { verb: "claim", requestId: 123 }],
    ["Nhận yêu cầu 123", { verb: "claim", requestId: 123 }],
    ["nhan yc 7", { verb: "claim", requestId: 7 }],
    ["xong 123", { verb: "done", requestId: 123 }],
    ["Đã xong 123", { verb: "done", requestId: 123 }],
    ["hoàn thành #8", { verb: "done", requestId: 8 }],
    ["trả 123", { verb: "release", requestId: 123 }],
    ["tra lai 123", { verb: "release", requestId: 123 }],
    ["TRẢ LẠI   123", { verb: "release", requestId: 123 }],
    ["bắt đầu 123", { verb: "start", requestId: 123 }],
    ["bat dau lam 5", { verb: "start", requestId: 5 }],
    ["chưa xong 77", { verb: "notdone", requestId: 77 }],
    ["#nhan 3", { verb: "claim", requestId: 3 }],
  ] as const)("%s", (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});

describe("parseCommand: malformed input", () => {
  it.each([
    "",
    " ",
    "#",
    "##",
    "menu",
    "#unknown",
    "#menu now",
    "#claim",
    "#claim 0",
    "#claim -3",
    "#claim 01",
    "#claim 1.5",
    "#claim abc",
    "#claim 1 2",
    "#claim 99999999999999999",
    "#village",
    "#village x",
    "#rate 5",
    "#rate 5 0",
    "#rate 5 6",
    "#rate 5 4.5",
    "#rate x 3",
    "#outcome 5",
    "#outcome 5 made_up",
    "#outcome x fixed",
    "#category",
    "#category vneid",
    "#meet",
    "#meet somewhere",
    "#meet home_visit extra",
    "nhận",
    "nhận việc đi",
    "nhận 2 cái bánh",
    "xong rồi",
    "tôi đã xong 5 việc",
    "cần giúp cài vneid",
    "claim 5",
  ])("%j → undefined", (text) => {
    expect(parseCommand(text)).toBeUndefined();
  });

  it("never throws on hostile input", () => {
    const inputs: unknown[] = [
      null,
      undefined,
      42,
      {},
      "#".repeat(10_000),
      `#claim ${"9".repeat(500)}`,
      "\u0000#menu",
    ];
    for (const input of inputs) expect(() => parseCommand(input as string)).not.toThrow();
    expect(parseCommand(null as unknown as string)).toBeUndefined();
  });
});

describe("parseId", () => {
  it("accepts positive safe integers only", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("#15")).toBe(15);
    expect(parseId(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseId(String(Number.MAX_SAFE_INTEGER + 1))).toBeUndefined();
    expect(parseId("0")).toBeUndefined();
    expect(parseId(undefined)).toBeUndefined();
  });
});

/** Every command shape with a spread of ids, codes and ratings. */
function allCommands(): Command[] {
  const ids = [1, 2, 9, 10, 123, 4567, 1_000_000, Number.MAX_SAFE_INTEGER];
  const out: Command[] = SIMPLE_VERBS.map((verb) => ({ verb }));
  for (const id of ids) {
    for (const verb of REQUEST_VERBS) out.push({ verb, requestId: id });
    out.push({ verb: "village", villageId: id });
    out.push({ verb: "commune", communeId: id });
    for (const rating of [1, 2, 3, 4, 5] as const) out.push({ verb: "rate", requestId: id, rating });
    for (const outcomeCode of Object.values(OUTCOME_CODES).flat())
      out.push({ verb: "outcome", requestId: id, outcomeCode });
  }
  for (const code of Object.values(CATEGORIES_BY_KIND).flat()) out.push({ verb: "category", code });
  for (const mode of MEETING_MODES) out.push({ verb: "meet", mode });
  return out;
}

describe("formatCommand", () => {
  it("builds the payloads the grammar documents", () => {
    expect(formatCommand({ verb: "claim", requestId: 12 })).toBe("#claim 12");
    expect(formatCommand({ verb: "rate", requestId: 12, rating: 4 })).toBe("#rate 12 4");
    expect(formatCommand({ verb: "outcome", requestId: 3, outcomeCode: "dossier_submitted" })).toBe(
      "#outcome 3 dossier_submitted",
    );
    expect(formatCommand({ verb: "meet", mode: "one_stop" })).toBe("#meet one_stop");
    expect(formatCommand({ verb: "village-search" })).toBe("#village-search");
  });

  it("round-trips: parseCommand(formatCommand(c)) deep-equals c", () => {
    const commands = allCommands();
    expect(commands.length).toBeGreaterThan(200);
    for (const command of commands) expect(parseCommand(formatCommand(command))).toEqual(command);
  });

  it("round-trips through upper case and padding too", () => {
    for (const command of allCommands()) {
      const payload = `  ${formatCommand(command).toUpperCase().replace(/ /g, "   ")} `;
      expect(parseCommand(payload)).toEqual(command);
    }
  });

  it("keeps payloads short enough for a Zalo button", () => {
    for (const command of allCommands()) expect(formatCommand(command).length).toBeLessThanOrEqual(60);
  });
});
