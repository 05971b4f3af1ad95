/**
 * Matching a village name typed by a resident ("t3", "thon mot", "kp2 cam pho") against the
 * villages we know. Village names are mostly a kind word plus a number ("Thôn 3", "Khối phố 2",
 * "Tổ dân phố 5"), so we compare (kind, number) pairs rather than strings, and let the commune
 * name, when given, choose between communes that both have a "Thôn 3".
 */
import { foldVietnamese } from "@cau-noi/shared";
import { tokenMatches } from "./understand";

export interface VillageCandidate {
  id: number;
  name: string;
  communeName: string;
}

export interface VillageMatch {
  id: number;
  score: number;
}

type VillageKind = "thon" | "ap" | "ban" | "xom" | "khoi_pho" | "khu_pho" | "to_dan_pho" | "khom" | "khu";

/** Rural and urban kinds: "ấp 4" typed in a commune of "Thôn"s still means its Thôn 4. */
const RURAL: ReadonlySet<VillageKind> = new Set(["thon", "ap", "ban", "xom"]);

/** Kind words as residents type them (folded), longest first so "khoi pho" wins over "khoi". */
const KIND_ALIASES: ReadonlyArray<readonly [alias: string, kinds: readonly VillageKind[]]> = [
  ["to dan pho", ["to_dan_pho"]],
  ["khu dan cu", ["khu"]],
  ["khoi pho", ["khoi_pho"]],
  ["khu pho", ["khu_pho"]],
  ["thon", ["thon"]],
  ["th", ["thon"]],
  ["t", ["thon"]],
  ["khoi", ["khoi_pho"]],
  ["kp", ["khoi_pho", "khu_pho"]],
  ["tdp", ["to_dan_pho"]],
  ["to", ["to_dan_pho"]],
  ["kdc", ["khu"]],
  ["khu", ["khu"]],
  ["khom", ["khom"]],
  ["ap", ["ap"]],
  ["ban", ["ban"]],
  ["xom", ["xom"]],
];

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};

/** Administrative prefixes of commune names, dropped so "Xã Cẩm Thanh" is found as "cẩm thanh". */
const COMMUNE_PREFIXES = ["thi tran", "phuong", "xa", "tt"];

/** Scores, each with its reason. */
const SCORE_SAME_KIND = 0.8;
const SCORE_SAME_GROUP = 0.7; // "ấp 4" for a "Thôn 4": same rural family, different word
const SCORE_OTHER_KIND = 0.5; // "thôn 2" for a "Khối phố 2": the number is right, the word is not
const SCORE_NUMBER_ONLY = 0.5; // just "3"
const SCORE_NAMED = 0.8; // a village with a proper name ("Thôn Phú Mỹ") found by its name
const SCORE_COMMUNE_ONLY = 0.4; // only the commune was given: list its villages
const COMMUNE_BONUS = 0.2;
/** Candidates this far below the best are noise ("thôn 3" need not offer "Khối phố 3"). */
const KEEP_WITHIN = 0.15;

/** Folds and splits, separating glued numbers: "kp2" → "kp 2", "t3" → "t 3". */
function tokenise(text: string): string[] {
  return foldVietnamese(text)
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(/(\d)([a-z])/g, "$1 $2")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A number at `i`: digits, or words up to 99 ("mười lăm" 15, "hai mươi" 20, "hai mươi mốt" 21). */
function numberAt(tokens: readonly string[], i: number): { value: number; length: number } | undefined {
  const first = tokens[i];
  if (first === undefined) return undefined;
  if (/^\d{1,4}$/.test(first)) return { value: Number(first), length: 1 };
  const unit = (token: string | undefined): number | undefined =>
    token === undefined ? undefined : NUMBER_WORDS[token];
  let tens = 0;
  let length = 0;
  if (first === "muoi") {
    tens = 1;
    length = 1;
  } else if (unit(first) !== undefined && (tokens[i + 1] === "muoi" || tokens[i + 1] === "chuc")) {
    tens = unit(first) ?? 0;
    length = 2;
  }
  if (length === 0) {
    const value = unit(first);
    return value === undefined ? undefined : { value, length: 1 };
  }
  const ones = unit(tokens[i + length]);
  return ones === undefined ? { value: tens * 10, length } : { value: tens * 10 + ones, length: length + 1 };
}

/** A kind word at `i` ("khoi pho", "kp", "t"), with how many tokens it spans. */
function kindAt(
  tokens: readonly string[],
  i: number,
): { kinds: readonly VillageKind[]; length: number } | undefined {
  for (const [alias, kinds] of KIND_ALIASES) {
    const words = alias.split(" ");
    if (words.every((word, k) => tokens[i + k] === word)) return { kinds, length: words.length };
  }
  return undefined;
}

interface VillageRef {
  kinds?: readonly VillageKind[];
  number: number;
}

/** Every "kind number" pair in the text; number words count only after a kind word. */
function findRefs(tokens: readonly string[]): VillageRef[] {
  const refs: VillageRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const kind = kindAt(tokens, i);
    if (!kind) continue;
    const num = numberAt(tokens, i + kind.length);
    if (num) refs.push({ kinds: kind.kinds, number: num.value });
  }
  if (refs.length > 0) return refs;
  // Without a kind word only bare digits are trusted: "ba" or "năm" alone is too often a word.
  return tokens.filter((t) => /^\d{1,4}$/.test(t)).map((t) => ({ number: Number(t) }));
}

interface ParsedVillage {
  candidate: VillageCandidate;
  kind?: VillageKind;
  number?: number;
  /** Name tokens after the kind word, when the village has a proper name instead of a number. */
  nameTokens: string[];
  communeTokens: string[];
}

function parseVillage(candidate: VillageCandidate): ParsedVillage {
  const tokens = tokenise(candidate.name);
  const kind = kindAt(tokens, 0);
  const rest = kind ? tokens.slice(kind.length) : tokens;
  const num = numberAt(rest, 0);
  const isNumbered = num !== undefined && num.length === rest.length;
  return {
    candidate,
    kind: kind?.kinds[0],
    number: isNumbered ? num.value : undefined,
    nameTokens: isNumbered ? [] : rest,
    communeTokens: communeTokens(candidate.communeName),
  };
}

function communeTokens(communeName: string): string[] {
  const tokens = tokenise(communeName);
  for (const prefix of COMMUNE_PREFIXES) {
    const words = prefix.split(" ");
    const rest = tokens.slice(words.length);
    // "Phường 3" keeps its prefix: a bare "3" would match every number in the message.
    if (words.every((w, k) => tokens[k] === w) && rest.some((t) => !/^\d+$/.test(t))) return rest;
  }
  return tokens;
}

/** The words appear in order, side by side, each exact or one typo away; or glued ("camthanh"). */
function containsWords(tokens: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const joined = words.join("");
  return tokens.some(
    (_, i) =>
      words.every((word, k) => {
        const token = tokens[i + k];
        return token !== undefined && tokenMatches(token, word);
      }) || tokenMatches(tokens[i] ?? "", joined),
  );
}

function kindScore(ref: VillageRef, kind: VillageKind | undefined): number {
  if (!ref.kinds) return SCORE_NUMBER_ONLY;
  if (kind && ref.kinds.includes(kind)) return SCORE_SAME_KIND;
  if (kind && ref.kinds.some((k) => RURAL.has(k) === RURAL.has(kind))) return SCORE_SAME_GROUP;
  return SCORE_OTHER_KIND;
}

/** The score of one village against the message, before the commune is considered; 0 = no. */
function baseScore(village: ParsedVillage, tokens: readonly string[], refs: readonly VillageRef[]): number {
  if (village.number === undefined) return containsWords(tokens, village.nameTokens) ? SCORE_NAMED : 0;
  return Math.max(
    0,
    ...refs.filter((ref) => ref.number === village.number).map((r) => kindScore(r, village.kind)),
  );
}

/**
 * Villages the text plausibly names, best first; empty when none. When the same "Thôn 3" exists in
 * two communes and no commune is named, both come back with equal scores: the caller asks which.
 */
export function matchVillage(text: string, villages: readonly VillageCandidate[]): VillageMatch[] {
  const tokens = tokenise(text);
  if (tokens.length === 0) return [];
  const parsed = villages.map(parseVillage);
  const refs = findRefs(tokens);
  const named = new Set(
    parsed.filter((v) => containsWords(tokens, v.communeTokens)).map((v) => v.candidate.communeName),
  );

  const scored = parsed.map((village) => {
    let score = baseScore(village, tokens, refs);
    if (named.size > 0) {
      // A commune was named: villages elsewhere are out; its own villages gain.
      if (!named.has(village.candidate.communeName)) score = 0;
      else if (score > 0) score += COMMUNE_BONUS;
    }
    return { id: village.candidate.id, score };
  });

  let found = scored.filter((m) => m.score > 0);
  if (found.length === 0 && named.size > 0 && refs.length === 0) {
    found = parsed
      .filter((v) => named.has(v.candidate.communeName))
      .map((v) => ({ id: v.candidate.id, score: SCORE_COMMUNE_ONLY }));
  }
  const best = Math.max(0, ...found.map((m) => m.score));
  return found
    .filter((m) => m.score >= best - KEEP_WITHIN)
    .map((m) => ({ id: m.id, score: Math.round(Math.min(1, m.score) * 100) / 100 }))
    .sort((a, b) => b.score - a.score);
}
