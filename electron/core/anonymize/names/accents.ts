const NAME_LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

/** "björn" -> "bjorn", "søren" -> "soren": the word lists spell most names without accents. */
export function withoutAccents(lower: string): string {
  let ascii = true;
  for (let i = 0; i < lower.length && ascii; i += 1) ascii = lower.charCodeAt(i) < 128;
  if (ascii) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłđæœßı]/g, (c) => NAME_LETTERS[c] ?? c);
}
