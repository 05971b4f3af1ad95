/** Texts as older readers expect them: short paragraphs, unit names inside sentences (dates: lib/dates.ts). */

/** Paragraphs of a body written with blank lines between them. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "Xã Cẩm Thanh" → "xã Cẩm Thanh", as written inside a sentence ("UBND xã Cẩm Thanh"). */
export function inSentence(unitName: string): string {
  return unitName.replace(/^(Xã|Phường|Thị trấn)(?= )/, (word) => word.toLowerCase());
}
