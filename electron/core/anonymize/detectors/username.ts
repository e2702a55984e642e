import { finding, type Detector, type PiiFinding } from '../finding';
import { matchesOf } from './characters';

/**
 * @handles ("@dan_k", "@MariaLopez88"): a user name on a social network, chat or forum identifies its owner as
 * surely as a name. An '@' inside a word is an e-mail address (its own detector), so the handle must start
 * a word; handles are 2 to 30 letters, digits and underscores, with dots inside ("@siobhan.m").
 */
const HANDLE =
  /(?<![\p{L}\p{N}_.@+-])@[\p{L}\p{N}_](?:[\p{L}\p{N}_]|\.(?=[\p{L}\p{N}_])){1,29}(?![\p{L}\p{N}_@])/gu;

export const detectUsernames: Detector = (text) => {
  const found: PiiFinding[] = [];
  if (!text.includes('@')) return found;
  for (const match of matchesOf(HANDLE, text)) {
    if (/^@\d+$/.test(match[0])) continue; // "@10" is a price or a time, not a handle
    found.push(finding(match.index, match.index + match[0].length, 'USERNAME', 0.85, '@handle'));
  }
  return found;
};
