import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf } from './characters';

/** Network card (MAC) addresses: six hex pairs split by ':' or '-' (one kind), or Cisco's three dotted quads. */
const MAC =
  /(?<![\w:.-])(?:[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)/g;

export const detectMacAddresses: Detector = (text) => {
  const found: PiiFinding[] = [];
  for (const match of matchesOf(MAC, text)) {
    const hex = match[0].replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
    if (hex === 'ffffffffffff' || hex === '000000000000') continue;
    found.push(finding(match.index, match.index + match[0].length, 'MAC_ADDRESS', 0.8, 'MAC address format'));
  }
  return found;
};
