import { createHmac, hash, randomBytes } from 'node:crypto';

/**
 * Pseudonyms for direct identifiers (participant names, e-mails, employee ids). A pseudonym is the keyed
 * HMAC-SHA256 of the normalised value under the project's secret key, with one domain per column, so
 *  - the same person gets the same pseudonym in every import of the project (stable),
 *  - the same e-mail in two columns (domains) gets two unrelated pseudonyms (no linking across columns),
 *  - without the key nobody can test a guess ("is P-7K3Q9 alice@example.org?"), unlike a plain hash.
 * The code is shown in Crockford's base 32 (no I, L, O, U: nothing to misread or to spell a word).
 */

export const PSEUDONYM_KEY_BYTES = 32;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type IdentifierKind = 'email' | 'name' | 'id' | 'text';

export function newPseudonymKey(): Buffer {
  return randomBytes(PSEUDONYM_KEY_BYTES);
}

/**
 * The same person must give the same input whatever the spreadsheet did to it: Unicode NFKC, trimmed,
 * inner white space collapsed; e-mails case-folded whole (providers treat the local part case-insensitively
 * in practice); names case-folded and stripped of accents ("José" = "JOSE"); ids upper-cased without spaces.
 */
export function normaliseIdentifier(value: string, kind: IdentifierKind): string {
  const base = value.normalize('NFKC').trim().replace(/\s+/gu, ' ');
  switch (kind) {
    case 'email':
      return base.toLowerCase().replace(/^mailto:/, '');
    case 'name':
      return base.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase().replace(/[’]/g, "'");
    case 'id':
      return base.toUpperCase().replace(/[\s-]/g, '');
    case 'text':
      return base;
  }
}

export function crockfordBase32(bytes: Uint8Array, characters: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < characters) {
      bits -= 5;
      out += CROCKFORD[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
    if (out.length >= characters) break;
  }
  return out;
}

/** The message a pseudonym's HMAC is taken of. Length-prefixed so ("ab", "c") and ("a", "bc") never collide. */
function pseudonymMessage(domain: string, normalised: string): string {
  return `confidant-pseudonym-v1\u0000${domain.length}:${domain}\u0000${normalised}`;
}

export function keyedDigest(key: Uint8Array, domain: string, normalised: string): Buffer {
  if (key.length < 16) throw new Error('A pseudonym key must be at least 16 bytes.');
  return createHmac('sha256', key).update(pseudonymMessage(domain, normalised)).digest();
}

/**
 * `keyedDigest` for many values under one key, as an import needs: HMAC-SHA256 (RFC 2104) computed from
 * the key's inner and outer pads, prepared once, with one-shot hashes: the same digests, several times faster
 * than a new Hmac object per value.
 */
export function keyedDigester(key: Uint8Array): (domain: string, normalised: string) => Buffer {
  if (key.length < 16 || key.length > 64) throw new Error('A pseudonym key must be 16 to 64 bytes.');
  const inner = Buffer.alloc(64, 0x36);
  const outer = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < key.length; i++) {
    inner[i]! ^= key[i]!;
    outer[i]! ^= key[i]!;
  }
  // The pad and the message are written into one buffer kept between calls: a million-row import digests
  // two million identifiers, and a buffer or two fewer for each is garbage the collector never sees.
  let innerInput = Buffer.alloc(256);
  inner.copy(innerInput);
  const outerInput = Buffer.alloc(64 + 32);
  outer.copy(outerInput);
  return (domain, normalised) => {
    const message = pseudonymMessage(domain, normalised);
    const length = 64 + Buffer.byteLength(message);
    if (length > innerInput.length) {
      innerInput = Buffer.alloc(2 * length);
      inner.copy(innerInput);
    }
    innerInput.write(message, 64, 'utf8');
    hash('sha256', innerInput.subarray(0, length), 'buffer').copy(outerInput, 64);
    return hash('sha256', outerInput, 'buffer');
  };
}

export interface PseudonymOptions {
  /** What the code starts with: "P" for participants, "M" for mentors ... */
  prefix?: string;
  /** Characters of base 32 (5 bits each). 6 gives a billion codes: collisions are unlikely below 10,000 people. */
  length?: number;
  kind?: IdentifierKind;
}

/** `P-7K3Q9X`: the readable pseudonym of `value` in `domain` (e.g. "roster.email") under the project key. */
export function pseudonymFor(
  key: Uint8Array,
  domain: string,
  value: string,
  options: PseudonymOptions = {},
): string {
  const length = options.length ?? 6;
  if (length < 4 || length > 20) throw new Error('A pseudonym has 4 to 20 characters.');
  const digest = keyedDigest(key, domain, normaliseIdentifier(value, options.kind ?? 'text'));
  const code = crockfordBase32(digest, length);
  return options.prefix === '' ? code : `${options.prefix ?? 'P'}-${code}`;
}

/**
 * Pseudonyms for a whole column, with a check that no two different people were given the same code
 * (improbable but possible with short codes): the caller must then choose a longer length for the column.
 */
export function pseudonymiseColumn(
  key: Uint8Array,
  domain: string,
  values: readonly string[],
  options: PseudonymOptions = {},
): { pseudonyms: string[]; collisions: string[] } {
  const kind = options.kind ?? 'text';
  const owner = new Map<string, string>();
  const collisions = new Set<string>();
  const pseudonyms = values.map((value) => {
    const pseudonym = pseudonymFor(key, domain, value, options);
    const normalised = normaliseIdentifier(value, kind);
    const existing = owner.get(pseudonym);
    if (existing !== undefined && existing !== normalised) collisions.add(pseudonym);
    owner.set(pseudonym, normalised);
    return pseudonym;
  });
  return { pseudonyms, collisions: [...collisions] };
}
