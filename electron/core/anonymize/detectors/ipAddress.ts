import { isIPv6 } from 'node:net';
import { finding, type Detector, type PiiFinding } from '../finding';
import { isWordCharAt, matchesOf } from './characters';

/**
 * IP addresses, v4 and v6, with an optional CIDR prefix or (v6) zone. IPv4 is a strict octet regex.
 * IPv6 is found as maximal runs of hex digits, colons and dots (one greedy class: linear), which are then
 * trimmed and checked by Node's own parser; a run glued to a letter on either side is not an address.
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\d|[A-Za-z_])(?:/(\\d{1,2})(?!\\d))?`, 'g');
const MAX_RUN = 61;

function isHexColonOrDot(code: number): boolean {
  return (
    (code >= 48 && code <= 58) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102) || code === 46
  );
}

/**
 * Maximal runs of hex digits, colons and dots that contain a colon, found from each colon outwards (colons are
 * rare in prose; hex letters are a quarter of it). Runs longer than an address are split, as a bounded regex would.
 */
function* hexRuns(text: string): Generator<{ index: number; run: string }> {
  let resumeAt = 0;
  for (
    let colon = text.indexOf(':');
    colon !== -1;
    colon = text.indexOf(':', Math.max(colon + 1, resumeAt))
  ) {
    let start = colon;
    while (start > resumeAt && colon - start < MAX_RUN && isHexColonOrDot(text.charCodeAt(start - 1)))
      start -= 1;
    // A run starts with a hex digit or a colon, never a dot.
    while (start < colon && text.charCodeAt(start) === 46) start += 1;
    let end = colon + 1;
    while (end < text.length && end - start < MAX_RUN && isHexColonOrDot(text.charCodeAt(end))) end += 1;
    resumeAt = end;
    if (end - start >= 2) yield { index: start, run: text.slice(start, end) };
  }
}

function ipv4Findings(text: string, found: PiiFinding[]): void {
  for (const match of matchesOf(IPV4, text)) {
    let length = match[0].length;
    const prefix = match[1];
    if (prefix !== undefined && Number(prefix) > 32) length -= prefix.length + 1;
    found.push(finding(match.index, match.index + length, 'IP_ADDRESS', 0.95, 'IPv4 address'));
  }
}

function ipv6Findings(text: string, found: PiiFinding[]): void {
  for (const { index, run } of hexRuns(text)) {
    let candidate = run;
    while (candidate.endsWith('.')) candidate = candidate.slice(0, -1);
    const start = index;
    if (isWordCharAt(text, start - 1)) continue;
    let end = start + candidate.length;
    if (end === index + run.length && isWordCharAt(text, end)) continue;
    if (!isIPv6(candidate)) continue;
    const tail = /^(?:%[A-Za-z0-9]{1,15}|\/(\d{1,3})(?!\d))/.exec(text.slice(end, end + 17));
    if (tail) {
      const prefix = tail[1];
      if (prefix === undefined || Number(prefix) <= 128) end += tail[0].length;
    }
    found.push(finding(start, end, 'IP_ADDRESS', 0.95, 'IPv6 address'));
  }
}

export const detectIpAddresses: Detector = (text) => {
  const found: PiiFinding[] = [];
  ipv4Findings(text, found);
  if (text.includes(':')) ipv6Findings(text, found);
  return found;
};
