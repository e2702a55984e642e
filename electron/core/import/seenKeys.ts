import { hash } from 'node:crypto';

/**
 * Remembers which keys (participant ids, response ids) a file has used so far, and in which row, in a few
 * bytes per key: a million-row import must not hold a million strings to find its duplicates. Each key is
 * kept as 64 bits of its SHA-256 in an open-addressing table; two different keys share those 64 bits with a
 * chance of about one in 10^7 for a million keys, so a duplicate reported is, in practice, a duplicate.
 */
export class SeenKeys {
  private fingerprints = new BigUint64Array(1 << 12);
  private rows = new Uint32Array(1 << 12);
  private count = 0;

  /** Records `key` as seen in `row`; returns the row it was first seen in when it was seen before. */
  see(key: string, row: number): number | undefined {
    if ((this.count + 1) * 2 > this.fingerprints.length) this.grow();
    const fingerprint = SeenKeys.fingerprint(key);
    const slot = this.slotOf(fingerprint);
    if (this.fingerprints[slot] === fingerprint) return this.rows[slot];
    this.fingerprints[slot] = fingerprint;
    this.rows[slot] = row;
    this.count++;
    return undefined;
  }

  get size(): number {
    return this.count;
  }

  /** 64 bits of the key's SHA-256; never 0, which marks an empty slot. */
  private static fingerprint(key: string): bigint {
    const value = hash('sha256', key, 'buffer').readBigUInt64LE(0);
    return value === 0n ? 1n : value;
  }

  /** The slot holding `fingerprint`, or the empty slot where it belongs (linear probing). */
  private slotOf(fingerprint: bigint): number {
    const mask = this.fingerprints.length - 1;
    let slot = Number(fingerprint & BigInt(mask));
    while (this.fingerprints[slot] !== 0n && this.fingerprints[slot] !== fingerprint)
      slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const fingerprints = this.fingerprints;
    const rows = this.rows;
    this.fingerprints = new BigUint64Array(fingerprints.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    fingerprints.forEach((fingerprint, index) => {
      if (fingerprint === 0n) return;
      const slot = this.slotOf(fingerprint);
      this.fingerprints[slot] = fingerprint;
      this.rows[slot] = rows[index]!;
    });
  }
}
