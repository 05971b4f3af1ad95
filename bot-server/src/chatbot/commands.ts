/**
 * Commands: button payloads and typed shortcuts.
 *
 * Zalo `oa.query.hide` buttons send their payload back as an ordinary `user_send_text`, so a
 * payload is just text in a tiny grammar, `#<verb> [args]`. Members may also type the common
 * actions in Vietnamese ("nhận 123", "xong 123"). Parsing never throws: anything that does not fit
 * the grammar exactly is `undefined` and falls through to free-text understanding.
 */
import {
  CATEGORIES_BY_KIND,
  foldVietnamese,
  MEETING_MODES,
  type MeetingMode,
  OUTCOME_CODES,
  type RequestKind,
} from "@cau-noi/shared";

export type OutcomeCode = (typeof OUTCOME_CODES)[RequestKind][number];
export type CategoryCode = (typeof CATEGORIES_BY_KIND)[RequestKind][number];
export type Rating = 1 | 2 | 3 | 4 | 5;

/** Verbs without arguments: menu entries and conversation controls. */
export const SIMPLE_VERBS = [
  "menu",
  "help",
  "report",
  "question",
  "mine",
  "announcements",
  "contacts",
  "app",
  "human",
  "village-search",
  "cancel",
  "skip",
  "ask-staff",
  "submit",
] as const;
export type SimpleVerb = (typeof SIMPLE_VERBS)[number];

/** Verbs acting on one request. */
export const REQUEST_VERBS = ["claim", "start", "done", "release", "notdone"] as const;
export type RequestVerb = (typeof REQUEST_VERBS)[number];

export type Command =
  | { verb: SimpleVerb }
  | { verb: RequestVerb; requestId: number }
  | { verb: "village"; villageId: number }
  | { verb: "commune"; communeId: number }
  | { verb: "outcome"; requestId: number; outcomeCode: OutcomeCode }
  | { verb: "rate"; requestId: number; rating: Rating }
  | { verb: "category"; code: CategoryCode }
  | { verb: "meet"; mode: MeetingMode };

const OUTCOME_SET: ReadonlySet<string> = new Set(Object.values(OUTCOME_CODES).flat());
const CATEGORY_SET: ReadonlySet<string> = new Set(Object.values(CATEGORIES_BY_KIND).flat());
const MEETING_SET: ReadonlySet<string> = new Set(MEETING_MODES);

const isOutcome = (s: string): s is OutcomeCode => OUTCOME_SET.has(s);
const isCategory = (s: string): s is CategoryCode => CATEGORY_SET.has(s);
const isMeetingMode = (s: string): s is MeetingMode => MEETING_SET.has(s);
const isSimpleVerb = (s: string): s is SimpleVerb => (SIMPLE_VERBS as readonly string[]).includes(s);
const isRequestVerb = (s: string): s is RequestVerb => (REQUEST_VERBS as readonly string[]).includes(s);

/**
 * A positive integer id, optionally written "#123" as residents see ids on screen. Leading zeros
 * and unsafe integers are refused so that the id we act on is exactly the one the button carried.
 */
export function parseId(text: string | undefined): number | undefined {
  const match = /^#?([1-9]\d{0,15})$/.exec(text ?? "");
  if (!match?.[1]) return undefined;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) ? id : undefined;
}

function parseRating(text: string | undefined): Rating | undefined {
  return text !== undefined && /^[1-5]$/.test(text) ? (Number(text) as Rating) : undefined;
}

/** `#verb` commands, after folding; `verb` is normalised so "ask_staff" and "ask-staff" agree. */
function parseHashCommand(verb: string, args: readonly string[]): Command | undefined {
  const [first, second] = args;
  if (isSimpleVerb(verb)) return args.length === 0 ? { verb } : undefined;
  if (isRequestVerb(verb)) {
    const requestId = args.length === 1 ? parseId(first) : undefined;
    return requestId === undefined ? undefined : { verb, requestId };
  }
  switch (verb) {
    case "village": {
      const villageId = args.length === 1 ? parseId(first) : undefined;
      return villageId === undefined ? undefined : { verb, villageId };
    }
    case "commune": {
      const communeId = args.length === 1 ? parseId(first) : undefined;
      return communeId === undefined ? undefined : { verb, communeId };
    }
    case "outcome": {
      const requestId = args.length === 2 ? parseId(first) : undefined;
      if (requestId === undefined || second === undefined || !isOutcome(second)) return undefined;
      return { verb, requestId, outcomeCode: second };
    }
    case "rate": {
      const requestId = args.length === 2 ? parseId(first) : undefined;
      const rating = parseRating(second);
      return requestId === undefined || rating === undefined ? undefined : { verb, requestId, rating };
    }
    case "category":
      return args.length === 1 && first !== undefined && isCategory(first)
        ? { verb, code: first }
        : undefined;
    case "meet":
      return args.length === 1 && first !== undefined && isMeetingMode(first)
        ? { verb, mode: first }
        : undefined;
    default:
      return undefined;
  }
}

/** Typed member shortcuts, folded: "nhận 123", "trả lại #123", "bắt đầu yêu cầu 123". */
const TYPED_VERBS: ReadonlyArray<readonly [words: string, verb: RequestVerb]> = [
  ["nhan", "claim"],
  ["nhan viec", "claim"],
  ["tiep nhan", "claim"],
  ["bat dau", "start"],
  ["bat dau lam", "start"],
  ["xong", "done"],
  ["da xong", "done"],
  ["hoan thanh", "done"],
  ["tra", "release"],
  ["tra lai", "release"],
  ["chua xong", "notdone"],
];

/** Words a member may put between the verb and the id without changing the meaning. */
const ID_PREFIXES = new Set(["yeu cau", "yc", "viec", "so", "don"]);

function parseTypedCommand(folded: string): Command | undefined {
  const words = folded.replace(/#/g, " ").trim().split(" ").filter(Boolean);
  const requestId = parseId(words.at(-1));
  if (requestId === undefined) return undefined;
  const head = words.slice(0, -1).join(" ");
  for (const [verbWords, verb] of TYPED_VERBS) {
    if (head === verbWords) return { verb, requestId };
    if (head.startsWith(`${verbWords} `) && ID_PREFIXES.has(head.slice(verbWords.length + 1))) {
      return { verb, requestId };
    }
  }
  return undefined;
}

/** Parses a button payload or a typed command; `undefined` when the text is not a command. */
export function parseCommand(text: string): Command | undefined {
  if (typeof text !== "string" || text.length > 200) return undefined;
  const folded = foldVietnamese(text);
  const hash = /^#\s*([a-z][a-z_-]*)((?: \S+)*)$/.exec(folded);
  if (hash?.[1] !== undefined) {
    const verb = hash[1].replace(/_/g, "-");
    const args = (hash[2] ?? "").split(" ").filter(Boolean);
    const parsed = parseHashCommand(verb, args);
    if (parsed) return parsed;
  }
  return parseTypedCommand(folded);
}

/** The payload for a button; `parseCommand(formatCommand(c))` deep-equals `c`. */
export function formatCommand(cmd: Command): string {
  switch (cmd.verb) {
    case "village":
      return `#village ${cmd.villageId}`;
    case "commune":
      return `#commune ${cmd.communeId}`;
    case "outcome":
      return `#outcome ${cmd.requestId} ${cmd.outcomeCode}`;
    case "rate":
      return `#rate ${cmd.requestId} ${cmd.rating}`;
    case "category":
      return `#category ${cmd.code}`;
    case "meet":
      return `#meet ${cmd.mode}`;
    default:
      return "requestId" in cmd ? `#${cmd.verb} ${cmd.requestId}` : `#${cmd.verb}`;
  }
}
