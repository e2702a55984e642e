import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf } from './characters';

/** Network card (MAC) addresses: six hex pairs split by ':' or '-' (one kind), or Cisco's three dotted quads. */
const MAC =
  /(?<![\w:.-])(?:[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)/g;

/** Separators that can be the third (':' '-') or fifth ('.') character of a MAC address. */
const SEPARATOR = /[:.-]/g;
const MAC_AT = new RegExp(MAC.source, 'y');

/**
 * The MAC regex is tried only where a separator sits two (or four) characters in, not at every hex letter
 * of the text ("a" to "f" are a quarter of English letters).
 */
function* macCandidates(text: string): Generator<RegExpExecArray> {
  let resumeAt = 0;
  for (const separator of matchesOf(SEPARATOR, text)) {
    const offsets = separator[0] === '.' ? [4] : [2];
    for (const back of offsets) {
      const start = separator.index - back;
      if (start < resumeAt) continue;
      MAC_AT.lastIndex = start;
      const match = MAC_AT.exec(text);
      if (match) {
        resumeAt = start + match[0].length;
        yield match;
      }
    }
  }
}

export const detectMacAddresses: Detector = (text) => {
  const found: PiiFinding[] = [];
  for (const match of macCandidates(text)) {
    const hex = match[0].replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
    if (hex === 'ffffffffffff' || hex === '000000000000') continue;
    found.push(finding(match.index, match.index + match[0].length, 'MAC_ADDRESS', 0.8, 'MAC address format'));
  }
  return found;
};
