/**
 * JavaScript indexes strings in UTF-16 code units; the outside world (Presidio, the CLI, other tools) counts
 * Unicode code points. An emoji is two code units and one code point.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

export function hasAstralCharacters(text: string): boolean {
  return SURROGATE.test(text);
}

/** A high surrogate followed by a low one: two code units, one code point. */
function startsSurrogatePair(text: string, unit: number): boolean {
  const code = text.charCodeAt(unit);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00;
}

/**
 * Maps UTF-16 offsets to code-point offsets in one pass over the text, for any number of offsets.
 * Offsets inside a surrogate pair are mapped to the code point that pair encodes.
 */
export function utf16ToCodePointOffsets(text: string, offsets: readonly number[]): number[] {
  if (!hasAstralCharacters(text)) return offsets.slice();
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const out = new Array<number>(offsets.length);
  let unit = 0;
  let point = 0;
  for (const i of order) {
    const target = offsets[i]!;
    while (unit < target && unit < text.length) {
      const isPair = startsSurrogatePair(text, unit);
      if (isPair && unit + 2 > target) break;
      unit += isPair ? 2 : 1;
      point += 1;
    }
    out[i] = point;
  }
  return out;
}

/** The inverse: code-point offsets to UTF-16 offsets (for applying findings that came from outside). */
export function codePointToUtf16Offsets(text: string, offsets: readonly number[]): number[] {
  if (!hasAstralCharacters(text)) return offsets.slice();
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const out = new Array<number>(offsets.length);
  let unit = 0;
  let point = 0;
  for (const i of order) {
    const target = offsets[i]!;
    while (point < target && unit < text.length) {
      const isPair = startsSurrogatePair(text, unit);
      unit += isPair ? 2 : 1;
      point += 1;
    }
    out[i] = unit;
  }
  return out;
}
